import { describe, expect, it } from "vitest";
import { analyze } from "../../src/search/analyzer.js";
import { compoundParts, editDistance, headInCompound, verbStemVariants, Vocabulary } from "../../src/search/vocabulary.js";

const term = (word: string): string => analyze(word, "de")[0]?.term ?? "";

describe("Vocabulary", () => {
  const vocabulary = new Vocabulary(["braucht", "benotigt", "munitionsmangel", "lebensmittelknapp", "waff", "putin", "machthab"]);

  it("reaches verb forms that Snowball stems apart", () => {
    expect(verbStemVariants("braucht")).toContain("brauch");
    expect(vocabulary.resolve("brauch")).toEqual(["braucht"]);
    expect(vocabulary.resolve(term("benötigen"))).toEqual(["benotigt"]);
    expect(vocabulary.resolve("fehlt")).toEqual([]);
  });

  it("reaches a noun in -el from its dative plural, which Snowball keeps apart", () => {
    const nouns = new Vocabulary([term("Lebensmitteln"), term("Insel")]);
    expect(term("Lebensmitteln")).not.toBe(term("Lebensmittel"));
    expect(nouns.resolve(term("Lebensmittel"))).toEqual([term("Lebensmitteln")]);
    expect(nouns.resolve(term("Inseln"))).toEqual([term("Insel")]);
    expect(verbStemVariants("eln")).toEqual([]);
  });

  it("finds compounds by their head, and by their modifier only when it is long enough", () => {
    expect(vocabulary.compounds("mangel")).toEqual(["munitionsmangel"]);
    expect(vocabulary.compounds("lebensmittel")).toEqual(["lebensmittelknapp"]);
    // At a compound's end a word may stem shorter than alone: "Knappheit" in "Lebensmittelknappheit".
    expect(vocabulary.compounds(term("Knappheit"))).toEqual(["lebensmittelknapp"]);
    // "mach" begins too many unrelated words to stand for a compound part.
    expect(vocabulary.compounds("mach")).toEqual([]);
  });

  it("re-stems a compound's head only where Snowball's derivational endings differ", () => {
    expect(headInCompound(term("Knappheit"))).toBe("knapp");
    expect(headInCompound(term("Technik"))).toBe("techn");
    expect(headInCompound(term("Mangel"))).toBe(term("Mangel"));
    expect(headInCompound(analyze("water", "en")[0]?.term ?? "")).toBe("water");
  });

  it("corrects one typo in a word of four letters or more, and only among its own first letter", () => {
    expect(vocabulary.nearSpellings("putn")).toEqual(["putin"]);
    expect(vocabulary.nearSpellings("wafff")).toEqual(["waff"]);
    expect(vocabulary.nearSpellings("brot")).toEqual([]);
    expect(vocabulary.nearSpellings("kutin")).toEqual([]);
    expect(editDistance("nordkora", "nordkorea", 2)).toBe(1);
    expect(editDistance("waffne", "waffen", 1)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  it("looks up as a list of every term learnt, in the order learnt, through added and deleted terms", () => {
    // Verb forms whose reduced forms meet: "braucht" and "brauchst" both reduce to "brauch", itself a term here.
    const words = ["braucht", "brauch", "brauchst", "benotigt", "benot", "benotig", "fehlt", "fehl", "kostet", "kost", "waff", "2023"];
    const keys = [...new Set(words.flatMap((word) => [word, ...verbStemVariants(word)]))];
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const learning = new Vocabulary([]);
    let learnt: string[] = [];
    for (let step = 0; step < 400; step += 1) {
      const word = words[random(words.length)] ?? "";
      if (random(3) === 0) {
        learning.delete(word);
        learnt = learnt.filter((known) => known !== word);
      } else {
        learning.add([word]);
        if (!learnt.includes(word)) learnt.push(word);
      }
      for (const key of keys) {
        expect(learning.lookup(key)).toEqual(learnt.filter((known) => known === key || verbStemVariants(known).includes(key)));
      }
    }
  });

  it("opens again from what it stored as it was, and rebuilds when the stored orders are not its terms'", () => {
    const learnt = ["braucht", "munitionsmangel", "lebensmittelknapp", "waff", "2023", "putin", "brauchst", "zugmangel", "benotigt"];
    const original = new Vocabulary(learnt);
    original.delete("zugmangel");
    original.add(["mangelware", "kostet"]);
    const terms = [...learnt.filter((term) => term !== "zugmangel"), "mangelware", "kostet"];
    const stored = original.stored();
    const restored = Vocabulary.restore(terms, stored);
    const probes = ["brauch", "brauchst", "benot", "kost", "mangel", "lebensmittel", "putn", "waff", "2023", "zugmangel", "mangelw"];
    const answers = (vocabulary: Vocabulary): unknown[] =>
      probes.map((probe) => [vocabulary.lookup(probe), vocabulary.resolve(probe), vocabulary.compounds(probe), vocabulary.nearSpellings(probe)]);
    expect(answers(restored)).toEqual(answers(original));
    // It goes on learning like the original.
    restored.add(["waffenmangel"]);
    original.add(["waffenmangel"]);
    expect(answers(restored)).toEqual(answers(original));
    // Orders of another length than the terms': not theirs, so rebuilt from the terms, with the same answers.
    const short = Vocabulary.restore(terms, { ...stored, sorted: stored.sorted.slice(1) });
    const long = Vocabulary.restore(terms, { ...stored, sortedBackwards: [...stored.sortedBackwards, "fremd"] });
    const fresh = new Vocabulary(terms);
    expect(answers(short)).toEqual(answers(fresh));
    expect(answers(long)).toEqual(answers(fresh));
  });

  it("splits a compound the articles lack into parts they have", () => {
    const parts = new Vocabulary(["korea", "krieg", "mangel"]);
    expect(compoundParts("koreakrieg", parts).sort()).toEqual(["korea", "krieg"]);
    expect(compoundParts("hungersmangel", parts)).toEqual(["mangel"]);
    expect(compoundParts("brot", parts)).toEqual([]);
  });
});
