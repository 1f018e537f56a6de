// ---------------------------------------------------------------------------
// URLs and domains

export const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'«»„“”]+/iu;
/** Bare domains such as "nytimes.com" or "t-online.de"; the TLD must be lowercase so "J.Ballbach" is not one. */
const DOMAIN_PATTERN = /(?<![\p{L}\d@._/-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[a-z]{2,24})(?![\p{L}\d_-]|\.[\p{L}\d])/u;
/** Endings that look like TLDs but are file names ("bericht.pdf"). */
const FILE_EXTENSIONS = new Set(["pdf", "html", "htm", "php", "jpg", "jpeg", "png", "gif", "doc", "docx", "xls", "xlsx", "txt", "md", "csv", "zip"]);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Canonical form of an http(s) URL (lowercase host, no fragment), or null when it is not one. */
export function normalizeUrl(value: string): string | null {
  const trimmed = value.trim().replace(/[.,;:!?)\]]+$/u, "");
  if (!isHttpUrl(trimmed)) return null;
  const url = new URL(trimmed);
  url.hash = "";
  return url.toString();
}

/** A URL named in `text` (normalised), else a bare domain (lowercase, without "www."), else null. */
export function findUrlOrDomain(text: string): string | null {
  const urlMatch = URL_PATTERN.exec(text);
  if (urlMatch) {
    const url = normalizeUrl(urlMatch[0]);
    if (url !== null) return url;
  }
  const domainMatch = DOMAIN_PATTERN.exec(text);
  const domain = domainMatch?.[1];
  if (domain === undefined) return null;
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  if (FILE_EXTENSIONS.has(tld)) return null;
  return domain.toLowerCase().replace(/^www\./u, "");
}
