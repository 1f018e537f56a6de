import type { NotArticleShape } from "./problems.js";
import type { Article } from "./types.js";

/**
 * Whether an uploaded text file reads like an article: prose in sentences,
 * not a document made mostly of code blocks, tables, lists, headings or link
 * lines (a README, a changelog, a link collection). Only for text uploads:
 * HTML goes through the article extractor, which keeps only the prose.
 */

export interface ArticleShape {
  /** Non-empty lines of the text. */
  lines: number;
  /** Lines inside code fences, table rows, list items, Markdown headings, indented code and lines of only links. */
  structuralLines: number;
  /** Paragraphs with at least one full sentence (six words or more, ending in a sentence mark). */
  proseParagraphs: number;
}

const LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)])\s/u;
const LINKS_ONLY = /^(?:\[[^\]]*\]\([^)]*\)[\s,;·|]*)+$|^(?:https?:\/\/\S+\s*)+$/u;
const SENTENCE_END = /[.!?…"“”»«)]$/u;
/**
 * A document of at least MIN_LINES lines that is more than this much structure,
 * or one without a single paragraph of full sentences, is not taken for an
 * article. (A short text's title line alone would make up half of it.)
 */
const MAX_STRUCTURAL_SHARE = 0.35;
const MIN_LINES = 10;

export function articleShape(text: string, article: Article): ArticleShape {
  let inFence = false;
  let lines = 0;
  let structuralLines = 0;
  for (const line of text.split(/\r?\n/u)) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    lines += 1;
    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
      inFence = !inFence;
      structuralLines += 1;
    } else if (
      inFence ||
      trimmed.startsWith("|") ||
      trimmed.startsWith("#") ||
      LIST_ITEM.test(trimmed) ||
      LINKS_ONLY.test(trimmed) ||
      /^( {4}|\t)/u.test(line)
    ) {
      structuralLines += 1;
    }
  }
  const proseParagraphs = article.paragraphs.filter((paragraph) =>
    paragraph.sentences.some((sentence) => sentence.text.trim().split(/\s+/u).length >= 6 && SENTENCE_END.test(sentence.text.trim())),
  ).length;
  return { lines, structuralLines, proseParagraphs };
}

/** Why a text does not look like an article, or null when it does. */
export function notAnArticleReason(shape: ArticleShape): NotArticleShape | null {
  const share = shape.lines === 0 ? 0 : shape.structuralLines / shape.lines;
  if (shape.lines >= MIN_LINES && share > MAX_STRUCTURAL_SHARE) return { kind: "mostly-structure", percent: Math.round(share * 100) };
  if (shape.proseParagraphs === 0) return { kind: "no-prose" };
  return null;
}
