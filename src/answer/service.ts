import type { Logger } from "pino";
import { isTeaserSentence } from "../content/parse.js";
import { loadArticles } from "../content/load.js";
import type { Article, Paragraph } from "../content/types.js";
import { EmbeddingCache, embedPassagesCached } from "../search/embedding-cache.js";
import { loadEmbedder, type Embedder, type EmbedderOptions } from "../search/embeddings.js";
import type { FusionOptions } from "../search/fusion.js";
import type { LexicalOptions } from "../search/lexical.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import { decideAnswerable, DEFAULT_THRESHOLDS, type AbstentionThresholds } from "./abstention.js";
import { chooseExcerpt } from "./excerpt.js";
import type { Answer, ArticleInfo, Citation, QaApi, ServiceStatus, SourceLookup } from "./types.js";

export type EmbedderLoader = typeof loadEmbedder;

export interface EmbeddingSettings {
  options: EmbedderOptions;
  /** JSONL cache of passage vectors, so a restart does not re-embed unchanged paragraphs. */
  cacheFile: string;
  /** Replaces the transformers.js loader (tests). */
  loader?: EmbedderLoader;
}

export interface QaServiceOptions {
  contentDir: string;
  logger: Logger;
  embeddings: "off" | EmbeddingSettings;
  lexical?: Partial<LexicalOptions>;
  fusion?: FusionOptions;
  thresholds?: AbstentionThresholds;
  /** How many paragraphs an answer cites at most. */
  maxCitations?: number;
}

/** Questions longer than this are analysed on their first part only: nobody asks a whole page. */
export const MAX_ANALYSED_QUESTION_CHARS = 2_000;

interface IndexState {
  articles: Article[];
  paragraphById: Map<string, { article: Article; paragraph: Paragraph }>;
  retriever: Retriever;
  builtAt: Date;
}

export function passageId(articleId: string, paragraphNumber: number): string {
  return `${articleId}#${paragraphNumber}`;
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
export class QaService implements QaApi {
  private state: IndexState;
  private embedder: Embedder | null = null;
  private modelError: string | null = null;
  private modelReady: Promise<void> = Promise.resolve();
  private embeddingCache: EmbeddingCache | null = null;

  private constructor(
    private readonly options: QaServiceOptions,
    initial: IndexState,
  ) {
    this.state = initial;
  }

  /**
   * Loads the articles and builds the lexical index right away; the embedding
   * model loads in the background and upgrades the index to hybrid when ready,
   * so questions are answered (lexically) while it warms up.
   */
  static async create(options: QaServiceOptions): Promise<QaService> {
    const { articles, errors } = await loadArticles(options.contentDir);
    for (const error of errors) options.logger.warn({ event: "article_skipped", file: error.file, reason: error.message }, "article skipped");
    if (articles.length === 0) {
      throw new Error(`No readable articles in ${options.contentDir} (.txt or .md files expected).`);
    }
    const service = new QaService(options, QaService.buildState(articles, null, options));
    if (options.embeddings === "off") {
      service.modelError = "embeddings disabled by configuration";
    } else {
      service.modelReady = service.startDenseChannel(options.embeddings);
    }
    return service;
  }

  private static buildState(articles: Article[], dense: DenseChannel | null, options: QaServiceOptions): IndexState {
    const paragraphById = new Map<string, { article: Article; paragraph: Paragraph }>();
    for (const article of articles) {
      for (const paragraph of article.paragraphs) paragraphById.set(passageId(article.id, paragraph.number), { article, paragraph });
    }
    const retrieverOptions = { ...(options.lexical ? { lexical: options.lexical } : {}), ...(options.fusion ? { fusion: options.fusion } : {}) };
    return { articles, paragraphById, retriever: new Retriever(toPassages(articles), dense, retrieverOptions), builtAt: new Date() };
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
      const dense = await this.denseChannelFor(this.state.articles, loaded.embedder);
      this.embedder = loaded.embedder;
      this.state = QaService.buildState(this.state.articles, dense, this.options);
      this.options.logger.info({ event: "dense_ready", model: loaded.embedder.modelId }, "embedding model ready: hybrid retrieval");
    } catch (error) {
      this.modelError = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ event: "dense_failed", reason: this.modelError }, "embedding failed; serving lexical retrieval only");
    }
  }

  private async denseChannelFor(articles: readonly Article[], embedder: Embedder): Promise<DenseChannel> {
    const passages = toPassages(articles);
    const cache = this.embeddingCache;
    const texts = passages.map((passage) => passage.text);
    const passageVectors = cache ? await embedPassagesCached(embedder, cache, texts) : await embedder.embedPassages(texts);
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

  async ask(rawQuestion: string): Promise<Answer> {
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    const state = this.state;
    const mode = state.retriever.mode;
    if (question.length === 0) {
      return { question, answered: false, mode, citations: [], abstainReason: "empty question" };
    }
    const analysed = question.slice(0, MAX_ANALYSED_QUESTION_CHARS);
    const result = await state.retriever.search(analysed, 10);
    const decision = decideAnswerable(result, this.options.thresholds ?? DEFAULT_THRESHOLDS);
    const maxCitations = this.options.maxCitations ?? 3;
    const topFused = result.hits[0]?.fused ?? 0;
    const citations: Citation[] = [];
    for (const hit of result.hits) {
      if (citations.length >= maxCitations) break;
      // Runners-up far behind the best passage add noise, not evidence.
      if (citations.length > 0 && hit.fused < topFused * 0.5) break;
      const entry = state.paragraphById.get(hit.id);
      if (!entry) continue;
      const excerpt = chooseExcerpt(entry.paragraph, result.tokens, { maxSentences: 2, skipSentence: isTeaserSentence });
      citations.push({
        articleId: entry.article.id,
        articleTitle: entry.article.title,
        publisher: entry.article.publisher,
        articleUrl: entry.article.url,
        articleDate: entry.article.date,
        paragraph: entry.paragraph.number,
        heading: entry.paragraph.heading,
        excerpt: excerpt.text,
        passage: entry.paragraph.text,
        score: Number(hit.fused.toFixed(4)),
      });
    }
    const answer: Answer = { question, answered: decision.answered && citations.length > 0, mode, citations };
    if (!answer.answered) answer.abstainReason = decision.reason ?? "no passage found";
    return answer;
  }

  source(paragraphNumber: number, articleId?: string): SourceLookup | null {
    const articles = this.state.articles;
    const article = articleId === undefined ? (articles.length === 1 ? articles[0] : undefined) : articles.find((candidate) => candidate.id === articleId);
    if (!article) return null;
    const paragraph = article.paragraphs.find((candidate) => candidate.number === paragraphNumber);
    return paragraph ? { article, paragraph } : null;
  }

  articles(): Article[] {
    return [...this.state.articles];
  }

  status(): ServiceStatus {
    const { articles, retriever, builtAt } = this.state;
    const info: ArticleInfo[] = articles.map((article) => ({
      id: article.id,
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      date: article.date,
      paragraphCount: article.paragraphs.length,
      sourceCount: article.sources.length,
    }));
    const configuredModel = this.options.embeddings === "off" ? "none" : this.options.embeddings.options.modelId;
    return {
      mode: retriever.mode,
      model: this.embedder?.modelId ?? configuredModel,
      modelLoaded: this.embedder !== null,
      modelError: this.embedder ? null : this.modelError,
      articles: info,
      paragraphCount: info.reduce((sum, article) => sum + article.paragraphCount, 0),
      indexBuiltAt: builtAt.toISOString(),
    };
  }
}
