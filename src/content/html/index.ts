import { Readability } from "@mozilla/readability";
import { ArticleParseError, articleFromBlocks, normalizeText, type ArticleMetadata } from "../parse.js";
import type { Article } from "../types.js";
import { BlockCollector, removeStandaloneTimes } from "./blocks.js";
import { removeClutter, textLength } from "./clutter.js";
import { parseDocument, type DomElement } from "./dom.js";
import { markupShape, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from "./limits.js";
import { cleanLabel, isoDateOf, readPageMetadata, withoutSiteName } from "./metadata.js";

export { prepareHtmlReader } from "./dom.js";
export { markupShape, MAX_HTML_DEPTH } from "./limits.js";
export { withoutSiteName } from "./metadata.js";

/**
 * Reads a saved web page as an article: Readability finds the main text
 * (dropping navigation, scripts, ads and sidebars), the readable DOM is turned
 * into the same layout blocks the text and Markdown readers produce, and the
 * shared pipeline in `parse.ts` does the rest (boilerplate, sections, sources).
 */

export interface ParseHtmlArticleOptions {
  id: string;
  contentHash: string;
}

/**
 * Parses a web page into an article. Throws `ArticleParseError`: "empty" for
 * an empty or blank file, "no-article-text" when the page holds no readable
 * main text, "no-paragraphs" when nothing but boilerplate remains.
 */
export function parseHtmlArticle(raw: string, options: ParseHtmlArticleOptions): Article {
  if (raw.length === 0) throw new ArticleParseError({ kind: "empty", whitespaceOnly: false });
  const html = normalizeText(raw);
  if (html.trim() === "") throw new ArticleParseError({ kind: "empty", whitespaceOnly: true });
  const shape = markupShape(html);
  if (shape.depth > MAX_HTML_DEPTH || shape.elements > MAX_HTML_ELEMENTS) {
    throw new ArticleParseError({
      kind: "html-too-complex",
      depth: shape.depth,
      elements: shape.elements,
      maxDepth: MAX_HTML_DEPTH,
      maxElements: MAX_HTML_ELEMENTS,
    });
  }

  const document = parseDocument(html);
  const page = readPageMetadata(document);
  removeClutter(document);
  const readable = new Readability<DomElement>(document, { serializer: (node: DomElement) => node }).parse();
  const content = readable?.content ?? null;
  if (readable === null || content === null || content === undefined || textLength(content) === 0) {
    throw new ArticleParseError({ kind: "no-article-text" });
  }
  removeStandaloneTimes(content);
  const collector = new BlockCollector(page.url);
  collector.walkChildren(content);
  collector.flush();
  const blocks = collector.blocks.map((block) => ({ ...block, text: normalizeText(block.text) }));

  const metadata: ArticleMetadata = {};
  const publisher = page.publisher ?? cleanLabel(readable.siteName, 200);
  const title = withoutSiteName(cleanLabel(readable.title, 300), page.heading, publisher) ?? page.heading;
  if (title !== null) metadata.title = title;
  if (publisher !== null) metadata.publisher = publisher;
  if (page.url !== null) metadata.url = page.url;
  const date = page.date ?? isoDateOf(readable.publishedTime);
  if (date !== null) metadata.date = date;

  return articleFromBlocks(blocks, { id: options.id, format: "html", contentHash: options.contentHash, metadata });
}
