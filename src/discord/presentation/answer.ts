/** Answers, paragraphs, notices and /about as message payloads. */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from "discord.js";
import type { Answer, Citation, ServiceStatus, SourceLookup } from "../../answer/types.js";
import { articleKeyFor, feedbackButtonId, paragraphButtonId, type CitedParagraphs } from "../custom-ids.js";
import { messages, type Lang, type Messages } from "../i18n/index.js";
import { LIMITS, NO_MENTIONS, EMBED_COLOR, HEDGED_COLOR, type MessagePayload } from "./limits.js";
import { escapeDiscordText, unescapeDiscordText, quoteBlock } from "./escaping.js";
import { truncateText, fitEscaped, fitEscapedInline, fitPlain, singleLine } from "./truncation.js";
import { fitEmbedTotal } from "./embeds.js";
import { presentArticleFacts } from "./article-facts.js";
import { articleReferenceLine } from "./article-reference.js";
import { articleChoiceEntry, presentSummary } from "./summary.js";

// ---------------------------------------------------------------------------
// Citations

function citationLine(citation: Citation, showArticle: boolean): string {
  const parts = [`— **¶${citation.paragraph}**`];
  if (citation.heading) parts.push(fitEscapedInline(citation.heading, 150));
  if (showArticle) parts.push(`*${fitEscapedInline(citation.articleTitle, 100)}*`);
  return parts.join(" · ");
}

/** Groups cited paragraph numbers per article (best first), for the feedback button. */
export function citedParagraphs(citations: readonly Citation[]): CitedParagraphs[] {
  const groups: CitedParagraphs[] = [];
  for (const citation of citations) {
    const key = articleKeyFor(citation.articleId);
    const group = groups.find((entry) => entry.articleKey === key);
    if (group) group.paragraphs.push(citation.paragraph);
    else groups.push({ articleKey: key, paragraphs: [citation.paragraph] });
  }
  return groups;
}

export interface AnswerPresentationOptions {
  lang: Lang;
  /** How the summary command is shown to this user ("/summary", "/zusammenfassung"). */
  summaryCommand?: string;
  /** Set when the question continued a conversation that is no longer known: its idle limit in minutes, said above the answer. */
  conversationLostMinutes?: number;
}

/** The earlier question named in a follow-up's footer is cut to this many characters. */
const FOLLOW_UP_QUESTION_MAX = 80;

/** Each excerpt's share of the description, so that up to five citations always fit. */
const EXCERPT_MAX = 700;

/** What an answer without a passage to show says: a reply in kind to thanks or a greeting, or why nothing was found. */
function unansweredText(answer: Answer, text: Messages, summaryCommand: string): string {
  if (answer.smallTalk === "thanks") return text.smallTalkThanks;
  if (answer.smallTalk === "greeting") return text.smallTalkGreeting(summaryCommand);
  if (answer.noSearchWords) return text.noSearchWords(summaryCommand);
  if (answer.otherLanguage) return text.otherLanguage;
  return text.notAnswered(summaryCommand);
}

/**
 * An answer as a message: the question as the title, each verbatim excerpt as a
 * quote followed by its ¶ and section, the article reference, a "read ¶" button
 * per citation and 👍/👎. An unanswered question gets one honest sentence and
 * no quotes.
 */
export function presentAnswer(answer: Answer, options: AnswerPresentationOptions): MessagePayload {
  const text = messages(options.lang);
  if (answer.articleFacts) return presentArticleFacts(answer.question, answer.articleFacts, options.lang);
  if (answer.summary) return presentSummary(answer.summary, options.lang);
  if (answer.summaryChoices) {
    const { articles, more } = answer.summaryChoices;
    const entries = articles.map((article) => articleChoiceEntry(article.title, article.articleId));
    const list = entries.join("; ") + (more > 0 ? "; …" : "");
    return {
      content: fitPlain(text.summary.whichArticle(list, options.summaryCommand ?? "/summary"), LIMITS.content),
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    };
  }
  if (answer.sectionChoices) {
    const { title, sections } = answer.sectionChoices;
    return {
      content: fitPlain(
        text.summary.whichSection(
          fitEscapedInline(title, 150),
          sections.map((label) => fitEscapedInline(label, 90)).join("; "),
          options.summaryCommand ?? "/summary",
        ),
        LIMITS.content,
      ),
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    };
  }
  const lost = options.conversationLostMinutes === undefined ? [] : [text.conversationLost(options.conversationLostMinutes)];
  if (!answer.answered || answer.citations.length === 0) {
    const notice = unansweredText(answer, text, options.summaryCommand ?? "/summary");
    return {
      content: fitPlain([...lost, notice, ...(answer.languageMismatch ? [text.languageMismatchHint] : [])].join(" "), LIMITS.content),
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    };
  }
  const citations = answer.citations.slice(0, LIMITS.buttonsPerRow);
  const articleIds = [...new Set(citations.map((citation) => citation.articleId))];
  const showArticle = articleIds.length > 1;

  const blocks: string[] = [];
  let used = 0;
  for (const citation of citations) {
    const quoted = truncateText(citation.excerpt, EXCERPT_MAX, { render: (raw) => quoteBlock(escapeDiscordText(raw)) });
    const block = `${quoted}\n${citationLine(citation, showArticle)}`;
    const separator = blocks.length > 0 ? 2 : 0;
    if (used + separator + block.length > LIMITS.embedDescription) break;
    blocks.push(block);
    used += separator + block.length;
  }

  const referenceLines = articleIds.map((id) => {
    const first = citations.find((citation) => citation.articleId === id) as Citation;
    return articleReferenceLine(
      { title: first.articleTitle, publisher: first.publisher, url: first.articleUrl, date: first.articleDate },
      options.lang,
      Math.floor(LIMITS.fieldValue / articleIds.length) - 1,
    );
  });

  const footer = [
    text.answerFooter(answer.mode),
    ...(answer.quoteLanguage ? [text.quoteLanguageNote(answer.quoteLanguage)] : []),
    ...(answer.followUp ? [text.followUpNote(fitPlain(singleLine(answer.followUp.previousQuestion), FOLLOW_UP_QUESTION_MAX))] : []),
  ].join(" · ");
  const embed: APIEmbed = fitEmbedTotal({
    color: answer.hedged ? HEDGED_COLOR : EMBED_COLOR,
    title: fitEscaped(answer.question, LIMITS.embedTitle),
    description: blocks.join("\n\n"),
    fields: [{ name: text.sourceLabel(articleIds.length), value: referenceLines.join("\n") }],
    footer: { text: fitPlain(footer, LIMITS.footer) },
  });

  const paragraphButtons: APIButtonComponentWithCustomId[] = citations.map((citation) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: fitPlain(text.showParagraph(citation.paragraph), LIMITS.buttonLabel),
    custom_id: paragraphButtonId(articleKeyFor(citation.articleId), citation.paragraph),
  }));
  const cited = citedParagraphs(citations);
  const feedbackButtons: APIButtonComponentWithCustomId[] = [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👍" }, custom_id: feedbackButtonId("up", cited) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👎" }, custom_id: feedbackButtonId("down", cited) },
  ];
  return {
    // A hedged answer says so before the quote, in the message itself, so it cannot be read as the answer.
    ...(answer.hedged || lost.length > 0 ? { content: fitPlain([...lost, ...(answer.hedged ? [text.hedgedIntro] : [])].join("\n"), LIMITS.content) } : {}),
    embeds: [embed],
    components: [
      { type: ComponentType.ActionRow, components: paragraphButtons },
      { type: ComponentType.ActionRow, components: feedbackButtons },
    ],
    allowedMentions: NO_MENTIONS,
  };
}

/** The question as shown in an answer embed's title, read back (it may end in an ellipsis if it was cut). */
export function questionFromAnswerEmbed(embed: { title?: string | null } | undefined): string | null {
  const title = embed?.title;
  return title ? unescapeDiscordText(title) : null;
}

/** A whole paragraph with its heading and the article reference (for /source and the "read ¶" button). */
export function presentParagraph(lookup: SourceLookup, lang: Lang): MessagePayload {
  const { article, paragraph } = lookup;
  const text = messages(lang);
  const heading = paragraph.heading ? ` · ${paragraph.heading}` : "";
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: fitEscaped(`¶${paragraph.number}${heading}`, LIMITS.embedTitle),
    description: truncateText(paragraph.text, LIMITS.embedDescription, { render: (raw) => quoteBlock(escapeDiscordText(raw)) }),
    fields: [{ name: text.sourceLabel(1), value: articleReferenceLine(article, lang) }],
    footer: { text: text.paragraphFooter(paragraph.number, article.paragraphs.length) },
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** A short frame message (hints, refusals, errors): our own text, so no escaping, only the length limit. */
export function presentNotice(notice: string): MessagePayload {
  return { content: fitPlain(notice, LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/** `/about`: articles, retrieval mode, model and index build time. */
/** Which gateway shard(s) a process runs, of how many (one process without sharding: [0] of 1). */
export interface ShardPlacement {
  ids: readonly number[];
  count: number;
}

export function presentAbout(status: ServiceStatus, lang: Lang, shard: ShardPlacement = { ids: [0], count: 1 }): MessagePayload {
  const text = messages(lang).about;
  // Four fields are reserved for retrieval, model, index and shard; at most 15 list articles so the
  // 6,000-character total holds (15 × (100 + 220) plus the rest).
  const articleSlots = 15;
  const shown = status.articles.length > articleSlots ? status.articles.slice(0, articleSlots - 1) : status.articles;
  const articleFields: APIEmbedField[] = shown.map((article) => {
    const reference = articleReferenceLine(article, lang, 190);
    return {
      name: fitEscaped(singleLine(article.title), 100),
      value: `${reference}\n${text.paragraphs(article.paragraphCount)}`,
    };
  });
  if (shown.length < status.articles.length) {
    articleFields.push({ name: "…", value: text.moreArticles(status.articles.length - shown.length) });
  }
  const builtAtSeconds = Math.floor(Date.parse(status.indexBuiltAt) / 1000);
  const builtAt = Number.isFinite(builtAtSeconds) ? `<t:${builtAtSeconds}:f>` : escapeDiscordText(status.indexBuiltAt);
  const model = fitEscapedInline(status.model, 200);
  const modelError = status.modelError ? fitEscapedInline(status.modelError, 500) : null;
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: text.title,
    description: text.description,
    fields: [
      ...articleFields,
      { name: text.retrieval, value: status.mode === "hybrid" ? text.modeHybrid : text.modeLexical, inline: true },
      {
        name: text.model,
        value: status.modelLoaded ? text.modelLoaded(model) : status.modelLoading ? text.modelLoading(model) : text.modelOff(model, modelError),
        inline: true,
      },
      { name: text.index, value: text.indexValue(builtAt, status.paragraphCount, fitEscapedInline(status.indexVersion, 40)) },
      { name: text.shard, value: text.shardValue(shard.ids, shard.count), inline: true },
    ],
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** Room the reference line at the top of a summary may take; the rest of the description is for the quotes. */
