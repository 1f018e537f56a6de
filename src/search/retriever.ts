import { fuseScores, DEFAULT_FUSION, type FusionOptions } from "./fusion.js";
import { topPositions, type PassageVectors } from "./passage-vectors.js";
import { ArticleScopes, articleOfPassage, type ArticleIndex } from "./article-scope.js";
import { ArticleChooser } from "./article-choice.js";
import { LexicalIndex, type LexicalHit, type LexicalResult } from "./lexical.js";
import type { LexicalOptions } from "./lexical-options.js";
import type { QueryContext, QueryToken } from "./query-analysis.js";
import type { Language } from "./analyzer.js";
import type { Lexicons } from "./lexicons.js";

/** A paragraph as the retriever sees it. */
export interface RetrievalPassage {
  /** Unique id, e.g. `${articleId}#${paragraphNumber}`. */
  id: string;
  title: string;
  heading: string | null;
  text: string;
  language?: Language;
}

/** What the dense channel needs: one vector per passage (same order) and a way to embed a question. */
export interface DenseChannel {
  modelId: string;
  vectors: PassageVectors;
  embedQuery(question: string): Promise<Float32Array>;
}

export interface RetrievalHit {
  id: string;
  fused: number;
  /** Raw lexical score (0 when the lexical channel did not return the passage). */
  lexical: number;
  cosine: number | null;
  lexicalHit: LexicalHit | null;
}

/** How many standard deviations a cosine stands above the question's mean over all passages (0 when they do not differ). */
export function cosineStandout(cosine: number, spread: { mean: number; deviation: number }): number {
  return spread.deviation > 1e-9 ? (cosine - spread.mean) / spread.deviation : 0;
}

export interface RetrievalResult {
  mode: "hybrid" | "lexical";
  tokens: QueryToken[];
  questionLanguage: Language;
  hits: RetrievalHit[];
  /** Best cosine over all passages, when the dense channel ran. */
  topCosine: number | null;
  /**
   * Mean and standard deviation of the question's cosines over all passages:
   * dense evidence is judged against these (how far a passage stands out), never
   * against an absolute cosine, which means something else for every model.
   */
  cosineSpread: { mean: number; deviation: number } | null;
  /** Raw lexical statistics of the best lexical passage. */
  topLexical: LexicalHit | null;
  /**
   * The article the question was answered from (that of the best passage,
   * or the one asked for): `hits` lists its passages first (ranked as if it
   * stood alone, see `search`), then other articles' passages. Null when
   * nothing matched.
   */
  article: string | null;
}

interface FusedHits {
  hits: RetrievalHit[];
  topCosine: number | null;
  cosineSpread: RetrievalResult["cosineSpread"];
}

/** How many candidates each channel contributes before fusion, unless told otherwise. */
export const DEFAULT_CANDIDATES = 50;

/** See RetrieverOptions.articleRankingMaxPassages. */
export const DEFAULT_ARTICLE_RANKING_MAX_PASSAGES = 20_000;

export interface RetrieverOptions {
  lexical?: Partial<LexicalOptions>;
  /** Overrides of the fusion weights; the rest keep their defaults. */
  fusion?: Partial<FusionOptions>;
  /** How many candidates each channel contributes before fusion. */
  candidates?: number;
  /**
   * Up to this many passages, the article a question is about is ranked on
   * an index of it alone (see `search`). Beyond, building that index at an
   * article's first question costs more than it changes: at 50,000
   * paragraphs it doubled the median answer time, while one article more
   * moves the collection's statistics by a fraction of a percent.
   */
  articleRankingMaxPassages?: number;
  /** Synonyms, translations and word frequencies (default: data/lexicons/). */
  lexicons?: Lexicons;
  /** A lexical index that holds exactly these passages already (opened from disk, or updated from the last one). */
  lexicalIndex?: LexicalIndex;
  /** The retriever this one replaces: the indexes it built of single articles are kept for articles whose passages are the same objects. */
  previous?: Retriever;
}

export class Retriever {
  private readonly lexical: LexicalIndex;
  /** Built when first needed: only the dense channel and `passage` look passages up by id. */
  private positions: Map<string, number> | null = null;
  /** Passages by article, and the indexes of single articles: built at the first search. */
  private scopes: ArticleScopes | null = null;
  /** Whole-article word counts for choosing the article a question is about: built at the first search. */
  private chooser: ArticleChooser | null = null;
  /** Article indexes taken over from the retriever this one replaces, until the scopes are built. */
  private inherited: readonly (readonly [string, ArticleIndex])[];
  /** Every default resolved once, when the retriever is built. */
  private readonly settings: { candidates: number; fusion: FusionOptions; articleRankingMaxPassages: number };

  constructor(
    readonly passages: readonly RetrievalPassage[],
    private readonly dense: DenseChannel | null,
    options: RetrieverOptions = {},
  ) {
    if (dense && dense.vectors.count !== passages.length) {
      throw new Error(`dense channel has ${dense.vectors.count} vectors for ${passages.length} passages`);
    }
    this.settings = {
      candidates: options.candidates ?? DEFAULT_CANDIDATES,
      fusion: { ...DEFAULT_FUSION, ...options.fusion },
      articleRankingMaxPassages: options.articleRankingMaxPassages ?? DEFAULT_ARTICLE_RANKING_MAX_PASSAGES,
    };
    this.lexical = options.lexicalIndex ?? LexicalIndex.build(passages, options.lexical, options.lexicons);
    this.inherited = options.previous?.articleIndexes() ?? [];
    if (this.lexical.size !== passages.length) throw new Error(`the lexical index holds ${this.lexical.size} paragraphs for ${passages.length} passages`);
  }

  private get positionById(): Map<string, number> {
    this.positions ??= new Map(this.passages.map((passage, position) => [passage.id, position]));
    return this.positions;
  }

  get mode(): "hybrid" | "lexical" {
    return this.dense ? "hybrid" : "lexical";
  }

  get lexicalIndex(): LexicalIndex {
    return this.lexical;
  }

  passage(id: string): RetrievalPassage | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.passages[position];
  }

  private get articleScopes(): ArticleScopes {
    if (!this.scopes) {
      this.scopes = new ArticleScopes(this.passages, (passages) => this.lexical.alike(passages), this.inherited);
      this.inherited = [];
    }
    return this.scopes;
  }

  private get articleChooser(): ArticleChooser {
    this.chooser ??= new ArticleChooser(this.articleScopes.passageCounts(), this.lexical);
    return this.chooser;
  }

  /** The indexes of single articles built (or taken over) so far. */
  articleIndexes(): readonly (readonly [string, ArticleIndex])[] {
    return this.scopes?.built() ?? this.inherited;
  }

  /**
   * Article, then paragraph: the whole collection says which article the
   * question is about (see ArticleChooser), then that article's
   * paragraphs are ranked as if it stood alone (see ArticleScopes), so other
   * articles cannot move a question to another paragraph of it. Passages of
   * other articles follow, best first, when the article has fewer matches
   * than `limit`. `context`: words of earlier questions in a conversation,
   * weighted below the question's own; `article`: the article to rank in
   * (a follow-up stays with the article of the answer it follows), when the
   * index holds it.
   */
  async search(question: string, limit = 10, context?: QueryContext, article?: string): Promise<RetrievalResult> {
    const candidates = Math.max(limit, this.settings.candidates);
    const everywhere = this.lexical.search(question, candidates, context);
    // The model reads the earlier question before the follow-up, as a person would.
    const cosines = this.dense ? this.dense.vectors.scores(await this.dense.embedQuery(context ? `${context.text} ${question}` : question)) : null;
    const all = this.fused(everywhere.hits, cosines, null, candidates);
    const scopes = this.articleScopes;
    const chosen = article !== undefined && scopes.positionsOf(article).length > 0 ? article : this.articleChooser.choose(everywhere.tokens, all.hits);
    const members = chosen === null ? [] : scopes.positionsOf(chosen);
    if (chosen === null) return this.result(everywhere, all, chosen, limit);
    const others = all.hits.filter((hit) => articleOfPassage(hit.id) !== chosen);
    // Alone, a one-paragraph article (a single order; its own statistics would say nothing) or a collection so large
    // that one article more barely moves its statistics: the article's passages keep the collection's ranking.
    if (members.length === this.passages.length || members.length === 1 || this.passages.length > this.settings.articleRankingMaxPassages) {
      const ownHits = all.hits.filter((hit) => articleOfPassage(hit.id) === chosen);
      return this.result(everywhere, { ...all, hits: [...ownHits, ...others] }, chosen, limit);
    }
    const alone = scopes.indexOf(chosen).search(question, candidates, context);
    const within = this.fused(alone.hits, cosines, members, candidates);
    return this.result(alone, { ...within, hits: [...within.hits, ...others] }, chosen, limit);
  }

  private result(lexical: LexicalResult, ranked: FusedHits, article: string | null, limit: number): RetrievalResult {
    return {
      mode: this.mode,
      tokens: lexical.tokens,
      questionLanguage: lexical.questionLanguage,
      hits: ranked.hits.slice(0, limit),
      article,
      topCosine: ranked.topCosine,
      cosineSpread: ranked.cosineSpread,
      topLexical: lexical.hits[0] ?? null,
    };
  }

  /**
   * Lexical hits fused with the cosines of the passages at `positions` (all
   * passages when null): the cosine statistics are those of the same passages.
   */
  private fused(lexicalHits: readonly LexicalHit[], cosines: Float64Array | null, positions: readonly number[] | null, candidates: number): FusedHits {
    const lexicalScores = new Map(lexicalHits.map((hit) => [hit.id, hit.score]));
    const lexicalById = new Map(lexicalHits.map((hit) => [hit.id, hit]));
    let denseScores: Map<string, number> | null = null;
    let topCosine: number | null = null;
    let cosineSpread: RetrievalResult["cosineSpread"] = null;
    if (cosines) {
      // Cosines in one typed array and only the best few kept in order: no object per passage, no full sort.
      const scope = positions ? Float64Array.from(positions, (position) => cosines[position] ?? 0) : cosines;
      const positionOf = (index: number): number => (positions ? (positions[index] ?? 0) : index);
      let sum = 0;
      for (const cosine of scope) sum += cosine;
      const mean = sum / Math.max(1, scope.length);
      let squares = 0;
      for (const cosine of scope) squares += (cosine - mean) ** 2;
      cosineSpread = { mean, deviation: Math.sqrt(squares / Math.max(1, scope.length)) };
      const best = topPositions(scope, candidates);
      topCosine = best[0] === undefined ? null : (scope[best[0]] ?? null);
      denseScores = new Map(best.map((index) => [this.passages[positionOf(index)]?.id ?? "", scope[index] ?? 0]));
      // Lexical candidates outside the dense top-k still get their true cosine.
      for (const hit of lexicalHits) {
        const position = this.positionById.get(hit.id);
        if (!denseScores.has(hit.id) && position !== undefined) denseScores.set(hit.id, cosines[position] ?? 0);
      }
    }
    const hits = fuseScores({ lexical: lexicalScores, dense: denseScores }, this.settings.fusion).map((entry): RetrievalHit => ({
      id: entry.id,
      fused: entry.fused,
      lexical: entry.lexical,
      cosine: entry.cosine,
      lexicalHit: lexicalById.get(entry.id) ?? null,
    }));
    return { hits, topCosine, cosineSpread };
  }
}
