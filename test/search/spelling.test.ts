import { describe, expect, it } from "vitest";
import { stem } from "../../src/search/analyzer.js";
import { likelySpelling, oneEditAway, type SpellingSources } from "../../src/search/spelling.js";

/** An index of a few German stems, and a dictionary with their frequency classes. */
function sources(indexed: readonly string[], dictionary: Readonly<Record<string, number>>): SpellingSources {
  const index = new Set(indexed.map((word) => stem(word.toLowerCase(), "de")));
  const classes = new Map(Object.entries(dictionary).map(([word, wordClass]) => [stem(word, "de"), wordClass]));
  return { indexed: (term) => (index.has(term) ? 1 : 0), dictionaryClass: (term) => classes.get(term) };
}

describe("oneEditAway", () => {
  it("holds every spelling one letter left out, swapped, replaced or added", () => {
    const edits = oneEditAway("wafen");
    for (const spelling of ["waffen", "afen", "awfen", "wagen", "wafeen"]) expect(edits.has(spelling)).toBe(true);
    expect(edits.has("wafen")).toBe(false);
    expect(edits.has("waffel")).toBe(false);
  });
});

describe("likelySpelling", () => {
  const de = (word: string): string => stem(word, "de");

  it("prefers the word the articles use, however rare, over a commoner one", () => {
    // "wafen" stems to "waf": one letter from "waff" (Waffen) and from "wag" (Wagen).
    expect(likelySpelling(de("wafen"), "de", sources(["Waffen"], { wagen: 13, waffen: 10 }))).toBe(de("waffen"));
  });

  it("takes the commonest dictionary word when the articles have none", () => {
    expect(likelySpelling(de("bekomt"), "de", sources(["Munition"], { bekommt: 12, bekommst: 9 }))).toBe(de("bekommt"));
  });

  it("takes a rare dictionary word when the articles build compounds on it, and only then", () => {
    // "Artillerie" (class 6) is in the articles only as part of "Artilleriegranaten".
    const articles = sources(["Artilleriegranaten"], { artillerie: 6 });
    expect(likelySpelling(de("artilerie"), "de", articles)).toBeNull();
    const withCompounds: SpellingSources = { ...articles, inCompounds: (term) => term === de("artillerie") };
    expect(likelySpelling(de("artilerie"), "de", withCompounds)).toBe(de("artillerie"));
    // A common word still comes first.
    expect(likelySpelling(de("bekomt"), "de", { ...sources([], { bekommt: 12, bekommst: 6 }), inCompounds: () => true })).toBe(de("bekommt"));
  });

  it("leaves a stem alone that is too short, holds digits, or has no common neighbour", () => {
    expect(likelySpelling("wa", "de", sources(["was"], {}))).toBeNull();
    expect(likelySpelling("f16s", "de", sources(["f16"], {}))).toBeNull();
    expect(likelySpelling(de("medwedew"), "de", sources(["Munition"], { medwedew: 3 }))).toBeNull();
  });
});
