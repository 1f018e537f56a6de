import { z } from "zod";
import { parseDate } from "./dates.js";
import type { MetadataRule } from "../problems.js";
import { ArticleParseError } from "./errors.js";
import { collapseWhitespace } from "./text.js";
import { URL_PATTERN, normalizeUrl } from "./urls.js";

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
  ["title", "title"],
  ["titel", "title"],
  ["überschrift", "title"],
  ["headline", "title"],
  ["source", "publisher"],
  ["quelle", "publisher"],
  ["publisher", "publisher"],
  ["verlag", "publisher"],
  ["medium", "publisher"],
  ["outlet", "publisher"],
  ["url", "url"],
  ["link", "url"],
  ["canonical", "url"],
  ["date", "date"],
  ["datum", "date"],
  ["published", "date"],
  ["veröffentlicht", "date"],
  ["stand", "date"],
  ["author", "ignored"],
  ["autor", "ignored"],
  ["autorin", "ignored"],
  ["authors", "ignored"],
  ["tags", "ignored"],
  ["lang", "ignored"],
  ["language", "ignored"],
  ["sprache", "ignored"],
  ["description", "ignored"],
]);

/** Longest accepted title and publisher, in characters. */
const MAX_TITLE_LENGTH = 300;
const MAX_PUBLISHER_LENGTH = 200;
const METADATA_LIMITS: Readonly<Record<string, number>> = { title: MAX_TITLE_LENGTH, publisher: MAX_PUBLISHER_LENGTH };

const MetadataSchema = z.object({
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
  publisher: z.string().trim().min(1).max(MAX_PUBLISHER_LENGTH).optional(),
  url: z
    .string()
    .trim()
    .refine((value) => normalizeUrl(value) !== null, "must be an http(s) URL such as https://example.com/article")
    .optional(),
  date: z
    .string()
    .trim()
    .refine((value) => parseDate(value) !== null, "must be a date such as 2023-09-05, 05.09.2023 or 5. September 2023")
    .optional(),
});

/** Validates collected metadata values; a wrong value is an authoring mistake the moderator should hear about. */
/** Which rule a failed metadata value broke, from the field and zod's issue code. */
function metadataRule(field: string, code: string | undefined): MetadataRule {
  if (code === "too_small") return "non-empty";
  if (code === "too_big") return "too-long";
  if (field === "url") return "url";
  if (field === "date") return "date";
  return "invalid";
}

function validateMetadata(values: Record<string, string>, origin: "front-matter" | "header"): ArticleMetadata {
  const result = MetadataSchema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "value";
    const rule = metadataRule(field, issue?.code);
    throw new ArticleParseError({ kind: "metadata-value", origin, field, rule, limit: rule === "too-long" ? (METADATA_LIMITS[field] ?? null) : null });
  }
  const metadata: ArticleMetadata = {};
  const { title, publisher, url, date } = result.data;
  if (title !== undefined) metadata.title = collapseWhitespace(title);
  if (publisher !== undefined) metadata.publisher = collapseWhitespace(publisher);
  if (url !== undefined) metadata.url = normalizeUrl(url) ?? undefined;
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
export function extractFrontMatter(text: string): { metadata: ArticleMetadata; body: string } {
  const match = /^---[ ]*\n([\s\S]*?)\n---[ ]*(?:\n|$)/u.exec(text);
  if (!match) return { metadata: {}, body: text };
  const values: Record<string, string> = {};
  const lines = (match[1] ?? "").split("\n");
  lines.forEach((line, lineIndex) => {
    if (line.trim() === "" || line.trimStart().startsWith("#") || /^\s/u.test(line) || /^-\s/u.test(line)) return;
    const pair = /^([\p{L}][\p{L}\d_-]*)\s*:\s*(.*)$/u.exec(line);
    if (!pair) {
      throw new ArticleParseError({ kind: "front-matter-line", line: lineIndex + 2, text: line.slice(0, 60) });
    }
    assignMetadataValue(values, pair[1] ?? "", unquote(pair[2] ?? ""));
  });
  return { metadata: validateMetadata(values, "front-matter"), body: text.slice(match[0].length) };
}

const METADATA_LINE =
  /^(Titel|Title|Überschrift|Headline|Quelle|Source|Publisher|Verlag|Medium|URL|Link|Datum|Date|Veröffentlicht|Published|Autor|Autorin|Author)\s*:\s*(.*)$/iu;

/** Splits off leading "Titel: …", "Quelle: …", "URL: …", "Datum: …" lines of a plain-text article. */
export function extractMetadataLines(text: string): { metadata: ArticleMetadata; body: string } {
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
  return { metadata: validateMetadata(values, "header"), body: lines.slice(consumed).join("\n") };
}
