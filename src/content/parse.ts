import { z } from "zod";
import { splitSentences } from "./sentences.js";
import type { Article, ArticleFormat, ArticleSource, Paragraph, Section } from "./types.js";
import { maxOf } from "../extremes.js";

/**
 * Turns a raw article file (plain text or Markdown) into the typed article
 * model: publisher boilerplate removed, title and metadata recovered,
 * subheadings turned into sections, the trailing source list split off, and
 * every paragraph split into verbatim sentences.
 *
 * All rules are patterns over layout and common publisher phrasing, so they
 * apply to any article, not to one particular text.
 */

// ---------------------------------------------------------------------------
// Errors

export type ArticleParseErrorCode =
  | "empty"
  | "no-article-text"
  | "no-paragraphs"
  | "too-complex"
  | "metadata"
  | "binary"
  | "encoding"
  | "unsupported-type"
  | "duplicate-id"
  | "read-failed";

/** An article that cannot be used; `message` is written for the moderator who maintains the files. */
export class ArticleParseError extends Error {
  override readonly name = "ArticleParseError";

  constructor(
    readonly code: ArticleParseErrorCode,
    /** What is wrong, without the file name. */
    readonly reason: string,
    /** The file the article came from, when known. */
    readonly file: string | null = null,
  ) {
    super(file === null ? reason : `${file}: ${reason}`);
  }

  /** The same error, attributed to `file`. */
  withFile(file: string): ArticleParseError {
    return new ArticleParseError(this.code, this.reason, file);
  }
}

// ---------------------------------------------------------------------------
// Text normalisation

/**
 * Normalises encoding artefacts without touching the wording: BOM, CRLF/CR
 * line ends, soft hyphens and zero-width characters are removed, exotic
 * spaces (no-break, thin, ideographic …) and stray control characters become
 * plain spaces, and the text is put into Unicode NFC so "ä" is one code point.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?|\u0085|\u2028|\u2029/gu, "\n")
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, "")
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, " ")
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/gu, " ")
    .normalize("NFC");
}

/** Collapses runs of whitespace to one space and trims. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

// ---------------------------------------------------------------------------
// Dates

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["januar", 1], ["jänner", 1], ["january", 1], ["jan", 1],
  ["februar", 2], ["february", 2], ["feb", 2],
  ["märz", 3], ["maerz", 3], ["march", 3], ["mär", 3], ["mrz", 3], ["mar", 3],
  ["april", 4], ["apr", 4],
  ["mai", 5], ["may", 5],
  ["juni", 6], ["june", 6], ["jun", 6],
  ["juli", 7], ["july", 7], ["jul", 7],
  ["august", 8], ["aug", 8],
  ["september", 9], ["sept", 9], ["sep", 9],
  ["oktober", 10], ["october", 10], ["okt", 10], ["oct", 10],
  ["november", 11], ["nov", 11],
  ["dezember", 12], ["december", 12], ["dez", 12], ["dec", 12],
]);
const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");

interface DatePattern {
  pattern: RegExp;
  toParts: (match: RegExpExecArray) => { year: string; month: string | number; day: string } | null;
}

const DATE_PATTERNS: readonly DatePattern[] = [
  // 2023-09-05
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/u, toParts: (m) => ({ year: m[1] ?? "", month: m[2] ?? "", day: m[3] ?? "" }) },
  // 05.09.2023, 5.9.2023, 5. 9. 2023, 05.09.23
  {
    pattern: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])/u,
    toParts: (m) => ({ year: m[3] ?? "", month: m[2] ?? "", day: m[1] ?? "" }),
  },
  // 05. September 2023, 5 September 2023, 5th September 2023
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, "iu"),
    toParts: (m) => ({ year: m[3] ?? "", month: (m[2] ?? "").toLowerCase(), day: m[1] ?? "" }),
  },
  // September 5, 2023 / Sept. 5th 2023
  {
    pattern: new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "iu"),
    toParts: (m) => ({ year: m[3] ?? "", month: (m[1] ?? "").toLowerCase(), day: m[2] ?? "" }),
  },
];

/**
 * The first calendar date stated in `text` as ISO "YYYY-MM-DD", or null.
 * Understands "2023-09-05", "05.09.2023", "5.9.23", "05. September 2023",
 * "5 September 2023" and "September 5, 2023". Impossible dates are ignored.
 */
export function parseDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { pattern, toParts } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const parts = toParts(match);
    const iso = parts ? toIsoDate(parts.year, parts.month, parts.day) : null;
    if (iso !== null && (best === null || match.index < best.index)) best = { index: match.index, iso };
  }
  return best?.iso ?? null;
}

function toIsoDate(yearText: string, monthValue: string | number, dayText: string): string | null {
  let year = Number(yearText);
  // Two-digit years in news text are this century ("5.9.23").
  if (yearText.length === 2) year += 2000;
  const month = typeof monthValue === "number" ? monthValue : (MONTHS.get(monthValue) ?? Number(monthValue));
  const day = Number(dayText);
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------
// URLs, domains, sources

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'«»„“”]+/iu;
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
export function normaliseUrl(value: string): string | null {
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
    const url = normaliseUrl(urlMatch[0]);
    if (url !== null) return url;
  }
  const domainMatch = DOMAIN_PATTERN.exec(text);
  const domain = domainMatch?.[1];
  if (domain === undefined) return null;
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  if (FILE_EXTENSIONS.has(tld)) return null;
  return domain.toLowerCase().replace(/^www\./u, "");
}

/** One entry of a source list ("bafa.de: "Außenwirtschaft Nordkorea" (Stand: 05. September 2023)"). */
export function parseSourceLine(line: string, linkUrls: readonly string[] = []): ArticleSource {
  const text = collapseWhitespace(line.replace(LIST_MARKER, ""));
  // A URL written out wins over a link target; a bare domain only when there is no link.
  const written = URL_PATTERN.test(text) ? findUrlOrDomain(text) : null;
  return { text, url: written ?? linkUrls[0] ?? findUrlOrDomain(text), date: parseDate(text) };
}

/** Lines that read like a citation: a domain, a date, an agency, an interview, a language note. */
function looksLikeSource(text: string): boolean {
  return (
    findUrlOrDomain(text) !== null ||
    parseDate(text) !== null ||
    /\b(?:dpa|AFP|Reuters|AP|KNA|epd|SID|Telefonat|Interview|Gespräch|Pressemitteilung|Mitteilung|Statement|Studie|Report|Stand)\b/u.test(text) ||
    /\((?:englisch|english|französisch|russisch|auf \p{L}+)\)/iu.test(text)
  );
}

// ---------------------------------------------------------------------------
// Boilerplate and teasers

/**
 * Newsroom self-descriptions and mission statements ("Mehr als 150
 * Journalistinnen und Journalisten berichten …", "Zum journalistischen
 * Leitbild von …"). Only looked for above the body: an article's own last
 * paragraph may well talk about journalists.
 */
const NEWSROOM_PATTERNS: readonly RegExp[] = [
  /\b(?:Mehr als|Über|Rund|Fast|More than|Over|Nearly)\s+\d[\d.,]*\s+(?:Journalist|Redakteur|Reporter|journalist|reporter|editor)\w*.{0,120}\b(?:berichten|recherchieren|arbeiten|informieren|report|work)\w*/iu,
  /\b(?:unsere?|our)\s+(?:Journalist|Redakteur|Reporter|journalist|reporter|editor)\w*.{0,120}\b(?:berichten|recherchieren|arbeiten|informieren|report|work)\w*/iu,
  /\bJournalist\w*\b.{0,80}\b(?:berichten|recherchieren|informieren|report)\b.{0,80}\b(?:für Sie|rund um die Uhr|täglich|jeden Tag|for you|around the clock)\b/iu,
  /\brund um die Uhr\b.{0,80}\bfür Sie\b|\baround the clock\b.{0,80}\bfor you\b/iu,
  /\b(?:journalistisch|redaktionell)\w*\s+(?:Leitbild|Grundsätze|Standards|Richtlinien|Unabhängigkeit)\b/iu,
  /\bLeitbild\s+(?:von|unserer?|des Hauses)\b/iu,
  /\b(?:our|unsere?|Die)\s+(?:newsroom|Redaktion)\b.{0,80}\b(?:berichtet|arbeitet|recherchiert|unabhängig|report|works|independent)\b/iu,
  /\beditorial\s+(?:guidelines|standards|principles|independence)\b/iu,
];

/**
 * Boilerplate that can stand above or below the body: newsletter and
 * subscription prompts, "read more" teasers, share buttons, cookie and legal
 * notices, copyright lines, reading-time and audio labels. The start-anchored
 * prompts must make up the whole line, so a sentence that merely starts with
 * "Anmelden …" or "Werbung …" is not taken for one.
 */
const FRAME_PATTERNS: readonly RegExp[] = [
  /\bNewsletter\b.{0,80}\b(?:abonnieren|bestellen|anmelden|subscribe|sign up)\b/iu,
  /\b(?:abonnieren|bestellen|anmelden|subscribe|sign up)\b.{0,80}\bNewsletter\b/iu,
  /^(?:Jetzt\s+)?(?:kostenlos\s+)?(?:abonnieren|Abo abschließen|registrieren|anmelden|einloggen|subscribe|sign up|log in)\s*[!.:]?$/iu,
  /^(?:Lesen Sie (?:auch|mehr|hier)|Auch interessant|Das könnte Sie auch interessieren|Weitere Artikel|Empfehlungen der Redaktion)\b/iu,
  /^(?:Mehr zum Thema|Mehr dazu|Zum Thema|Related(?: articles| stories)?|Recommended(?: for you)?|More on this(?: story)?|See also)\s*(?::|$)/iu,
  /^Read (?:more|also|next)\b/iu,
  /^(?:Artikel teilen|Teilen|Share(?: this(?: article)?)?|Anzeige|Werbung|Advertisement|Sponsored(?: content)?)\s*:?$/iu,
  /\b(?:Folgen Sie uns|Follow us on)\b/iu,
  /\bAlle Rechte vorbehalten\b|\bAll rights reserved\b/iu,
  /^(?:©|\(c\)\s|Copyright\b)/iu,
  /\bCookies?\b.{0,120}\b(?:akzeptieren|zustimmen|Einstellungen|accept|settings|consent)\b/iu,
  /\b(?:Datenschutzerklärung|Datenschutzhinweise|Privacy Policy|Terms of (?:Use|Service)|Nutzungsbedingungen|Impressum)\b/iu,
  /^(?:Lesedauer|Lesezeit|Reading time)\b|\b\d+\s*(?:min\.?|Minuten|minutes?)\s+(?:read|Lesezeit|Lesedauer)\b/iu,
  /^(?:Artikel (?:anhören|vorlesen)|Listen to (?:this )?article)\b/iu,
];

/** Boilerplate blocks are short; a long block is article text even if it matches a pattern. */
const MAX_BOILERPLATE_WORDS = 60;
/** Boilerplate that may also stand between paragraphs: teasers, ads, newsletter prompts. Only short blocks qualify. */
const INLINE_BOILERPLATE_MAX_WORDS = 30;

/** "Von Max Mustermann", "By Jane Doe and John Roe": a byline names people and nothing else. */
const BYLINE = /^(?:Von|By|Autor(?:in)?:|Author:)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|den|zu|und|and|&|,))*,?\s*$/u;
const MAX_BYLINE_WORDS = 7;
/** Date lines such as "Aktualisiert am 05.09.2023, 14:12 Uhr" above the body. */
const DATE_LINE = /^(?:Aktualisiert|Veröffentlicht|Erschienen|Stand|Datum|Updated|Published|Posted|Date)\b/iu;

export type BoilerplatePosition = "head" | "tail";

/**
 * True for a line of publisher boilerplate. Above the body ("head") newsroom
 * blurbs count too; below it ("tail") only prompts, legal lines and bylines.
 */
export function isBoilerplateLine(text: string, position: BoilerplatePosition = "head"): boolean {
  const line = collapseWhitespace(text);
  const words = wordCount(line);
  if (line === "" || words > MAX_BOILERPLATE_WORDS) return false;
  if (words <= MAX_BYLINE_WORDS && BYLINE.test(line)) return true;
  if (matchesBoilerplatePattern(line, position)) return true;
  // Several boilerplate sentences on one line ("Die Redaktion von X arbeitet unabhängig. Mehr lesen Sie hier.").
  const sentences = splitSentences(line);
  return (
    sentences.length > 1 &&
    sentences.every((sentence) => isTeaserSentence(sentence.text) || matchesBoilerplatePattern(sentence.text, position))
  );
}

function matchesBoilerplatePattern(line: string, position: BoilerplatePosition): boolean {
  if (FRAME_PATTERNS.some((pattern) => pattern.test(line))) return true;
  return position === "head" && NEWSROOM_PATTERNS.some((pattern) => pattern.test(line));
}

/** A short block between paragraphs that only advertises, teases or prompts. */
function isInlineBoilerplate(text: string): boolean {
  if (wordCount(text) > INLINE_BOILERPLATE_MAX_WORDS) return false;
  if (FRAME_PATTERNS.some((pattern) => pattern.test(text))) return true;
  // A block that is nothing but a "more about this here" teaser is a link to another page.
  return splitSentences(text).length === 1 && isTeaserSentence(text);
}

const TEASER_PATTERNS: readonly RegExp[] = [
  /\b(?:lesen|erfahren|finden|sehen|hören)\s+Sie\s+(?:hier|in unserem|im (?:Video|Podcast|Liveblog|Newsblog|Newsticker|Artikel))\b/iu,
  /^(?:Lesen Sie (?:auch|mehr|hier)|Mehr (?:dazu|zum Thema)|Auch interessant|Zum Artikel|Hier (?:geht es|geht's|lesen|weiterlesen))\b/iu,
  /\b(?:hier|jetzt)\s+(?:weiterlesen|klicken|anmelden|abonnieren)\b/iu,
  /\b(?:Klicken|Tippen)\s+Sie\s+hier\b/iu,
  /^(?:Read (?:more|also|the full)|See also|Related:|Sign up|Subscribe)\b/iu,
  /\b(?:read|learn|find out)\s+more\b.{0,80}\bhere\b/iu,
  /\bclick here\b/iu,
];

/**
 * True for a sentence that points to another page instead of informing
 * ("Mehr über das Gefährt Kims lesen Sie hier."). Such sentences stay in the
 * paragraph text but should not be quoted as an answer.
 */
export function isTeaserSentence(text: string): boolean {
  const sentence = collapseWhitespace(text);
  return TEASER_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** Keyword before a publisher's name in boilerplate: "Leitbild von t-online", "newsroom of The Guardian". */
const PUBLISHER_LEAD = /\b(?:Leitbild|Redaktion|Newsroom|Angebot|Grundsätze|Standards|Richtlinien|guidelines|principles|standards|newsroom|team)\s+(?:von|der|des|bei|of|at)\s+/iu;
/**
 * A brand: one token ("t-online", "t-online.de", "SPIEGEL") plus up to two capitalised ones ("ZEIT ONLINE",
 * "The Guardian"). Dots only inside a token, so "Beispielzeitung. Alle Rechte" yields "Beispielzeitung".
 */
const BRAND = /^[\p{L}\d](?:[\p{L}\d&'’_-]|\.(?=[\p{L}\d]))*(?:\s+[\p{Lu}\d](?:[\p{L}\d&'’_-]|\.(?=[\p{L}\d]))*){0,2}/u;
const COPYRIGHT_LEAD = /^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?/iu;
const NOT_A_BRAND = new Set(["der", "die", "das", "den", "dem", "des", "uns", "unserer", "unseren", "the", "our", "us"]);

/** The publisher named in a boilerplate line, if any. */
export function publisherFromBoilerplate(line: string): string | null {
  const lead = PUBLISHER_LEAD.exec(line);
  const copyright = COPYRIGHT_LEAD.exec(line);
  let rest: string | null = null;
  if (lead) rest = line.slice(lead.index + lead[0].length);
  else if (copyright && copyright[0].length > 0) rest = line.slice(copyright[0].length);
  if (rest === null) return null;
  const brand = BRAND.exec(rest)?.[0]?.replace(/[.,;:!?'’_-]+$/u, "") ?? "";
  if (brand === "" || NOT_A_BRAND.has(brand.toLowerCase()) || /^\d+$/u.test(brand)) return null;
  return brand;
}

/** Publisher guessed from an article URL: "https://www.t-online.de/…" → "t-online". */
function publisherFromUrl(url: string): string | null {
  const host = url.includes("://") ? new URL(url).hostname : url;
  const labels = host.replace(/^www\./u, "").split(".");
  return labels.length >= 2 ? (labels[labels.length - 2] ?? null) : null;
}

// ---------------------------------------------------------------------------
// Glued lines

/**
 * Positions where two texts were glued together without a space when the
 * page was copied: a sentence end or a domain directly followed by a
 * capitalised word ("… von t-online.Waffen aus …", "… t-online.deWaffen …").
 */
const GLUE_POINTS: readonly RegExp[] = [
  /(?<=[\p{Ll}\d][.!?…]["“”»«')]?)(?=\p{Lu}[\p{Ll}\d])/gu,
  /(?<=\p{L}{2,}\.[a-z]{2,6})(?=\p{Lu}\p{Ll})/gu,
];

function splitGlued(text: string): string[] {
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

// ---------------------------------------------------------------------------
// Metadata (Markdown front matter, leading "Titel:" lines)

export interface ArticleMetadata {
  title?: string;
  publisher?: string;
  url?: string;
  date?: string;
}

/** Keys accepted in front matter and leading metadata lines, German and English, mapped to the model's fields. */
const METADATA_KEYS: ReadonlyMap<string, keyof ArticleMetadata | "ignored"> = new Map([
  ["title", "title"], ["titel", "title"], ["überschrift", "title"], ["headline", "title"],
  ["source", "publisher"], ["quelle", "publisher"], ["publisher", "publisher"], ["verlag", "publisher"],
  ["medium", "publisher"], ["outlet", "publisher"],
  ["url", "url"], ["link", "url"], ["canonical", "url"],
  ["date", "date"], ["datum", "date"], ["published", "date"], ["veröffentlicht", "date"], ["stand", "date"],
  ["author", "ignored"], ["autor", "ignored"], ["autorin", "ignored"], ["authors", "ignored"], ["tags", "ignored"],
  ["lang", "ignored"], ["language", "ignored"], ["sprache", "ignored"], ["description", "ignored"],
]);

const MetadataSchema = z.object({
  title: z.string().trim().min(1, "must not be empty").max(300, "is longer than 300 characters").optional(),
  publisher: z.string().trim().min(1, "must not be empty").max(200, "is longer than 200 characters").optional(),
  url: z
    .string()
    .trim()
    .refine((value) => normaliseUrl(value) !== null, "must be an http(s) URL such as https://example.com/article")
    .optional(),
  date: z
    .string()
    .trim()
    .refine((value) => parseDate(value) !== null, "must be a date such as 2023-09-05, 05.09.2023 or 5. September 2023")
    .optional(),
});

/** Validates collected metadata values; a wrong value is an authoring mistake the moderator should hear about. */
function validateMetadata(values: Record<string, string>, origin: string): ArticleMetadata {
  const result = MetadataSchema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "value";
    throw new ArticleParseError("metadata", `${origin}: "${field}" ${issue?.message ?? "is invalid"}`);
  }
  const metadata: ArticleMetadata = {};
  const { title, publisher, url, date } = result.data;
  if (title !== undefined) metadata.title = collapseWhitespace(title);
  if (publisher !== undefined) metadata.publisher = collapseWhitespace(publisher);
  if (url !== undefined) metadata.url = normaliseUrl(url) ?? undefined;
  if (date !== undefined) metadata.date = parseDate(date) ?? undefined;
  return metadata;
}

/** Sorts a key/value pair into `values`; a "source" that is a URL is the article URL. */
function assignMetadataValue(values: Record<string, string>, key: string, value: string): void {
  const field = METADATA_KEYS.get(key.toLowerCase());
  if (field === undefined || field === "ignored" || value === "") return;
  if (field === "publisher" && URL_PATTERN.test(value) && values.url === undefined) {
    values.url = value;
    return;
  }
  values[field] = value;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/su.exec(trimmed);
  return quoted ? (quoted[1] ?? quoted[2] ?? "") : trimmed;
}

/**
 * Splits off a leading `---` … `---` block of `key: value` lines. Indented
 * lines and "- item" lines (YAML lists under keys the model does not use)
 * are skipped; anything else that is not `key: value` is an error.
 */
function extractFrontMatter(text: string): { metadata: ArticleMetadata; body: string } {
  const match = /^---[ ]*\n([\s\S]*?)\n---[ ]*(?:\n|$)/u.exec(text);
  if (!match) return { metadata: {}, body: text };
  const values: Record<string, string> = {};
  const lines = (match[1] ?? "").split("\n");
  lines.forEach((line, lineIndex) => {
    if (line.trim() === "" || line.trimStart().startsWith("#") || /^\s/u.test(line) || /^-\s/u.test(line)) return;
    const pair = /^([\p{L}][\p{L}\d_-]*)\s*:\s*(.*)$/u.exec(line);
    if (!pair) {
      throw new ArticleParseError("metadata", `front matter line ${lineIndex + 2} is not "key: value": ${JSON.stringify(line.slice(0, 60))}`);
    }
    assignMetadataValue(values, pair[1] ?? "", unquote(pair[2] ?? ""));
  });
  return { metadata: validateMetadata(values, "front matter"), body: text.slice(match[0].length) };
}

const METADATA_LINE = /^(Titel|Title|Überschrift|Headline|Quelle|Source|Publisher|Verlag|Medium|URL|Link|Datum|Date|Veröffentlicht|Published|Autor|Autorin|Author)\s*:\s*(.*)$/iu;

/** Splits off leading "Titel: …", "Quelle: …", "URL: …", "Datum: …" lines of a plain-text article. */
function extractMetadataLines(text: string): { metadata: ArticleMetadata; body: string } {
  const lines = text.split("\n");
  const values: Record<string, string> = {};
  let consumed = 0;
  let sawMetadata = false;
  for (const line of lines) {
    if (line.trim() === "") {
      consumed += 1;
      continue;
    }
    const pair = METADATA_LINE.exec(line.trim());
    if (!pair) break;
    sawMetadata = true;
    consumed += 1;
    assignMetadataValue(values, pair[1] ?? "", unquote(pair[2] ?? ""));
  }
  if (!sawMetadata) return { metadata: {}, body: text };
  return { metadata: validateMetadata(values, "metadata lines"), body: lines.slice(consumed).join("\n") };
}

// ---------------------------------------------------------------------------
// Blocks: the layout-level units of an article

/**
 * A layout-level unit of an article. The plain-text and Markdown readers
 * produce these, and so does the HTML reader (`html.ts`), so every format goes
 * through the same head/tail cleaning, sectioning and source detection.
 */
export interface ArticleBlock {
  /** "heading" only for explicit (Markdown or HTML) headings; plain-text subheadings are found later. */
  kind: "text" | "list-item" | "heading";
  text: string;
  /** Heading level (1–6); 0 for other blocks. */
  level: number;
  /** Targets of links in the block, whose visible text alone is kept in `text`. */
  linkUrls?: string[];
}

type Block = ArticleBlock;

const LIST_MARKER = /^\s*(?:[-–—*+•·▪►]|\d{1,3}\))\s+/u;
const NUMBERED_MARKER = /^\s*\d{1,3}\.\s+/u;
/** Lines longer than this were not wrapped by hand. */
const WRAP_MAX_LENGTH = 120;
/** Nobody wraps prose this narrowly: a group of only short lines is a list of separate lines. */
const WRAP_MIN_LENGTH = 40;

function isListLine(line: string): boolean {
  return LIST_MARKER.test(line);
}

/**
 * "1. …" counts as a list item only next to another numbered line, because a
 * German sentence may itself start with an ordinal ("1. FC Köln gewinnt …").
 */
function numberedListLines(lines: readonly string[]): Set<number> {
  const numbered = new Set<number>();
  lines.forEach((line, index) => {
    if (!NUMBERED_MARKER.test(line)) return;
    const neighbour = NUMBERED_MARKER.test(lines[index - 1] ?? "") || NUMBERED_MARKER.test(lines[index + 1] ?? "");
    if (neighbour) numbered.add(index);
  });
  return numbered;
}

function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, "").replace(NUMBERED_MARKER, "");
}

/**
 * A run of lines written as one hand-wrapped paragraph: all lines short, the
 * lines before the last one run close to the wrap width, and at least one
 * break falls mid-sentence (the telltale sign of wrapping). One-paragraph-
 * per-line text has long lines or ends every line with punctuation.
 */
function looksHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const lengths = lines.map((line) => line.length);
  const longest = maxOf(lengths);
  if (longest > WRAP_MAX_LENGTH || longest < WRAP_MIN_LENGTH) return false;
  const leading = lines.slice(0, -1);
  const nearWidth = leading.filter((line) => line.length >= longest * 0.6).length;
  const breaksMidSentence = leading.some((line) => line.length >= longest * 0.6 && !endsWithSentencePunctuation(line));
  return nearWidth * 2 >= leading.length && breaksMidSentence;
}

/**
 * Plain text: paragraphs are either one per line or blank-line separated
 * (possibly hand-wrapped). Each blank-line group is looked at on its own: a
 * wrapped group is joined into one block (a short first line that looks like
 * a heading stays separate), otherwise every line is its own block.
 */
function textBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const groups = body.split(/\n[ ]*\n/u).map((group) => group.split("\n").map((line) => line.trim()).filter((line) => line !== ""));
  for (const lines of groups) {
    const numbered = numberedListLines(lines);
    let run: string[] = [];
    const flushRun = (): void => {
      if (run.length === 0) return;
      if (looksHardWrapped(run)) {
        const [first, ...rest] = run;
        const restLongest = maxOf(rest.map((line) => line.length));
        if (first !== undefined && rest.length > 0 && isHeadingLike(first) && first.length < restLongest * 0.6) {
          blocks.push({ kind: "text", text: first, level: 0 });
          blocks.push({ kind: "text", text: rest.join(" "), level: 0 });
        } else {
          blocks.push({ kind: "text", text: run.join(" "), level: 0 });
        }
      } else {
        for (const line of run) blocks.push({ kind: "text", text: line, level: 0 });
      }
      run = [];
    };
    lines.forEach((line, index) => {
      if (isListLine(line) || numbered.has(index)) {
        flushRun();
        blocks.push({ kind: "list-item", text: stripListMarker(line), level: 0 });
      } else {
        run.push(line);
      }
    });
    flushRun();
  }
  return blocks;
}

/** Private-use placeholders protect backslash-escaped characters from the emphasis rules. */
const ESCAPE_BASE = 0xe000;

/** Removes inline Markdown syntax, keeping the visible text: emphasis, links, code spans, inline HTML. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/gu, (_match, char: string) => String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)))
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, "")
    .replace(/\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+"[^"]*")?\)/gu, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/giu, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/gu, "")
    .replace(/`([^`]+)`/gu, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, "$2")
    .replace(/(?<![\p{L}\d*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\d*])/gu, "$1")
    .replace(/(?<![\p{L}\d_])_(?=\S)([^_]*?\S)_(?![\p{L}\d_])/gu, "$1")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, "$1")
    .replace(/[\uE000-\uE07F]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE));
}

/** The http(s) targets of `[text](url)` links and `<url>` autolinks. */
function markdownLinkTargets(text: string): string[] {
  const targets: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>/giu)) {
    const url = normaliseUrl(match[1] ?? match[2] ?? "");
    if (url !== null) targets.push(url);
  }
  return targets;
}

/**
 * Markdown: ATX (`## …`) and setext headings, blank-line separated
 * paragraphs whose lines are joined with a space, list items, block quotes;
 * thematic breaks, fenced-code fences and link definitions are dropped.
 */
function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: "text", text: paragraph.join(" "), level: 0 });
    paragraph = [];
  };
  const lines = body.split("\n");
  const numbered = numberedListLines(lines.map((line) => line.replace(/^\s*>\s?/u, "")));
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/^\s*>\s?/u, "").trimEnd();
    const trimmed = line.trim();
    if (trimmed === "" || /^(?:```|~~~)/u.test(trimmed) || /^\[[^\]]+\]:\s*\S+/u.test(trimmed)) {
      flush();
      return;
    }
    const atx = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u.exec(trimmed);
    if (atx) {
      flush();
      blocks.push({ kind: "heading", text: atx[2] ?? "", level: (atx[1] ?? "").length });
      return;
    }
    // Setext: a single line underlined with === or --- is a heading.
    if (/^(?:=+|-+)$/u.test(trimmed) && paragraph.length === 1) {
      const heading = paragraph[0] ?? "";
      paragraph = [];
      blocks.push({ kind: "heading", text: heading, level: trimmed.startsWith("=") ? 1 : 2 });
      return;
    }
    if (/^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/u.test(trimmed)) {
      flush();
      return;
    }
    if (isListLine(trimmed) || numbered.has(index)) {
      flush();
      blocks.push({ kind: "list-item", text: stripListMarker(trimmed), level: 0 });
      return;
    }
    // An indented line right after a list item continues that item.
    const previous = blocks[blocks.length - 1];
    if (paragraph.length === 0 && previous?.kind === "list-item" && /^\s{2,}/u.test(line)) {
      previous.text = `${previous.text} ${trimmed}`;
      return;
    }
    paragraph.push(trimmed);
  });
  flush();
  return blocks.map((block) => ({ ...block, text: stripInlineMarkdown(block.text), linkUrls: markdownLinkTargets(block.text) }));
}

// ---------------------------------------------------------------------------
// Classification of blocks

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== "").length;
}

/** Sentence punctuation at the end of a line, looking past closing quotes and brackets. */
function endsWithSentencePunctuation(text: string): boolean {
  const core = text.replace(/["'“”‘’»«)\]]+$/u, "");
  return /[.!?:;,…]$/u.test(core);
}

const MAX_HEADING_WORDS = 11;
const MAX_HEADING_LENGTH = 100;

/** A short line without closing punctuation that starts like a heading. */
function isHeadingLike(text: string): boolean {
  const words = wordCount(text);
  return (
    words >= 1 &&
    words <= MAX_HEADING_WORDS &&
    text.length <= MAX_HEADING_LENGTH &&
    !endsWithSentencePunctuation(text) &&
    /^["„“»«(]?[\p{Lu}\d]/u.test(text)
  );
}

const MAX_TITLE_WORDS = 25;
const MAX_TITLE_LENGTH = 200;

/** A line that can be an article title: short, at most two sentences, not ending in a period. */
function isTitleLike(text: string): boolean {
  return (
    wordCount(text) <= MAX_TITLE_WORDS &&
    text.length <= MAX_TITLE_LENGTH &&
    !/[.,;:]$/u.test(text.replace(/["'“”»«)]+$/u, "")) &&
    /^["„“»«(]?[\p{Lu}\d]/u.test(text) &&
    splitSentences(text).length <= 2
  );
}

const SOURCES_HEADING = /^(?:Verwendete\s+)?(?:Quellen(?:angaben|verzeichnis)?|Quelle|Sources?|References|Referenzen|Literatur|Weiterführende Links|Links|Belege)\s*:?$/iu;
/** A trailing "Quellen: dpa, AFP" / "Sources: …" / "Mit Material von dpa" line. */
const INLINE_SOURCES = /^(?:(?:Verwendete\s+)?(?:Quellen?|Sources?)\s*:|Mit Material (?:von|der|des)\b|With (?:material|reporting) (?:from|by)\b)\s*(.+)$/iu;

// ---------------------------------------------------------------------------
// Article assembly

export interface ParseArticleOptions {
  id: string;
  format: "txt" | "md";
  contentHash: string;
}

export interface ArticleFromBlocksOptions {
  id: string;
  format: ArticleFormat;
  contentHash: string;
  /** Metadata known from outside the blocks (front matter, HTML meta tags); wins over what the text says. */
  metadata?: ArticleMetadata;
}

interface HeadResult {
  title: string | null;
  publisher: string | null;
  date: string | null;
  /** Blocks after the head (the first may be the remainder of a glued line). */
  rest: Block[];
  droppedBoilerplate: number;
}

/**
 * Walks the top of the article: drops boilerplate, separates glued
 * boilerplate/title lines, picks the title, notes publisher and date lines.
 * Stops at the first block that is body text.
 */
function readHead(blocks: readonly Block[], knownTitle: string | null): HeadResult {
  let title = knownTitle;
  let publisher: string | null = null;
  let date: string | null = null;
  let droppedBoilerplate = 0;
  let index = 0;
  const rest: Block[] = [];

  for (; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block === undefined) break;
    const hasFollowingBlock = index + 1 < blocks.length;
    if (block.kind === "heading") {
      if (block.level === 1 && title === null && hasFollowingBlock) {
        title = block.text;
        continue;
      }
      if (title !== null && sameText(block.text, title)) continue;
      break;
    }
    if (block.kind !== "text") break;
    if (title !== null && sameText(block.text, title)) continue;

    const parts = splitGlued(block.text);
    const boilerplateParts = parts.filter((part) => isBoilerplateLine(part));
    if (boilerplateParts.length > 0) {
      droppedBoilerplate += 1;
      const leftover: string[] = [];
      for (const part of parts) {
        if (isBoilerplateLine(part)) {
          publisher ??= publisherFromBoilerplate(part);
          if (DATE_LINE.test(part)) date ??= parseDate(part);
        } else if (title === null && leftover.length === 0 && isTitleLike(part)) {
          title = part;
        } else {
          leftover.push(part);
        }
      }
      if (leftover.length > 0) {
        rest.push({ kind: "text", text: leftover.join(" "), level: 0 });
        index += 1;
        break;
      }
      continue;
    }
    if (DATE_LINE.test(block.text) && wordCount(block.text) <= 8 && parseDate(block.text) !== null) {
      date ??= parseDate(block.text);
      droppedBoilerplate += 1;
      continue;
    }
    if (title === null && hasFollowingBlock) {
      // A title glued to the lead ("Putins letzter Ausweg?Kim Jong Un will …").
      const [first, ...others] = parts;
      if (first !== undefined && others.length > 0 && isTitleLike(first)) {
        title = first;
        rest.push({ kind: "text", text: block.text.slice(block.text.indexOf(first) + first.length).trim(), level: 0 });
        index += 1;
        break;
      }
      if (isTitleLike(block.text)) {
        title = block.text;
        continue;
      }
    }
    break;
  }
  // A loop, not push(...): a file of many short lines has more blocks than a call may take arguments.
  for (const block of blocks.slice(index)) rest.push(block);
  return { title, publisher, date, rest, droppedBoilerplate };
}

interface TailResult {
  body: Block[];
  sources: ArticleSource[];
  publisher: string | null;
  droppedBoilerplate: number;
}

/** Splits the trailing source list (and any trailing boilerplate) off the body. */
function readTail(blocks: readonly Block[]): TailResult {
  const body = [...blocks];
  let publisher: string | null = null;
  let droppedBoilerplate = 0;
  const dropTrailingBoilerplate = (): void => {
    for (let last = body[body.length - 1]; last !== undefined && isBoilerplateLine(last.text, "tail"); last = body[body.length - 1]) {
      publisher ??= publisherFromBoilerplate(last.text);
      droppedBoilerplate += 1;
      body.pop();
    }
  };
  dropTrailingBoilerplate();

  const sources: ArticleSource[] = [];
  // Everything after a "Quellen"/"Sources" heading is the source list.
  const headingIndex = findLastIndex(body, (block) => block.kind !== "list-item" && SOURCES_HEADING.test(block.text));
  const afterHeading = headingIndex >= 0 ? body.slice(headingIndex + 1) : [];
  // Only a heading followed by nothing but list items or short lines heads a source list.
  const isSourceList = afterHeading.length > 0 && afterHeading.every((block) => block.kind === "list-item" || wordCount(block.text) <= 40);
  if (isSourceList) {
    for (const block of afterHeading) sources.push(parseSourceLine(block.text, block.linkUrls));
    body.splice(headingIndex);
  } else {
    // "Quellen: dpa, AFP" lines at the very end.
    const inlineSources: ArticleSource[] = [];
    for (let last = body[body.length - 1]; last !== undefined && last.kind === "text"; last = body[body.length - 1]) {
      const match = INLINE_SOURCES.exec(last.text);
      if (!match) break;
      inlineSources.unshift(...(match[1] ?? "").split(";").map((part) => parseSourceLine(part)).filter((source) => source.text !== ""));
      body.pop();
    }
    sources.push(...inlineSources);
    // A trailing list is a source list unless a colon introduces it as content ("Die Forderungen:").
    let listStart = body.length;
    while (listStart > 0 && body[listStart - 1]?.kind === "list-item") listStart -= 1;
    const items = body.slice(listStart);
    const before = body[listStart - 1];
    if (items.length > 0 && listStart > 0) {
      const introducedAsContent = before !== undefined && before.kind === "text" && /:$/u.test(before.text.trim());
      const sourceLike = items.filter((item) => looksLikeSource(item.text)).length * 2 >= items.length;
      if (!introducedAsContent || sourceLike) {
        sources.unshift(...items.map((item) => parseSourceLine(item.text, item.linkUrls)));
        body.splice(listStart);
      }
    }
  }
  dropTrailingBoilerplate();
  return { body, sources, publisher, droppedBoilerplate };
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return index;
  }
  return -1;
}

function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

/** Fallback title when the article states none: the id, spelled as words. */
function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/gu, " ").trim();
  return words === "" ? id : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The latest ISO date among `dates`, or null. */
function latestDate(dates: readonly (string | null)[]): string | null {
  let latest: string | null = null;
  for (const date of dates) if (date !== null && (latest === null || date > latest)) latest = date;
  return latest;
}

/** Numbers the paragraphs and groups them under their subheadings. */
function assembleSections(bodyBlocks: readonly Block[], articleId: string): { sections: Section[]; paragraphs: Paragraph[] } {
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let pendingHeading: string | null = null;
  let startNewSection = true;
  for (let index = 0; index < bodyBlocks.length; index += 1) {
    const block = bodyBlocks[index];
    if (block === undefined) continue;
    const next = bodyBlocks[index + 1];
    const nextIsHeading = next !== undefined && (next.kind === "heading" || (next.kind === "text" && isHeadingLike(next.text)));
    // A subheading is a short unpunctuated line followed by body text; explicit Markdown headings always count.
    // Of two heading-like lines in a row only the second is the heading; the first stays text.
    const isHeading = block.kind === "heading" || (block.kind === "text" && next !== undefined && !nextIsHeading && isHeadingLike(block.text));
    if (isHeading) {
      pendingHeading = block.text;
      startNewSection = true;
      continue;
    }
    if (startNewSection) {
      sections.push({ heading: pendingHeading, paragraphNumbers: [] });
      pendingHeading = null;
      startNewSection = false;
    }
    const sectionIndex = sections.length - 1;
    const section = sections[sectionIndex];
    if (section === undefined) continue;
    const number = paragraphs.length + 1;
    section.paragraphNumbers.push(number);
    paragraphs.push({
      articleId,
      number,
      sectionIndex,
      heading: section.heading,
      text: block.text,
      sentences: splitSentences(block.text),
    });
  }
  return { sections, paragraphs };
}

/**
 * Parses one article. Throws `ArticleParseError` when the text is empty,
 * when metadata values are malformed, or when no paragraph remains.
 */
export function parseArticle(raw: string, options: ParseArticleOptions): Article {
  if (raw.length === 0) throw new ArticleParseError("empty", "the file is empty");
  const text = normaliseText(raw);
  if (text.trim() === "") throw new ArticleParseError("empty", "the file contains only whitespace");

  const frontMatter = options.format === "md" ? extractFrontMatter(text) : { metadata: {}, body: text };
  const metadataLines = extractMetadataLines(frontMatter.body);
  const metadata: ArticleMetadata = { ...metadataLines.metadata, ...frontMatter.metadata };

  const blocks = options.format === "md" ? markdownBlocks(metadataLines.body) : textBlocks(metadataLines.body);
  return articleFromBlocks(blocks, { id: options.id, format: options.format, contentHash: options.contentHash, metadata });
}

/**
 * Builds the article from layout blocks: drops head and tail boilerplate,
 * picks the title, splits off the source list, groups paragraphs under their
 * headings. Throws `ArticleParseError` ("no-paragraphs") when no paragraph remains.
 */
export function articleFromBlocks(rawBlocks: readonly ArticleBlock[], options: ArticleFromBlocksOptions): Article {
  const metadata = options.metadata ?? {};
  const blocks = rawBlocks
    .map((block) => ({ ...block, text: collapseWhitespace(block.text) }))
    .filter((block) => block.text !== "");

  const head = readHead(blocks, metadata.title ?? null);
  const tail = readTail(head.rest);
  const bodyBlocks = tail.body.filter((block) => !(block.kind !== "heading" && isInlineBoilerplate(block.text)));

  const { sections, paragraphs } = assembleSections(bodyBlocks, options.id);

  if (paragraphs.length === 0) {
    const removed = head.droppedBoilerplate + tail.droppedBoilerplate;
    throw new ArticleParseError(
      "no-paragraphs",
      `no paragraphs left after cleaning: of ${blocks.length} text block(s), ${removed} were publisher boilerplate, ` +
        `${tail.sources.length} were sources and the rest title or headings`,
    );
  }

  const url = metadata.url ?? null;
  const publisher = metadata.publisher ?? head.publisher ?? tail.publisher ?? (url !== null ? publisherFromUrl(url) : null);
  // Without a stated article date, the newest "Stand:" date of the sources is used: it is when the
  // sources were last checked, so the article is at least that recent — the best date the text offers.
  const date = metadata.date ?? head.date ?? latestDate(tail.sources.map((source) => source.date));

  return {
    id: options.id,
    title: head.title ?? titleFromId(options.id),
    publisher,
    url,
    date,
    sections,
    paragraphs,
    sources: tail.sources,
    format: options.format,
    contentHash: options.contentHash,
  };
}
