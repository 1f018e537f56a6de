/** `/about`: articles, retrieval mode, model and index build time. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize } from "../i18n/index.js";
import { presentAbout } from "../presentation/index.js";

export const data = localize(new SlashCommandBuilder(), commandTexts.about);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  await interaction.reply({ ...presentAbout(context.qa.status(), lang), flags: MessageFlags.Ephemeral });
}
