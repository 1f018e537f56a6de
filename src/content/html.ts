import { Readability } from "@mozilla/readability";
import { createRequire } from "node:module";
import type * as Linkedom from "linkedom";
import { importPackage } from "../import-package.js";
import { ArticleParseError, articleFromBlocks, normalizeText, normalizeUrl, parseDate, type ArticleBlock, type ArticleMetadata } from "./parse.js";
import type { Article } from "./types.js";

/**
 * Reads a saved web page as an article: Readability finds the main text
 * (dropping navigation, scripts, ads and sidebars), the readable DOM is turned
 * into the same layout blocks the text and Markdown readers produce, and the
 * shared pipeline in `parse.ts` does the rest (boilerplate, sections, sources).
 *
 * linkedom is the DOM implementation: Readability only needs a standards-like
 * DOM tree, and linkedom builds one an order of magnitude faster and with far
 * fewer dependencies than jsdom (whose current major also needs Node 22).
 */

// ---------------------------------------------------------------------------
// The slice of the DOM this module uses. The project compiles without the DOM
// library, so the shapes are stated here and linkedom's objects checked against them.

interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly previousSibling: DomNode | null;
  readonly nextSibling: DomNode | null;
}

interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

/** linkedom takes the first element for the root when a fragment has no <html>; give it a whole document. */
function asWholeDocument(html: string): string {
  if (/<html[\s>]/iu.test(html)) return html;
  if (/<(?:head|body)[\s>]/iu.test(html)) return `<!doctype html><html>${html}</html>`;
  return `<!doctype html><html><head></head><body>${html}</body></html>`;
}

const requireModule = createRequire(import.meta.url);
let linkedom: typeof Linkedom | null = null;

/**
 * Loads linkedom ahead of a parse (see prepareToParse): its modules are read
 * and compiled between other work, where a synchronous load would hold up
 * every answer for the 150 ms it takes.
 */
export async function prepareHtmlReader(): Promise<void> {
  linkedom ??= await importPackage<typeof Linkedom>("linkedom");
}

/** linkedom takes about 150 ms to load and only HTML articles need it: it is loaded when the first one is read. */
function loadLinkedom(): typeof Linkedom {
  linkedom ??= requireModule("linkedom") as typeof Linkedom;
  return linkedom;
}

function parseDocument(html: string): DomDocument {
  // linkedom's typings describe the browser globals; the document is used through the shape above.
  const window: unknown = loadLinkedom().parseHTML(asWholeDocument(html));
  const { document } = window as { document: DomDocument };
  return document;
}

// ---------------------------------------------------------------------------
// Metadata from the page head

function metaContent(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`) ?? document.querySelector(`meta[itemprop="${key}"]`);
    const value = element?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
}

/** An absolute http(s) URL for `value`, resolving a relative one against `base` when there is one. */
function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  const direct = normalizeUrl(value);
  if (direct !== null || base === null) return direct;
  try {
    return normalizeUrl(new URL(value.trim(), base).toString());
  } catch {
    return null;
  }
}

/** ISO date of a machine-readable timestamp ("2023-09-05T14:12:00+02:00" → "2023-09-05"), as stated, not shifted to UTC. */
function isoDateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const leading = /^\s*(\d{4}-\d{2}-\d{2})/u.exec(value);
  return parseDate(leading?.[1] ?? value);
}

function cleanLabel(value: string | null | undefined, maxLength: number): string | null {
  const text = (value ?? "").replace(/\s+/gu, " ").trim();
  return text === "" || text.length > maxLength ? null : text;
}

interface PageMetadata {
  /** Text of the first <h1>: the title when the page has no <title> or og:title. */
  heading: string | null;
  url: string | null;
  publisher: string | null;
  date: string | null;
}

/** Read before Readability runs, because Readability rewrites the document. */
function readPageMetadata(document: DomDocument): PageMetadata {
  const ogUrl = absoluteUrl(metaContent(document, "og:url"), null);
  const canonical = absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"), ogUrl);
  const timeElement = document.querySelector("article time[datetime], main time[datetime]") ?? document.querySelector("time[datetime]");
  return {
    heading: cleanLabel(document.querySelector("h1")?.textContent, 300),
    url: canonical ?? ogUrl,
    publisher: cleanLabel(metaContent(document, "og:site_name", "application-name"), 200),
    date: isoDateOf(metaContent(document, "article:published_time", "datePublished", "date")) ?? isoDateOf(timeElement?.getAttribute("datetime")),
  };
}

// ---------------------------------------------------------------------------
// Cleaning before Readability

/** Never article text, whatever they wrap. */
const NON_TEXT_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "button",
  "input",
  "select",
  "textarea",
].join(",");

/** Page furniture: navigation, sidebars, forms, hidden parts. */
const FURNITURE_SELECTOR = [
  "nav",
  "aside",
  "form",
  "dialog",
  '[role="navigation"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alert"]',
  "[hidden]",
  '[aria-hidden="true"]',
].join(",");

/** Class or id tokens of ad slots, share bars, newsletter and cookie boxes, teaser lists. */
const CLUTTER_TOKEN =
  /^(?:ad|ads|adv|advert\w*|anzeige|werbung|ad[-_]?(?:slot|container|wrapper|unit|banner|box|label|place\w*)|banner[-_]?ad|sponsored|sponsor[-_]?box|promo(?:tion)?|newsletter(?:[-_]\w+)?|cookie(?:[-_]\w+)?|consent(?:[-_]\w+)?|social[-_]?(?:share|links|media)|share(?:[-_](?:bar|buttons|tools|links))?|paywall|related(?:[-_](?:articles|content|stories))?|recommendations?|outbrain|taboola)$/iu;

function looksLikeClutter(element: DomElement): boolean {
  const tokens = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.split(/\s+/u);
  return tokens.some((token) => token !== "" && CLUTTER_TOKEN.test(token)) || element.getAttribute("data-ad") !== null;
}

function textLength(node: DomNode): number {
  return (node.textContent ?? "").replace(/\s+/gu, "").length;
}

/**
 * Removes scripts, navigation, ads and similar clutter. Furniture that holds
 * the article or most of the page's text is kept whatever it is called: some
 * sites wrap the whole page in a <form>, and a misleading class name must not
 * delete the article.
 */
function removeClutter(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(NON_TEXT_SELECTOR))) element.remove();
  const root = document.documentElement;
  const total = root === null ? 0 : textLength(root);
  // Most of the text alone is not enough: a menu can be all the text a page without an article has.
  const holdsTheArticle = (element: DomElement): boolean =>
    element.querySelector('article, main, [role="main"]') !== null || (element.querySelector("p") !== null && textLength(element) * 2 > total);
  for (const element of Array.from(document.querySelectorAll(FURNITURE_SELECTOR))) {
    if (!holdsTheArticle(element)) element.remove();
  }
  for (const element of Array.from(document.querySelectorAll("[class],[id],[data-ad]"))) {
    if (looksLikeClutter(element) && !holdsTheArticle(element)) element.remove();
  }
}

// ---------------------------------------------------------------------------
// Readable DOM → layout blocks

const HEADING_LEVEL: ReadonlyMap<string, number> = new Map([
  ["h1", 1],
  ["h2", 2],
  ["h3", 3],
  ["h4", 4],
  ["h5", 5],
  ["h6", 6],
]);
/** Elements that end the running text: what follows starts a new block. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);
/** Not read at all: media and captions are no article text. */
const SKIPPED_TAGS = new Set(["figcaption", "img", "picture", "video", "audio", "source", "track", "map", "math", "head", "title", "meta", "link"]);

/** Collects blocks while walking the readable DOM. */
class BlockCollector {
  readonly blocks: ArticleBlock[] = [];
  private pieces: string[] = [];
  private linkUrls: string[] = [];
  private kind: "text" | "list-item" = "text";

  constructor(private readonly baseUrl: string | null) {}

  walkChildren(element: DomNode): void {
    for (const child of Array.from(element.childNodes)) this.walk(child);
  }

  private walk(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.pieces.push(node.textContent ?? "");
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === "br") {
      this.pieces.push(" ");
      return;
    }
    const headingLevel = HEADING_LEVEL.get(tag);
    if (headingLevel !== undefined) {
      this.flush();
      this.blocks.push({ kind: "heading", text: node.textContent ?? "", level: headingLevel });
      return;
    }
    if (tag === "tr" && this.isSimpleRow(node)) {
      // A data-table row reads as one line; cells on their own would be scraps.
      this.flush();
      const cells = Array.from(node.childNodes)
        .filter(isElement)
        .map((cell) => (cell.textContent ?? "").trim());
      this.blocks.push({ kind: "text", text: cells.filter((cell) => cell !== "").join(" | "), level: 0 });
      return;
    }
    if (tag === "li") {
      this.flush();
      const outer = this.kind;
      this.kind = "list-item";
      this.walkChildren(node);
      this.flush();
      this.kind = outer;
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.walkChildren(node);
      this.flush();
      return;
    }
    if (tag === "a") {
      const url = absoluteUrl(node.getAttribute("href"), this.baseUrl);
      if (url !== null) this.linkUrls.push(url);
    }
    this.walkChildren(node);
  }

  private isSimpleRow(row: DomElement): boolean {
    return Array.from(row.childNodes)
      .filter(isElement)
      .every((cell) => Array.from(cell.querySelectorAll("*")).every((inner) => !BLOCK_TAGS.has(tagOf(inner)) && !HEADING_LEVEL.has(tagOf(inner))));
  }

  /** Ends the running text as one block. */
  flush(): void {
    const text = this.pieces.join("");
    if (text.trim() !== "") {
      this.blocks.push({ kind: this.kind, text, level: 0, ...(this.linkUrls.length > 0 ? { linkUrls: [...this.linkUrls] } : {}) });
    }
    this.pieces = [];
    this.linkUrls = [];
  }
}

/** A <time> standing on its own (a dateline, not part of a sentence) is metadata, not a paragraph. */
function removeStandaloneTimes(content: DomElement): void {
  for (const time of Array.from(content.querySelectorAll("time"))) {
    const hasRunningText = (sibling: DomNode | null, step: (node: DomNode) => DomNode | null): boolean => {
      for (let node = sibling; node !== null; node = step(node)) {
        if (node.nodeType === TEXT_NODE && (node.textContent ?? "").trim() !== "") return true;
        if (isElement(node) && !BLOCK_TAGS.has(tagOf(node)) && (node.textContent ?? "").trim() !== "") return true;
        if (isElement(node) && BLOCK_TAGS.has(tagOf(node))) return false;
      }
      return false;
    };
    const alone = !hasRunningText(time.previousSibling, (node) => node.previousSibling) && !hasRunningText(time.nextSibling, (node) => node.nextSibling);
    if (alone) time.remove();
  }
}

// ---------------------------------------------------------------------------

export interface ParseHtmlArticleOptions {
  id: string;
  contentHash: string;
}

/**
 * Parses a web page into an article. Throws `ArticleParseError`: "empty" for
 * an empty or blank file, "no-article-text" when the page holds no readable
 * main text, "no-paragraphs" when nothing but boilerplate remains.
 */
/**
 * Limits on the markup the article extractor is given. Its work grows with
 * nesting depth (a 1,200-deep page took it 49 s, synchronously, while no
 * question could be answered); real news pages stay far below both.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 60_000;

/** Elements that never contain others. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements whose end tag may be left out ("<p>one<p>two"): they do not count towards the depth. */
const OPTIONAL_END = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp"]);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/** The deepest nesting and the number of elements of some markup, from its tags alone (no DOM is built). */
export function markupShape(html: string): { depth: number; elements: number } {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  for (const match of html.matchAll(TAG)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined || (OPTIONAL_END.has(name) && match[1] === "/")) continue;
    if (match[1] === "/") {
      depth = Math.max(0, depth - 1);
      continue;
    }
    elements += 1;
    if (match[3] === "/" || VOID_ELEMENTS.has(name) || OPTIONAL_END.has(name)) continue;
    depth += 1;
    if (depth > deepest) deepest = depth;
  }
  return { depth: deepest, elements };
}

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

/**
 * Page titles often carry the site's name ("Bahnstreik legt Verkehr lahm | Zeitung"):
 * drop a trailing or leading "| - – — :"-separated part that is the publisher, or
 * fall back to the page's <h1> when the title merely extends it.
 */
export function withoutSiteName(title: string | null, heading: string | null, publisher: string | null): string | null {
  if (title === null) return null;
  const parts = title
    .split(/\s+[|–—-]\s+|\s*\|\s*/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length > 1 && publisher !== null) {
    const site = publisher.toLowerCase();
    const kept = parts.filter((part) => part.toLowerCase() !== site);
    if (kept.length > 0 && kept.length < parts.length) return kept.join(" – ");
  }
  if (heading !== null && heading.length >= 10 && title.startsWith(heading) && /^\s*[|–—-]/u.test(title.slice(heading.length))) return heading;
  return title;
}
