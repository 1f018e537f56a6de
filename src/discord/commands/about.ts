/** `/about`: articles, retrieval mode, model, index build time and version, and the shard answering. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize } from "../i18n/index.js";
import { presentAbout } from "../presentation/index.js";

export const data = localize(new SlashCommandBuilder(), commandTexts.about);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const shard = interaction.client.shard;
  const placement = shard ? { ids: shard.ids, count: shard.count } : { ids: [interaction.guild?.shardId ?? 0], count: 1 };
  await interaction.reply({ ...presentAbout(context.qa.status(), lang, placement), flags: MessageFlags.Ephemeral });
}
