import type { QueryToken } from "./query-analysis.js";

/** A translation or typo correction this heavy (a word's first or only sense in the articles) holds the word for sure. */
const CERTAIN_BRIDGE_WEIGHT = 0.5;

/** What wordMatch asks of a text's terms and grams: a Set, or a paragraph's entry in the index. */
export interface Membership {
  has(value: string): boolean;
}

/**
 * Whether a word the articles lack reaches them through a synonym or
 * translation of some weight. A passage then holds it through that bridge,
 * not through letters it shares with unrelated words: "essen" is in
 * "vergessen" and "beschließen", and those letters would credit a passage
 * more than the synonym "Lebensmitteln" does.
 */
export function bridgedInstead(token: QueryToken): boolean {
  return (
    !token.known &&
    token.expansions.some((expansion) => (expansion.via === "synonym" || expansion.via === "translation") && expansion.weight >= CERTAIN_BRIDGE_WEIGHT)
  );
}

/** When a word that is only part of a longer one (or misspelt) counts: the share of its letter grams found, and the credit per share. */
export interface PartialMatch {
  overlap: number;
  credit: number;
}

/**
 * How far a text (its analyzed terms and letter grams) holds a question word:
 * 1 as written, a bridge's weight for a synonym or translation, a share of
 * its grams for a compound part or misspelling; `certain` when it is the word
 * itself, a translation or a corrected typo of some weight.
 */
export function wordMatch(
  token: QueryToken,
  terms: Membership,
  grams: Membership,
  tokenGrams: readonly string[],
  partial: PartialMatch,
): { strength: number; certain: boolean } {
  if (token.terms.some((term) => terms.has(term))) return { strength: 1, certain: true };
  let bridge = 0;
  let certain = false;
  for (const expansion of token.expansions) {
    if (!terms.has(expansion.term)) continue;
    bridge = Math.max(bridge, expansion.weight);
    if ((expansion.via === "translation" || expansion.via === "spelling") && expansion.weight >= CERTAIN_BRIDGE_WEIGHT) certain = true;
  }
  if (bridge > 0) return { strength: Math.min(1, bridge), certain };
  const shared = tokenGrams.filter((gram) => grams.has(gram)).length;
  const overlap = tokenGrams.length > 0 ? shared / tokenGrams.length : 0;
  // Only a substantial overlap is a compound part; a stray shared gram is noise.
  return { strength: overlap >= partial.overlap ? overlap * partial.credit : 0, certain: false };
}
