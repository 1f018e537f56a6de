import { describe, expect, it } from "vitest";
import { isSpecific } from "../../src/answer/abstention.js";
import { phraseMatches } from "../../src/answer/phrase-match.js";
import { analyze } from "../../src/search/analyzer.js";
import type { QueryToken } from "../../src/search/query-analysis.js";

/** A question word as the query analysis gives it: `commonness` 12 is everyday language. */
function word(surface: string, overrides: Partial<QueryToken> = {}): QueryToken {
  const terms = analyze(surface, "de").map((token) => token.term);
  return { surface, terms, idf: 1, known: true, expansions: [], commonness: 12, spread: 0.05, ...overrides };
}

const plain = (token: QueryToken): boolean => !isSpecific(token);
const passage = "Das sagte John Kirby, Sprecher des Weißen Hauses am Mittwoch.";

describe("phraseMatches", () => {
  it("counts two everyday words that stand together in the question and the passage", () => {
    expect(phraseMatches([word("weiße"), word("Haus")], passage, "de", plain)).toBe(1);
  });

  it("needs them side by side and in the question's order", () => {
    expect(phraseMatches([word("Haus"), word("weiße")], passage, "de", plain)).toBe(0);
    expect(phraseMatches([word("weiße"), word("Mittwoch")], passage, "de", plain)).toBe(0);
  });

  it("leaves out words that are specific on their own, bridged, or carried over from an earlier question", () => {
    expect(phraseMatches([word("weiße", { commonness: 5 }), word("Haus")], passage, "de", plain)).toBe(0);
    expect(phraseMatches([word("weiße", { known: false }), word("Haus")], passage, "de", plain)).toBe(0);
    expect(phraseMatches([word("weiße"), word("Haus", { weight: 0.5 })], passage, "de", plain)).toBe(0);
  });

  it("counts each word in one phrase at most", () => {
    // "Weißen Hauses am Mittwoch": both pairs stand together, but "Haus" names one thing only.
    expect(phraseMatches([word("weiße"), word("Haus"), word("Mittwoch")], passage, "de", plain)).toBe(1);
  });
});
