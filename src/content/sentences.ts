import type { Sentence } from "./types.js";

/**
 * Sentence splitting for German and English news text.
 *
 * A small scanner rather than `Intl.Segmenter`: the segmenter splits after
 * German ordinals ("am 3. Oktober") and many abbreviations, and repairing its
 * output would need the same rules as below anyway. Every candidate boundary
 * (".", "!", "?", "…" followed by whitespace) is checked against
 * abbreviations, initials, ordinals and open quotations before it is accepted.
 */

/** Abbreviations after which a period does not end the sentence (compared case-sensitively, see `isAbbreviationToken`). */
// prettier-ignore
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // German
  "Abb.", "Abs.", "Abt.", "allg.", "Anm.", "Aufl.", "Bd.", "Bde.", "bes.", "bspw.", "bzgl.", "bzw.", "ca.",
  "Chr.", "Co.", "dgl.", "Dipl.", "Dr.", "dt.", "ebd.", "eig.", "einschl.", "engl.", "entspr.", "erg.", "etc.",
  "ev.", "evtl.", "exkl.", "ff.", "Fa.", "Fr.", "frz.", "geb.", "gegr.", "gem.", "ges.", "gest.", "ggf.",
  "ggü.", "gr.", "Hbf.", "Hr.", "Hrn.", "Hrsg.", "Ing.", "inkl.", "insb.", "Jh.", "Jhd.", "Jhdt.", "jmd.", "jr.",
  "Kap.", "kath.", "kl.", "lt.", "max.", "Mio.", "Mill.", "min.", "Min.", "Mrd.", "mtl.", "Nr.", "Nrn.",
  "näml.", "o.ä.", "Pkt.", "Prof.", "Red.", "rd.", "röm.", "sen.", "sog.", "spez.", "St.", "Std.", "Str.",
  "Tab.", "Tel.", "Tsd.", "usf.", "usw.", "verh.", "vgl.", "Vors.", "zB.", "zit.", "zzgl.", "zw.",
  // English
  "Mr.", "Mrs.", "Ms.", "Messrs.", "Jr.", "Sr.", "Gen.", "Gov.", "Sen.", "Rep.", "Rev.", "Lt.", "Col.", "Capt.",
  "Cmdr.", "Sgt.", "Maj.", "Mt.", "Ave.", "Blvd.", "Inc.", "Corp.", "Ltd.", "Bros.", "approx.", "dept.", "est.",
  "Fig.", "fig.", "Vol.", "vol.", "pp.", "ed.", "eds.", "vs.", "viz.", "cf.", "al.",
]);

/**
 * Abbreviations that also commonly close a sentence ("… Äpfel, Birnen usw.").
 * After them a boundary is accepted only when the next word is a typical
 * sentence opener, so "usw. Dann" splits but "Inc. Chief" does not.
 */
// prettier-ignore
const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "etc.", "usw.", "usf.", "Chr.", "Jh.", "Jhd.", "Jhdt.", "Mio.", "Mill.", "Mrd.", "Tsd.", "Inc.", "Corp.", "Ltd.", "Co.",
  "Bros.", "al.", "ff.",
]);

/**
 * Abbreviations that are also ordinary words ("eine neue Art.", "I said no.", the name "Jan."), so they only
 * count as abbreviations before a number: "Art. 5", "No. 5", "3. Okt. 2023".
 */
// prettier-ignore
const NUMBER_PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "Art.", "No.", "Nos.", "no.", "Jan.", "Feb.", "Mär.", "Mrz.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.",
  "Nov.", "Dez.", "Mar.", "Oct.", "Dec.",
]);

// prettier-ignore
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  // German
  "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "er", "sie", "es", "ich", "wir", "ihr", "man",
  "dies", "diese", "dieser", "dieses", "dann", "danach", "doch", "aber", "auch", "so", "nun", "damals", "heute",
  "zudem", "außerdem", "dabei", "deshalb", "daher", "denn", "im", "in", "am", "auf", "mit", "nach", "seit", "bei",
  "laut", "für", "wie", "was", "wer", "wo", "wann", "warum",
  // English
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "then",
  "but", "and", "however", "in", "on", "at", "after", "before", "its", "his", "her", "their", "our",
]);

/** Words after which "3." is an ordinal ("am 3. Oktober", "zum 70. Jahrestag"), not a sentence end. */
// prettier-ignore
const ORDINAL_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  "am", "vom", "zum", "im", "bis", "zur", "ab", "seit", "beim", "dem", "den", "der", "die", "das", "des", "ihr",
  "ihre", "ihrem", "ihren", "ihres", "sein", "seine", "seinem", "seinen", "seines", "jeder", "jedes", "jedem", "jeden",
]);

// prettier-ignore
const MONTH_NAMES: ReadonlySet<string> = new Set([
  "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
  "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
  "january", "february", "march", "may", "june", "july", "october", "december", "oct", "dec",
]);

/** Characters that may directly follow a terminator and still belong to the sentence ("… erhalten."). */
const CLOSING_CHARS = new Set(['"', "'", "“", "”", "‘", "’", "»", "«", ")", "]", "}", "›", "‹"]);
/** Characters stripped from the front of a token before looking it up ("(z. B." → "z."). */
const OPENING_CHARS = /^["'„“”‚‘’»«›‹([{]+/u;
/** Double quotation marks that delimit quoted speech. Single quotes double as apostrophes and are left out. */
const DOUBLE_QUOTES = new Set(['"', "„", "“", "”", "»", "«"]);
/** Characters before an opening quote ("(„…", "–"…"). */
const BEFORE_OPENING_QUOTE = /[\s([{\-–—/:]/u;
/** Quotations longer than this are not kept together: a mismatched quote must not glue a whole paragraph. */
const MAX_QUOTATION_LENGTH = 600;

const TERMINATOR = /[.!?…]/u;
const LOWERCASE_START = /^\p{Ll}/u;
/** Lowercase-first brand names ("t-online", "iPhone", "eBay") may open a sentence. */
const LOWERCASE_BRAND = /^\p{Ll}[\p{L}\d]*(?:-[\p{L}\d]|\p{Lu})/u;

interface QuotationSpan {
  /** Index of the opening quote. */
  open: number;
  /** Index of the closing quote. */
  close: number;
}

/**
 * Splits `text` into sentences. Offsets refer to `text`; each sentence's
 * `text` equals `text.slice(start, end)` and has no surrounding whitespace.
 * A blank line always ends a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const boundaries = findBoundaries(text);
  const sentences: Sentence[] = [];
  let pieceStart = 0;
  for (const boundary of [...boundaries, text.length]) {
    const piece = trimmedRange(text, pieceStart, boundary);
    if (piece) {
      sentences.push({ index: sentences.length, text: text.slice(piece.start, piece.end), start: piece.start, end: piece.end });
    }
    pieceStart = boundary;
  }
  return sentences;
}

/** Offsets at which a new sentence starts (exclusive ends of the previous one). */
function findBoundaries(text: string): number[] {
  const quotations = findQuotations(text);
  const boundaries: number[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position] ?? "";
    if (char === "\n" && /^\n[^\S\n]*\n/u.test(text.slice(position, position + 64))) {
      boundaries.push(position);
      position = skipWhitespace(text, position);
      continue;
    }
    if (!TERMINATOR.test(char)) {
      position += 1;
      continue;
    }
    const terminatorStart = position;
    let end = position;
    while (end < text.length && TERMINATOR.test(text[end] ?? "")) end += 1;
    const terminatorRun = text.slice(terminatorStart, end);
    while (end < text.length && CLOSING_CHARS.has(text[end] ?? "")) end += 1;
    position = end;
    // A boundary needs whitespace after it ("3.5" and "t-online.de" are not boundaries).
    if (end < text.length && !/\s/u.test(text[end] ?? "")) continue;
    if (end >= text.length) continue;
    const nextStart = skipWhitespace(text, end);
    if (nextStart >= text.length) continue;
    if (insideQuotation(quotations, terminatorStart, end)) continue;
    if (!isSentenceBoundary(text, terminatorStart, terminatorRun, nextStart)) continue;
    boundaries.push(end);
  }
  return boundaries;
}

function isSentenceBoundary(text: string, terminatorStart: number, terminatorRun: string, nextStart: number): boolean {
  const nextWord = wordAt(text, nextStart);
  const nextChar = text[nextStart] ?? "";
  // Sentences do not start with a comma, semicolon or closing bracket.
  if (/[,;:)\]}]/u.test(nextChar)) return false;
  // German and English sentences start with a capital: "Was?" fragte er / "bis 13. september" are not boundaries.
  if (LOWERCASE_START.test(nextWord) && !LOWERCASE_BRAND.test(nextWord)) return false;
  if (terminatorRun !== ".") return true;

  const token = tokenBefore(text, terminatorStart);
  if (token === "") return true;
  const withPeriod = `${token}.`;

  if (/^\d{1,3}$/u.test(token)) return !isOrdinal(text, terminatorStart - token.length, token, nextWord);
  if (NUMBER_PREFIX_ABBREVIATIONS.has(withPeriod)) return !/^\d/u.test(nextWord);
  if (isAbbreviationToken(withPeriod)) {
    const canCloseSentence = SENTENCE_FINAL_ABBREVIATIONS.has(withPeriod) || SENTENCE_FINAL_ABBREVIATIONS.has(lowerFirst(withPeriod));
    return canCloseSentence && SENTENCE_OPENERS.has(stripPunctuation(nextWord).toLowerCase());
  }
  // Single letters: initials ("Eric J. Ballbach") and pieces of "z. B.", "u. a.", "d. h.".
  if (/^\p{L}$/u.test(token)) return false;
  // Dotted abbreviations: "U.S.", "e.g.", "i.e.", "z.B.", "u.a.", "v.Chr.".
  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(token)) return false;
  // Roman numerals after names ("Ludwig XIV. kam", "Wilhelm II. und").
  if (/^[IVXLC]{2,6}$/u.test(token) && isCapitalizedWordBefore(text, terminatorStart - token.length)) return false;
  return true;
}

/** True when `token.` (a 1–3 digit number) reads as an ordinal or a day of a date. */
function isOrdinal(text: string, tokenStart: number, token: string, nextWord: string): boolean {
  const next = stripPunctuation(nextWord).toLowerCase();
  if (MONTH_NAMES.has(next)) return true;
  // "05. September", "10.": a leading zero is a date, not a count.
  if (token.length > 1 && token.startsWith("0")) return true;
  const previous = wordBefore(text, tokenStart).toLowerCase();
  return ORDINAL_CONTEXT_WORDS.has(previous);
}

/** An abbreviation from the list, also when capitalised at the start of a sentence ("Vgl."). */
export function isAbbreviationToken(tokenWithPeriod: string): boolean {
  return ABBREVIATIONS.has(tokenWithPeriod) || ABBREVIATIONS.has(lowerFirst(tokenWithPeriod));
}

/** The non-space run ending right before `index`, without leading quotes or brackets. */
function tokenBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? "")) start -= 1;
  return text.slice(start, index).replace(OPENING_CHARS, "");
}

/** The word before the token that starts at `tokenStart`. */
function wordBefore(text: string, tokenStart: number): string {
  let end = tokenStart;
  while (end > 0 && /\s/u.test(text[end - 1] ?? "")) end -= 1;
  return stripPunctuation(tokenBefore(text, end));
}

function isCapitalizedWordBefore(text: string, tokenStart: number): boolean {
  return /^\p{Lu}\p{Ll}/u.test(wordBefore(text, tokenStart));
}

/** The word starting at `index`, without leading quotes or brackets. */
function wordAt(text: string, index: number): string {
  const match = /^\S+/u.exec(text.slice(index, index + 80));
  return (match?.[0] ?? "").replace(OPENING_CHARS, "");
}

function stripPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, "");
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

function skipWhitespace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/u.test(text[position] ?? "")) position += 1;
  return position;
}

function trimmedRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] ?? "")) from += 1;
  while (to > from && /\s/u.test(text[to - 1] ?? "")) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/**
 * Pairs double quotation marks. Whether a mark opens or closes is read from
 * its neighbours (space before → opening, space or punctuation after →
 * closing), which works for „…“, "…", »…«, «…» and “…” alike.
 */
function findQuotations(text: string): QuotationSpan[] {
  const spans: QuotationSpan[] = [];
  let openAt: number | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (!DOUBLE_QUOTES.has(char)) continue;
    const before = index === 0 ? " " : (text[index - 1] ?? " ");
    const after = index + 1 >= text.length ? " " : (text[index + 1] ?? " ");
    const canOpen = char === "„" || (BEFORE_OPENING_QUOTE.test(before) && !/\s/u.test(after));
    const canClose = char !== "„" && !/\s/u.test(before) && !/[\p{L}\d]/u.test(after);
    if (openAt !== null && canClose) {
      if (index - openAt <= MAX_QUOTATION_LENGTH) spans.push({ open: openAt, close: index });
      openAt = null;
    } else if (canOpen) {
      openAt = index;
    }
  }
  return spans;
}

/** A terminator whose sentence would end before the closing quote of its quotation. */
function insideQuotation(spans: readonly QuotationSpan[], terminatorStart: number, boundary: number): boolean {
  return spans.some((span) => span.open < terminatorStart && boundary <= span.close);
}
