import type { Block } from "../blocks.js";
import { wordCount } from "../classify.js";
import { CREDIT_ONLY, RELATED_HEADER, furnitureReason, isProse } from "../furniture.js";

/** Lines set in or under a pasted page's article that are not the article's: pull quotes, lists of other articles, labels, captions, comments. */

/** Quotation marks that open or close a pull quote. */
const QUOTE_MARKS = /^[„“”"«»‚‘’›‹]+|[„“”"«»‚‘’›‹]+$/gu;
const MIN_PULL_QUOTE_WORDS = 4;
const MAX_PULL_QUOTE_WORDS = 40;

/**
 * A quotation set apart as a pull quote: a line that is nothing but a quote
 * whose every sentence is repeated word for word in the article ("„Das ist
 * ein Kahlschlag mit Ansage.“").
 */
export function isPullQuote(block: Block, blocks: readonly Block[]): boolean {
  if (block.kind !== "text" || !/^[„“”"«»‚‘›‹]/u.test(block.text)) return false;
  const inner = block.text.replace(QUOTE_MARKS, "").trim();
  const words = wordCount(inner);
  if (words < MIN_PULL_QUOTE_WORDS || words > MAX_PULL_QUOTE_WORDS) return false;
  // Each of its sentences stands in the article's text, where an attribution may cut the quote ("“We were lucky,” … said").
  const parts = inner
    .split(/[.!?…]+/u)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const others = blocks.filter((other) => other !== block && other.kind === "text" && other.text.length > block.text.length);
  return parts.every((part) => others.some((other) => other.text.includes(part)));
}

/**
 * Positions of the headlines listed under a "Mehr zum Thema" or
 * "Meistgelesen" header: the lines without a sentence end that follow it,
 * but for the last of them when a paragraph follows, which is that
 * paragraph's subheading.
 */
export function relatedTeasers(blocks: readonly Block[]): Set<number> {
  const found = new Set<number>();
  blocks.forEach((block, index) => {
    if (!RELATED_HEADER.test(block.text)) return;
    let end = index + 1;
    while (end < blocks.length && blocks[end]?.kind === "text" && !isProse(blocks[end]?.text ?? "")) end += 1;
    const last = end < blocks.length ? end - 2 : end - 1;
    for (let at = index + 1; at <= Math.max(last, index + 1) && at < end; at += 1) found.add(at);
  });
  return found;
}

/**
 * The heading of readers' comments under an article: "Kommentare (3)",
 * "Leserkommentare", "12 comments", "Join the discussion". A bare
 * "Kommentare" is a link label among the site's others.
 */
export const COMMENTS_HEADING =
  /^(?:\d+\s+(?:Leser)?Kommentare?|(?:Leser)?Kommentare?\s*\(\d+\)|Leserkommentare|\d+\s+comments?|Comments?\s*\(\d+\)|Join the (?:discussion|conversation)|Diskutieren Sie mit)\s*:?$/iu;

/** Paragraphs of the article that stand above readers' comments. */
export const MIN_PROSE_BEFORE_COMMENTS = 2;

/** A comment's time or the buttons under it: "vor 2 Stunden", "3 hours ago", "Antworten", "Reply". */
const COMMENT_MARK =
  /^(?:vor\s+(?:\d+|einer?|wenigen)\s+(?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?)|(?:\d+|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|Antworten|Melden|Reply|Report)$/iu;
/** Lines under a comments heading in which the first comment shows itself. */
const COMMENT_LOOKAHEAD = 6;

/**
 * Whether comments follow a comments heading at `index`: a comment's time or
 * its buttons within the next few lines. Then the heading begins the comments
 * even under a one-paragraph report; a bare count by the byline ("42
 * Kommentare", then "Artikel anhören") has none.
 */
export function commentsFollow(blocks: readonly Block[], index: number): boolean {
  return blocks.slice(index + 1, index + 1 + COMMENT_LOOKAHEAD).some((block) => COMMENT_MARK.test(block.text.trim()));
}

/** Labels whose next line is the site's: an advertisement's or a video's teaser, a newsletter's pitch. */
export const AD_LABEL = /^(?:Anzeige|Werbung|Advertisement|Sponsored|Video|Audio|Podcast)$/iu;
export const NEWSLETTER_LABEL = /^Newsletter$/iu;

/** A short line just above an image credit ("Foto: dpa") is the image's caption. */
const MAX_CAPTION_WORDS = 30;
const CREDIT_BEFORE_CAPTION = /^Image source\b/iu;
const MAX_CREDIT_WORDS = 10;

export function captionIndexes(blocks: readonly Block[], repeated: ReadonlySet<string>): Set<number> {
  const captions = new Set<number>();
  blocks.forEach((block, index) => {
    const before = blocks[index - 1];
    if (index === 0 || before === undefined || before.kind !== "text" || wordCount(before.text) > MAX_CAPTION_WORDS) return;
    // "Image source, …" comes before its caption ("Image caption, …"), which the credit rules know already.
    if (CREDIT_BEFORE_CAPTION.test(block.text)) return;
    // Only a credit on a line of its own: one closing a caption ("… gefertigt.(Foto: dpa)") is the caption itself.
    const creditAlone = CREDIT_ONLY.test(block.text) && wordCount(block.text) <= MAX_CREDIT_WORDS;
    if (creditAlone && furnitureReason(block.text, repeated) === "image credit" && furnitureReason(before.text, repeated) === null) captions.add(index - 1);
  });
  return captions;
}

/** A person's name alone: two to four capitalised words, name particles between them ("Katharina Weber", "Anna von Berg"). */
const BARE_NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:von|van|de|der|den|zu|al|el|bin|da|di|du|le|la)\s+)?\p{Lu}[\p{L}'’-]+){1,3}$/u;

/**
 * A name alone on the line next to the date line is the byline without its "Von": above or below "16.01.2024,
 * 07:30 Uhr", "Katharina Weber" is who wrote the article, not a subheading of it.
 */
export function isBareByline(blocks: readonly Block[], index: number, repeated: ReadonlySet<string>): boolean {
  const block = blocks[index];
  if (block === undefined || block.kind === "list-item" || !BARE_NAME.test(block.text.trim())) return false;
  const isDateLine = (neighbour: Block | undefined): boolean => neighbour !== undefined && furnitureReason(neighbour.text, repeated) === "date line";
  return isDateLine(blocks[index - 1]) || isDateLine(blocks[index + 1]);
}
