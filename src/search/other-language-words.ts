import { foldedWords, isStopWord } from "./analyzer.js";

/**
 * Languages whose function words tell that a question is in neither German
 * nor English (codes of the `stopword` package): the neighbours' languages
 * and the widely spoken ones written in Latin letters. Other scripts are told
 * apart by their letters (see other-language.ts).
 */
export const OTHER_LANGUAGES = ["fra", "spa", "ita", "nld", "por", "pol", "tur", "swe", "dan"] as const;

/** The lists' words folded as the analyser folds that `keep` accepts, once each, sorted. */
function foldedListWords(lists: readonly (readonly string[])[], keep: (folded: string) => boolean): string[] {
  const words = new Set<string>();
  for (const list of lists) {
    for (const entry of list) {
      for (const folded of foldedWords(entry)) if (keep(folded)) words.add(folded);
    }
  }
  return [...words].sort();
}

/** The lists' words folded as the analyser folds, without any that is a German or English stop word, sorted. */
export function otherLanguageWords(lists: readonly (readonly string[])[]): string[] {
  return foldedListWords(lists, (folded) => folded.length >= 2 && !isStopWord(folded));
}

/** The lists' words that are German or English stop words as well ("a", "do", "da", "die"), folded and sorted: they tell neither way. */
export function sharedFunctionWords(lists: readonly (readonly string[])[]): string[] {
  return foldedListWords(lists, (folded) => isStopWord(folded));
}
