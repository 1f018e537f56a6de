import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { articleIdFromFileName, listArticleFiles, parseArticleBytes, prepareToParse } from "../load.js";
import { systemDetail } from "../problems.js";
import { ContentError } from "./errors.js";

/** The content folder as a change checks it: each article file with its id and title, and its bytes once needed. */
export interface FolderEntry {
  fileName: string;
  articleId: string;
  /** Null when the file does not parse. */
  title: string | null;
  /** Null until needed: files whose title the index knows are not read. */
  bytes: Buffer | null;
}

export type ReadFolderEntry = FolderEntry & { bytes: Buffer };

/**
 * Every article file with its id and title (when it parses). `knownTitle`
 * gives the title the served index holds for a file; only files it does not
 * know are read and parsed.
 */
export async function readFolder(contentDir: string, knownTitle?: (fileName: string) => string | undefined): Promise<FolderEntry[]> {
  let names: string[];
  try {
    names = await listArticleFiles(contentDir);
  } catch (error) {
    throw new ContentError({ kind: "folder-unreadable", detail: systemDetail(error) }, { cause: error });
  }
  const entries: FolderEntry[] = [];
  for (const fileName of names) {
    const articleId = articleIdFromFileName(fileName);
    const known = knownTitle?.(fileName);
    if (known !== undefined) {
      entries.push({ fileName, articleId, title: known, bytes: null });
      continue;
    }
    const file = path.join(contentDir, fileName);
    try {
      if (!(await stat(file)).isFile()) continue;
    } catch {
      continue;
    }
    const bytes = await readFile(file);
    let title: string | null = null;
    await prepareToParse(fileName);
    try {
      title = parseArticleBytes(bytes, fileName).title;
    } catch {
      // A broken file still occupies its id; it just has no title to compare.
    }
    entries.push({ fileName, articleId, title, bytes });
  }
  return entries;
}

/** The entries with their bytes (for undo and limits), reading those not read yet. */
export async function withBytes(contentDir: string, entries: readonly FolderEntry[]): Promise<ReadFolderEntry[]> {
  const read: ReadFolderEntry[] = [];
  for (const entry of entries) read.push({ ...entry, bytes: entry.bytes ?? (await readFile(path.join(contentDir, entry.fileName))) });
  return read;
}

/** Refuses an upload that would take a server past its number of articles or bytes (a replaced file's old bytes do not count). */
export function checkServerLimits(
  limits: { maxArticles: number; maxBytes: number },
  folder: readonly ReadFolderEntry[],
  articleId: string,
  given: string,
  uploadBytes: number,
): void {
  const others = folder.filter((entry) => entry.articleId !== articleId);
  const articles = new Set(others.map((entry) => entry.articleId)).size + 1;
  if (articles > limits.maxArticles) throw new ContentError({ kind: "server-limit", limit: "articles", file: given, total: articles, max: limits.maxArticles });
  const bytes = others.reduce((sum, entry) => sum + entry.bytes.length, uploadBytes);
  if (bytes > limits.maxBytes) throw new ContentError({ kind: "server-limit", limit: "bytes", file: given, total: bytes, max: limits.maxBytes });
}

/** A title as two articles are compared by: case, quotes, spacing and closing punctuation aside. */
export function comparableTitle(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s"'„“”«»‚‘’]+/gu, " ")
    .replace(/[.!?:;,\s]+$/u, "")
    .trim();
}
