import { describe, expect, it } from "vitest";
import { charNgrams } from "../../src/search/analyzer.js";
import type { QueryToken } from "../../src/search/query-analysis.js";
import { bridgedInstead, wordMatch } from "../../src/search/word-match.js";

const token = (overrides: Partial<QueryToken>): QueryToken => ({
  surface: "essen",
  terms: ["essen"],
  idf: 3,
  known: false,
  expansions: [],
  commonness: 7,
  spread: 0,
  ...overrides,
});

describe("wordMatch", () => {
  const parts = { overlap: 0.6, credit: 0.8 };
  const vergessen = { terms: new Set(["vergess"]), grams: new Set(charNgrams("vergessen", 3)) };

  it("credits a word's letters inside a longer word, as a compound's part", () => {
    const essen = token({});
    expect(wordMatch(essen, vergessen.terms, vergessen.grams, charNgrams("essen", 3), parts).strength).toBeGreaterThan(0.6);
  });

  it("reads a word the articles lack through its synonym, not through letters it shares with unrelated words", () => {
    const essen = token({ expansions: [{ term: "lebensmitteln", weight: 0.6, via: "synonym" }] });
    expect(bridgedInstead(essen)).toBe(true);
    // A faint bridge, a compound's part or a word the articles have: its letters still count.
    expect(bridgedInstead(token({ expansions: [{ term: "lebensmittelhilf", weight: 0.18, via: "compound" }] }))).toBe(false);
    expect(bridgedInstead(token({ known: true, expansions: [{ term: "lebensmitteln", weight: 0.6, via: "synonym" }] }))).toBe(false);
  });
});
