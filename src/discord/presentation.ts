/**
 * Pure functions that turn answers, paragraphs and status into Discord message
 * payloads: escaping, Discord's size limits, embeds and buttons. No I/O here.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type MessageMentionOptions,
} from "discord.js";
import type { Summary } from "../answer/summary/index.js";
import type { Answer, Citation, ServiceStatus, SourceLookup } from "../answer/types.js";
import type { Article, Paragraph } from "../content/types.js";
import { articleKeyFor, feedbackButtonId, paragraphButtonId, type CitedParagraphs } from "./custom-ids.js";
import { EXAMPLE_QUESTION, formatDate, messages, type Lang } from "./i18n/index.js";

/** Discord's documented message limits (counted in UTF-16 units here, which never undercounts characters). */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  authorName: 256,
  embedTotal: 6_000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

/** Nothing the bot sends may ping anyone, whatever the question or article contains. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

export const EMBED_COLOR = 0x1f6feb;
/** Hedged answers (the closest passage, which may not answer) are marked in grey, apart from answers. */
export const HEDGED_COLOR = 0x99aab5;
const ELLIPSIS = "…";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** What every reply helper returns; callers add flags (ephemeral) as needed. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: MessageMentionOptions;
}

// ---------------------------------------------------------------------------
// Escaping

/** Characters that start or end inline markdown anywhere in a line. */
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
/** Markers that only mean something at the start of a line: quote, heading, subtext, list. */
const LINE_START_MARKER = /^(\s*)([>#+-])/gm;
const LINE_START_NUMBERED = /^(\s*\d+)\.(?=\s)/gm;
const MASS_MENTION = /@(everyone|here)/gi;
/** `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<a:emoji:id>`, `<t:123>`: all start like this. */
const ANGLE_TOKEN = /<(?=[@#/:]|a:|t:)/gi;
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Makes article or user text render literally: markdown is backslash-escaped,
 * mass mentions and `<…>` tokens (user/role/channel mentions, emoji, timestamps)
 * are broken with a zero-width space. Every backslash is escaped too, so the
 * transformation is reversible (see `unescapeDiscordText`).
 */
export function escapeDiscordText(text: string, options: { inline?: boolean } = {}): string {
  const escaped = text.replace(INLINE_MARKDOWN, "\\$&");
  // Text placed after other text on a line cannot start a block; later lines inside it still can.
  const blockSafe = options.inline
    ? escaped.replace(/\n(\s*)([>#+-])/g, "\n$1\\$2").replace(/\n(\s*\d+)\.(?=\s)/g, "\n$1\\.")
    : escaped.replace(LINE_START_MARKER, "$1\\$2").replace(LINE_START_NUMBERED, "$1\\.");
  return blockSafe.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`).replace(ANGLE_TOKEN, `<${ZERO_WIDTH_SPACE}`);
}

/** Inverse of `escapeDiscordText`: used to read a question back from an answer embed after a restart. */
export function unescapeDiscordText(text: string): string {
  return text
    .replace(new RegExp(`<${ZERO_WIDTH_SPACE}`, "g"), "<")
    .replace(new RegExp(`@${ZERO_WIDTH_SPACE}(?=everyone|here)`, "gi"), "@")
    .replace(/\\([^A-Za-z0-9\s])/g, "$1");
}

/** Prefixes every line with "> " so it renders as a block quote. */
export function quoteBlock(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

// ---------------------------------------------------------------------------
// Truncation

const graphemeSegmenter = new Intl.Segmenter("de", { granularity: "grapheme" });
const sentenceSegmenter = new Intl.Segmenter("de", { granularity: "sentence" });

/** End offsets of every grapheme: the only places text may be cut (never inside a surrogate pair or emoji sequence). */
function graphemeEnds(text: string): number[] {
  const ends: number[] = [];
  for (const { index, segment } of graphemeSegmenter.segment(text)) ends.push(index + segment.length);
  return ends;
}

function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const { index, segment } of sentenceSegmenter.segment(text)) ends.push(index + segment.trimEnd().length);
  return ends;
}

/** Offsets just before whitespace that follows a non-space: word ends. */
function wordEnds(text: string): number[] {
  const ends: number[] = [];
  for (let index = 1; index < text.length; index++) {
    if (/\s/.test(text[index] ?? "") && !/\s/.test(text[index - 1] ?? "")) ends.push(index);
  }
  return ends;
}

/** Largest value in the ascending list that satisfies a predicate that holds for a prefix of the list. */
function largestSatisfying(sorted: readonly number[], predicate: (value: number) => boolean): number | null {
  let low = 0;
  let high = sorted.length - 1;
  let best: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = sorted[middle] as number;
    if (predicate(value)) {
      best = value;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

export interface TruncateOptions {
  /** Applied to the raw text before measuring (e.g. escaping, quoting); the limit applies to its output. */
  render?: (raw: string) => string;
}

/**
 * Shortens text so that its rendered form fits `max` characters, cutting the
 * raw text (before escaping, so an escape is never split) at a sentence end when
 * that keeps most of the text, else at a word end, else at a grapheme boundary,
 * and marking the cut with an ellipsis.
 */
export function truncateText(raw: string, max: number, options: TruncateOptions = {}): string {
  const render = options.render ?? ((text: string) => text);
  const whole = render(raw);
  if (whole.length <= max) return whole;
  if (max < ELLIPSIS.length) return "";

  const renderedLength = (end: number, trimTrailing = false): number => render(cut(raw, end, trimTrailing)).length;
  const fits =
    (suffix: string, trimTrailing = false) =>
    (end: number) =>
      renderedLength(end, trimTrailing) + suffix.length <= max;

  const hardEnd = largestSatisfying(graphemeEnds(raw), fits(ELLIPSIS));
  if (hardEnd === null) return ELLIPSIS;

  // Only prefer a natural boundary when it keeps a fair share of the allowed length.
  const sentenceSuffix = ` ${ELLIPSIS}`;
  const sentenceEnd = largestSatisfying(
    sentenceEnds(raw).filter((end) => end > 0 && end <= hardEnd),
    fits(sentenceSuffix),
  );
  if (sentenceEnd !== null && renderedLength(sentenceEnd) >= max * 0.6) {
    return render(cut(raw, sentenceEnd, false)) + sentenceSuffix;
  }
  const wordEnd = largestSatisfying(
    wordEnds(raw).filter((end) => end <= hardEnd),
    fits(ELLIPSIS, true),
  );
  if (wordEnd !== null && cut(raw, wordEnd, true).length > 0 && renderedLength(wordEnd, true) >= max * 0.4) {
    return render(cut(raw, wordEnd, true)) + ELLIPSIS;
  }
  return render(cut(raw, hardEnd, false)) + ELLIPSIS;
}

/** The raw prefix up to `end`, without trailing spaces (and, for word cuts, without dangling punctuation). */
function cut(raw: string, end: number, trimTrailingPunctuation: boolean): string {
  const prefix = raw.slice(0, end).trimEnd();
  return trimTrailingPunctuation ? prefix.replace(/[\s,;:(–—\-„“"'‚‘]+$/u, "") : prefix;
}

/** Escaped text that fits `max` characters. */
export function fitEscaped(raw: string, max: number): string {
  return truncateText(withoutFormatControls(raw), max, { render: (text) => escapeDiscordText(text) });
}

/** Escaped text that follows other text on its line, within `max` characters. */
export function fitEscapedInline(raw: string, max: number): string {
  return truncateText(withoutFormatControls(raw), max, { render: (text) => escapeDiscordText(text, { inline: true }) });
}

/**
 * Bidirectional overrides and isolates, and zero-width characters: invisible,
 * yet they can make a title or a name read as something else ("‮txt.exe").
 * Removed from everything shown publicly (the escaping adds its own
 * zero-width spaces afterwards, where it needs them).
 */
const FORMAT_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

export function withoutFormatControls(text: string): string {
  return text.replace(FORMAT_CONTROLS, "");
}

/** Our own text or text shown unrendered (autocomplete names, button labels) that fits `max` characters. */
export function fitPlain(raw: string, max: number): string {
  return truncateText(raw, max);
}

/** Collapses whitespace (line breaks included) into single spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Embed limits

/** Characters Discord counts towards the 6,000 total of an embed. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Lists every limit an embed breaks; empty when it is valid. Used as a last check and by tests. */
export function embedLimitViolations(embed: APIEmbed): string[] {
  const problems: string[] = [];
  if ((embed.title?.length ?? 0) > LIMITS.embedTitle) problems.push("title");
  if ((embed.description?.length ?? 0) > LIMITS.embedDescription) problems.push("description");
  if ((embed.footer?.text.length ?? 0) > LIMITS.footer) problems.push("footer");
  if ((embed.author?.name.length ?? 0) > LIMITS.authorName) problems.push("author");
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields) problems.push("field count");
  fields.forEach((field, index) => {
    if (field.name.length > LIMITS.fieldName || field.name.length === 0) problems.push(`field ${index} name`);
    if (field.value.length > LIMITS.fieldValue || field.value.length === 0) problems.push(`field ${index} value`);
  });
  if (embedTextLength(embed) > LIMITS.embedTotal) problems.push("total");
  return problems;
}

/**
 * Safety net after an embed is assembled: if the 6,000-character total is
 * exceeded, the description is shortened (at a line, else a word, never below
 * a short remainder), then trailing fields are dropped until it fits.
 */
export function fitEmbedTotal(embed: APIEmbed): APIEmbed {
  let fitted = shortenDescription(embed);
  while (embedTextLength(fitted) > LIMITS.embedTotal && (fitted.fields?.length ?? 0) > 0) {
    fitted = { ...fitted, fields: (fitted.fields ?? []).slice(0, -1) };
  }
  return fitted;
}

const MIN_KEPT_DESCRIPTION = 200;

function shortenDescription(embed: APIEmbed): APIEmbed {
  const excess = embedTextLength(embed) - LIMITS.embedTotal;
  if (excess <= 0 || !embed.description || embed.description.length <= MIN_KEPT_DESCRIPTION) return embed;
  const allowed = Math.max(MIN_KEPT_DESCRIPTION, embed.description.length - excess - ELLIPSIS.length);
  const lineEnd = embed.description.lastIndexOf("\n", allowed);
  const wordEnd = embed.description.lastIndexOf(" ", allowed);
  const end = lineEnd > allowed * 0.6 ? lineEnd : wordEnd > 0 ? wordEnd : allowed;
  // Step back over a dangling escape backslash or a lone high surrogate.
  let safeEnd = end;
  while (safeEnd > 0 && (/\\$/.test(embed.description.slice(0, safeEnd)) || isHighSurrogate(embed.description.charCodeAt(safeEnd - 1)))) {
    safeEnd--;
  }
  return { ...embed, description: embed.description.slice(0, safeEnd).trimEnd() + ELLIPSIS };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// ---------------------------------------------------------------------------
// Citations

/** Only http(s) URLs become links; a bare domain gets https. Parentheses are encoded so a masked link cannot break. */
export function safeLinkUrl(url: string | null): string | null {
  if (!url) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
  try {
    const parsed = new URL(candidate);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
  } catch {
    return null;
  }
}

interface ArticleReference {
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

/** "[Title](url) · t-online · 5. September 2023", escaped, within `max`. */
export function articleReferenceLine(article: ArticleReference, lang: Lang, max: number = LIMITS.fieldValue): string {
  const details = [article.publisher, article.date ? formatDate(article.date, lang) : null]
    .filter((part): part is string => part !== null && part.trim() !== "")
    .map((part) => escapeDiscordText(part, { inline: true }));
  const tail = details.length > 0 ? ` · ${details.join(" · ")}` : "";
  const url = safeLinkUrl(article.url);
  const linkOverhead = url ? url.length + 4 : 0;
  const titleBudget = Math.max(20, max - tail.length - linkOverhead);
  const title = url ? fitEscapedInline(article.title, titleBudget) : fitEscaped(article.title, titleBudget);
  const line = (url ? `[${title}](${url})` : title) + tail;
  return line.length <= max ? line : fitEscaped(article.title, max);
}

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

/**
 * An answer as a message: the question as the title, each verbatim excerpt as a
 * quote followed by its ¶ and section, the article reference, a "read ¶" button
 * per citation and 👍/👎. An unanswered question gets one honest sentence and
 * no quotes.
 */
export function presentAnswer(answer: Answer, options: AnswerPresentationOptions): MessagePayload {
  const text = messages(options.lang);
  const lost = options.conversationLostMinutes === undefined ? [] : [text.conversationLost(options.conversationLostMinutes)];
  if (!answer.answered || answer.citations.length === 0) {
    return {
      content: fitPlain(
        [...lost, text.notAnswered(options.summaryCommand ?? "/summary"), ...(answer.languageMismatch ? [text.languageMismatchHint] : [])].join(" "),
        LIMITS.content,
      ),
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
export function presentAbout(status: ServiceStatus, lang: Lang): MessagePayload {
  const text = messages(lang).about;
  // Three fields are reserved for retrieval, model and index; at most 15 list articles so the
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
      { name: text.index, value: text.indexValue(builtAt, status.paragraphCount) },
    ],
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** Room the reference line at the top of a summary may take; the rest of the description is for the quotes. */
const SUMMARY_REFERENCE_MAX = 400;

/**
 * `/summary`: the frame (length, section) as the title, then the article
 * reference (linked title, publisher, date), then each sentence verbatim as a
 * quote followed by its ¶, in article order. Long sentences share the
 * description fairly, so every selected sentence appears (eight of Discord's
 * longest still fit); a cut sentence ends in an ellipsis.
 */
export function presentSummary(summary: Summary, lang: Lang): MessagePayload {
  const text = messages(lang).summary;
  const section =
    summary.sectionNumber === null ? "" : text.sectionTitle(summary.sectionNumber, summary.section === null ? null : fitEscapedInline(summary.section, 150));
  const title = fitPlain(text.title(summary.length), 60) + section;

  const origin = summary.publisher || summary.date ? "" : ` · *${text.originUnknown}*`;
  const reference =
    articleReferenceLine(
      { title: summary.articleTitle, publisher: summary.publisher, url: summary.url, date: summary.date },
      lang,
      SUMMARY_REFERENCE_MAX - origin.length,
    ) + origin;

  const citationLines = summary.sentences.map((sentence) => `— **¶${sentence.paragraph}**`);
  // A whole-article summary of an article with sections reads as points under their section's heading.
  const headingLines = summaryHeadingLines(summary, text.openingSection);
  // Every block is "[heading]\nquote\ncitation", blocks are separated by a blank line, and the reference line comes first.
  const overhead =
    reference.length +
    citationLines.reduce((sum, line) => sum + line.length + 1 + 2, 0) +
    headingLines.reduce((sum, line) => sum + (line === null ? 0 : line.length + 1), 0);
  const quotes = fitQuotes(
    summary.sentences.map((sentence) => sentence.text),
    LIMITS.embedDescription - overhead,
  );
  const blocks = quotes.map((quote, index) => {
    const heading = headingLines[index];
    return `${heading === null || heading === undefined ? "" : `${heading}\n`}${quote}\n${citationLines[index] ?? ""}`;
  });
  const body = blocks.length > 0 ? blocks.join("\n\n") : text.empty;

  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: truncateText(title, LIMITS.embedTitle),
    description: `${reference}\n\n${body}`,
    footer: { text: text.footer(summary.sentences.length, summary.scoring) },
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * For each summary sentence, the bold section heading to show above it, or
 * null: a heading starts each section's run of sentences when a whole article
 * with headings is summarised; a one-section summary has its heading in the title.
 */
function summaryHeadingLines(summary: Summary, openingLabel: string): (string | null)[] {
  const grouped = summary.sectionNumber === null && summary.sentences.some((sentence) => sentence.heading !== null);
  return summary.sentences.map((sentence, index) => {
    if (!grouped) return null;
    const previous = summary.sentences[index - 1];
    if (previous && previous.heading === sentence.heading) return null;
    return `**${sentence.heading === null ? openingLabel : fitEscapedInline(sentence.heading, 150)}**`;
  });
}

/** Each sentence escaped and quoted, sharing `budget` characters: short ones whole, long ones cut to an equal share. */
function fitQuotes(sentences: readonly string[], budget: number): string[] {
  const render = (raw: string): string => quoteBlock(escapeDiscordText(raw));
  const allowance = shareBudget(
    sentences.map((sentence) => render(sentence).length),
    budget,
  );
  return sentences.map((sentence, index) => truncateText(sentence, allowance[index] ?? 0, { render }));
}

/** Splits `budget` so that small wants are met in full and the rest is divided equally among the larger ones. */
export function shareBudget(wanted: readonly number[], budget: number): number[] {
  const shares = new Array<number>(wanted.length).fill(0);
  const smallestFirst = wanted.map((_, index) => index).sort((left, right) => (wanted[left] ?? 0) - (wanted[right] ?? 0));
  let remaining = Math.max(0, budget);
  let left = wanted.length;
  for (const index of smallestFirst) {
    const share = Math.min(wanted[index] ?? 0, Math.floor(remaining / left));
    shares[index] = share;
    remaining -= share;
    left -= 1;
  }
  return shares;
}

export interface HelpEntry {
  /** As the user sees it, with slash: "/frage". */
  command: string;
  description: string;
}

/** `/help`: what the bot does, its commands (from the registry, so new commands appear by themselves), mentions, tips. */
export interface HelpOptions {
  /** How /ask is shown to this user ("/ask", "/frage"). */
  askCommand: string;
  conversationIdleMinutes: number;
  /** Whether plain messages in the bot's threads count as follow-ups (MESSAGE_CONTENT_INTENT). */
  threadMessagesWithoutMention: boolean;
}

export function presentHelp(entries: readonly HelpEntry[], lang: Lang, options: HelpOptions): MessagePayload {
  const text = messages(lang).help;
  const commandLines = entries.map((entry) => `**${entry.command}** – ${entry.description}`);
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: text.title,
    description: text.intro,
    fields: [
      { name: text.commandsLabel, value: fitPlain(commandLines.join("\n"), LIMITS.fieldValue) || "–" },
      { name: text.mentionLabel, value: text.mentionUsage(EXAMPLE_QUESTION) },
      {
        name: text.conversationLabel,
        value: fitPlain(text.conversationUsage(options.askCommand, options.conversationIdleMinutes, options.threadMessagesWithoutMention), LIMITS.fieldValue),
      },
      { name: text.tipsLabel, value: text.tips },
    ],
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

// ---------------------------------------------------------------------------
// Autocomplete

/** Lower case, without diacritics, ß as ss: so "offentlich" finds "öffentlich". */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").toLowerCase();
}

/** "¶7 · Russland braucht … · Eine engere Kooperation …": number, section, opening words; at most 100 characters. */
export function paragraphChoiceName(paragraph: Paragraph): string {
  const number = `¶${paragraph.number}`;
  const separator = " · ";
  const text = singleLine(paragraph.text);
  if (!paragraph.heading) return fitPlain(`${number}${separator}${text}`, LIMITS.choiceName);
  const heading = fitPlain(singleLine(paragraph.heading), 32);
  const remaining = LIMITS.choiceName - number.length - heading.length - 2 * separator.length;
  return `${number}${separator}${heading}${separator}${fitPlain(text, remaining)}`;
}

/**
 * Up to 25 paragraph suggestions for what the user typed: digits match paragraph
 * numbers by prefix, words match heading and text (case and accent insensitive).
 */
export function paragraphChoices(article: Article, typed: string): APIApplicationCommandOptionChoice<number>[] {
  const query = typed.trim();
  let matches: Paragraph[];
  if (query === "") {
    matches = article.paragraphs;
  } else if (/^¶?\s*\d+$/.test(query)) {
    const digits = query.replace(/\D/g, "");
    matches = article.paragraphs.filter((paragraph) => String(paragraph.number).startsWith(digits));
  } else {
    const words = foldForSearch(query)
      .split(/\s+/)
      .filter((word) => word.length > 0);
    matches = article.paragraphs.filter((paragraph) => {
      const haystack = foldForSearch(`${paragraph.heading ?? ""} ${paragraph.text}`);
      return words.every((word) => haystack.includes(word));
    });
  }
  return matches.slice(0, LIMITS.choices).map((paragraph) => ({ name: paragraphChoiceName(paragraph), value: paragraph.number }));
}

/** Up to 25 article suggestions matching title or id; the value is the article key used in custom ids. */
export function articleChoices(
  articles: readonly Pick<Article, "id" | "title" | "publisher" | "date">[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const words = foldForSearch(typed.trim())
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return articles
    .filter((article) => {
      const haystack = foldForSearch(`${article.title} ${article.id} ${article.publisher ?? ""}`);
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, LIMITS.choices)
    .map((article) => {
      const date = article.date ? ` (${article.date})` : "";
      return { name: fitPlain(singleLine(`${article.title}${date}`), LIMITS.choiceName), value: articleKeyFor(article.id) };
    });
}
