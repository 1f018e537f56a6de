import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleShape, notAnArticleReason } from "../../src/content/article-check.js";
import { parseArticleBytes } from "../../src/content/load.js";
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
});
