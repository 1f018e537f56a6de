import type { ArticleSource } from "../types.js";
import { LIST_MARKER } from "./blocks.js";
import { parseDate } from "./dates.js";
import { collapseWhitespace } from "./text.js";
import { URL_PATTERN, findUrlOrDomain } from "./urls.js";

// ---------------------------------------------------------------------------
// Sources

/** One entry of a source list ("bafa.de: "Außenwirtschaft Nordkorea" (Stand: 05. September 2023)"). */
export function parseSourceLine(line: string, linkUrls: readonly string[] = []): ArticleSource {
  const text = collapseWhitespace(line.replace(LIST_MARKER, ""));
  // A URL written out wins over a link target; a bare domain only when there is no link.
  const written = URL_PATTERN.test(text) ? findUrlOrDomain(text) : null;
  return { text, url: written ?? linkUrls[0] ?? findUrlOrDomain(text), date: parseDate(text) };
}

/** Lines that read like a citation: a domain, a date, an agency, an interview, a language note. */
export function looksLikeSource(text: string): boolean {
  return (
    findUrlOrDomain(text) !== null ||
    parseDate(text) !== null ||
    /\b(?:dpa|AFP|Reuters|AP|KNA|epd|SID|Telefonat|Interview|Gespräch|Pressemitteilung|Mitteilung|Statement|Studie|Report|Stand)\b/u.test(text) ||
    /\((?:englisch|english|französisch|russisch|auf \p{L}+)\)/iu.test(text)
  );
}

export const SOURCES_HEADING =
  /^(?:Verwendete\s+)?(?:Quellen(?:angaben|verzeichnis)?|Quelle|Sources?|References|Referenzen|Literatur|Weiterführende Links|Links|Belege)\s*:?$/iu;
/** A trailing "Quellen: dpa, AFP" / "Sources: …" / "Mit Material von dpa" line. */
export const INLINE_SOURCES =
  /^(?:(?:Verwendete\s+)?(?:Quellen?|Sources?)\s*:|Mit Material (?:von|der|des)\b|With (?:material|reporting) (?:from|by)\b)\s*(.+)$/iu;
