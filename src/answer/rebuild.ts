import { performance } from "node:perf_hooks";
import { ARTICLE_FILE_FORMATS, articleIdFromFileName, loadArticles } from "../content/load.js";
import type { ArticleLoadProblem } from "../content/problems.js";
import type { Article } from "../content/types.js";
import { writeStoredIndex } from "../search/index-store.js";
import type { DenseChannel } from "../search/retriever.js";
import { ReindexFailedError } from "./errors.js";
import { buildIndexState, lexicalIndexFor, serveLayers, type IndexState } from "./index-state.js";
import { storeLexical } from "./lexical-persistence.js";
import { diffArticles } from "./reindex-report.js";
import { configuredModel, type ResolvedServiceOptions } from "./service-options.js";
import type { ProgressTracker } from "./task-slot.js";
import type { ReindexReport } from "./types.js";

export interface RebuildInput {
  /** The index served now; nothing of it changes. */
  current: IndexState;
  /** Whether `current`'s articles were parsed by this process, so that they may be reused for unchanged files. */
  reuseParsed: boolean;
  options: ResolvedServiceOptions;
  tracker: ProgressTracker;
  /** The articles the report compares against (default: the served ones). */
  baseline?: readonly Article[] | undefined;
  /** An upload just parsed and checked, so it is not parsed again. */
  upload?: { fileName: string; article: Article } | null | undefined;
  /**
   * The files a change of this process just wrote or removed: the others are
   * taken as the current index has them, without reading them again. A file
   * edited by hand meanwhile is then seen by the next reindex or start.
   */
  touched?: readonly string[] | undefined;
  /**
   * Called with the new index as soon as it is built, before it is stored: the
   * current lexical index was updated in place for it, so it must be served
   * from then on.
   */
  swap: (next: IndexState) => void;
  /** Embeds the articles for the dense channel; null in lexical mode. */
  embed: ((articles: readonly Article[], onProgress: (paragraphsDone: number) => void) => Promise<DenseChannel>) | null;
}

export interface RebuildResult {
  state: IndexState;
  unreadable: ArticleLoadProblem[];
  report: ReindexReport;
}

/**
 * Builds the new index (the lexical part updated from the current one) and
 * hands it to `swap`, then stores it. On a failure before the swap
 * (`ReindexFailedError` when no article loads) the current index stays as it
 * is; a failure to store is reported, and the new index is served anyway.
 */
export async function rebuildIndex(input: RebuildInput): Promise<RebuildResult> {
  const { current, options, tracker } = input;
  const started = performance.now();
  const report = (update: Parameters<ProgressTracker["update"]>[0]): void => tracker.update(update);
  const previousArticles = input.baseline ?? current.own;
  report({ phase: "reading" });
  // Files whose bytes did not change since the current index (and an upload just checked) are not parsed again.
  const parsedBefore = new Map<string, Article>();
  const byId = new Map(input.reuseParsed ? current.own.map((article) => [article.id, article]) : []);
  for (const [fileName, hash] of Object.entries(current.files)) {
    const article = byId.get(articleIdFromFileName(fileName));
    if (article && article.contentHash === hash) parsedBefore.set(`${fileName}\u0000${hash}`, article);
  }
  if (input.upload) parsedBefore.set(`${input.upload.fileName}\u0000${input.upload.article.contentHash}`, input.upload.article);
  const touched = input.touched ? new Set(input.touched) : null;
  const unchanged = (fileName: string): Article | undefined => {
    const hash = current.files[fileName];
    return touched && !touched.has(fileName) && hash !== undefined ? parsedBefore.get(`${fileName}\u0000${hash}`) : undefined;
  };
  const loaded = await loadArticles(options.contentDir, {
    onArticle: (done, total) => report({ articlesDone: done, articlesTotal: total }),
    known: (fileName, contentHash) => parsedBefore.get(`${fileName}\u0000${contentHash}`),
    unchanged,
  });
  const layers = serveLayers(loaded.articles, loaded.hashes, options);
  // A server's folder may be empty: the operator's articles are still answered from.
  if (layers.served.length === 0) {
    throw new ReindexFailedError(
      loaded.errors.length > 0
        ? loaded.errors
        : [{ file: options.contentDir, problem: { kind: "no-article-files", formats: [...ARTICLE_FILE_FORMATS.keys()] } }],
    );
  }
  const skipped = [...loaded.errors, ...layers.shadowed];
  if (skipped.length > 0)
    options.logger.warn({ event: "reindex_skipped_files", files: skipped.map((problem) => problem.file) }, "unreadable files left out of the index");
  const paragraphsTotal = layers.served.reduce((sum, article) => sum + article.paragraphs.length, 0);
  report({ phase: "embedding", paragraphsTotal });
  const dense = input.embed ? await input.embed(layers.served, (done) => report({ paragraphsDone: done })) : null;
  report({ phase: "indexing", paragraphsDone: paragraphsTotal });
  // The current lexical index is brought up to date in place (only what changed is analysed), as the last step
  // before the swap: nothing after it can fail the rebuild.
  const lexical = lexicalIndexFor(layers.served, options, { index: current.retriever.lexicalIndex, articles: current.articles });
  const next = buildIndexState(layers.served, layers.kept, loaded.hashes, dense, options, new Date(), lexical.index, current.lexicalBase, current.retriever);
  input.swap(next);
  report({ phase: "saving" });
  let storeFailure: string | undefined;
  if (options.indexFile) {
    try {
      // The lexical journal first: a crash before the articles are stored then leaves a journal with more than it needs, never less.
      next.lexicalBase = await storeLexical(
        options.indexFile,
        { index: lexical.index, files: next.files, articles: next.own },
        { removed: lexical.removed },
        current.lexicalBase,
        options,
        options.fileOperations,
      );
      await writeStoredIndex(
        options.indexFile,
        { builtAt: next.builtAt, modelId: configuredModel(options), files: next.files, articles: next.own },
        options.fileOperations,
      );
    } catch (error) {
      // What is on disk of the lexical index is not known now: the next store writes it whole.
      next.lexicalBase = null;
      // The stored index only shortens the next start; the articles on disk are what counts, so the new index is served anyway.
      storeFailure = `the index could not be saved (${error instanceof Error ? error.message : String(error)}); it is served anyway, and the next start rebuilds it from the articles`;
      options.logger.warn({ event: "index_write_failed", reason: String(error) }, "could not store the index; serving it anyway");
    }
  }
  const result: ReindexReport = {
    ...diffArticles(previousArticles, next.own),
    articles: next.articles.length,
    paragraphs: paragraphsTotal,
    durationMs: Math.round(performance.now() - started),
    mode: next.retriever.mode,
    ...(storeFailure ? { storeFailure } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
  return { state: next, unreadable: skipped, report: result };
}
