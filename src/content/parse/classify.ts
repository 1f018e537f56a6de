import { splitSentences } from "../sentences.js";

// ---------------------------------------------------------------------------
// Classification of blocks

/** The words of a line, as split on white space. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== "");
}

export function wordCount(text: string): number {
  return wordsOf(text).length;
}

/** Sentence punctuation at the end of a line, looking past closing quotes and brackets. */
export function endsWithSentencePunctuation(text: string): boolean {
  const core = text.replace(/["'“”‘’»«)\]]+$/u, "");
  return /[.!?:;,…]$/u.test(core);
}

const MAX_HEADING_WORDS = 11;
const MAX_HEADING_LENGTH = 100;

/** A short line without closing punctuation that starts like a heading. */
export function isHeadingLike(text: string): boolean {
  const words = wordCount(text);
  return (
    words >= 1 &&
    words <= MAX_HEADING_WORDS &&
    text.length <= MAX_HEADING_LENGTH &&
    !endsWithSentencePunctuation(text) &&
    /^["„“»«‘’'‚(]?[\p{Lu}\d]/u.test(text)
  );
}

const MAX_TITLE_WORDS = 25;
const MAX_TITLE_LENGTH = 200;

/** A line that can be an article title: short, at most two sentences, not ending in a period. */
export function isTitleLike(text: string): boolean {
  return (
    wordCount(text) <= MAX_TITLE_WORDS &&
    text.length <= MAX_TITLE_LENGTH &&
    !/[.,;:]$/u.test(text.replace(/["'“”»«)]+$/u, "")) &&
    /^["„“»«‘’'‚(]?[\p{Lu}\d]/u.test(text) &&
    splitSentences(text).length <= 2
  );
}
