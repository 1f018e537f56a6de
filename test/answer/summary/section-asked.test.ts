import { describe, expect, it } from "vitest";
import { sectionAsked, type ArticleSearch } from "../../../src/answer/summary/section-asked.js";
import type { Article } from "../../../src/content/types.js";

/** An article with an untitled opening (¶1–2) and two headed sections (¶3, ¶4–5). */
function article(headings: (string | null)[] = [null, "Die Sanktionen greifen", "Reise nach Moskau"]): Article {
  const layout = [[1, 2], [3], [4, 5]].slice(0, headings.length);
  const paragraphs = layout.flatMap((numbers, sectionIndex) =>
    numbers.map((number) => ({ articleId: "a", number, sectionIndex, heading: headings[sectionIndex] ?? null, text: `Absatz ${number}.`, sentences: [] })),
  );
  return {
    id: "a",
    title: "Titel",
    kicker: null,
    publisher: null,
    url: null,
    date: null,
    sections: headings.map((heading, index) => ({ heading, paragraphNumbers: layout[index] ?? [] })),
    paragraphs,
    sources: [],
    format: "txt",
    contentHash: "0",
  };
}

const finds =
  (...ids: string[]): ArticleSearch =>
  () =>
    Promise.resolve(ids);

describe("sectionAsked", () => {
  it("finds a section by its place, and says when the place is past the end", async () => {
    expect(await sectionAsked(article(), { place: 2 }, finds())).toEqual({ index: 1 });
    expect(await sectionAsked(article(), { place: "last" }, finds())).toEqual({ index: 2 });
    expect(await sectionAsked(article(), { place: 4 }, finds())).toEqual({ missing: true });
    expect(await sectionAsked(article(), { place: 0 }, finds())).toEqual({ missing: true });
  });

  it("prefers the one heading that holds all the words, in any of their forms, over the passages found", async () => {
    expect(await sectionAsked(article(), { words: ["sanktion"] }, finds("a#5"))).toEqual({ index: 1 });
    expect(await sectionAsked(article(), { words: ["moskau", "reise"] }, finds("a#1"))).toEqual({ index: 2 });
  });

  it("else takes the section of the first passage of this article the words find", async () => {
    expect(await sectionAsked(article(), { words: ["panzerzug"] }, finds("b#3", "a#4", "a#1"))).toEqual({ index: 2 });
    expect(await sectionAsked(article(), { words: ["wetter"] }, finds())).toEqual({ missing: true });
  });

  it("leaves an article without sections to choose from to the passages", async () => {
    expect(await sectionAsked(article([null]), { place: 1 }, finds("a#1"))).toBeNull();
  });
});
