import { analyze, type Language } from "../search/analyzer.js";
import { tokenWeight, type QueryToken } from "../search/query-analysis.js";

/**
 * Two ordinary words that stand together in the question and in the passage,
 * in the same order ("das Weiße Haus" and "Sprecher des Weißen Hauses"), name
 * one thing: together they are as specific as a rare word, though neither is
 * on its own. Counted only for the question's own words that the passage holds
 * as written (not through a bridge), so a synonym cannot make a phrase.
 */
export function phraseMatches(tokens: readonly QueryToken[], passageText: string, language: Language, isPlain: (token: QueryToken) => boolean): number {
  const own = tokens.filter((token) => tokenWeight(token) === 1);
  if (own.length < 2) return 0;
  const passage = analyze(passageText, language).map((token) => token.term);
  let matches = 0;
  for (let position = 0; position + 1 < own.length; position += 1) {
    const first = own[position];
    const second = own[position + 1];
    if (!first || !second || !first.known || !second.known || !isPlain(first) || !isPlain(second)) continue;
    const together = passage.some((term, at) => first.terms.includes(term) && second.terms.includes(passage[at + 1] ?? ""));
    if (together) {
      matches += 1;
      position += 1;
    }
  }
  return matches;
}
