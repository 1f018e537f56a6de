import type { ArticleLoadProblem } from "../content/problems.js";
import { hashArticleFiles, hashCacheFileOf } from "../content/file-hashes.js";
import { loadArticles } from "../content/load.js";
import { describeArticleProblem } from "../content/problem-text.js";
import { readStoredIndex, storedIndexMatches, writeStoredIndex, type StoredIndex } from "../search/index-store.js";
import { lexicalFileOf, type LexicalFileRead } from "../search/lexical-store.js";
import { buildIndexState, serveLayers, toPassages, type IndexState } from "./index-state.js";
import { openStoredLexical, storeLexical } from "./lexical-persistence.js";
import { ReindexFailedError } from "./errors.js";
import { rebuildIndex } from "./rebuild.js";
import { configuredModel, type ResolvedServiceOptions } from "./service-options.js";
import type { ProgressTracker } from "./task-slot.js";

/**
 * Reads of the stored index begun before they are needed (see
 * QaService.create): reading it takes hundreds of milliseconds at 50,000
 * paragraphs, which then overlap loading the lexicons and hashing the files.
 */
export interface EarlyReads {
  lexical?: LexicalFileRead;
  stored?: Promise<StoredIndex | null>;
}

/**
 * Reuses the persisted index when it was built from exactly the current
 * files; parses them otherwise.
 */
export async function loadInitialState(
  options: ResolvedServiceOptions,
  early: EarlyReads = {},
): Promise<{ state: IndexState; unreadable: ArticleLoadProblem[]; parsed: boolean }> {
  if (options.server) return loadServerState(options);
  const modelId = configuredModel(options);
  // Hashing the files first only pays off when there is a stored index to compare them with.
  const directory = options.indexFile
    ? await hashArticleFiles(options.contentDir, hashCacheFileOf(options.indexFile), { operations: options.fileOperations })
    : null;
  if (options.indexFile && directory && directory.errors.length === 0) {
    const stored = await (early.stored ?? readStoredIndex(options.indexFile, options.logger));
    if (stored && stored.modelId === modelId && stored.articles.length > 0) {
      if (!storedIndexMatches(stored, directory.hashes, modelId)) {
        try {
          return await updateStoredState(options, options.indexFile, stored, directory.hashes, early.lexical);
        } catch (error) {
          // No article loads: the full read below says so the way a start always has.
          if (!(error instanceof ReindexFailedError)) throw error;
        }
      } else {
        const { state, lexical } = await openStoredState(options, options.indexFile, stored, early.lexical);
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
  }
  const parsed = await loadArticles(options.contentDir);
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
  const parsed = await loadArticles(options.contentDir);
  const layers = serveLayers(parsed.articles, parsed.hashes, options);
  const unreadable = [...parsed.errors, ...layers.shadowed];
  for (const error of unreadable) {
    options.logger.warn({ event: "article_skipped", file: error.file, reason: describeArticleProblem(error.problem) }, "article skipped");
  }
  if (layers.served.length === 0) throw new Error(`No readable articles in ${options.contentDir} and none shared.`);
  return { state: buildIndexState(layers.served, layers.kept, parsed.hashes, null, options, new Date()), unreadable, parsed: true };
}

/** The stored articles served as they were stored, with the stored lexical index (or one built when it cannot be used). */
async function openStoredState(
  options: ResolvedServiceOptions,
  indexFile: string,
  stored: StoredIndex,
  lexicalRead: LexicalFileRead | undefined,
): Promise<{ state: IndexState; lexical: Awaited<ReturnType<typeof openStoredLexical>> }> {
  const lexical = await openStoredLexical(indexFile, stored.files, toPassages(stored.articles), options, lexicalRead);
  const state = buildIndexState(
    stored.articles,
    stored.articles,
    stored.files,
    null,
    options,
    new Date(stored.builtAt),
    lexical.index ?? undefined,
    lexical.index ? lexical.base : null,
  );
  return { state, lexical };
}

/** Progress of a change made while starting: nobody is waiting on it. */
function silentTracker(): ProgressTracker {
  const progress = { task: "reindex", phase: "reading", articlesDone: 0, articlesTotal: 0, paragraphsDone: 0, paragraphsTotal: 0 } as const;
  return { progress: { ...progress }, update: () => undefined };
}

/**
 * Files were added, changed or removed while the bot was stopped: the stored
 * index is opened as it was and brought up to date like a reindex, so only
 * the files that differ are read and analysed.
 */
async function updateStoredState(
  options: ResolvedServiceOptions,
  indexFile: string,
  stored: StoredIndex,
  hashes: Readonly<Record<string, string>>,
  lexicalRead: LexicalFileRead | undefined,
): Promise<{ state: IndexState; unreadable: ArticleLoadProblem[]; parsed: boolean }> {
  const { state: current, lexical } = await openStoredState(options, indexFile, stored, lexicalRead);
  const names = new Set([...Object.keys(hashes), ...Object.keys(stored.files)]);
  const touched = [...names].filter((name) => hashes[name] !== stored.files[name]);
  const result = await rebuildIndex({
    current,
    reuseParsed: true,
    options,
    tracker: silentTracker(),
    touched,
    swap: () => undefined,
    embed: null,
  });
  options.logger.info(
    {
      event: "index_loaded",
      articles: result.state.articles.length,
      lexical: lexical.index ? "stored" : `built (${lexical.reason})`,
      added: result.report.added,
      changed: result.report.changed,
      removed: result.report.removed,
    },
    "loaded the stored index and brought it up to date with the files changed since",
  );
  return { state: result.state, unreadable: result.unreadable, parsed: false };
}
