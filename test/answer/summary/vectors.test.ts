import { describe, expect, it } from "vitest";
import { needsPredecessor, summarizeArticle, summarizeArticleWithEmbeddings, summaryCandidateSentences } from "../../../src/answer/summary/index.js";
import { budgetArticle, checkSummaryInvariants } from "./fixtures.js";

describe("embedding scoring", () => {
  it("uses sentence vectors when every candidate has one, and stays faithful", async () => {
    const seen: string[][] = [];
    // Nearly parallel vectors, as sentence encoders produce: redundancy must be judged relative to that.
    const summary = await summarizeArticleWithEmbeddings(budgetArticle, { length: "medium" }, async (texts) => {
      seen.push(texts);
      return texts.map((text, i) => [1, 0.05 * Math.sin(i + text.length), 0.05 * Math.cos(i)]);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(summaryCandidateSentences(budgetArticle).map((candidate) => candidate.text));
    expect(summary.scoring).toBe("embeddings");
    // Near-parallel synthetic vectors make some pairs near-duplicates, so the summary may stop short of five.
    expect(summary.sentences.length).toBeGreaterThanOrEqual(3);
    expect(summary.sentences.length).toBeLessThanOrEqual(5);
    checkSummaryInvariants(budgetArticle, summary);
  });

  it("follows the vectors: the sentence nearest the centroid comes in", () => {
    const candidates = summaryCandidateSentences(budgetArticle);
    // At medium length: a short summary's three places go to the standfirst and the sections' shares first.
    const lexical = summarizeArticle(budgetArticle, { length: "medium" });
    const lexicalTexts = new Set(lexical.sentences.map((sentence) => sentence.text));
    // Put a sentence the lexical summary leaves out at the centre of the embedding space, every other one on a ring around it.
    const central = candidates.find((candidate) => !lexicalTexts.has(candidate.text) && !needsPredecessor(candidate.text));
    if (!central) throw new Error("no sentence left out of the lexical summary");
    const vectors = new Map(
      candidates.map((candidate, i) => [candidate.key, candidate.key === central.key ? [1, 0, 0] : [1, Math.cos(i) * 2, Math.sin(i) * 2]]),
    );
    const embedded = summarizeArticle(budgetArticle, { length: "medium", sentenceVectors: vectors });
    expect(embedded.scoring).toBe("embeddings");
    expect(embedded.sentences.map((sentence) => sentence.text)).toContain(central.text);
  });

  it("falls back to lexical scoring when a vector is missing", () => {
    const [first] = summaryCandidateSentences(budgetArticle);
    const vectors = new Map(first ? [[first.key, [1, 0]]] : []);
    expect(summarizeArticle(budgetArticle, { sentenceVectors: vectors }).scoring).toBe("lexical");
  });
});
