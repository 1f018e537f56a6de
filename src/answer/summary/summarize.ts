import type { Article } from "../../content/types.js";
import type { Embedder } from "../../search/embeddings.js";
import { SummaryCache } from "./cache.js";
import { collectCandidates, scopeOf, type Candidate, type Scope } from "./candidates.js";
import { factOverlap, sentenceFacts } from "./facts.js";
import type { SummarizeRequest } from "./request.js";
import { findArticle, resolveSection, type SectionSelector } from "./sections.js";
import { selectSentences } from "./select.js";
import { DEFAULT_SELECTION_TUNING, type SelectionTuning } from "./tuning.js";
import { SUMMARY_LENGTHS, type Summary, type SummaryLength, type SummaryScoring, type SummarySentence } from "./types.js";
import { denseSpace, embeddingVectors, relativeSimilarity, sentenceTerms, sparseSpace, termOverlap, tfIdfVectors, topicConcepts } from "./vectors.js";

/**
 * Extractive article summaries: a handful of the article's own sentences,
 * verbatim and in article order, each cited by paragraph number.
 *
 * Sentences score by centrality (cosine similarity to the centroid of all
 * sentences in scope: sentence embeddings when the caller supplies them, else
 * TF-IDF over analyzed terms) plus a lead prior, because news puts the key
 * facts first. Selection is greedy MMR, so the summary does not say the same
 * thing twice. A sentence that leans on its predecessor ("Dort soll er …") is
 * only quoted together with that predecessor.
 */

/** Target sentence count per length; a shorter article or section yields fewer. */
export const SENTENCES_PER_LENGTH: Readonly<Record<SummaryLength, number>> = { short: 3, medium: 5, long: 8 };

export interface SummaryOptions {
  length?: SummaryLength;
  section?: SectionSelector;
  /**
   * Sentence embeddings keyed by `sentenceKey(paragraph, sentenceIndex)`; when
   * every candidate has one, centrality and redundancy use them instead of TF-IDF.
   */
  sentenceVectors?: ReadonlyMap<string, ArrayLike<number>>;
  /** Overrides of the selection's tuning (benchmarks compare settings with it). */
  tuning?: Partial<SelectionTuning>;
}

/** Embeds texts (one L2-normalised or raw vector per text, same order), e.g. `embedder.embedPassages`. */
export type EmbedTexts = (texts: string[]) => Promise<ArrayLike<number>[]>;

function summaryShell(article: Article, length: SummaryLength, scope: Scope, scoring: SummaryScoring, sentences: SummarySentence[]): Summary {
  return {
    articleId: article.id,
    articleTitle: article.title,
    publisher: article.publisher,
    date: article.date,
    url: article.url,
    length,
    section: scope.sectionIndex === null ? null : (article.sections[scope.sectionIndex]?.heading ?? null),
    sectionNumber: scope.sectionIndex === null ? null : scope.sectionIndex + 1,
    scoring,
    sentences,
  };
}

/**
 * Summarises an article (or one section) synchronously. Lexical scoring unless
 * `sentenceVectors` covers every candidate sentence. Throws `UnknownSectionError`.
 */
export function summarizeArticle(article: Article, options: SummaryOptions = {}): Summary {
  const length = options.length ?? "medium";
  const scope = scopeOf(article, options.section);
  const candidates = collectCandidates(article, scope);
  const embedded = options.sentenceVectors ? embeddingVectors(candidates, options.sentenceVectors) : null;
  const scoring: SummaryScoring = embedded ? "embeddings" : "lexical";
  if (candidates.length === 0) return summaryShell(article, length, scope, scoring, []);
  const tuning: SelectionTuning = { ...DEFAULT_SELECTION_TUNING, ...options.tuning };
  // Terms serve both modes: topics to cover always, and lexically the TF-IDF vectors too.
  const terms = sentenceTerms(article, candidates);
  const space = embedded ? denseSpace(embedded) : sparseSpace(tfIdfVectors(terms));
  const facts = sentenceFacts(article, candidates, tuning.topicMaxShare);
  const input = {
    candidates,
    centrality: space.centralities(),
    // Lexically, shared facts say best whether a sentence repeats another; embeddings judge by similarity relative to the scope.
    ...(embedded || tuning.lexicalRedundancy === "similarity"
      ? { redundancy: relativeSimilarity(space, candidates.length), redundancyKind: "similarity" as const }
      : { redundancy: tuning.lexicalRedundancy === "facts" ? factOverlap(facts) : termOverlap(terms), redundancyKind: "overlap" as const }),
    concepts: topicConcepts(terms, tuning.topicMaxShare),
    facts,
  };
  // A longer summary starts from the shorter ones' sentences, so the three lengths never disagree.
  const steps = tuning.extendShorter ? SUMMARY_LENGTHS.slice(0, SUMMARY_LENGTHS.indexOf(length) + 1) : [length];
  let chosen = new Set<number>();
  for (const step of steps) chosen = selectSentences({ ...input, budget: SENTENCES_PER_LENGTH[step], chosenBefore: chosen }, tuning);
  const sentences = [...chosen]
    .map((i) => candidates[i])
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .sort((a, b) => a.order - b.order)
    .map((candidate) => ({
      text: candidate.sentence.text,
      paragraph: candidate.paragraph.number,
      sentenceIndex: candidate.sentence.index,
      heading: candidate.paragraph.heading,
    }));
  return summaryShell(article, length, scope, scoring, sentences);
}

/** The sentences a summary of this scope may quote, keyed for `sentenceVectors` (embed these texts). */
export function summaryCandidateSentences(article: Article, section?: SectionSelector): { key: string; text: string }[] {
  return collectCandidates(article, scopeOf(article, section)).map((candidate) => ({ key: candidate.key, text: candidate.sentence.text }));
}

/** Embeds the candidate sentences with `embed`, then summarises with embedding centrality. */
export async function summarizeArticleWithEmbeddings(article: Article, options: Omit<SummaryOptions, "sentenceVectors">, embed: EmbedTexts): Promise<Summary> {
  const candidates = summaryCandidateSentences(article, options.section);
  if (candidates.length === 0) return summarizeArticle(article, options);
  const vectors = await embed(candidates.map((candidate) => candidate.text));
  if (vectors.length !== candidates.length) throw new Error(`expected ${candidates.length} sentence vectors, got ${vectors.length}`);
  const sentenceVectors = new Map(candidates.map((candidate, i) => [candidate.key, vectors[i] ?? []]));
  return summarizeArticle(article, { ...options, sentenceVectors });
}

export interface SummaryEmbedding {
  /** Part of the cache key: summaries scored by different models are different summaries. */
  modelId: string;
  embed: EmbedTexts;
}

/**
 * The cached front door for the service: finds the article, resolves the
 * section, and computes each (article version, length, section, scoring)
 * summary once. With `embedding`, sentences are scored by the embedding
 * model; if embedding fails, the lexical summary is served (and `onEmbeddingError` told).
 */
export class Summarizer {
  constructor(
    readonly cache: SummaryCache = new SummaryCache(),
    private readonly onEmbeddingError: (error: unknown) => void = () => undefined,
  ) {}

  async summarize(articles: readonly Article[], request: SummarizeRequest, embedding?: SummaryEmbedding | null): Promise<Summary> {
    const article = findArticle(articles, request.articleId);
    const length = request.length ?? "medium";
    const sectionIndex = request.section === undefined ? null : resolveSection(article, request.section);
    const options: SummaryOptions = sectionIndex === null ? { length } : { length, section: sectionIndex };
    const lexical = (): Summary => this.cache.get(article, { length, sectionIndex, scoring: "lexical" }, () => summarizeArticle(article, options));
    if (!embedding) return lexical();
    try {
      return await this.cache.getAsync(article, { length, sectionIndex, scoring: `embeddings:${embedding.modelId}` }, () =>
        summarizeArticleWithEmbeddings(article, options, embedding.embed),
      );
    } catch (error) {
      this.onEmbeddingError(error);
      return lexical();
    }
  }
}

/** The embedding hook for `Summarizer.summarize` from the service's embedder (null while it is not loaded). */
export function summaryEmbeddingFrom(embedder: Embedder | null): SummaryEmbedding | null {
  return embedder ? { modelId: embedder.modelId, embed: (texts) => embedder.embedPassages(texts) } : null;
}
