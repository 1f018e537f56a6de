/** `/ask question:<text> [public:<bool>]`: answers with verbatim, cited excerpts. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { answerMessage, askService, screenQuestion } from "../ask-flow.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize } from "../i18n.js";
import { presentNotice } from "../presentation.js";

const texts = commandTexts.ask;

export const data = localize(new SlashCommandBuilder(), texts)
  // The length limit is declared at deployment, from MAX_QUESTION_LENGTH (see commandPayloads); the bot checks it too.
  .addStringOption((option) => localize(option, texts.options.question).setRequired(true))
  .addBooleanOption((option) => localize(option, texts.options.public).setRequired(false));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const raw = interaction.options.getString(texts.options.question.en.name, true);
  const isPublic = interaction.options.getBoolean(texts.options.public.en.name) ?? true;

  const screening = screenQuestion(raw, interaction.user.id, context, lang);
  if (!screening.ok) {
    await interaction.reply({ ...presentNotice(screening.notice), flags: MessageFlags.Ephemeral });
    return;
  }
  // Retrieval may take longer than Discord's 3-second window: acknowledge first.
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  const answer = await askService(screening.question, context, { guild: interaction.guildId, command: "ask" });
  const reply = await interaction.editReply(answerMessage(answer, context, lang));
  if (answer.answered) context.recentAnswers.remember(reply.id, { question: answer.question });
}
