// Shared set-up for the parseArticle tests (article.test.ts, article-layouts.test.ts).
import { expect } from "vitest";
import { parseArticle } from "../../../src/content/parse/article.js";
import { ArticleParseError } from "../../../src/content/parse/errors.js";
import type { Article } from "../../../src/content/types.js";

export function parseText(raw: string, format: "txt" | "md" = "txt"): Article {
  return parseArticle(raw, { id: "test-article", format, contentHash: "0".repeat(64) });
}

export function parseError(raw: string, format: "txt" | "md" = "txt"): ArticleParseError {
  try {
    parseText(raw, format);
  } catch (error) {
    if (error instanceof ArticleParseError) return error;
    throw error;
  }
  throw new Error("expected an ArticleParseError");
}

export function expectSentencesVerbatim(article: Article): void {
  for (const paragraph of article.paragraphs) {
    expect(paragraph.sentences.length).toBeGreaterThan(0);
    paragraph.sentences.forEach((sentence, index) => {
      expect(sentence.index).toBe(index);
      expect(paragraph.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    });
  }
}
