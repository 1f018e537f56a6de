import type { ArticleBlock } from "../parse.js";
import { isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from "./dom.js";
import { absoluteUrl } from "./metadata.js";

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
export class BlockCollector {
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
export function removeStandaloneTimes(content: DomElement): void {
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
