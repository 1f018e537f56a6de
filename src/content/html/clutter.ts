import type { DomDocument, DomElement, DomNode } from "./dom.js";

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

export function textLength(node: DomNode): number {
  return (node.textContent ?? "").replace(/\s+/gu, "").length;
}

/**
 * Removes scripts, navigation, ads and similar clutter. Furniture that holds
 * the article or most of the page's text is kept whatever it is called: some
 * sites wrap the whole page in a <form>, and a misleading class name must not
 * delete the article.
 */
export function removeClutter(document: DomDocument): void {
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
