import { describe, expect, it } from "vitest";
import { MAX_TRANSLATIONS, senseWeight, serializeCounts, serializeTranslations, TranslationTable } from "../../../scripts/lexicons/translations.js";

describe("TranslationTable", () => {
  it("ranks translations by how well the dictionaries attest them, first senses weighing most", () => {
    const table = new TranslationTable();
    // "shell": the boat is the first sense of one entry, the shell of three.
    table.add("shell", "rennruderboot", senseWeight(0));
    table.add("shell", "granat", senseWeight(1));
    table.add("shell", "granat", senseWeight(0));
    table.add("shell", "geschoss", senseWeight(2));
    expect(table.best("shell")).toEqual(["granat", "rennruderboot", "geschoss"]);
  });

  it("puts pinned names first and keeps at most MAX_TRANSLATIONS", () => {
    const table = new TranslationTable();
    for (let index = 0; index < MAX_TRANSLATIONS + 5; index += 1) table.add("korea", `word${index}`, 1);
    table.pin("korea", "korea");
    const best = table.best("korea");
    expect(best[0]).toBe("korea");
    expect(best).toHaveLength(MAX_TRANSLATIONS);
  });

  it("writes sorted lines of kept headwords that translate to something other than themselves", () => {
    const table = new TranslationTable();
    table.add("zug", "train", 1);
    table.add("abc", "abc", 1);
    table.add("rar", "rare", 1);
    expect(serializeTranslations(table, (key) => key !== "rar")).toBe("zug\ttrain");
  });
});

describe("serializeCounts", () => {
  it("writes log2 classes per ten million terms, sorted, for terms seen at least four times", () => {
    const counts = new Map([
      ["want", 4],
      ["howitzer", 4],
      ["rare", 3],
      ["and", 99_989],
    ]);
    // 4 of 100,000 terms: 400 per ten million, class 8.
    expect(serializeCounts(counts)).toBe("and\t23\nhowitzer\t8\nwant\t8");
  });

  it("raises a class that running text puts higher, and adds no term of it", () => {
    const dictionary = new Map([
      ["want", 4],
      ["howitzer", 4],
      ["and", 99_992],
    ]);
    const runningText = new Map([
      ["want", 500],
      ["howitzer", 4],
      ["ferry", 496],
      ["go", 99_000],
    ]);
    // In running text "want" is 500 of 100,000 (class 15), "howitzer" lower than in the dictionary (class 8 stays).
    expect(serializeCounts(dictionary, runningText)).toBe("and\t23\nhowitzer\t8\nwant\t15");
  });
});
