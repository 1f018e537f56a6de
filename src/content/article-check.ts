import type { NotArticleShape } from "./problems.js";
import type { Article } from "./types.js";

/**
 * Whether an uploaded text file reads like an article: prose in sentences,
 * not a document made mostly of code blocks, tables, lists, headings or link
 * lines (a README, a changelog, a link collection). Only for text uploads:
 * HTML goes through the article extractor, which keeps only the prose.
 */

export interface ArticleShape {
  /** Non-empty lines of the text, from the article's first paragraph to its last. */
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

/** Letters and digits only, lower case, single-spaced: a line and a paragraph compare so whatever markup the line had. */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/gu, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words a paragraph's start or end is found by in the lines of the file. */
const ANCHOR_WORDS = 5;

/**
 * The lines from the one holding the first paragraph's start to the one
 * holding the last paragraph's end: a whole page copied from a browser
 * carries the site's menus and link lists around the article, which the
 * reader drops (see parse/page-copy/) and which say nothing about whether the
 * article itself is prose. All the lines when either end is not found.
 * Only for page copies: a README's first and last "paragraphs" may enclose
 * little of it.
 */
function articleLines(lines: readonly string[], article: Article): readonly string[] {
  const first = article.paragraphs[0];
  const last = article.paragraphs.at(-1);
  if (!first || !last) return lines;
  const start = plainWords(first.text).split(" ").slice(0, ANCHOR_WORDS).join(" ");
  const end = plainWords(last.text).split(" ").slice(-ANCHOR_WORDS).join(" ");
  const plain = lines.map(plainWords);
  const from = plain.findIndex((line) => line.includes(start));
  const to = plain.findLastIndex((line) => line.includes(end));
  return from >= 0 && to >= from ? lines.slice(from, to + 1) : lines;
}

/**
 * The shape of a text file's lines. With `pageCopy` (the reader dropped a
 * site's furniture around the article), only the article's own lines count.
 */
export function articleShape(text: string, article: Article, options: { pageCopy?: boolean } = {}): ArticleShape {
  let inFence = false;
  let lines = 0;
  let structuralLines = 0;
  const all = text.split(/\r?\n/u);
  for (const line of options.pageCopy === true ? articleLines(all, article) : all) {
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
