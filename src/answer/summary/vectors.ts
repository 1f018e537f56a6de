import type { Article } from "../../content/types.js";
import { analyze, detectLanguage, type Language } from "../../search/analyzer.js";
import type { Candidate } from "./candidates.js";

/** Sentence vectors for centrality and redundancy: TF-IDF over analyzed terms, or sentence embeddings. */

/** Unit-length vectors of one kind, with a dot product. */
export interface VectorSpace {
  dot(a: number, b: number): number;
  /** Cosine of each vector with the (unnormalised) mean vector of all of them. */
  centralities(): number[];
  /** Squared length of the mean vector: the mean pairwise similarity, diagonal included. */
  meanSquaredNorm(): number;
}

/** The operations a kind of vector needs for `spaceOf`. */
interface VectorKind<V> {
  dot(a: V, b: V): number;
  mean(vectors: readonly V[]): V;
}

function spaceOf<V>(vectors: readonly V[], kind: VectorKind<V>): VectorSpace {
  const centroid = vectors.length > 0 ? kind.mean(vectors) : null;
  const centroidNorm = centroid === null ? 0 : Math.sqrt(kind.dot(centroid, centroid));
  return {
    dot: (a, b) => {
      const left = vectors[a];
      const right = vectors[b];
      return left !== undefined && right !== undefined ? kind.dot(left, right) : 0;
    },
    centralities: () => vectors.map((vector) => (centroid !== null && centroidNorm > 0 ? kind.dot(vector, centroid) / centroidNorm : 0)),
    meanSquaredNorm: () => centroidNorm * centroidNorm,
  };
}

const sparseKind: VectorKind<Map<string, number>> = {
  dot: (a, b) => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let sum = 0;
    for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
    return sum;
  },
  mean: (vectors) => {
    const centroid = new Map<string, number>();
    for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight / vectors.length);
    return centroid;
  },
};

const denseKind: VectorKind<Float64Array> = {
  dot: (a, b) => {
    let sum = 0;
    for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
    return sum;
  },
  mean: (vectors) => {
    const centroid = new Float64Array(vectors[0]?.length ?? 0);
    for (const vector of vectors) for (let i = 0; i < centroid.length; i += 1) centroid[i] = (centroid[i] ?? 0) + (vector[i] ?? 0) / vectors.length;
    return centroid;
  },
};

export function sparseSpace(vectors: Map<string, number>[]): VectorSpace {
  return spaceOf(vectors, sparseKind);
}

export function denseSpace(vectors: Float64Array[]): VectorSpace {
  return spaceOf(vectors, denseKind);
}

/** Each candidate's analyzed terms with their counts, and each term's smoothed IDF over the article's sentences. */
export interface SentenceTerms {
  counts: Map<string, number>[];
  idf: (term: string) => number;
  /** In how many of the article's sentences the term occurs. */
  sentencesWith: (term: string) => number;
  sentenceCount: number;
}

export function sentenceTerms(article: Article, candidates: readonly Candidate[]): SentenceTerms {
  const language: Language = detectLanguage(article.paragraphs.map((paragraph) => paragraph.text).join(" "));
  const termsOf = (text: string): string[] => analyze(text, language).map((token) => token.term);
  const documentFrequency = new Map<string, number>();
  let documentCount = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      documentCount += 1;
      for (const term of new Set(termsOf(sentence.text))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const counts = candidates.map((candidate) => {
    const termCounts = new Map<string, number>();
    for (const term of termsOf(candidate.sentence.text)) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    return termCounts;
  });
  // Smoothed IDF stays positive, so a term in every sentence still counts towards the topic.
  return {
    counts,
    idf: (term) => Math.log((1 + documentCount) / (1 + (documentFrequency.get(term) ?? 0))) + 1,
    sentencesWith: (term) => documentFrequency.get(term) ?? 0,
    sentenceCount: documentCount,
  };
}

/** TF-IDF vectors (L2-normalised) over analyzed terms; IDF counts the article's sentences as documents. */
export function tfIdfVectors(terms: SentenceTerms): Map<string, number>[] {
  return terms.counts.map((counts) => {
    const vector = new Map<string, number>();
    let squared = 0;
    for (const [term, count] of counts) {
      const weight = count * terms.idf(term);
      vector.set(term, weight);
      squared += weight * weight;
    }
    const norm = Math.sqrt(squared);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/**
 * The article's topics in each candidate: terms that recur (in two or more
 * sentences) without being everywhere, weighted by how often they recur. A
 * summary that mentions more of them, each once, tells more of the article.
 */
export function topicConcepts(terms: SentenceTerms, maxShare: number): Map<string, number>[] {
  const ceiling = Math.max(2, maxShare * terms.sentenceCount);
  return terms.counts.map((counts) => {
    const concepts = new Map<string, number>();
    for (const term of counts.keys()) {
      const recurrence = terms.sentencesWith(term);
      if (recurrence >= 2 && recurrence <= ceiling) concepts.set(term, Math.log2(recurrence));
    }
    return concepts;
  });
}

/**
 * How far two sentences state the same thing, in [0, 1]: the IDF-weighted
 * share of the smaller sentence's distinct terms that the other also has.
 * Containment rather than cosine, because a short sentence repeated inside a
 * long one ("Kim will im September nach Russland reisen" within a longer
 * sentence about the same trip) says nothing new even though the cosine is modest.
 */
export function termOverlap(terms: SentenceTerms): (a: number, b: number) => number {
  const weightOf = terms.counts.map((counts) => [...counts.keys()].reduce((sum, term) => sum + terms.idf(term), 0));
  return (a, b) => {
    const left = terms.counts[a];
    const right = terms.counts[b];
    if (!left || !right || a === b) return a === b ? 1 : 0;
    const [small, large, smallWeight] = (weightOf[a] ?? 0) <= (weightOf[b] ?? 0) ? [left, right, weightOf[a] ?? 0] : [right, left, weightOf[b] ?? 0];
    if (!(smallWeight > 0)) return 0;
    let shared = 0;
    for (const term of small.keys()) if (large.has(term)) shared += terms.idf(term);
    return shared / smallWeight;
  };
}

/** Embeddings for every candidate, L2-normalised; null when any is missing or the dimensions disagree. */
export function embeddingVectors(candidates: readonly Candidate[], vectors: ReadonlyMap<string, ArrayLike<number>>): Float64Array[] | null {
  const result: Float64Array[] = [];
  let dimension: number | null = null;
  for (const candidate of candidates) {
    const raw = vectors.get(candidate.key);
    if (!raw || raw.length === 0 || (dimension !== null && raw.length !== dimension)) return null;
    dimension = raw.length;
    const vector = Float64Array.from(raw);
    const norm = Math.hypot(...vector);
    if (!(norm > 0)) return null;
    for (let i = 0; i < vector.length; i += 1) vector[i] = (vector[i] ?? 0) / norm;
    result.push(vector);
  }
  return result;
}

/**
 * Redundancy from a vector space, relative to the scope itself: similarities
 * above the average pairwise similarity of its sentences count, rescaled to
 * [0, 1]. Embedding cosines crowd into a narrow band that differs by model, so
 * no absolute cut-off would carry over.
 */
export function relativeSimilarity(space: VectorSpace, count: number): (a: number, b: number) => number {
  const meanOffDiagonal = count > 1 ? Math.max(0, (count * count * space.meanSquaredNorm() - count) / (count * (count - 1))) : 0;
  return (a, b) => (meanOffDiagonal < 1 ? Math.max(0, (space.dot(a, b) - meanOffDiagonal) / (1 - meanOffDiagonal)) : 1);
}
