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
