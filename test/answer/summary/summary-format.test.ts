import { describe, expect, it } from "vitest";
import { parseSummaryCommand, parseSummaryRequest, sectionsMatching, summarizeArticle, summaryRequestSchema } from "../../../src/answer/summary/index.js";
import { formatSummaryText, summaryToJson } from "../../../src/cli/summary-format.js";
import { localizedSectionChoices } from "../../../src/discord/commands/summary.js";
import { BUDGET_HEADING, budgetArticle, NEXT_STEPS_HEADING } from "./fixtures.js";

describe("output", () => {
  it("summaryToJson has exactly the promised keys", () => {
    const summary = summarizeArticle(budgetArticle, { length: "short" });
    const parsed: unknown = JSON.parse(summaryToJson(summary));
    expect(parsed).toEqual({
      article: budgetArticle.title,
      length: "short",
      sentences: summary.sentences.map((sentence) => ({ text: sentence.text, paragraph: sentence.paragraph, section: sentence.heading })),
    });
    expect(Object.keys(parsed as object)).toEqual(["article", "length", "sentences"]);
  });

  it("formatSummaryText names article, publisher and date and cites every sentence", () => {
    const summary = summarizeArticle(budgetArticle, { length: "short" });
    const text = formatSummaryText(summary);
    expect(text).toContain(budgetArticle.title);
    expect(text).toContain("Neustädter Rundschau, 2024-03-12");
    for (const sentence of summary.sentences) expect(text).toContain(`[¶${sentence.paragraph}] ${sentence.text}`);
  });

  it("formatSummaryText groups a whole article's points under section headings, each once, and a section summary not at all", () => {
    const summary = summarizeArticle(budgetArticle, { length: "long" });
    const lines = formatSummaryText(summary).split("\n");
    const headingLines = lines.filter((line) => line.startsWith("  § "));
    const expected = [...new Set(summary.sentences.map((sentence) => sentence.heading ?? "Opening"))].map((heading) => `  § ${heading}`);
    expect(expected.length).toBeGreaterThan(1);
    expect(headingLines).toEqual(expected);
    // Each heading stands right above the first sentence of its section.
    for (const heading of headingLines) expect(lines[lines.indexOf(heading) + 1]).toMatch(/^ {2}\[¶\d+\] /);
    const section = formatSummaryText(summarizeArticle(budgetArticle, { length: "long", section: 1 }));
    expect(section).not.toContain("  § ");
  });

  it("parses typed /summary commands and raw options", () => {
    expect(parseSummaryCommand(["long", "2"], ["a"])).toEqual({ length: "long", section: "2" });
    expect(parseSummaryCommand(["a", "Einfluss", "der", "USA"], ["a", "b"])).toEqual({ articleId: "a", section: "Einfluss der USA" });
    expect(parseSummaryCommand([], ["a"])).toEqual({});
    expect(parseSummaryRequest({ length: "short", article: "a", section: "2" })).toEqual({ length: "short", articleId: "a", section: "2" });
    expect(() => parseSummaryRequest({ length: "endless" })).toThrow();
  });

  it("finds sections by what was typed, and offers them for autocomplete in the user's language", () => {
    expect(sectionsMatching(budgetArticle)).toEqual([
      { label: "1: (opening, no heading)", number: 1 },
      { label: `2: ${BUDGET_HEADING}`, number: 2 },
      { label: `3: ${NEXT_STEPS_HEADING}`, number: 3 },
    ]);
    expect(sectionsMatching(budgetArticle, "brucken").map((section) => section.number)).toEqual([2]);
    expect(localizedSectionChoices(budgetArticle, "", "de")).toEqual([
      { name: "1: Einleitung (ohne Überschrift)", value: "1" },
      { name: `2: ${BUDGET_HEADING}`, value: "2" },
      { name: `3: ${NEXT_STEPS_HEADING}`, value: "3" },
    ]);
  });

  it("the request schema defaults to medium and rejects bad lengths", () => {
    expect(summaryRequestSchema.parse({})).toEqual({ length: "medium" });
    expect(summaryRequestSchema.safeParse({ length: "huge" }).success).toBe(false);
    expect(summaryRequestSchema.parse({ article: " a ", section: " Intro " })).toEqual({ article: "a", section: "Intro", length: "medium" });
  });
});
