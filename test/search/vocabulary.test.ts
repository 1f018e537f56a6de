import { describe, expect, it } from "vitest";
import { analyze } from "../../src/search/analyzer.js";
import { compoundParts, editDistance, verbStemVariants, Vocabulary } from "../../src/search/vocabulary.js";

const term = (word: string): string => analyze(word, "de")[0]?.term ?? "";

describe("Vocabulary", () => {
  const vocabulary = new Vocabulary(["braucht", "benotigt", "munitionsmangel", "lebensmittelknapp", "waff", "putin", "machthab"]);

  it("reaches verb forms that Snowball stems apart", () => {
    expect(verbStemVariants("braucht")).toContain("brauch");
    expect(vocabulary.resolve("brauch")).toEqual(["braucht"]);
    expect(vocabulary.resolve(term("benötigen"))).toEqual(["benotigt"]);
    expect(vocabulary.resolve("fehlt")).toEqual([]);
  });

  it("finds compounds by their head, and by their modifier only when it is long enough", () => {
    expect(vocabulary.compounds("mangel")).toEqual(["munitionsmangel"]);
    expect(vocabulary.compounds("lebensmittel")).toEqual(["lebensmittelknapp"]);
    // "mach" begins too many unrelated words to stand for a compound part.
    expect(vocabulary.compounds("mach")).toEqual([]);
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

  it("splits a compound the articles lack into parts they have", () => {
    const parts = new Vocabulary(["korea", "krieg", "mangel"]);
    expect(compoundParts("koreakrieg", parts).sort()).toEqual(["korea", "krieg"]);
    expect(compoundParts("hungersmangel", parts)).toEqual(["mangel"]);
    expect(compoundParts("brot", parts)).toEqual([]);
  });
});
