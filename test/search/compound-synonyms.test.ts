import { describe, expect, it } from "vitest";
import { stem } from "../../src/search/analyzer.js";
import { compoundsOfParts, compoundSynonyms, type CompoundDictionary } from "../../src/search/compound-synonyms.js";
import { Vocabulary } from "../../src/search/vocabulary.js";

const de = (word: string): string => stem(word, "de");

/** A small dictionary of our own: each group is one synset, every member a German word. */
function dictionary(groups: readonly (readonly string[])[], words: readonly string[] = []): CompoundDictionary {
  const synonyms = new Map<string, string[]>();
  for (const group of groups) {
    const stems = group.map(de);
    for (const member of stems) synonyms.set(member, [...(synonyms.get(member) ?? []), ...stems.filter((other) => other !== member)]);
  }
  const known = new Set([...synonyms.keys(), ...words.map(de)]);
  return { synonyms, isWord: (term) => known.has(term) };
}

describe("compoundSynonyms", () => {
  const words = dictionary(
    [
      ["knappheit", "mangel", "engpass"],
      ["kooperation", "zusammenarbeit"],
      ["drohung", "bedrohung"],
    ],
    ["munition", "waffe", "lebensmittel", "potenzial", "potential", "brot"],
  );

  it("finds an indexed compound with a synonym for its head", () => {
    const vocabulary = new Vocabulary([de("munitionsmangel"), de("munition"), de("mangel")]);
    expect(compoundSynonyms("munitionsengpass", words, vocabulary)).toEqual([{ term: de("munitionsmangel"), swapped: 1 }]);
  });

  it('meets a head synonym the way Snowball stems it at a compound\'s end ("knappheit" in "lebensmittelknapp")', () => {
    const vocabulary = new Vocabulary([de("munitionsknappheit")]);
    expect(de("munitionsknappheit").endsWith(de("knappheit"))).toBe(false);
    expect(compoundSynonyms("munitionsmangel", words, vocabulary)).toEqual([{ term: de("munitionsknappheit"), swapped: 1 }]);
  });

  it("finds one with a synonym for its modifier, and counts two swapped parts apart", () => {
    const vocabulary = new Vocabulary([de("bedrohungspotenzial"), de("waffenkooperation")]);
    expect(compoundSynonyms("drohungspotenzial", words, vocabulary)).toEqual([{ term: de("bedrohungspotenzial"), swapped: 1 }]);
    expect(compoundSynonyms("drohungspotential", words, vocabulary)).toEqual([]);
    expect(compoundSynonyms("waffenzusammenarbeit", words, vocabulary)).toEqual([{ term: de("waffenkooperation"), swapped: 1 }]);
  });

  it("reaches nothing when a part is no synonym, or the word is no compound of two dictionary words", () => {
    const vocabulary = new Vocabulary([de("munitionsmangel"), de("lebensmittelknappheit")]);
    // "Brot" is a word, but no synonym of "Lebensmittel" in this dictionary.
    expect(compoundSynonyms("brotmangel", words, vocabulary)).toEqual([]);
    expect(compoundSynonyms("xylomangel", words, vocabulary)).toEqual([]);
    expect(compoundSynonyms("mangel", words, vocabulary)).toEqual([]);
    expect(compoundSynonyms("munitionsmangel2", words, vocabulary)).toEqual([]);
  });
});

describe("compoundsOfParts", () => {
  const vocabulary = new Vocabulary([de("sicherheitsrat"), de("stadtrat"), de("ratgeber"), de("lebensmittelknappheit"), de("sicherheit")]);

  it('finds an indexed compound of one modifier and one head, with a linking element and a head as short as "rat"', () => {
    expect(compoundsOfParts(new Set([de("sicherheit"), de("schutz")]), [de("rat"), de("gremium")], vocabulary)).toEqual([de("sicherheitsrat")]);
  });

  it('meets the head the way Snowball stems it at a compound\'s end ("knappheit" in "lebensmittelknapp")', () => {
    expect(compoundsOfParts(new Set([de("lebensmittel")]), [de("knappheit")], vocabulary)).toEqual([de("lebensmittelknappheit")]);
  });

  it("needs both parts: a head with another modifier, or a modifier alone, is no match", () => {
    expect(compoundsOfParts(new Set([de("land")]), [de("rat")], vocabulary)).toEqual([]);
    expect(compoundsOfParts(new Set([de("sicherheit")]), [de("geber")], vocabulary)).toEqual([]);
    expect(compoundsOfParts(new Set([de("sicherheit")]), [], vocabulary)).toEqual([]);
  });
});
