import path from "node:path";
import { removeStaleTemporaries } from "../content/atomic-write.js";
import {
  ContentLibrary,
  FollowUpError,
  recoverInterruptedChange,
  type AddArticleRequest,
  type ContentChangeHooks,
  type ArticleChange,
  type ArticleCheck,
  type AuditAction,
  type CheckArticleRequest,
  type ContentActor,
  type RemoveArticleRequest,
} from "../content/library/index.js";
import { articleIdFromFileName } from "../content/load.js";
import type { ArticleLoadProblem } from "../content/problems.js";
import type { Article } from "../content/types.js";
import type { DenseChannel, RetrievalResult } from "../search/retriever.js";
import { searchedQuestion } from "./question-text.js";
import { answerInConversation } from "./conversation/follow-up.js";
import { answerFromDetails } from "./details.js";
import { smallTalkOf } from "./small-talk.js";
import { findParagraph } from "./paragraph-request.js";
import { answerQuestion, type AskSettings } from "./ask.js";
import { DenseModel } from "./dense-model.js";
import { ReindexFailedError } from "./errors.js";
import { articleInfo, buildIndexState, indexVersionOf, type IndexState } from "./index-state.js";
import { loadInitialState } from "./initial-state.js";
import { readStoredIndex } from "../search/index-store.js";
import { beginLexicalRead, lexicalFileOf } from "../search/lexical-store.js";
import { rebuildIndex } from "./rebuild.js";
import { summarizeReindex } from "./reindex-report.js";
import type { ArticleOrigin, SharedLayer } from "./shared-layer.js";
import { resolveServiceOptions, type QaServiceOptions, type ResolvedServiceOptions } from "./service-options.js";
import { Summarizer, summaryEmbeddingFrom, type SummarizeRequest, type Summary } from "./summary/index.js";
import { ContentTaskSlot, type ProgressTracker } from "./task-slot.js";
import type {
  Answer,
  AskOptions,
  ContentAdminApi,
  ContentChangeOptions,
  ContentUpdateReport,
  QaApi,
  ReindexOptions,
  ReindexProgress,
  ReindexReport,
  ServiceStatus,
  SourceLookup,
} from "./types.js";

export { articleInfo } from "./index-state.js";
export type { EmbedderLoader, EmbeddingSettings, QaServiceOptions } from "./service-options.js";

/** Questions longer than this are analyzed on their first part only: nobody asks a whole page. */
export const MAX_ANALYZED_QUESTION_CHARS = 2_000;

/**
 * The one service the Discord layer and the CLI call: it owns the articles,
 * the index and the (optional) embedding model.
 */
export class QaService implements QaApi, ContentAdminApi {
  private state: IndexState;
  private readonly model: DenseModel;
  private readonly summarizer = new Summarizer(undefined, (error) =>
    this.options.logger.warn({ event: "summary_embedding_failed", reason: String(error) }, "embedding the summary failed; serving the lexical summary"),
  );
  /** The reindex, upload or removal in progress; only one runs at a time. */
  private readonly tasks: ContentTaskSlot;
  private readonly library: ContentLibrary;
  private readonly askSettings: AskSettings;
  /** Files of the content folder that did not load at the last start or reindex, so that moderators can see and remove them. */
  private unreadable: ArticleLoadProblem[] = [];
  /**
   * Whether the current articles were parsed by this process (not read from
   * the stored index, which an older parser may have written): only then does
   * /reindex reuse them for unchanged files, so /reindex after an update
   * re-parses all. Uploads and removals always reuse them.
   */
  private parsedHere = false;
  /** The own articles by id, for the state they were taken from. */
  private ownIndex: { own: readonly Article[]; byId: Map<string, Article> } | null = null;
  private sharedSnapshot: { state: IndexState; embedder: DenseModel["embedder"]; layer: SharedLayer } | null = null;

  private constructor(
    private readonly options: ResolvedServiceOptions,
    initial: IndexState,
  ) {
    this.state = initial;
    this.model = new DenseModel(options.logger, {
      current: () => this.state,
      serveWith: (current, dense) => {
        this.state = this.withDenseChannel(current, dense);
      },
    });
    this.tasks = new ContentTaskSlot(options.logger);
    this.askSettings = {
      thresholds: options.thresholds,
      maxCitations: options.maxCitations,
      rankingSize: 5,
      answerTypeBoost: options.answerTypeBoost,
      lexicons: options.lexicons,
    };
    const server = options.server;
    this.library = new ContentLibrary({
      contentDir: options.contentDir,
      auditLogFile: options.auditLogFile,
      logger: options.logger,
      maxUploadBytes: options.maxUploadBytes,
      fileOperations: options.fileOperations,
      knownTitle: (fileName) => (this.state.files[fileName] === undefined ? undefined : this.ownById().get(articleIdFromFileName(fileName))?.title),
      ...(server
        ? {
            serverLayer: {
              serverId: server.serverId,
              sharedArticles: () => server.shared.articles.map((article) => ({ id: article.id, title: article.title })),
              maxArticles: server.maxArticles,
              maxBytes: server.maxBytes,
            },
          }
        : {}),
    });
  }

  /**
   * Loads the articles and builds the lexical index right away; the embedding
   * model loads in the background and upgrades the index to hybrid when ready,
   * so questions are answered (lexically) while it warms up. Every default is
   * resolved here, once (see service-options.ts).
   */
  static async create(given: QaServiceOptions): Promise<QaService> {
    // Begun first: reading the stored index then overlaps loading the lexicons and hashing the files (see EarlyReads).
    // A server's state has no stored index of its own (resolveServiceOptions gives it none either).
    const indexFile = !given.server && given.indexFile ? given.indexFile : null;
    const lexicalRead = indexFile ? beginLexicalRead(lexicalFileOf(indexFile)) : undefined;
    const storedRead = indexFile ? readStoredIndex(indexFile, given.logger) : undefined;
    const options = resolveServiceOptions(given);
    // A process killed mid-write leaves its temporary files behind; they are never read, only cleaned up here.
    for (const folder of new Set([options.contentDir, ...(options.indexFile ? [path.dirname(options.indexFile)] : [])])) {
      const removed = await removeStaleTemporaries(folder);
      if (removed.length > 0)
        options.logger.info({ event: "temporaries_removed", folder, files: removed }, "removed temporary files left by an interrupted write");
    }
    await recoverInterruptedChange({
      contentDir: options.contentDir,
      auditLogFile: options.auditLogFile,
      logger: options.logger,
      fileOperations: options.fileOperations,
    });
    const initial = await loadInitialState(options, { lexical: lexicalRead, stored: storedRead });
    const service = new QaService(options, initial.state);
    service.unreadable = initial.unreadable;
    service.parsedHere = initial.parsed;
    if (options.server) await service.model.useShared(options.server.shared);
    else if (options.embeddings === "off") service.model.disable("embeddings disabled by configuration");
    else service.model.startLoading(options.embeddings);
    return service;
  }

  /** The same articles and lexical index as `current`, served with `dense` (the stored lexical base is not carried over: the next store writes it whole). */
  private withDenseChannel(current: IndexState, dense: DenseChannel | null): IndexState {
    return buildIndexState(
      current.articles,
      current.own,
      current.files,
      dense,
      this.options,
      current.builtAt,
      current.retriever.lexicalIndex,
      null,
      current.retriever,
    );
  }

  /**
   * The articles as a server's index builds on them: a new snapshot whenever
   * the articles or the retrieval mode change, so a server's index built on an
   * older one can tell it is out of date.
   */
  sharedLayer(): SharedLayer {
    const state = this.state;
    const cached = this.sharedSnapshot;
    const embedder = this.model.embedder;
    if (cached && cached.state === state && cached.embedder === embedder) return cached.layer;
    const layer: SharedLayer = {
      articles: state.own,
      version: `${indexVersionOf(state.files)}:${state.retriever.mode}`,
      dense: this.model.shared(state.retriever.mode === "hybrid"),
      modelError: this.model.error,
    };
    this.sharedSnapshot = { state, embedder, layer };
    return layer;
  }

  /** Resolves once the embedding model has loaded or failed; answers work before that too. */
  whenModelSettled(): Promise<void> {
    return this.model.settled();
  }

  /** The running reindex's (or upload's, or removal's) progress, or null. */
  reindexProgress(): ReindexProgress | null {
    return this.tasks.progress();
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
    const tracker = await this.claimTask("reindex", onProgress, actor ? { actor, action: "reindex", article: null } : null);
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
      this.tasks.release();
    }
  }

  /**
   * Adds an uploaded article (`request.bytes`, e.g. a Discord attachment) and
   * reindexes. The file is parsed and checked before anything is written; if
   * the reindex then fails, the file change is undone, so content and index
   * stay consistent. Rejects with `ContentError` (moderator-readable message)
   * or `ReindexBusyError`.
   */
  async addArticle(request: AddArticleRequest, options: ContentChangeOptions = {}): Promise<ContentUpdateReport> {
    const action: AuditAction = request.replace === true ? "replace" : "add";
    return this.changeContent("add-article", options.onProgress, { actor: request.actor, action, article: null }, (afterWrite) =>
      this.library.addArticle(request, { afterWrite }),
    );
  }

  /** How an upload would be read (see ContentLibrary.checkArticle); runs beside a reindex, since it changes nothing. */
  checkArticle(request: CheckArticleRequest): Promise<ArticleCheck> {
    return this.library.checkArticle(request);
  }

  /** Removes an article's file(s) and reindexes; undone if the reindex fails. Rejects like `addArticle`. */
  async removeArticle(request: RemoveArticleRequest, options: ContentChangeOptions = {}): Promise<ContentUpdateReport> {
    return this.changeContent("remove-article", options.onProgress, { actor: request.actor, action: "remove", article: request.articleId }, (afterWrite) =>
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
    const tracker = await this.claimTask(task, onProgress, audit);
    try {
      let report: ReindexReport | undefined;
      const change = await apply(async (_change, parsed, touched) => {
        try {
          report = await this.rebuild(tracker, undefined, parsed, touched);
        } catch (error) {
          // The library undoes the change; it words the files that did not load for the moderator.
          if (error instanceof ReindexFailedError) throw new FollowUpError({ kind: "reindex-failed", problems: error.problems }, { cause: error });
          throw error;
        }
      });
      if (report === undefined) throw new Error("the index was not rebuilt after the file change");
      return { change, reindex: report };
    } finally {
      this.tasks.release();
    }
  }

  /** Claims the one slot for a content operation, or refuses (and audits the refusal) with the running one's progress. */
  private claimTask(
    task: ReindexProgress["task"],
    onProgress: ((progress: ReindexProgress) => void) | undefined,
    audit: { actor: ContentActor; action: AuditAction; article: string | null } | null,
  ): Promise<ProgressTracker> {
    return this.tasks.claim(task, onProgress, async (busy) => {
      if (audit) await this.library.recordAudit({ ...audit, outcome: "refused", detail: busy.message });
    });
  }

  /**
   * Builds a complete new index beside the current one, swaps it in, then
   * persists it. `touched`: after an upload or removal, the files it wrote or
   * removed; the other articles are then reused as served, even when they came
   * from the stored index (written by this version's reader, see
   * INDEX_FORMAT_VERSION), without reading their files. Only /reindex reads
   * and, where changed, parses them all.
   */
  private async rebuild(
    tracker: ProgressTracker,
    baseline?: readonly Article[],
    upload?: { fileName: string; article: Article } | null,
    touched?: readonly string[],
  ): Promise<ReindexReport> {
    const embedder = this.model.embedder;
    const result = await rebuildIndex({
      current: this.state,
      reuseParsed: this.parsedHere || touched !== undefined,
      options: this.options,
      tracker,
      baseline,
      upload,
      touched,
      swap: (next) => {
        this.state = next;
      },
      embed: embedder ? (articles, onProgress) => this.model.channelFor(articles, embedder, onProgress) : null,
    });
    this.parsedHere = true;
    this.state = result.state;
    this.unreadable = result.unreadable;
    // The unchanged articles are counted, not listed: on a large collection the list would be most of the line.
    this.options.logger.info({ event: "reindexed", ...result.report, unchanged: result.report.unchanged.length }, "index rebuilt");
    return result.report;
  }

  private ownById(): Map<string, Article> {
    const own = this.state.own;
    if (this.ownIndex?.own !== own) this.ownIndex = { own, byId: new Map(own.map((article) => [article.id, article])) };
    return this.ownIndex.byId;
  }

  /** `history`: the earlier turns of the conversation the question belongs to, oldest first (see conversation/turns.ts). */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    const state = this.state;
    if (question.length === 0) {
      return { question, answered: false, hedged: false, mode: state.retriever.mode, citations: [], ranking: [], abstainReason: "empty question" };
    }
    const analyzed = searchedQuestion(question).slice(0, MAX_ANALYZED_QUESTION_CHARS);
    const history = options.history ?? [];
    const fromDetails = await answerFromDetails(question, analyzed, history, state, this.askSettings, (request) => this.summary(request));
    if (fromDetails) return fromDetails;
    // Thanks or a greeting after an answer ("danke!") is no follow-up: it gets a reply in kind.
    if (history.length === 0 || smallTalkOf(question) !== null) return answerQuestion(question, analyzed, state, this.askSettings);
    return answerInConversation(question, analyzed, history, state, this.askSettings, this.options.conversation);
  }

  /** The raw ranking behind `ask` (passage ids are `articleId#paragraph`), for benchmarks and diagnostics. */
  search(question: string, limit = 10): Promise<RetrievalResult> {
    return this.state.retriever.search(question.slice(0, MAX_ANALYZED_QUESTION_CHARS), limit);
  }

  source(paragraphNumber: number, articleId?: string): SourceLookup | null {
    return findParagraph(this.state.articles, paragraphNumber, articleId);
  }

  /** Hybrid mode scores summary sentences with the embedding model, lexical mode with TF-IDF. */
  summary(request: SummarizeRequest): Promise<Summary> {
    return this.summarizer.summarize(this.state.articles, request, summaryEmbeddingFrom(this.model.embedder));
  }

  articles(): Article[] {
    return [...this.state.articles];
  }

  status(): ServiceStatus {
    const { articles, own, retriever, builtAt } = this.state;
    const ownIds = new Set(own.map((article) => article.id));
    const ownOrigin: ArticleOrigin = this.options.server ? "server" : "operator";
    const info = articles.map((article) => articleInfo(article, ownIds.has(article.id) ? ownOrigin : "operator"));
    const configuredModel = this.options.embeddings === "off" ? "none" : this.options.embeddings.options.modelId;
    return {
      mode: retriever.mode,
      model: this.model.embedder?.modelId ?? configuredModel,
      modelLoaded: this.model.embedder !== null,
      modelLoading: this.model.loading,
      modelError: this.model.error,
      articles: info,
      paragraphCount: info.reduce((sum, article) => sum + article.paragraphCount, 0),
      indexBuiltAt: builtAt.toISOString(),
      indexVersion: indexVersionOf(this.state.files),
      unreadable: this.unreadable.map((problem) => ({
        articleId: articleIdFromFileName(problem.file),
        file: problem.file,
        problem: problem.problem,
      })),
    };
  }
}
