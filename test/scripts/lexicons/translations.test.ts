import { describe, expect, it } from "vitest";
import { MAX_TRANSLATIONS, senseWeight, serializeTranslations, TranslationTable } from "../../../scripts/lexicons/translations.js";

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
