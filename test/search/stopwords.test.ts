import { readFileSync } from "node:fs";
import stopwordLists from "stopword";
import { describe, expect, it } from "vitest";
import { foldToken, isStopWord } from "../../src/search/analyzer.js";
import { otherLanguageWords, OTHER_LANGUAGES, sharedFunctionWords } from "../../src/search/other-language-words.js";

describe("the stop word lists", () => {
  it("are the stopword package's German and English lists (copy them with npm run build-stopwords)", () => {
    const copied: unknown = JSON.parse(readFileSync(new URL("../../data/stopwords/lists.json", import.meta.url), "utf8"));
    expect(copied).toEqual({ deu: stopwordLists.deu, eng: stopwordLists.eng });
  });

  it("write the other languages' function words as the package has them, German or English stop words apart", () => {
    const copied: unknown = JSON.parse(readFileSync(new URL("../../data/stopwords/other-languages.json", import.meta.url), "utf8"));
    const lists = OTHER_LANGUAGES.map((language) => stopwordLists[language]);
    const words = otherLanguageWords(lists);
    const shared = sharedFunctionWords(lists);
    expect(copied).toEqual({ languages: [...OTHER_LANGUAGES], words, shared });
    expect(words).toContain("que");
    expect(words.some((word) => isStopWord(word))).toBe(false);
    expect(shared).toEqual(expect.arrayContaining(["a", "do", "da"]));
    expect(shared.every((word) => isStopWord(word))).toBe(true);
    const notices = readFileSync(new URL("../../data/stopwords/other-languages-notices.txt", import.meta.url), "utf8");
    for (const language of OTHER_LANGUAGES) expect(notices).toContain(`src/stopwords_${language}.js`);
  });

  it("make function words of both languages stop words, and leave content words the lists hold", () => {
    const stop = (word: string): boolean => isStopWord(foldToken(word));
    expect(stop("aber")).toBe(true);
    expect(stop("the")).toBe(true);
    expect(stop("does")).toBe(true);
    expect(stop("hallo")).toBe(true);
    expect(stop("thx")).toBe(true);
    // Spoken articles and adverbs, chat fillers: "mit nem Panzer", "steht rum", "what stuff".
    for (const word of ["nem", "nen", "rum", "drauf", "eigentlich", "Zeug", "stuff"]) expect(stop(word), word).toBe(true);
    expect(stop("Jahr")).toBe(false);
    expect(stop("Waffen")).toBe(false);
  });
});
