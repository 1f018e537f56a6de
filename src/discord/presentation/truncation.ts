/** Shortening text to Discord's limits at grapheme, word or sentence ends. */
import { ELLIPSIS } from "./limits.js";
import { escapeDiscordText } from "./escaping.js";

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
