import path from "node:path";
import { articleShape, notAnArticleReason } from "../article-check.js";
import { ARTICLE_FILE_FORMATS, articleFormatOf, articleIdFromFileName, parseArticleBytes, prepareToParse } from "../load.js";
import { ArticleParseError } from "../parse.js";
import type { NotArticleShape } from "../problems.js";
import type { DroppedLine } from "../parse/furniture.js";
import { articleReading, type ArticleReading } from "../reading.js";
import type { Article } from "../types.js";
import { ContentError } from "./errors.js";

/** An uploaded file as it would be added: its id, the name it would be stored under, and how it reads. */
export interface UploadReading {
  /** The name as given, cleaned for messages. */
  given: string;
  articleId: string;
  /** The stored name is made from the id, so odd characters, spaces and hidden-file dots never reach the disk. */
  safeName: string;
  article: Article;
  reading: ArticleReading;
  /** Why a text file does not look like an article (an upload is then refused without `force`); null for HTML or an article. */
  notAnArticle: NotArticleShape | null;
}

/** A user-supplied name made safe to echo in a message: no control characters, bounded length. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const cleaned = name.replace(/[\u0000-\u001f\u007f]/gu, "?");
  return cleaned.length > 80 ? `${cleaned.slice(0, 77)}…` : cleaned;
}

/**
 * An upload's base name and the id it gives its article, or null when its type
 * cannot be an article. Only the last path segment counts: "../../x.txt" and
 * "C:\\x.txt" cannot point outside the folder.
 */
export function uploadName(fileName: string): { articleId: string; baseName: string } | null {
  const baseName = fileName.split(/[\\/]/u).pop() ?? "";
  return articleFormatOf(baseName) === undefined ? null : { articleId: articleIdFromFileName(baseName), baseName };
}

/**
 * Reads an upload the way adding it would: type, size and parse are checked
 * (a failure throws ContentError, worded for the moderator), and nothing is
 * written. Adding, `--check` and `/reindex check` all read through here.
 */
export async function readArticleUpload(fileName: string, bytes: Uint8Array, maxBytes: number): Promise<UploadReading> {
  const given = shownName(fileName);
  const named = uploadName(fileName);
  if (named === null) throw new ContentError({ kind: "unsupported-type", file: given, formats: [...ARTICLE_FILE_FORMATS.keys()] });
  const { articleId, baseName } = named;
  const safeName = `${articleId}${path.extname(baseName).toLowerCase()}`;
  if (bytes.length > maxBytes) throw new ContentError({ kind: "too-large", file: given, bytes: bytes.length, limit: maxBytes });
  const dropped: DroppedLine[] = [];
  await prepareToParse(safeName);
  let article: Article;
  try {
    article = parseArticleBytes(bytes, safeName, { dropped });
  } catch (error) {
    if (error instanceof ArticleParseError) throw new ContentError({ kind: "unreadable-upload", file: given, problem: error.problem });
    throw error;
  }
  // The parser accepted the bytes as UTF-8 text already.
  // A page copy is judged by its article alone: the site's menus and link lists around it were dropped.
  const shape = articleShape(new TextDecoder().decode(bytes), article, { pageCopy: dropped.length > 0 });
  const notAnArticle = article.format === "html" ? null : notAnArticleReason(shape);
  return { given, articleId, safeName, article, reading: articleReading(article, dropped), notAnArticle };
}
