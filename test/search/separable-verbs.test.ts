import { describe, expect, it } from "vitest";
import { stem } from "../../src/search/analyzer.js";
import { loadLexicons } from "../../src/search/lexicons.js";
import { SeparableVerbReader, separableVerbReader, type VerbLexicon } from "../../src/search/separable-verbs.js";

const de = (word: string): string => stem(word, "de");

/** A few verbs: "weisen" (forms the stemmer keeps apart) and "zurückweisen", "anschauen" with a synset. */
function lexicon(): VerbLexicon {
  const forms = new Map<string, string[]>([
    [de("wiesen"), [de("weisen"), de("gewiesen")]],
    [de("weisen"), [de("wiesen"), de("gewiesen")]],
    [de("zurückweisen"), [de("zurückgewiesen")]],
    [de("zurückgewiesen"), [de("zurückweisen")]],
  ]);
  const synonyms = new Map<string, string[]>([[de("anschauen"), [de("ansehen")]]]);
  return { verbForms: forms, verbSynonyms: synonyms, isWord: (term) => term === de("zurückweisen") };
}

describe("SeparableVerbReader", () => {
  it("joins a clause's last particle to its finite verb when the dictionaries know the verb", () => {
    const reader = new SeparableVerbReader(lexicon());
    expect(reader.joined("Beide wiesen die Anschuldigungen zurück.")).toEqual([de("zurückweisen")]);
    expect(reader.joined("Damals schaute sich Schoigu Waffen an, und er lud Kim ein.")).toEqual([de("anschauen")]);
  });

  it("joins nothing where the particle is not last in its clause, or no verb is known", () => {
    const reader = new SeparableVerbReader(lexicon());
    expect(reader.joined("Sie wiesen zurück, was man ihnen vorwarf")).toEqual([de("zurückweisen")]);
    expect(reader.joined("Zurück wiesen sie nichts.")).toEqual([]);
    expect(reader.joined("Die Truppen kamen am 1. Juli an.")).toEqual([]);
    expect(reader.joined("")).toEqual([]);
  });

  it("reads the verbs of news prose with the bundled lexicons", () => {
    const reader = new SeparableVerbReader({
      verbForms: loadLexicons().verbForms.de,
      verbSynonyms: loadLexicons().verbSynonyms,
      isWord: (term) => loadLexicons().frequency.de.has(term),
    });
    const text =
      "Damals schaute sich Schoigu nicht nur nordkoreanische Waffentechnologie an, sondern lud Kim Jong Un kurzerhand nach Russland ein. " +
      "Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt. Seit Wochen greifen russische Truppen die Stadt an.";
    expect(reader.joined(text)).toEqual([de("anschauen"), de("einladen"), de("stattfinden"), de("angreifen")]);
  });

  it("says which word of a question is the split verb's finite one", () => {
    const reader = separableVerbReader(loadLexicons());
    expect(reader.joinedVerbs("wann findet das treffen statt?")).toEqual([{ finite: "findet", term: de("stattfinden") }]);
    expect(reader.joinedVerbs("mit was reist kim an, flieger?")).toEqual([{ finite: "reist", term: de("anreisen") }]);
    expect(separableVerbReader(loadLexicons())).toBe(reader);
  });
});
