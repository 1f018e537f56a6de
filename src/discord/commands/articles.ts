/** `/articles`: what is indexed (title, id, source, date, paragraphs); open to everyone, shown privately. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { presentArticleList } from "../content-presentation.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize } from "../i18n/index.js";

export const data = localize(new SlashCommandBuilder(), commandTexts.articles);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  await interaction.reply({ ...presentArticleList(context.qa.status(), lang), flags: MessageFlags.Ephemeral });
}
