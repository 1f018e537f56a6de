import { normalizeUrl, parseDate } from "../parse.js";
import type { DomDocument } from "./dom.js";

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
export function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
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
export function isoDateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const leading = /^\s*(\d{4}-\d{2}-\d{2})/u.exec(value);
  return parseDate(leading?.[1] ?? value);
}

export function cleanLabel(value: string | null | undefined, maxLength: number): string | null {
  const text = (value ?? "").replace(/\s+/gu, " ").trim();
  return text === "" || text.length > maxLength ? null : text;
}

export interface PageMetadata {
  /** Text of the first <h1>: the title when the page has no <title> or og:title. */
  heading: string | null;
  url: string | null;
  publisher: string | null;
  date: string | null;
}

/** Read before Readability runs, because Readability rewrites the document. */
export function readPageMetadata(document: DomDocument): PageMetadata {
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
