import { describe, expect, it } from "vitest";
import type { ArticleChange, ArticleCheck } from "../../src/content/library/index.js";
import type { ArticleReading } from "../../src/content/reading.js";
import { presentArticleCheck, withReading } from "../../src/discord/article-reading.js";
import { presentReport } from "../../src/discord/content-presentation.js";
import { embedLimitViolations, embedTextLength, LIMITS } from "../../src/discord/presentation/index.js";
import { FAKE_READING } from "../helpers/fake-admin.js";

/** A page copy read badly: many sections of long paragraphs, and many dropped lines full of markup. */
function hugeReading(): ArticleReading {
  const opening = "Wort_mit *Sternen* und `Code` ".repeat(8).trim();
  return {
    ...FAKE_READING,
    title: "T".repeat(500),
    kicker: "K".repeat(400),
    paragraphCount: 30 * 20,
    sections: Array.from({ length: 30 }, (_, section) => ({
      heading: `Abschnitt ${section + 1} ${"h".repeat(300)}`,
      paragraphs: Array.from({ length: 20 }, (_, index) => ({ number: section * 20 + index + 1, opening, clipped: true })),
    })),
    sources: Array.from({ length: 50 }, (_, index) => `Quelle ${index}`),
    dropped: Array.from({ length: 200 }, (_, index) => ({ text: `**Menü** ${index} ${"x".repeat(200)}`, reason: "site interface" as const })),
  };
}

const check = (reading: ArticleReading, extra: Partial<ArticleCheck> = {}): ArticleCheck => ({
  articleId: "neuer-artikel",
  fileName: "neuer-artikel.txt",
  reading,
  notAnArticle: null,
  replaces: null,
  ...extra,
});

describe("how an upload was read, in Discord", () => {
  it("stays within Discord's limits however long the reading, and escapes the page's text", () => {
    const embed = presentArticleCheck(check(hugeReading()), "seite.txt", "de").embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    // What was left out stays when sections have to go.
    const dropped = embed.fields?.find((field) => field.name.startsWith("Als Webseite um den Artikel weggelassen"));
    expect(dropped?.name).toBe("Als Webseite um den Artikel weggelassen (200 Zeilen)");
    expect(dropped?.value).toMatch(/^\[Bedienelement der Seite\] \\\*\\\*Menü\\\*\\\* 0 x+…/u);
    expect(dropped?.value).toMatch(/… und \d+ weitere$/u);
    expect(embed.fields?.some((field) => field.value.includes("¶1 "))).toBe(true);
  });

  it("warns when adding the file would be refused or would replace an article", () => {
    const embed = presentArticleCheck(
      check(FAKE_READING, { notAnArticle: { kind: "no-prose" }, replaces: { fileName: "neuer-artikel.txt", title: "Der *alte* Artikel" } }),
      "neuer_artikel.txt",
      "en",
    ).embeds[0];
    const warnings = (embed?.fields ?? []).filter((field) => field.name === "⚠").map((field) => field.value);
    expect(warnings).toHaveLength(2);
    // The file name and the title are the uploader's text: escaped, so they cannot turn into markdown.
    expect(warnings[0]).toMatch(/^"neuer\\_artikel\.txt" cannot be added: it does not look like a news article/u);
    expect(warnings[1]).toBe('Article `neuer-artikel` ("Der \\*alte\\* Artikel") already exists: adding this file needs replace: True and replaces it.');
  });

  it("shows below an upload's report how it was read, the two embeds within 6,000 characters together", () => {
    const change: ArticleChange = {
      action: "added",
      articleId: "neuer-artikel",
      title: "Ein neuer Artikel",
      previousTitle: null,
      fileName: "neuer-artikel.txt",
      requestedFileName: null,
      paragraphs: 600,
      reading: hugeReading(),
      message: "Added.",
    };
    const unchanged = Array.from({ length: 400 }, (_, index) => `artikel-${index}`);
    const report = {
      added: ["neuer-artikel"],
      changed: [],
      removed: [],
      unchanged,
      articles: 401,
      paragraphs: 9_000,
      durationMs: 1_000,
      mode: "lexical" as const,
    };
    const payload = withReading(presentReport(report, change, "en"), change, "en");
    expect(payload.embeds).toHaveLength(2);
    expect(payload.embeds[1]?.title).toBe("How the new article was read");
    expect(payload.embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const embed of payload.embeds) expect(embedLimitViolations(embed)).toEqual([]);
    // A removal has no reading: the report alone.
    expect(withReading(presentReport(report, { ...change, action: "removed", reading: null }, "en"), { ...change, reading: null }, "en").embeds).toHaveLength(
      1,
    );
  });
});
