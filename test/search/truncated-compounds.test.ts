import { describe, expect, it } from "vitest";
import { compoundHead, completedCompounds } from "../../src/search/truncated-compounds.js";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";

/** A small stand-in for the German lexicon: the words these tests split on. */
const WORDS = new Set([
  "technologie",
  "atom",
  "satellit",
  "chefs",
  "regierung",
  "regie",
  "klein",
  "schreibung",
  "einschreibung",
  "hoch",
  "netz",
  "kosten",
  "energie",
  "personal",
  "parks",
  "wind",
  "solar",
]);
const isWord = (folded: string): boolean => WORDS.has(folded);

describe("compoundHead", () => {
  it("splits where both sides are words, else after the longest first part that is one, else before the longest last part", () => {
    expect(compoundHead("Atomtechnologie", isWord)).toBe("technologie");
    expect(compoundHead("Regierungschefs", isWord)).toBe("chefs");
    expect(compoundHead("Kleinschreibung", isWord)).toBe("schreibung");
    expect(compoundHead("Hochspannungsnetz", isWord)).toBe("spannungsnetz");
    expect(compoundHead("Xyzkosten", isWord)).toBe("kosten");
  });

  it("takes a hyphenated compound's last part, and gives up on words it cannot split", () => {
    expect(compoundHead("Süd-Korea", isWord)).toBe("Korea");
    expect(compoundHead("Quatschwort", isWord)).toBeNull();
  });
});

describe("completedCompounds", () => {
  it("writes out the compounds a list leaves unwritten", () => {
    expect(completedCompounds("Russland könne Nordkorea mit seiner Satelliten- und Atomtechnologie helfen.", isWord)).toEqual(["Satellitentechnologie"]);
    expect(completedCompounds("Die Staats- und Regierungschefs trafen sich.", isWord)).toEqual(["Staatschefs"]);
    expect(completedCompounds("Solar-, Wasser- oder Windparks", isWord)).toEqual(["Solarparks", "Wasserparks"]);
    expect(completedCompounds("sowohl Energie- als auch Personalkosten", isWord)).toEqual(["Energiekosten"]);
    expect(completedCompounds("Nord- und Süd-Korea", isWord)).toEqual(["Nord-Korea"]);
  });

  it("leaves alone hyphens that close no such list, and lists whose words are of different kinds", () => {
    expect(completedCompounds("Die Nordkorea-Experten und Journalisten", isWord)).toEqual([]);
    expect(completedCompounds("Ein Schul- oder akademischer Abschluss", isWord)).toEqual([]);
    expect(completedCompounds("Atom-U-Boote und Raketen", isWord)).toEqual([]);
  });
});

describe("the lexical index", () => {
  const documents: LexicalDocument[] = [
    { id: "tech", title: "Kooperation", heading: null, text: "Russland könne Nordkorea mit seiner Satelliten- und Atomtechnologie einiges bieten." },
    { id: "other", title: "Kooperation", heading: null, text: "Die Satelliten kreisen seit Jahren über der Halbinsel." },
  ];

  it("holds the written-out compound as a word of the paragraph, with the German lexicon", () => {
    const result = LexicalIndex.build(documents).search("Satellitentechnologie", 2);
    expect(result.tokens[0]?.known).toBe(true);
    expect(result.hits[0]?.id).toBe("tech");
    expect(result.hits[0]?.tokenCertain[0]).toBe(true);
  });

  it("has only the written words without a lexicon to split the compound with", () => {
    const result = LexicalIndex.build(documents, {}, EMPTY_LEXICONS).search("Satellitentechnologie", 2);
    expect(result.tokens[0]?.known).toBe(false);
  });
});
