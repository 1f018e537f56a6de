import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { loadArticleFile } from "./load.js";
import type { Article } from "./types.js";

/** The file types an article can be read from. */
export const ARTICLE_EXTENSIONS: readonly string[] = [".txt", ".md"];

export interface ArticleFileError {
  file: string;
  message: string;
}

export interface ArticleDirectory {
  articles: Article[];
  errors: ArticleFileError[];
  /** File name → sha256 of its bytes, for every article file present. */
  hashes: Record<string, string>;
}

export async function listArticleFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new Error(`Content folder ${dir} does not exist or cannot be read.`);
  }
  return entries.filter((name) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase())).sort();
}

/**
 * Reads every article file of a folder. With `parse: false` it only hashes the
 * files (enough to tell whether a stored index is still current).
 */
export async function loadArticleDirectory(
  dir: string,
  options: { parse: boolean; onArticle?: (done: number, total: number) => void },
): Promise<ArticleDirectory> {
  const files = await listArticleFiles(dir);
  const result: ArticleDirectory = { articles: [], errors: [], hashes: {} };
  const ids = new Map<string, string>();
  for (const [position, file] of files.entries()) {
    const fullPath = path.join(dir, file);
    try {
      result.hashes[file] = createHash("sha256").update(await readFile(fullPath)).digest("hex");
      if (options.parse) {
        const article = await loadArticleFile(fullPath);
        const clash = ids.get(article.id);
        if (clash) throw new Error(`same article id "${article.id}" as ${clash}`);
        ids.set(article.id, file);
        result.articles.push(article);
      }
    } catch (error) {
      result.errors.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
    options.onArticle?.(position + 1, files.length);
  }
  return result;
}
