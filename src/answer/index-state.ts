import { createHash } from "node:crypto";
import type { ArticleLoadProblem } from "../content/problems.js";
import { articleIdFromFileName, loadArticles } from "../content/load.js";
import { describeArticleProblem } from "../content/problem-text.js";
import type { Article, Paragraph } from "../content/types.js";
import { detectLanguage, type Language } from "../search/analyzer.js";
import { readStoredIndex, storedIndexMatches, writeStoredIndex } from "../search/index-store.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import { LexicalIndex } from "../search/lexical.js";
import { lexicalFileOf } from "../search/lexical-store.js";
import { openStoredLexical, storeLexical, type StoredLexicalBase } from "./lexical-persistence.js";
import { passageId } from "./citation.js";
import { configuredModel, type ResolvedServiceOptions } from "./service-options.js";
import { combineLayers, type ArticleOrigin } from "./shared-layer.js";
import type { ArticleInfo } from "./types.js";

/** One complete index: the articles and everything built from them. A reindex builds a new one and swaps it in whole. */
export interface IndexState {
  /** Every article answered from: for a server, the operator's followed by its own. */
  articles: Article[];
  /** The articles of this service's own folder (for the operator's service, all of them). */
  own: Article[];
  /** The articles' main language, guessed from their text. */
  language: Language;
  /** File name → content hash of the files the articles came from. */
  files: Record<string, string>;
  paragraphById: Map<string, { article: Article; paragraph: Paragraph }>;
  retriever: Retriever;
  builtAt: Date;
  /** What this process knows of the lexical index stored on disk (null: nothing, so the next store writes it whole). */
  lexicalBase: StoredLexicalBase | null;
}

/**
 * A short fingerprint of the files an index was built from (names and content
 * hashes): two processes serve the same articles exactly when their versions
 * agree, whenever and wherever each index was built.
 */
export function indexVersionOf(files: Readonly<Record<string, string>>): string {
  const lines = Object.entries(files)
    .map(([name, hash]) => `${name}\u0000${hash}`)
    .sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);
}

/** What `/about` and `/articles` show of an article. */
export function articleInfo(article: Article, origin: ArticleOrigin = "operator"): ArticleInfo {
  return {
    id: article.id,
    origin,
    title: article.title,
    kicker: article.kicker,
    publisher: article.publisher,
    url: article.url,
    date: article.date,
    paragraphCount: article.paragraphs.length,
    sourceCount: article.sources.length,
  };
}

export function toPassages(articles: readonly Article[]): RetrievalPassage[] {
  return articles.flatMap((article) =>
    article.paragraphs.map((paragraph) => ({
      id: passageId(article.id, paragraph.number),
      title: article.title,
      heading: paragraph.heading,
      text: paragraph.text,
    })),
  );
}

/**
 * The lexical index of `passages`. With `reuse` (the index of the state
 * being replaced and its passages), that index is brought up to date in
 * place, paragraph by paragraph: only changed, added and removed paragraphs
 * are analysed, and those taken out are returned. The replaced state must
 * not be searched afterwards.
 */
export function lexicalIndexFor(
  passages: readonly RetrievalPassage[],
  options: Pick<ResolvedServiceOptions, "lexical" | "lexicons">,
  reuse?: { index: LexicalIndex; passages: readonly RetrievalPassage[] },
): { index: LexicalIndex; removed: RetrievalPassage[] } {
  if (!reuse) return { index: LexicalIndex.build(passages, options.lexical, options.lexicons), removed: [] };
  const same = (left: RetrievalPassage, right: RetrievalPassage): boolean =>
    left.title === right.title && left.heading === right.heading && left.text === right.text && left.language === right.language;
  const next = new Map(passages.map((passage) => [passage.id, passage]));
  const before = new Map(reuse.passages.map((passage) => [passage.id, passage]));
  const removed = reuse.passages.filter((passage) => {
    const replacement = next.get(passage.id);
    return !replacement || !same(passage, replacement);
  });
  const added = passages.filter((passage) => {
    const previous = before.get(passage.id);
    return !previous || !same(previous, passage);
  });
  reuse.index.remove(removed);
  reuse.index.add(added);
  return { index: reuse.index, removed };
}

export function buildIndexState(
  articles: Article[],
  own: Article[],
  files: Record<string, string>,
  dense: DenseChannel | null,
  options: Pick<ResolvedServiceOptions, "lexical" | "fusion" | "lexicons">,
  builtAt: Date,
  lexicalIndex?: LexicalIndex,
  lexicalBase: StoredLexicalBase | null = null,
): IndexState {
  const paragraphById = new Map<string, { article: Article; paragraph: Paragraph }>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) paragraphById.set(passageId(article.id, paragraph.number), { article, paragraph });
  }
  const retriever = new Retriever(toPassages(articles), dense, {
    lexical: options.lexical,
    fusion: options.fusion,
    lexicons: options.lexicons,
    ...(lexicalIndex ? { lexicalIndex } : {}),
  });
  const language = detectLanguage(languageSample(articles));
  return { articles, own, language, files, paragraphById, retriever, builtAt, lexicalBase };
}

/** Enough of the articles' opening paragraphs to tell their main language (all of them would take long on a large collection). */
const LANGUAGE_SAMPLE_CHARACTERS = 20_000;
function languageSample(articles: readonly Article[]): string {
  const parts: string[] = [];
  let length = 0;
  for (let position = 0; position < 5 && length < LANGUAGE_SAMPLE_CHARACTERS; position += 1) {
    for (const article of articles) {
      const text = article.paragraphs[position]?.text;
      if (text === undefined) continue;
      parts.push(text);
      length += text.length;
      if (length >= LANGUAGE_SAMPLE_CHARACTERS) break;
    }
  }
  return parts.join(" ");
}

/** The articles served from a folder's own ones: for a server, the operator's come first (see combineLayers). */
export function serveLayers(
  own: readonly Article[],
  files: Readonly<Record<string, string>>,
  options: Pick<ResolvedServiceOptions, "server">,
): ReturnType<typeof combineLayers> {
  const names = Object.keys(files);
  const fileOf = (article: Article): string => names.find((name) => articleIdFromFileName(name) === article.id) ?? article.id;
  return combineLayers(own, options.server?.shared.articles ?? null, fileOf);
}

/** Reuses the persisted index when it was built from exactly the current files; parses them otherwise. */
export async function loadInitialState(options: ResolvedServiceOptions): Promise<{ state: IndexState; unreadable: ArticleLoadProblem[]; parsed: boolean }> {
  if (options.server) return loadServerState(options);
  const modelId = configuredModel(options);
  // Hashing the files first only pays off when there is a stored index to compare them with.
  const directory = options.indexFile ? await loadArticles(options.contentDir, { parse: false }) : null;
  if (options.indexFile && directory && directory.errors.length === 0) {
    const stored = await readStoredIndex(options.indexFile, options.logger);
    if (stored && storedIndexMatches(stored, directory.hashes, modelId) && stored.articles.length > 0) {
      const lexical = await openStoredLexical(options.indexFile, directory.hashes, toPassages(stored.articles), options);
      const state = buildIndexState(
        stored.articles,
        stored.articles,
        directory.hashes,
        null,
        options,
        new Date(stored.builtAt),
        lexical.index ?? undefined,
        lexical.index ? lexical.base : null,
      );
      options.logger.info(
        {
          event: "index_loaded",
          articles: stored.articles.length,
          lexical: lexical.index ? `stored (${lexical.patched} paragraphs brought up to date)` : `built (${lexical.reason})`,
        },
        "loaded the stored index",
      );
      if (!lexical.index) await storeLexicalQuietly(options.indexFile, state, options);
      return { state, unreadable: [], parsed: false };
    }
  }
  const parsed = await loadArticles(options.contentDir, { parse: true });
  for (const error of parsed.errors) {
    options.logger.warn({ event: "article_skipped", file: error.file, reason: describeArticleProblem(error.problem) }, "article skipped");
  }
  if (parsed.articles.length === 0) {
    throw new Error(`No readable articles in ${options.contentDir} (.txt, .md or .html files expected).`);
  }
  const state = buildIndexState(parsed.articles, parsed.articles, parsed.hashes, null, options, new Date());
  if (options.indexFile && parsed.errors.length === 0) {
    try {
      await writeStoredIndex(options.indexFile, { builtAt: state.builtAt, modelId, files: state.files, articles: state.articles }, options.fileOperations);
    } catch (error) {
      // The index is a start-up shortcut; failing to store it must not stop the bot.
      options.logger.warn({ event: "index_write_failed", reason: String(error) }, "could not store the index");
    }
    await storeLexicalQuietly(options.indexFile, state, options);
  }
  return { state, unreadable: parsed.errors, parsed: true };
}

/** Stores the lexical index whole; a failure is logged only (the next start builds it again). */
async function storeLexicalQuietly(indexFile: string, state: IndexState, options: ResolvedServiceOptions): Promise<void> {
  try {
    state.lexicalBase = await storeLexical(
      indexFile,
      { index: state.retriever.lexicalIndex, files: state.files, articles: state.own },
      null,
      null,
      options,
      options.fileOperations,
    );
  } catch (error) {
    options.logger.warn({ event: "index_write_failed", file: lexicalFileOf(indexFile), reason: String(error) }, "could not store the lexical index");
  }
}

/**
 * A server's own folder, read beside the operator's articles: it may be empty
 * (the server is then answered from the operator's alone) and is not stored,
 * since a server's few articles parse in milliseconds.
 */
async function loadServerState(options: ResolvedServiceOptions): Promise<{ state: IndexState; unreadable: ArticleLoadProblem[]; parsed: boolean }> {
  const parsed = await loadArticles(options.contentDir, { parse: true });
  const layers = serveLayers(parsed.articles, parsed.hashes, options);
  const unreadable = [...parsed.errors, ...layers.shadowed];
  for (const error of unreadable) {
    options.logger.warn({ event: "article_skipped", file: error.file, reason: describeArticleProblem(error.problem) }, "article skipped");
  }
  if (layers.served.length === 0) throw new Error(`No readable articles in ${options.contentDir} and none shared.`);
  return { state: buildIndexState(layers.served, layers.kept, parsed.hashes, null, options, new Date()), unreadable, parsed: true };
}
