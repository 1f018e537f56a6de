import { z } from "zod";
import type { Article } from "../../content/types.js";
import { foldToken, tokenize } from "../../search/analyzer.js";

/**
 * Judging a summary against a reference list of an article's main points.
 * A point is a set of key-term groups: a text mentions the point when it
 * contains one alternative of every group (folded substrings, so "sanktion"
 * matches "Sanktionen"). The lists are written by hand per article, apart
 * from the summariser, and say what a reader would want a summary to tell.
 */

/**
 * The sealed split: articles written, with their points, by a writer who never
 * saw the summariser; they are scored only in aggregate and nothing is tuned
 * or tested on them (see test/fixtures/README.md).
 */
export function isSealedSummaryArticle(articleId: string): boolean {
  return articleId.startsWith("sealed-");
}

export const mainPointSchema = z.object({
  point: z.string().min(1),
  groups: z.array(z.array(z.string().min(2)).min(1)).min(1),
  /** Paragraphs whose sentences state the point (documentation for the reader of the list). */
  paragraphs: z.array(z.number().int().positive()).default([]),
});
export type MainPoint = z.infer<typeof mainPointSchema>;

export const mainPointsFileSchema = z.object({
  /** Id of the article (its file name without extension). */
  article: z.string().min(1),
  lang: z.enum(["de", "en"]),
  points: z.array(mainPointSchema).min(1),
});
export type MainPointsFile = z.infer<typeof mainPointsFileSchema>;

function mentions(point: MainPoint, folded: string): boolean {
  return point.groups.every((alternatives) => alternatives.some((term) => folded.includes(foldToken(term))));
}

/** Indexes of the points that the texts, read together, mention. */
export function coveredPoints(points: readonly MainPoint[], texts: readonly string[]): number[] {
  const folded = foldToken(texts.join(" "));
  return points.flatMap((point, i) => (mentions(point, folded) ? [i] : []));
}

/** Pairs of texts that mention the same point: what a summary says twice. */
export function repeatedPointPairs(points: readonly MainPoint[], texts: readonly string[]): number {
  const folded = texts.map((text) => foldToken(text));
  let pairs = 0;
  for (let a = 0; a < folded.length; a += 1) {
    for (let b = a + 1; b < folded.length; b += 1) {
      const left = folded[a] ?? "";
      const right = folded[b] ?? "";
      if (points.some((point) => mentions(point, left) && mentions(point, right))) pairs += 1;
    }
  }
  return pairs;
}

function allSentences(article: Article): string[] {
  return article.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
}

/** Lead-k: the article's first k sentences, the classic baseline for news. */
export function leadSentences(article: Article, count: number): string[] {
  return allSentences(article).slice(0, count);
}

/** The leading sentences up to about `words` words: Lead-k at the same length in words, not sentences. */
export function leadByWords(article: Article, words: number): string[] {
  const chosen: string[] = [];
  let total = 0;
  for (const sentence of allSentences(article)) {
    if (total >= words) break;
    const length = wordCount(sentence);
    // Stop short rather than overshoot by more than half a sentence.
    if (chosen.length > 0 && total + length / 2 > words) break;
    chosen.push(sentence);
    total += length;
  }
  return chosen;
}

export function wordCount(text: string): number {
  return tokenize(text).length;
}
