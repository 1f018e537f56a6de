import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { TextDecoder } from "node:util";
import { parseHtmlArticle, prepareHtmlReader } from "./html/index.js";
import { ArticleParseError, parseArticle } from "./parse.js";
import type { DroppedLine } from "./parse/furniture.js";
import { systemDetail, type ArticleLoadProblem } from "./problems.js";
import type { Article, ArticleFormat } from "./types.js";
import { memoized } from "../lru-map.js";

/** Reads article files from disk: byte-level checks, content hash, id from the file name. */

/** File extensions read as articles, with the format each is parsed as. */
export const ARTICLE_FILE_FORMATS: ReadonlyMap<string, ArticleFormat> = new Map<string, ArticleFormat>([
  [".txt", "txt"],
  [".md", "md"],
  [".markdown", "md"],
  [".html", "html"],
  [".htm", "html"],
]);

/** The format a file name is read as, or undefined when its extension is not an article type. */
export function articleFormatOf(fileName: string): ArticleFormat | undefined {
  return ARTICLE_FILE_FORMATS.get(path.extname(fileName).toLowerCase());
}

/** Above this share of control bytes (other than tab, line feed, carriage return, form feed) a file is binary. */
const MAX_CONTROL_BYTE_SHARE = 0.05;

/** A file that does not load. */
export type ArticleLoadError = ArticleLoadProblem;

/**
 * The article id for a file name: the name without its extension,
 * lowercased, German umlauts transliterated, accents dropped, every other
 * run of characters outside [a-z0-9] turned into one "-".
 * "Nordkorea Rußland_Waffen.txt" → "nordkorea-russland-waffen".
 */
export function articleIdFromFileName(name: string): string {
  return articleIdOf(name);
}

// Pure, and asked for every file of the folder on every change (2,500 names at 50,000 paragraphs): remembered.
const articleIdOf = memoized(16_384, (name: string): string => {
  const base = path.basename(name);
  const extension = path.extname(base);
  const stem = extension === base ? base : base.slice(0, base.length - extension.length);
  const id = stem
    .toLowerCase()
    .replace(/ä/gu, "ae")
    .replace(/ö/gu, "oe")
    .replace(/ü/gu, "ue")
    .replace(/ß/gu, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return id === "" ? "article" : id;
});

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = lead & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset += 1) {
      const continuation = bytes[index + offset] ?? 0;
      if ((continuation & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

/** 1-based line number of byte `offset`, for error messages. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/**
 * The character set a web page declares in its first 1024 bytes
 * (`<meta charset>` or `http-equiv` content type), lowercased, or null.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/iu.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Decodes a web page that declares a charset other than UTF-8 (pages saved from older sites often do). */
function decodeDeclaredCharset(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ArticleParseError({ kind: "charset-unsupported", charset });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ArticleParseError({ kind: "charset-mismatch", charset });
  }
}

/**
 * Rejects bytes that are not text, with a reason a moderator can act on.
 * Text must be UTF-8, except a web page that declares another character set.
 */
function decodeArticleBytes(bytes: Uint8Array, format: ArticleFormat): string {
  const startsWith = (...prefix: number[]): boolean => prefix.every((value, index) => bytes[index] === value);
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) {
    throw new ArticleParseError({ kind: "utf16" });
  }
  if (bytes.includes(0)) throw new ArticleParseError({ kind: "nul-bytes" });
  let controlBytes = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controlBytes += 1;
  }
  if (bytes.length > 0 && controlBytes / bytes.length > MAX_CONTROL_BYTE_SHARE) {
    throw new ArticleParseError({ kind: "control-bytes", count: controlBytes, total: bytes.length });
  }
  const charset = format === "html" ? declaredHtmlCharset(bytes) : null;
  if (charset !== null && charset !== "utf-8" && charset !== "utf8" && charset !== "unicode-1-1-utf-8") return decodeDeclaredCharset(bytes, charset);
  const invalidAt = findInvalidUtf8(bytes);
  if (invalidAt >= 0) {
    throw new ArticleParseError({ kind: "invalid-utf8", offset: invalidAt, line: lineOfByte(bytes, invalidAt) });
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function unsupportedType(fileName: string): ArticleParseError {
  return new ArticleParseError({ kind: "unsupported-type", formats: [...ARTICLE_FILE_FORMATS.keys()] }, fileName);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Readies what parsing `fileName` needs without blocking (the HTML reader), before a synchronous parseArticleBytes. */
export async function prepareToParse(fileName: string): Promise<void> {
  if (articleFormatOf(path.basename(fileName)) === "html") await prepareHtmlReader();
}

/**
 * Checks, decodes and parses the bytes of one article file; `fileName`
 * gives the id and the format. Every failure is an `ArticleParseError`
 * whose message starts with the file name.
 */
export function parseArticleBytes(bytes: Uint8Array, fileName: string, report: { dropped?: DroppedLine[] } = {}): Article {
  const name = path.basename(fileName);
  const format = articleFormatOf(name);
  if (format === undefined) throw unsupportedType(name);
  try {
    const text = decodeArticleBytes(bytes, format);
    const options = { id: articleIdFromFileName(name), contentHash: sha256Hex(bytes) };
    return format === "html"
      ? parseHtmlArticle(text, options)
      : parseArticle(text, { ...options, format, ...(report.dropped ? { dropped: report.dropped } : {}) });
  } catch (error) {
    if (error instanceof ArticleParseError) throw error.withFile(name);
    throw error;
  }
}

/**
 * Reads and parses one article file (.txt, .md or .html). Every failure is an
 * `ArticleParseError` whose message starts with the file name.
 */
export async function loadArticleFile(filePath: string): Promise<Article> {
  const fileName = path.basename(filePath);
  if (articleFormatOf(fileName) === undefined) throw unsupportedType(fileName);
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw new ArticleParseError({ kind: "read-failed", detail: systemDetail(error) }, fileName);
  }
  await prepareToParse(fileName);
  return parseArticleBytes(bytes, fileName);
}

async function loadKnownOrParse(filePath: string, known: LoadArticlesOptions["known"]): Promise<Article> {
  if (!known) return loadArticleFile(filePath);
  const fileName = path.basename(filePath);
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch {
    return loadArticleFile(filePath);
  }
  const article = known(fileName, sha256Hex(bytes));
  if (article) return article;
  await prepareToParse(fileName);
  return parseArticleBytes(bytes, fileName);
}

/** What a content folder holds: parsed articles, per-file problems, and a hash of every article file. */
export interface ArticleDirectory {
  articles: Article[];
  errors: ArticleLoadError[];
  /** File name → sha256 of its bytes, for every article file present. */
  hashes: Record<string, string>;
}

/** Names of the article files in `dir` (known extensions, not hidden), in file-name order. Throws when `dir` cannot be read. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new Error(`Article folder ${dir} is not a directory.`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Article folder")) throw error;
    const code = error instanceof Error && "code" in error ? String(error.code) : "unknown error";
    throw new Error(`Article folder ${dir} cannot be read (${code === "ENOENT" ? "it does not exist" : code}).`, { cause: error });
  }
  return names
    .filter((name) => !name.startsWith(".") && ARTICLE_FILE_FORMATS.has(path.extname(name).toLowerCase()))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface LoadArticlesOptions {
  /** Called after each file, for progress reports. */
  onArticle?: (done: number, total: number) => void;
  /**
   * An article already parsed from exactly these bytes under this file name
   * (the current index, an upload just checked): reused instead of parsed
   * again, so a reindex parses only new and changed files.
   */
  known?: (fileName: string, contentHash: string) => Article | undefined;
  /**
   * An article whose file is known not to have changed since it was parsed
   * (a change of this process touched other files only): used as it is,
   * without reading the file, so a change costs what it touched.
   */
  unchanged?: (fileName: string) => Article | undefined;
}

/**
 * Loads every .txt/.md/.html article in `dir`, in file-name order. A file that
 * fails is reported in `errors` and does not stop the others; files with
 * other extensions and hidden files are ignored. Two files that map to the
 * same id: the second is reported as an error. Throws when `dir` itself
 * cannot be read.
 */
export async function loadArticles(dir: string, options: LoadArticlesOptions = {}): Promise<ArticleDirectory> {
  const articleFiles = await listArticleFiles(dir);
  const result: ArticleDirectory = { articles: [], errors: [], hashes: {} };
  const fileById = new Map<string, string>();
  for (const [position, name] of articleFiles.entries()) {
    const filePath = path.join(dir, name);
    try {
      const trusted = options.unchanged?.(name);
      if (trusted) {
        result.hashes[name] = trusted.contentHash;
        fileById.set(trusted.id, name);
        result.articles.push(trusted);
        options.onArticle?.(position + 1, articleFiles.length);
        continue;
      }
      const info = await stat(filePath);
      if (info.isFile()) {
        const article = await loadKnownOrParse(filePath, options.known);
        result.hashes[name] = article.contentHash;
        const clash = fileById.get(article.id);
        if (clash !== undefined) {
          throw new ArticleParseError({ kind: "duplicate-id", id: article.id, clash }, name);
        }
        fileById.set(article.id, name);
        result.articles.push(article);
      }
    } catch (error) {
      result.errors.push({ file: name, problem: error instanceof ArticleParseError ? error.problem : { kind: "read-failed", detail: systemDetail(error) } });
    }
    options.onArticle?.(position + 1, articleFiles.length);
  }
  return result;
}
