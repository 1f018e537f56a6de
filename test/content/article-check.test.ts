import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleShape, notAnArticleReason } from "../../src/content/article-check.js";
import { parseArticleBytes } from "../../src/content/load.js";
import { readArticleUpload } from "../../src/content/library/upload-reading.js";
import { README_LIKE } from "../helpers/content-fixtures.js";

function shapeOf(text: string, fileName: string): ReturnType<typeof articleShape> {
  return articleShape(text, parseArticleBytes(Buffer.from(text), fileName));
}

describe("notAnArticleReason", () => {
  it("takes a news article, short or long, for an article", () => {
    const bundled = readFileSync(path.resolve("data/articles/nordkorea-russland-waffen.txt"), "utf8");
    expect(notAnArticleReason(shapeOf(bundled, "a.txt"))).toBeNull();
    expect(notAnArticleReason(shapeOf("# Neue Züge\n\nDie Bahn setzt ab Montag neue Züge auf der Strecke ein.\n", "b.md"))).toBeNull();
  });

  it("refuses a README-like document and a list of links, saying why", () => {
    expect(notAnArticleReason(shapeOf(README_LIKE, "readme.md"))).toMatchObject({ kind: "mostly-structure", percent: expect.any(Number) as number });
    const links = Array.from({ length: 12 }, (_, index) => `https://example.org/page-${index}`).join("\n");
    expect(notAnArticleReason(shapeOf(`Links\n\n${links}\n`, "links.txt"))).toMatchObject({ kind: "mostly-structure" });
    expect(notAnArticleReason(shapeOf("Einkaufsliste\n\nMilch\n\nBrot\n", "liste.txt"))).toEqual({ kind: "no-prose" });
  });

  it("judges a page copied as Markdown by its article, not by the site's menus and link lists around it", () => {
    const page = readFileSync(path.resolve("test/fixtures/page-copies-4/tonline-finanzen.md"), "utf8");
    const article = parseArticleBytes(Buffer.from(page), "finanzen.md");
    expect(notAnArticleReason(articleShape(page, article))).toMatchObject({ kind: "mostly-structure" });
    expect(notAnArticleReason(articleShape(page, article, { pageCopy: true }))).toBeNull();
    // A README keeps its code, tables and lists between its paragraphs: judged by their span, it is still refused.
    expect(notAnArticleReason(articleShape(README_LIKE, parseArticleBytes(Buffer.from(README_LIKE), "readme.md"), { pageCopy: true }))).toMatchObject({
      kind: "mostly-structure",
    });
  });

  it("lets such a page be added, and still refuses a README", async () => {
    const page = readFileSync(path.resolve("test/fixtures/page-copies-4/tonline-finanzen.md"));
    expect((await readArticleUpload("gaspreise.md", page, 1_000_000)).notAnArticle).toBeNull();
    expect((await readArticleUpload("readme.md", Buffer.from(README_LIKE), 1_000_000)).notAnArticle).toMatchObject({ kind: "mostly-structure" });
  });
});
