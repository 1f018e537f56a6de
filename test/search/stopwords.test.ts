import { readFileSync } from "node:fs";
import stopwordLists from "stopword";
import { describe, expect, it } from "vitest";
import { foldToken, isStopWord } from "../../src/search/analyzer.js";

describe("the stop word lists", () => {
  it("are the stopword package's German and English lists (copy them with npm run build-stopwords)", () => {
    const copied: unknown = JSON.parse(readFileSync(new URL("../../data/stopwords/lists.json", import.meta.url), "utf8"));
    expect(copied).toEqual({ deu: stopwordLists.deu, eng: stopwordLists.eng });
  });

  it("make function words of both languages stop words, and leave content words the lists hold", () => {
    const stop = (word: string): boolean => isStopWord(foldToken(word));
    expect(stop("aber")).toBe(true);
    expect(stop("the")).toBe(true);
    expect(stop("does")).toBe(true);
    expect(stop("Jahr")).toBe(false);
    expect(stop("Waffen")).toBe(false);
  });
});
