import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { removeStaleTemporaries, type FileWriteOperations } from "../content/atomic-write.js";
import {
  ContentLibrary,
  FollowUpError,
  recoverInterruptedChange,
  type AddArticleRequest,
  type ContentChangeHooks,
  type ArticleChange,
  type AuditAction,
  type ContentActor,
  type RemoveArticleRequest,
} from "../content/library.js";
import { ARTICLE_FILE_FORMATS, articleIdFromFileName, loadArticles, type ArticleLoadError } from "../content/load.js";
import { describeArticleProblem } from "../content/problem-text.js";
import type { Article, Paragraph } from "../content/types.js";
import { EmbeddingCache, embedPassagesCached } from "../search/embedding-cache.js";
import { readStoredIndex, storedIndexMatches, writeStoredIndex } from "../search/index-store.js";
import { loadEmbedder, type Embedder, type EmbedderOptions } from "../search/embeddings.js";
import { detectLanguage, type Language } from "../search/analyzer.js";
import type { FusionOptions } from "../search/fusion.js";
import type { LexicalOptions } from "../search/lexical.js";
import { Retriever, type DenseChannel, type RetrievalPassage, type RetrievalResult } from "../search/retriever.js";
import { DEFAULT_THRESHOLDS, type AbstentionThresholds } from "./abstention.js";
import { passageId } from "./citation.js";
import { answerInConversation, DEFAULT_CONVERSATION_SETTINGS, type ConversationSettings } from "./conversation/follow-up.js";
import { answerQuestion, type AskSettings } from "./ask.js";
import { loadLexicons, type Lexicons } from "../search/lexicons.js";
import { Summarizer, summaryEmbeddingFrom, type SummarizeRequest, type Summary } from "./summary/index.js";
import { ReindexBusyError, ReindexFailedError } from "./errors.js";
import { diffArticles, summarizeReindex } from "./reindex-report.js";
import type {
  Answer,
  ArticleInfo,
  AskOptions,
  ContentAdminApi,
  ContentUpdateReport,
  QaApi,
  ReindexOptions,
  ReindexProgress,
  ReindexReport,
  ServiceStatus,
  SourceLookup,
} from "./types.js";

export type EmbedderLoader = typeof loadEmbedder;

/** How much a passage holding the kind of thing asked for gains in the ranking (see ask.ts). */
const ANSWER_TYPE_BOOST = 0.3;

export interface EmbeddingSettings {
  options: EmbedderOptions;
  /** JSONL cache of passage vectors, so a restart does not re-embed unchanged paragraphs. */
  cacheFile: string;
  /** Replaces the transformers.js loader (tests). */
  loader?: EmbedderLoader;
}

export interface QaServiceOptions {
  contentDir: string;
  /** Where the parsed index is persisted; omitted, nothing is written. */
  indexFile?: string;
  logger: Logger;
  embeddings: "off" | EmbeddingSettings;
  lexical?: Partial<LexicalOptions>;
  /** Overrides of the fusion weights; the rest keep their defaults. */
  fusion?: Partial<FusionOptions>;
  /** Overrides of the abstention thresholds; the rest keep their defaults. */
  thresholds?: Partial<AbstentionThresholds>;
  /** How many paragraphs an answer cites at most. */
  maxCitations?: number;
  /** How much a passage holding the kind of thing asked for gains in the ranking (default ANSWER_TYPE_BOOST). */
  answerTypeBoost?: number;
  /** The lexicons for synonyms, translations and word frequencies (default: data/lexicons/). */
  lexicons?: Lexicons;
  /** Append-only JSONL log of content changes (who added, replaced, removed, reindexed); omitted, none is written. */
  auditLogFile?: string;
  /** Largest article upload accepted, in bytes (default 1 MB). */
  maxUploadBytes?: number;
  /** Replaces the disk operations used for atomic writes (tests simulate a failing disk). */
  fileOperations?: FileWriteOperations;
  /** How follow-up questions are read with their conversation (default DEFAULT_CONVERSATION_SETTINGS). */
  conversation?: Partial<ConversationSettings>;
}

/** Questions longer than this are analyzed on their first part only: nobody asks a whole page. */
export const MAX_ANALYZED_QUESTION_CHARS = 2_000;

interface IndexState {
  articles: Article[];
  /** The articles' main language, guessed from their text. */
  language: Language;
  /** File name → content hash of the files the articles came from. */
  files: Record<string, string>;
  paragraphById: Map<string, { article: Article; paragraph: Paragraph }>;
  retriever: Retriever;
  builtAt: Date;
}

/** The progress of the one running operation, reported to the caller's callback on every change. */
interface ProgressTracker {
  readonly progress: ReindexProgress;
  update(change: Partial<ReindexProgress>): void;
}

/** What `/about` and `/articles` show of an article. */
export function articleInfo(article: Article): ArticleInfo {
  return {
    id: article.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    date: article.date,
    paragraphCount: article.paragraphs.length,
    sourceCount: article.sources.length,
  };
}

function toPassages(articles: readonly Article[]): RetrievalPassage[] {
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
 * The one service the Discord layer and the CLI call: it owns the articles,
 * the index and the (optional) embedding model.
 */
export class QaService implements QaApi, ContentAdminApi {
  private state: IndexState;
  private embedder: Embedder | null = null;
  private modelError: string | null = null;
  private modelReady: Promise<void> = Promise.resolve();
  private modelLoading = false;
  private embeddingCache: EmbeddingCache | null = null;
  private readonly summarizer = new Summarizer(undefined, (error) =>
    this.options.logger.warn({ event: "summary_embedding_failed", reason: String(error) }, "embedding the summary failed; serving the lexical summary"),
  );
  /** The reindex, upload or removal in progress; only one runs at a time. */
  private running: ProgressTracker | null = null;
  private readonly library: ContentLibrary;
  private readonly askSettings: AskSettings;
  private readonly conversationSettings: ConversationSettings;
  /** Files of the content folder that did not load at the last start or reindex, so that moderators can see and remove them. */
  private unreadable: ArticleLoadError[] = [];
  /**
   * Whether the current articles were parsed by this process (not read from
   * the stored index, which an older parser may have written): only then are
   * they reused for unchanged files, so /reindex after an update re-parses all.
   */
  private parsedHere = false;

  private constructor(
    private readonly options: QaServiceOptions,
    initial: IndexState,
  ) {
    this.state = initial;
    this.askSettings = {
      thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
      maxCitations: options.maxCitations ?? 3,
      rankingSize: 5,
      answerTypeBoost: options.answerTypeBoost ?? ANSWER_TYPE_BOOST,
      lexicons: options.lexicons ?? loadLexicons(),
    };
    this.conversationSettings = { ...DEFAULT_CONVERSATION_SETTINGS, ...options.conversation };
    this.library = new ContentLibrary({
      contentDir: options.contentDir,
      auditLogFile: options.auditLogFile ?? null,
      logger: options.logger,
      ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {}),
      ...(options.fileOperations ? { fileOperations: options.fileOperations } : {}),
    });
  }

  /**
   * Loads the articles and builds the lexical index right away; the embedding
   * model loads in the background and upgrades the index to hybrid when ready,
   * so questions are answered (lexically) while it warms up.
   */
  static async create(options: QaServiceOptions): Promise<QaService> {
    // A process killed mid-write leaves its temporary files behind; they are never read, only cleaned up here.
    for (const folder of new Set([options.contentDir, ...(options.indexFile ? [path.dirname(options.indexFile)] : [])])) {
      const removed = await removeStaleTemporaries(folder);
      if (removed.length > 0)
        options.logger.info({ event: "temporaries_removed", folder, files: removed }, "removed temporary files left by an interrupted write");
    }
    await recoverInterruptedChange({
      contentDir: options.contentDir,
      auditLogFile: options.auditLogFile ?? null,
      logger: options.logger,
      ...(options.fileOperations ? { fileOperations: options.fileOperations } : {}),
    });
    const initial = await QaService.loadInitialState(options);
    const service = new QaService(options, initial.state);
    service.unreadable = initial.unreadable;
    service.parsedHere = initial.parsed;
    if (options.embeddings === "off") {
      service.modelError = "embeddings disabled by configuration";
    } else {
      service.modelLoading = true;
      service.modelReady = service.startDenseChannel(options.embeddings).finally(() => {
        service.modelLoading = false;
      });
    }
    return service;
  }

  private static configuredModel(options: QaServiceOptions): string | null {
    return options.embeddings === "off" ? null : options.embeddings.options.modelId;
  }

  /** Reuses the persisted index when it was built from exactly the current files; parses them otherwise. */
  private static async loadInitialState(options: QaServiceOptions): Promise<{ state: IndexState; unreadable: ArticleLoadError[]; parsed: boolean }> {
    const modelId = QaService.configuredModel(options);
    // Hashing the files first only pays off when there is a stored index to compare them with.
    const directory = options.indexFile ? await loadArticles(options.contentDir, { parse: false }) : null;
    if (options.indexFile && directory && directory.errors.length === 0) {
      const stored = await readStoredIndex(options.indexFile, options.logger);
      if (stored && storedIndexMatches(stored, directory.hashes, modelId) && stored.articles.length > 0) {
        options.logger.info({ event: "index_loaded", articles: stored.articles.length }, "loaded the stored index");
        return { state: QaService.buildState(stored.articles, directory.hashes, null, options, new Date(stored.builtAt)), unreadable: [], parsed: false };
      }
    }
    const parsed = await loadArticles(options.contentDir, { parse: true });
    for (const error of parsed.errors) {
      options.logger.warn({ event: "article_skipped", file: error.file, reason: describeArticleProblem(error.problem) }, "article skipped");
    }
    if (parsed.articles.length === 0) {
      throw new Error(`No readable articles in ${options.contentDir} (.txt, .md or .html files expected).`);
    }
    const state = QaService.buildState(parsed.articles, parsed.hashes, null, options, new Date());
    if (options.indexFile && parsed.errors.length === 0) {
      try {
        await writeStoredIndex(options.indexFile, { builtAt: state.builtAt, modelId, files: state.files, articles: state.articles }, options.fileOperations);
      } catch (error) {
        // The index is a start-up shortcut; failing to store it must not stop the bot.
        options.logger.warn({ event: "index_write_failed", reason: String(error) }, "could not store the index");
      }
    }
    return { state, unreadable: parsed.errors, parsed: true };
  }

  private static buildState(
    articles: Article[],
    files: Record<string, string>,
    dense: DenseChannel | null,
    options: QaServiceOptions,
    builtAt: Date,
  ): IndexState {
    const paragraphById = new Map<string, { article: Article; paragraph: Paragraph }>();
    for (const article of articles) {
      for (const paragraph of article.paragraphs) paragraphById.set(passageId(article.id, paragraph.number), { article, paragraph });
    }
    const retrieverOptions = {
      ...(options.lexical ? { lexical: options.lexical } : {}),
      ...(options.fusion ? { fusion: options.fusion } : {}),
      ...(options.lexicons ? { lexicons: options.lexicons } : {}),
    };
    const language = detectLanguage(articles.flatMap((article) => article.paragraphs.slice(0, 5).map((paragraph) => paragraph.text)).join(" "));
    return { articles, language, files, paragraphById, retriever: new Retriever(toPassages(articles), dense, retrieverOptions), builtAt };
  }

  private async startDenseChannel(settings: EmbeddingSettings): Promise<void> {
    const loader = settings.loader ?? loadEmbedder;
    const loaded = await loader(settings.options, this.options.logger);
    if (loaded.embedder === null) {
      // The loader already logged the one warning; remember why for /about and status.
      this.modelError = loaded.reason;
      return;
    }
    try {
      this.embeddingCache = await EmbeddingCache.open(settings.cacheFile, this.options.logger);
      this.embedder = loaded.embedder;
      for (;;) {
        const current = this.state;
        const dense = await this.denseChannelFor(current.articles, loaded.embedder);
        if (this.state === current) {
          this.state = QaService.buildState(current.articles, current.files, dense, this.options, current.builtAt);
          break;
        }
        // A reindex swapped the state while we embedded; it used the model itself once it was set.
        if (this.state.retriever.mode === "hybrid") break;
      }
      this.options.logger.info({ event: "dense_ready", model: loaded.embedder.modelId }, "embedding model ready: hybrid retrieval");
    } catch (error) {
      this.embedder = null;
      this.modelError = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ event: "dense_failed", reason: this.modelError }, "embedding failed; serving lexical retrieval only");
    }
  }

  private async denseChannelFor(articles: readonly Article[], embedder: Embedder, onProgress?: (paragraphsDone: number) => void): Promise<DenseChannel> {
    const passages = toPassages(articles);
    const cache = this.embeddingCache;
    const texts = passages.map((passage) => passage.text);
    const passageVectors: Float32Array[] = [];
    // Batches keep progress reports flowing during a long first embedding.
    const batch = 64;
    for (let start = 0; start < texts.length; start += batch) {
      const slice = texts.slice(start, start + batch);
      passageVectors.push(...(cache ? await embedPassagesCached(embedder, cache, slice) : await embedder.embedPassages(slice)));
      onProgress?.(passageVectors.length);
    }
    return {
      modelId: embedder.modelId,
      passageVectors,
      embedQuery: async (question) => {
        const [vector] = await embedder.embedQueries([question]);
        if (!vector) throw new Error("the embedding model returned no vector");
        return vector;
      },
    };
  }

  /** Resolves once the embedding model has loaded or failed; answers work before that too. */
  whenModelSettled(): Promise<void> {
    return this.modelReady;
  }

  /** The running reindex's (or upload's, or removal's) progress, or null. */
  reindexProgress(): ReindexProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  /**
   * Re-reads every article file and swaps in a new index once it is complete.
   * Questions keep being answered from the old index meanwhile; on any failure
   * the old index stays and nothing on disk changes. A second call while one
   * runs is refused with `ReindexBusyError` (carrying the running progress).
   * With `actor`, the attempt is written to the audit log. `options.baseline`
   * names the articles the report compares against (default: the served index).
   */
  async reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
    const { onProgress, actor } = options;
    const tracker = await this.beginExclusive("reindex", onProgress, actor ? { actor, action: "reindex", article: null } : null);
    try {
      const result = await this.rebuild(tracker, options.baseline);
      if (actor) {
        await this.library.recordAudit({ actor, action: "reindex", article: null, outcome: "success", detail: summarizeReindex(result) });
      }
      return result;
    } catch (error) {
      if (actor) {
        const detail = error instanceof Error ? error.message : String(error);
        await this.library.recordAudit({ actor, action: "reindex", article: null, outcome: "failed", detail });
      }
      throw error;
    } finally {
      this.running = null;
    }
  }

  /**
   * Adds an uploaded article (`request.bytes`, e.g. a Discord attachment) and
   * reindexes. The file is parsed and checked before anything is written; if
   * the reindex then fails, the file change is undone, so content and index
   * stay consistent. Rejects with `ContentError` (moderator-readable message)
   * or `ReindexBusyError`.
   */
  async addArticle(request: AddArticleRequest, onProgress?: (progress: ReindexProgress) => void): Promise<ContentUpdateReport> {
    const action: AuditAction = request.replace === true ? "replace" : "add";
    return this.changeContent("add-article", onProgress, { actor: request.actor, action, article: null }, (afterWrite) =>
      this.library.addArticle(request, { afterWrite }),
    );
  }

  /** Removes an article's file(s) and reindexes; undone if the reindex fails. Rejects like `addArticle`. */
  async removeArticle(request: RemoveArticleRequest, onProgress?: (progress: ReindexProgress) => void): Promise<ContentUpdateReport> {
    return this.changeContent("remove-article", onProgress, { actor: request.actor, action: "remove", article: request.articleId }, (afterWrite) =>
      this.library.removeArticle(request, { afterWrite }),
    );
  }

  /** Runs one file change of the library with a rebuild right after the write (which the library undoes if the rebuild fails). */
  private async changeContent(
    task: ReindexProgress["task"],
    onProgress: ((progress: ReindexProgress) => void) | undefined,
    audit: { actor: ContentActor; action: AuditAction; article: string | null },
    apply: (afterWrite: NonNullable<ContentChangeHooks["afterWrite"]>) => Promise<ArticleChange>,
  ): Promise<ContentUpdateReport> {
    const tracker = await this.beginExclusive(task, onProgress, audit);
    try {
      let report: ReindexReport | undefined;
      const change = await apply(async (_change, parsed) => {
        try {
          report = await this.rebuild(tracker, undefined, parsed);
        } catch (error) {
          // The library undoes the change; it words the files that did not load for the moderator.
          if (error instanceof ReindexFailedError) throw new FollowUpError({ kind: "reindex-failed", problems: error.problems }, { cause: error });
          throw error;
        }
      });
      if (report === undefined) throw new Error("the index was not rebuilt after the file change");
      return { change, reindex: report };
    } finally {
      this.running = null;
    }
  }

  /** Claims the one slot for a content operation, or refuses (and audits the refusal) with the running one's progress. */
  private async beginExclusive(
    task: ReindexProgress["task"],
    onProgress: ((progress: ReindexProgress) => void) | undefined,
    audit: { actor: ContentActor; action: AuditAction; article: string | null } | null,
  ): Promise<ProgressTracker> {
    if (this.running) {
      const busy = new ReindexBusyError({ ...this.running.progress });
      if (audit) await this.library.recordAudit({ ...audit, outcome: "refused", detail: busy.message });
      throw busy;
    }
    const progress: ReindexProgress = {
      task,
      phase: task === "reindex" ? "reading" : "checking",
      articlesDone: 0,
      articlesTotal: 0,
      paragraphsDone: 0,
      paragraphsTotal: 0,
    };
    const logger = this.options.logger;
    const tracker: ProgressTracker = {
      progress,
      update(change) {
        Object.assign(progress, change);
        try {
          onProgress?.({ ...progress });
        } catch (error) {
          // A failing progress display (e.g. a Discord edit) must not fail the reindex.
          logger.warn({ event: "reindex_progress_callback_failed", reason: String(error) }, "progress callback failed");
        }
      },
    };
    this.running = tracker;
    tracker.update({});
    return tracker;
  }

  /** Builds a complete new index beside the current one, persists it, then swaps it in. */
  private async rebuild(
    tracker: ProgressTracker,
    baseline?: readonly Article[],
    upload?: { fileName: string; article: Article } | null,
  ): Promise<ReindexReport> {
    const started = performance.now();
    const report = (update: Partial<ReindexProgress>): void => tracker.update(update);
    const previousArticles = baseline ?? this.state.articles;
    report({ phase: "reading" });
    // Files whose bytes did not change since the current index (and an upload just checked) are not parsed again.
    const parsedBefore = new Map<string, Article>();
    const byId = new Map(this.parsedHere ? this.state.articles.map((article) => [article.id, article]) : []);
    for (const [fileName, hash] of Object.entries(this.state.files)) {
      const article = byId.get(articleIdFromFileName(fileName));
      if (article && article.contentHash === hash) parsedBefore.set(`${fileName}\u0000${hash}`, article);
    }
    if (upload) parsedBefore.set(`${upload.fileName}\u0000${upload.article.contentHash}`, upload.article);
    const loaded = await loadArticles(this.options.contentDir, {
      parse: true,
      onArticle: (done, total) => report({ articlesDone: done, articlesTotal: total }),
      known: (fileName, contentHash) => parsedBefore.get(`${fileName}\u0000${contentHash}`),
    });
    if (loaded.articles.length === 0) {
      throw new ReindexFailedError(
        loaded.errors.length > 0
          ? loaded.errors
          : [{ file: this.options.contentDir, problem: { kind: "no-article-files", formats: [...ARTICLE_FILE_FORMATS.keys()] } }],
      );
    }
    const skipped = loaded.errors;
    if (skipped.length > 0)
      this.options.logger.warn({ event: "reindex_skipped_files", files: skipped.map((problem) => problem.file) }, "unreadable files left out of the index");
    const paragraphsTotal = loaded.articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
    report({ phase: "embedding", paragraphsTotal });
    const embedder = this.embedder;
    let dense: DenseChannel | null = null;
    if (embedder) {
      dense = await this.denseChannelFor(loaded.articles, embedder, (done) => report({ paragraphsDone: done }));
    }
    report({ phase: "indexing", paragraphsDone: paragraphsTotal });
    const next = QaService.buildState(loaded.articles, loaded.hashes, dense, this.options, new Date());
    this.parsedHere = true;
    report({ phase: "saving" });
    let storeFailure: string | undefined;
    if (this.options.indexFile) {
      try {
        await writeStoredIndex(
          this.options.indexFile,
          { builtAt: next.builtAt, modelId: QaService.configuredModel(this.options), files: next.files, articles: next.articles },
          this.options.fileOperations,
        );
      } catch (error) {
        // The stored index only shortens the next start; the articles on disk are what counts, so the new index is served anyway.
        storeFailure = `the index could not be saved (${error instanceof Error ? error.message : String(error)}); it is served anyway, and the next start rebuilds it from the articles`;
        this.options.logger.warn({ event: "index_write_failed", reason: String(error) }, "could not store the index; serving it anyway");
      }
    }
    this.state = next;
    this.unreadable = loaded.errors;
    const result: ReindexReport = {
      ...diffArticles(previousArticles, next.articles),
      articles: next.articles.length,
      paragraphs: paragraphsTotal,
      durationMs: Math.round(performance.now() - started),
      mode: next.retriever.mode,
      ...(storeFailure ? { storeFailure } : {}),
      ...(skipped.length > 0 ? { skipped } : {}),
    };
    this.options.logger.info({ event: "reindexed", ...result }, "index rebuilt");
    return result;
  }

  /** `history`: the earlier turns of the conversation the question belongs to, oldest first (see conversation/turns.ts). */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    const state = this.state;
    if (question.length === 0) {
      return { question, answered: false, hedged: false, mode: state.retriever.mode, citations: [], ranking: [], abstainReason: "empty question" };
    }
    const analyzed = question.slice(0, MAX_ANALYZED_QUESTION_CHARS);
    const history = options.history ?? [];
    if (history.length === 0) return answerQuestion(question, analyzed, state, this.askSettings);
    return answerInConversation(question, analyzed, history, state, this.askSettings, this.conversationSettings);
  }

  /** The raw ranking behind `ask` (passage ids are `articleId#paragraph`), for benchmarks and diagnostics. */
  search(question: string, limit = 10): Promise<RetrievalResult> {
    return this.state.retriever.search(question.slice(0, MAX_ANALYZED_QUESTION_CHARS), limit);
  }

  source(paragraphNumber: number, articleId?: string): SourceLookup | null {
    const articles = this.state.articles;
    const article = articleId === undefined ? (articles.length === 1 ? articles[0] : undefined) : articles.find((candidate) => candidate.id === articleId);
    if (!article) return null;
    const paragraph = article.paragraphs.find((candidate) => candidate.number === paragraphNumber);
    return paragraph ? { article, paragraph } : null;
  }

  /** Hybrid mode scores summary sentences with the embedding model, lexical mode with TF-IDF. */
  summary(request: SummarizeRequest): Promise<Summary> {
    return this.summarizer.summarize(this.state.articles, request, summaryEmbeddingFrom(this.embedder));
  }

  articles(): Article[] {
    return [...this.state.articles];
  }

  status(): ServiceStatus {
    const { articles, retriever, builtAt } = this.state;
    const info = articles.map(articleInfo);
    const configuredModel = this.options.embeddings === "off" ? "none" : this.options.embeddings.options.modelId;
    return {
      mode: retriever.mode,
      model: this.embedder?.modelId ?? configuredModel,
      modelLoaded: this.embedder !== null,
      modelLoading: this.modelLoading,
      modelError: this.embedder ? null : this.modelError,
      articles: info,
      paragraphCount: info.reduce((sum, article) => sum + article.paragraphCount, 0),
      indexBuiltAt: builtAt.toISOString(),
      unreadable: this.unreadable.map((problem) => ({
        articleId: articleIdFromFileName(problem.file),
        file: problem.file,
        problem: problem.problem,
      })),
    };
  }
}
