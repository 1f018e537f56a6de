import { describe, expect, it } from "vitest";
import { articleChoices, paragraphChoiceName, paragraphChoices } from "../../../src/discord/presentation/index.js";
import { fixtureArticle } from "../../helpers/fake-qa.js";

describe("autocomplete choices", () => {
  const article = fixtureArticle();

  it("names a paragraph by ¶, section and opening words within 100 characters", () => {
    const paragraph = article.paragraphs[5];
    if (!paragraph) throw new Error("missing fixture paragraph");
    const name = paragraphChoiceName(paragraph);
    expect(name.startsWith("¶6 · Russland braucht für seinen… · Eine engere Kooperation beider Länder")).toBe(true);
    expect(name.endsWith("…")).toBe(true);
    expect(name.length).toBeLessThanOrEqual(100);
    for (const each of article.paragraphs) expect(paragraphChoiceName(each).length).toBeLessThanOrEqual(100);
  });

  it("filters by number prefix or by words, accent-insensitively", () => {
    expect(paragraphChoices(article, "").map((choice) => choice.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paragraphChoices(article, "1").map((choice) => choice.value)).toEqual([1, 10]);
    expect(paragraphChoices(article, "¶7").map((choice) => choice.value)).toEqual([7]);
    expect(paragraphChoices(article, "munition").map((choice) => choice.value)).toEqual([3, 5, 6, 7, 8]);
    expect(paragraphChoices(article, "Ruestung").map((choice) => choice.value)).toEqual([]);
    expect(paragraphChoices(article, "rustungsguter").map((choice) => choice.value)).toEqual([8]);
  });

  it("offers at most 25 choices", () => {
    const big = { ...article, paragraphs: Array.from({ length: 60 }, (_, index) => ({ ...article.paragraphs[0]!, number: index + 1 })) };
    expect(paragraphChoices(big, "")).toHaveLength(25);
  });

  it("suggests articles by title with their key as value", () => {
    const choices = articleChoices([article, fixtureArticle({ id: "zweiter", title: "Etwas ganz anderes" })], "nordkorea");
    expect(choices).toEqual([{ name: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? (2023-09-05)", value: "nordkorea-russland-waffen" }]);
  });
});
