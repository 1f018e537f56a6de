import { splitSentences } from "../sentences.js";
import type { Article, ArticleFormat, ArticleSource, Paragraph, Section } from "../types.js";
import { markdownBlocks, textBlocks, type ArticleBlock, type Block } from "./blocks.js";
import { DATE_LINE, isBoilerplateLine, isInlineBoilerplate, publisherFromBoilerplate, publisherFromUrl } from "./boilerplate.js";
import { isHeadingLike, isTitleLike, wordCount } from "./classify.js";
import { parseDate } from "./dates.js";
import { ArticleParseError } from "./errors.js";
import { extractFrontMatter, extractMetadataLines, type ArticleMetadata } from "./metadata.js";
import { INLINE_SOURCES, SOURCES_HEADING, looksLikeSource, parseSourceLine } from "./sources.js";
import type { DroppedLine } from "./furniture.js";
import { readPageCopy } from "./page-copy/index.js";
import { isQuestion } from "../question-heading.js";
import { collapseWhitespace, normalizeText, splitGlued } from "./text.js";

// ---------------------------------------------------------------------------
// Article assembly

export interface ParseArticleOptions {
  id: string;
  format: "txt" | "md";
  contentHash: string;
  /** Receives the lines dropped as site furniture of a page copy, with why (`npm run reindex -- --check`). */
  dropped?: DroppedLine[];
}

export interface ArticleFromBlocksOptions {
  id: string;
  format: ArticleFormat;
  contentHash: string;
  /** Metadata known from outside the blocks (front matter, HTML meta tags); wins over what the text says. */
  metadata?: ArticleMetadata;
  /** See ParseArticleOptions.dropped. */
  dropped?: DroppedLine[];
}

interface HeadResult {
  title: string | null;
  publisher: string | null;
  date: string | null;
  /** Blocks after the head (the first may be the remainder of a glued line). */
  rest: Block[];
  droppedBoilerplate: number;
}

/**
 * Walks the top of the article: drops boilerplate, separates glued
 * boilerplate/title lines, picks the title, notes publisher and date lines.
 * Stops at the first block that is body text.
 */
function readHead(blocks: readonly Block[], knownTitle: string | null): HeadResult {
  let title = knownTitle;
  let publisher: string | null = null;
  let date: string | null = null;
  let droppedBoilerplate = 0;
  let index = 0;
  const rest: Block[] = [];

  for (; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block === undefined) break;
    const hasFollowingBlock = index + 1 < blocks.length;
    if (block.kind === "heading") {
      if (block.level === 1 && title === null && hasFollowingBlock) {
        title = block.text;
        continue;
      }
      if (title !== null && sameText(block.text, title)) continue;
      break;
    }
    if (block.kind !== "text") break;
    if (title !== null && sameText(block.text, title)) continue;

    const parts = splitGlued(block.text);
    const boilerplateParts = parts.filter((part) => isBoilerplateLine(part));
    if (boilerplateParts.length > 0) {
      droppedBoilerplate += 1;
      const leftover: string[] = [];
      for (const part of parts) {
        if (isBoilerplateLine(part)) {
          publisher ??= publisherFromBoilerplate(part);
          if (DATE_LINE.test(part)) date ??= parseDate(part);
        } else if (title === null && leftover.length === 0 && isTitleLike(part)) {
          title = part;
        } else {
          leftover.push(part);
        }
      }
      if (leftover.length > 0) {
        rest.push({ kind: "text", text: leftover.join(" "), level: 0 });
        index += 1;
        break;
      }
      continue;
    }
    if (DATE_LINE.test(block.text) && wordCount(block.text) <= 8 && parseDate(block.text) !== null) {
      date ??= parseDate(block.text);
      droppedBoilerplate += 1;
      continue;
    }
    if (title === null && hasFollowingBlock) {
      // A title glued to the lead ("Putins letzter Ausweg?Kim Jong Un will …").
      const [first, ...others] = parts;
      if (first !== undefined && others.length > 0 && isTitleLike(first)) {
        title = first;
        rest.push({ kind: "text", text: block.text.slice(block.text.indexOf(first) + first.length).trim(), level: 0 });
        index += 1;
        break;
      }
      if (isTitleLike(block.text)) {
        title = block.text;
        continue;
      }
    }
    break;
  }
  // A loop, not push(...): a file of many short lines has more blocks than a call may take arguments.
  for (const block of blocks.slice(index)) rest.push(block);
  return { title, publisher, date, rest, droppedBoilerplate };
}

interface TailResult {
  body: Block[];
  sources: ArticleSource[];
  publisher: string | null;
  droppedBoilerplate: number;
}

/** Splits the trailing source list (and any trailing boilerplate) off the body. */
function readTail(blocks: readonly Block[]): TailResult {
  const body = [...blocks];
  let publisher: string | null = null;
  let droppedBoilerplate = 0;
  const dropTrailingBoilerplate = (): void => {
    for (let last = body[body.length - 1]; last !== undefined && isBoilerplateLine(last.text, "tail"); last = body[body.length - 1]) {
      publisher ??= publisherFromBoilerplate(last.text);
      droppedBoilerplate += 1;
      body.pop();
    }
  };
  dropTrailingBoilerplate();

  const sources: ArticleSource[] = [];
  // Everything after a "Quellen"/"Sources" heading is the source list.
  const headingIndex = body.findLastIndex((block) => block.kind !== "list-item" && SOURCES_HEADING.test(block.text));
  const afterHeading = headingIndex >= 0 ? body.slice(headingIndex + 1) : [];
  // Only a heading followed by nothing but list items or short lines heads a source list.
  const isSourceList = afterHeading.length > 0 && afterHeading.every((block) => block.kind === "list-item" || wordCount(block.text) <= 40);
  if (isSourceList) {
    for (const block of afterHeading) sources.push(parseSourceLine(block.text, block.linkUrls));
    body.splice(headingIndex);
  } else {
    // "Quellen: dpa, AFP" lines at the very end.
    const inlineSources: ArticleSource[] = [];
    for (let last = body[body.length - 1]; last !== undefined && last.kind === "text"; last = body[body.length - 1]) {
      const match = INLINE_SOURCES.exec(last.text);
      if (!match) break;
      inlineSources.unshift(
        ...(match[1] ?? "")
          .split(";")
          .map((part) => parseSourceLine(part))
          .filter((source) => source.text !== ""),
      );
      body.pop();
    }
    sources.push(...inlineSources);
    // A trailing list is a source list unless a colon introduces it as content ("Die Forderungen:").
    let listStart = body.length;
    while (listStart > 0 && body[listStart - 1]?.kind === "list-item") listStart -= 1;
    const items = body.slice(listStart);
    const before = body[listStart - 1];
    if (items.length > 0 && listStart > 0) {
      const introducedAsContent = before !== undefined && before.kind === "text" && /:$/u.test(before.text.trim());
      const sourceLike = items.filter((item) => looksLikeSource(item.text)).length * 2 >= items.length;
      if (!introducedAsContent || sourceLike) {
        sources.unshift(...items.map((item) => parseSourceLine(item.text, item.linkUrls)));
        body.splice(listStart);
      }
    }
  }
  dropTrailingBoilerplate();
  return { body, sources, publisher, droppedBoilerplate };
}

function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

/** Fallback title when the article states none: the id, spelled as words. */
function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/gu, " ").trim();
  return words === "" ? id : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The latest ISO date among `dates`, or null. */
function latestDate(dates: readonly (string | null)[]): string | null {
  let latest: string | null = null;
  for (const date of dates) if (date !== null && (latest === null || date > latest)) latest = date;
  return latest;
}

/** Words of a question that heads the paragraph answering it. */
const MAX_QUESTION_HEADING_WORDS = 20;

/**
 * A short question on a line of its own, followed by a paragraph that is
 * not one: an interviewer's question over the answer, or a subheading asked
 * as a question ("Was ist mit Festgeld?"). As the answer's heading it is
 * shown with it and searched with it, and the answer is what gets quoted.
 */
function isQuestionHeading(text: string, next: Block): boolean {
  return (
    next.kind === "text" && isQuestion(text) && !isQuestion(next.text) && wordCount(text) <= MAX_QUESTION_HEADING_WORDS && splitSentences(text).length === 1
  );
}

/** Numbers the paragraphs and groups them under their subheadings. */
function assembleSections(bodyBlocks: readonly Block[], articleId: string): { sections: Section[]; paragraphs: Paragraph[] } {
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let pendingHeading: string | null = null;
  let startNewSection = true;
  for (let index = 0; index < bodyBlocks.length; index += 1) {
    const block = bodyBlocks[index];
    if (block === undefined) continue;
    const next = bodyBlocks[index + 1];
    const nextIsHeading = next !== undefined && (next.kind === "heading" || (next.kind === "text" && isHeadingLike(next.text)));
    // A subheading is a short unpunctuated line followed by body text; explicit Markdown headings always count.
    // Of two heading-like lines in a row only the second is the heading; the first stays text.
    const isHeading =
      block.kind === "heading" ||
      (block.kind === "text" && next !== undefined && !nextIsHeading && (isHeadingLike(block.text) || isQuestionHeading(block.text, next)));
    if (isHeading) {
      pendingHeading = block.text;
      startNewSection = true;
      continue;
    }
    if (startNewSection) {
      sections.push({ heading: pendingHeading, paragraphNumbers: [] });
      pendingHeading = null;
      startNewSection = false;
    }
    const sectionIndex = sections.length - 1;
    const section = sections[sectionIndex];
    if (section === undefined) continue;
    const number = paragraphs.length + 1;
    section.paragraphNumbers.push(number);
    paragraphs.push({
      articleId,
      number,
      sectionIndex,
      heading: section.heading,
      text: block.text,
      sentences: splitSentences(block.text),
    });
  }
  return { sections, paragraphs };
}

/**
 * Parses one article. Throws `ArticleParseError` when the text is empty,
 * when metadata values are malformed, or when no paragraph remains.
 */
export function parseArticle(raw: string, options: ParseArticleOptions): Article {
  if (raw.length === 0) throw new ArticleParseError({ kind: "empty", whitespaceOnly: false });
  const text = normalizeText(raw);
  if (text.trim() === "") throw new ArticleParseError({ kind: "empty", whitespaceOnly: true });

  const frontMatter = options.format === "md" ? extractFrontMatter(text) : { metadata: {}, body: text };
  const metadataLines = extractMetadataLines(frontMatter.body);
  const metadata: ArticleMetadata = { ...metadataLines.metadata, ...frontMatter.metadata };

  const blocks = options.format === "md" ? markdownBlocks(metadataLines.body) : textBlocks(metadataLines.body);
  return articleFromBlocks(blocks, {
    id: options.id,
    format: options.format,
    contentHash: options.contentHash,
    metadata,
    ...(options.dropped ? { dropped: options.dropped } : {}),
  });
}

/**
 * Builds the article from layout blocks: drops head and tail boilerplate,
 * picks the title, splits off the source list, groups paragraphs under their
 * headings. Throws `ArticleParseError` ("no-paragraphs") when no paragraph remains.
 */
export function articleFromBlocks(rawBlocks: readonly ArticleBlock[], options: ArticleFromBlocksOptions): Article {
  const metadata = options.metadata ?? {};
  const cleaned = rawBlocks.map((block) => ({ ...block, text: collapseWhitespace(block.text) })).filter((block) => block.text !== "");
  // A whole page copied as text: keep the article, drop the site around it. HTML has had Readability already.
  const page = options.format === "html" ? null : readPageCopy(cleaned);
  if (page) options.dropped?.push(...page.dropped);
  const blocks = page?.blocks ?? cleaned;

  const head = readHead(blocks, metadata.title ?? null);
  const tail = readTail(head.rest);
  const bodyBlocks = tail.body.filter((block) => !(block.kind !== "heading" && isInlineBoilerplate(block.text)));

  const { sections, paragraphs } = assembleSections(bodyBlocks, options.id);

  if (paragraphs.length === 0) {
    const removed = head.droppedBoilerplate + tail.droppedBoilerplate;
    throw new ArticleParseError({ kind: "no-paragraphs", blocks: blocks.length, boilerplate: removed, sources: tail.sources.length });
  }

  const url = metadata.url ?? null;
  const publisher = metadata.publisher ?? head.publisher ?? tail.publisher ?? page?.publisher ?? (url !== null ? publisherFromUrl(url) : null);
  // Without a stated article date, the newest "Stand:" date of the sources is used: it is when the
  // sources were last checked, so the article is at least that recent — the best date the text offers.
  const date = metadata.date ?? head.date ?? page?.date ?? latestDate(tail.sources.map((source) => source.date));

  return {
    id: options.id,
    title: head.title ?? titleFromId(options.id),
    kicker: page?.kicker ?? null,
    publisher,
    url,
    date,
    sections,
    paragraphs,
    sources: tail.sources,
    format: options.format,
    contentHash: options.contentHash,
  };
}
