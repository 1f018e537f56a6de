import { createRequire } from "node:module";
import type * as Linkedom from "linkedom";
import { importPackage } from "../../import-package.js";

/**
 * linkedom is the DOM implementation: Readability only needs a standards-like
 * DOM tree, and linkedom builds one an order of magnitude faster and with far
 * fewer dependencies than jsdom (whose current major also needs Node 22).
 */

// ---------------------------------------------------------------------------
// The slice of the DOM this module uses. The project compiles without the DOM
// library, so the shapes are stated here and linkedom's objects checked against them.

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly previousSibling: DomNode | null;
  readonly nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function tagOf(element: DomElement): string {
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

export function parseDocument(html: string): DomDocument {
  // linkedom's typings describe the browser globals; the document is used through the shape above.
  const window: unknown = loadLinkedom().parseHTML(asWholeDocument(html));
  const { document } = window as { document: DomDocument };
  return document;
}
