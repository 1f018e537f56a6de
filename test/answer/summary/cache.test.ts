import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/content/types.js";
import { summarizeArticle, Summarizer, SummaryCache, UnknownArticleError, type SummaryLength } from "../../../src/answer/summary/index.js";
import { BUDGET_HEADING, budgetArticle, budgetSpec, buildArticle, checkSummaryInvariants } from "./fixtures.js";

describe("SummaryCache and Summarizer", () => {
  it("returns the same object without recomputing, per length", () => {
    const cache = new SummaryCache();
    let computations = 0;
    const compute = (length: SummaryLength) => () => {
      computations += 1;
      return summarizeArticle(budgetArticle, { length });
    };
    const key = { length: "medium" as const, sectionIndex: null, scoring: "lexical" };
    const first = cache.get(budgetArticle, key, compute("medium"));
    const second = cache.get(budgetArticle, key, compute("medium"));
    expect(second).toBe(first);
    expect(computations).toBe(1);
    cache.get(budgetArticle, { ...key, length: "short" }, compute("short"));
    cache.get(budgetArticle, { ...key, sectionIndex: 1 }, compute("medium"));
    cache.get(budgetArticle, { ...key, scoring: "embeddings:model" }, compute("medium"));
    expect(computations).toBe(4);
    expect(cache.stats).toEqual({ hits: 1, misses: 4, entries: 4 });
  });

  it("invalidates when the article text changes", () => {
    const cache = new SummaryCache();
    let computations = 0;
    const key = { length: "medium" as const, sectionIndex: null, scoring: "lexical" };
    const summarize = (article: Article) =>
      cache.get(article, key, () => {
        computations += 1;
        return summarizeArticle(article, { length: "medium" });
      });
    const before = summarize(budgetArticle);
    cache.get(budgetArticle, { ...key, length: "short" }, () => summarizeArticle(budgetArticle, { length: "short" }));
    const edited = buildArticle({
      ...budgetSpec,
      sections: [
        {
          heading: null,
          paragraphs: [
            ["Der Stadtrat von Neustadt hat am Mittwoch einen Sparhaushalt für das kommende Jahr knapp beschlossen."],
            ...(budgetSpec.sections[0]?.paragraphs.slice(1) ?? []),
          ],
        },
        ...budgetSpec.sections.slice(1),
      ],
    });
    expect(edited.id).toBe(budgetArticle.id);
    const after = summarize(edited);
    expect(computations).toBe(2);
    expect(after).not.toBe(before);
    // The old version's entries are gone, not just shadowed.
    expect(cache.size).toBe(1);
    checkSummaryInvariants(edited, after);
  });

  it("evicts the least recently used entry", () => {
    const cache = new SummaryCache(2);
    const key = { length: "short" as const, sectionIndex: null, scoring: "lexical" };
    let computations = 0;
    const get = (sectionIndex: number | null) =>
      cache.get(budgetArticle, { ...key, sectionIndex }, () => {
        computations += 1;
        return summarizeArticle(budgetArticle, sectionIndex === null ? { length: "short" } : { length: "short", section: sectionIndex });
      });
    get(null);
    get(1);
    get(null); // refreshes null
    get(2); // evicts 1
    get(null);
    expect(computations).toBe(3);
    get(1);
    expect(computations).toBe(4);
  });

  it("shares one async computation between concurrent requests and does not cache failures", async () => {
    const cache = new SummaryCache();
    const key = { length: "medium" as const, sectionIndex: null, scoring: "embeddings:test" };
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return summarizeArticle(budgetArticle);
    };
    const [a, b] = await Promise.all([cache.getAsync(budgetArticle, key, compute), cache.getAsync(budgetArticle, key, compute)]);
    expect(a).toBe(b);
    expect(computations).toBe(1);
    const failingKey = { ...key, scoring: "embeddings:broken" };
    await expect(cache.getAsync(budgetArticle, failingKey, () => Promise.reject(new Error("model gone")))).rejects.toThrow("model gone");
    expect(await cache.getAsync(budgetArticle, failingKey, compute)).toBeDefined();
  });

  it("Summarizer: resolves article and section, caches across equivalent selectors, falls back to lexical", async () => {
    const other = buildArticle({ ...budgetSpec, id: "zweiter-artikel" });
    const errors: unknown[] = [];
    const summarizer = new Summarizer(new SummaryCache(), (error) => errors.push(error));
    await expect(summarizer.summarize([budgetArticle, other], {})).rejects.toThrow(UnknownArticleError);
    await expect(summarizer.summarize([budgetArticle, other], { articleId: "nope" })).rejects.toThrow(/haushalt-neustadt, zweiter-artikel/);
    const only = await summarizer.summarize([budgetArticle], {});
    expect(only.articleId).toBe("haushalt-neustadt");
    expect(only.length).toBe("medium");
    const byNumber = await summarizer.summarize([budgetArticle, other], { articleId: budgetArticle.id, section: "2" });
    const byHeading = await summarizer.summarize([budgetArticle, other], { articleId: budgetArticle.id, section: BUDGET_HEADING });
    expect(byHeading).toBe(byNumber);
    const broken = { modelId: "broken", embed: () => Promise.reject(new Error("no model")) };
    const fallback = await summarizer.summarize([budgetArticle], {}, broken);
    expect(fallback.scoring).toBe("lexical");
    expect(fallback).toBe(only);
    expect(errors).toHaveLength(1);
  });
});
