import type { AnalyzedToken, Language } from "./analyzer.js";

/**
 * Typos in question words that no dictionary and no article knows ("wafen",
 * "bekomt", "amunition", "wnat"): the word one edit away that the articles
 * use, or else the commonest one the language's dictionary knows. A word the
 * dictionaries know is never corrected, whatever the articles say.
 */

/** Letters of folded words (umlauts and "ß" are folded away). */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Shortest word looked at: shorter ones have too many neighbours one letter away. */
export const MIN_TYPO_WORD = 4;

/** A dictionary word must be at least this common (frequency class) to stand in for a typo. */
export const MIN_CORRECTION_CLASS = 8;

/** Spellings one edit away: a letter left out, swapped with the next, replaced or added. */
export function oneEditAway(word: string): Set<string> {
  const found = new Set<string>();
  for (let at = 0; at <= word.length; at += 1) {
    const before = word.slice(0, at);
    const after = word.slice(at);
    if (after.length > 0) found.add(before + after.slice(1));
    if (after.length > 1) found.add(before + (after[1] ?? "") + (after[0] ?? "") + after.slice(2));
    for (const letter of LETTERS) {
      if (after.length > 0 && letter !== after[0]) found.add(before + letter + after.slice(1));
      found.add(before + letter + after);
    }
  }
  found.delete(word);
  return found;
}

export interface SpellingSources {
  /** In how many passages the index has a term (its own stems). */
  indexed(term: string): number;
  /** A term's frequency class in a language's dictionary, if it has one. */
  dictionaryClass(term: string, language: Language): number | undefined;
  /** Whether the articles use the term as a part of compounds ("Artillerie" in "Artilleriegranaten"); false when not known. */
  inCompounds?(term: string): boolean;
}

/**
 * What a typo's stem stands for, or null. Candidates are one edit away from
 * the stem, compared as the index and the dictionaries are keyed, by stems (no
 * stemming of hundreds of spellings): first those the articles use (most
 * passages first), then those the dictionary of the stem's language knows
 * well enough (commonest first), or at all when the articles build compounds
 * on them ("artilerie" → "Artillerie", which they use only in
 * "Artilleriegranaten"): a rare word is then no chance neighbour of the typo
 * but one of the articles' own. Ties go to the candidate that sorts first.
 */
export function likelySpelling(term: string, language: Language, sources: SpellingSources): string | null {
  if (term.length < MIN_TYPO_WORD - 1 || /\d/u.test(term)) return null;
  const candidates = [...oneEditAway(term)].sort();
  let best: string | null = null;
  let bestPassages = 0;
  for (const candidate of candidates) {
    const passages = sources.indexed(candidate);
    if (passages > bestPassages) {
      best = candidate;
      bestPassages = passages;
    }
  }
  if (best !== null) return best;
  let bestClass = MIN_CORRECTION_CLASS - 1;
  let compoundPart: string | null = null;
  for (const candidate of candidates) {
    const wordClass = sources.dictionaryClass(candidate, language) ?? 0;
    if (wordClass > bestClass) {
      best = candidate;
      bestClass = wordClass;
    } else if (wordClass > 0 && compoundPart === null && sources.inCompounds?.(candidate) === true) compoundPart = candidate;
  }
  return best ?? compoundPart;
}

/** What finding a question's typos needs to know: which words are words, and the index and dictionaries to correct them by. */
export interface TypoContext extends SpellingSources {
  /** Whether a word (its German and, for an English question, English analysis) is one the index or a dictionary knows. */
  isWord(german: AnalyzedToken, english: AnalyzedToken | undefined): boolean;
}

/** A typo's corrected stems: the German analysis's, and the English one's for an English question. */
export interface Typo {
  german: string;
  english?: string;
}

/** The typos of a question's analysis, by position (see likelySpelling); words shorter than MIN_TYPO_WORD are left alone. */
export function typosOf(
  german: readonly AnalyzedToken[],
  english: readonly AnalyzedToken[] | null,
  language: Language,
  context: TypoContext,
): Map<number, Typo> {
  const typos = new Map<number, Typo>();
  german.forEach((token, position) => {
    const englishToken = english?.[position];
    if (token.folded.length < MIN_TYPO_WORD || context.isWord(token, englishToken)) return;
    if (englishToken === undefined) {
      const corrected = likelySpelling(token.term, "de", context);
      if (corrected !== null) typos.set(position, { german: corrected });
      return;
    }
    // An English word may be a German article's word misspelt ("amunition" → "munition") or an English one ("wnat").
    const asGerman = likelySpelling(token.term, "de", { ...context, dictionaryClass: () => undefined });
    const asEnglish = likelySpelling(englishToken.term, "en", context);
    if (asGerman !== null || asEnglish !== null) typos.set(position, { german: asGerman ?? token.term, english: asEnglish ?? englishToken.term });
  });
  return typos;
}
