// ---------------------------------------------------------------------------
// Text normalisation

/**
 * Normalises encoding artefacts without touching the wording: BOM, CRLF/CR
 * line ends, soft hyphens and zero-width characters are removed, exotic
 * spaces (no-break, thin, ideographic …) and stray control characters become
 * plain spaces, and the text is put into Unicode NFC so "ä" is one code point.
 */
export function normalizeText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/u, "")
      .replace(/\r\n?|\u0085|\u2028|\u2029/gu, "\n")
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, "")
      .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, " ")
      // eslint-disable-next-line no-control-regex -- control characters other than line breaks and tabs become spaces
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/gu, " ")
      .normalize("NFC")
  );
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

// ---------------------------------------------------------------------------
// Glued lines

/**
 * Positions where two texts were glued together without a space when the
 * page was copied: a sentence end or a domain directly followed by a
 * capitalised word ("… von t-online.Waffen aus …", "… t-online.deWaffen …").
 */
const GLUE_POINTS: readonly RegExp[] = [/(?<=[\p{Ll}\d][.!?…]["“”»«')]?)(?=\p{Lu}[\p{Ll}\d])/gu, /(?<=\p{L}{2,}\.[a-z]{2,6})(?=\p{Lu}\p{Ll})/gu];

export function splitGlued(text: string): string[] {
  const cuts = new Set<number>();
  for (const pattern of GLUE_POINTS) {
    for (const match of text.matchAll(pattern)) if (match.index > 0 && match.index < text.length) cuts.add(match.index);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  for (const cut of sorted) {
    parts.push(text.slice(start, cut));
    start = cut;
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
