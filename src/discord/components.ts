/** Button handlers: "read ¶" (ephemeral paragraph), 👍/👎 feedback, and confirming an article removal. */
import { MessageFlags, type ButtonInteraction } from "discord.js";
import { handleRemovalButton } from "./commands/remove-article.js";
import type { BotContext } from "./context.js";
import { parseCustomId, resolveArticleKey, type ComponentAction } from "./custom-ids.js";
import type { FeedbackRecord } from "./feedback.js";
import { langFromLocale, messages } from "./i18n/index.js";
import { presentNotice, presentParagraph, questionFromAnswerEmbed } from "./presentation/index.js";

/** Handles a button and returns which kind it was (for the log). */
export async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<string> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang);
  const action = parseCustomId(interaction.customId);
  if (!action) {
    await interaction.reply({ ...presentNotice(text.unknownButton), flags: MessageFlags.Ephemeral });
    return "unknown";
  }
  if (action.kind === "paragraph") {
    const articleIds = context.qa.articles().map((article) => article.id);
    const articleId = resolveArticleKey(action.articleKey, articleIds);
    const lookup = articleId === null ? null : context.qa.source(action.paragraph, articleId);
    const payload = lookup ? presentParagraph(lookup, lang) : presentNotice(text.paragraphGone);
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    return "paragraph";
  }
  if (action.kind === "removal") {
    await handleRemovalButton(interaction, action, context);
    return `removal_${action.decision}`;
  }
  await recordFeedback(interaction, action, context);
  return "feedback";
}

async function recordFeedback(interaction: ButtonInteraction, action: Extract<ComponentAction, { kind: "feedback" }>, context: BotContext): Promise<void> {
  const text = messages(langFromLocale(interaction.locale));
  const messageId = interaction.message.id;
  const remembered = context.recentAnswers.get(messageId);
  const fromEmbed = remembered ? null : questionFromAnswerEmbed(interaction.message.embeds[0] ?? undefined);
  const question = remembered?.question ?? fromEmbed;
  const questionSource: FeedbackRecord["questionSource"] = remembered ? "memory" : fromEmbed ? "message" : "unknown";
  const articleIds = context.qa.articles().map((article) => article.id);
  const cited = action.cited.map((group) => ({
    articleId: resolveArticleKey(group.articleKey, articleIds) ?? group.articleKey,
    paragraphs: group.paragraphs,
  }));
  const outcome = await context.feedback.record({
    messageId,
    userId: interaction.user.id,
    vote: action.vote,
    question,
    questionSource,
    cited,
    at: new Date(context.now()),
  });
  context.logger.info(
    { event: "feedback", guild: interaction.guildId, vote: action.vote, changed: outcome.previousVote !== null && outcome.previousVote !== action.vote, cited },
    "feedback recorded",
  );
  const changed = outcome.previousVote !== null && outcome.previousVote !== action.vote;
  const notice = changed ? text.feedbackChanged(action.vote) : text.feedbackRecorded(action.vote);
  await interaction.reply({ ...presentNotice(notice), flags: MessageFlags.Ephemeral });
}
