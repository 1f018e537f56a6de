import type { RetrievalResult } from "../search/retriever.js";

/**
 * Decides whether the articles answer a question, from raw features of the
 * retrieval (never from normalised scores: the top of a min-max scale is
 * always 1.0, whatever the question).
 */

export interface AbstentionFeatures {
  /** Question words after stop-word removal. */
  contentWords: number;
  /** Question words that occur anywhere in the indexed articles. */
  knownWords: number;
  /** IDF-weighted share of question words found in the best lexical passage (0..1). */
  coverage: number;
  /** Raw BM25 score of the best lexical passage. */
  lexicalScore: number;
  /** Best lexical score divided by the runner-up's (1 when there is none). */
  lexicalMargin: number;
  /** Best cosine similarity when the dense channel ran. */
  cosine: number | null;
}

export interface AbstentionThresholds {
  /** Minimum IDF-weighted coverage of the question by the best passage. */
  minCoverage: number;
  /** Minimum raw lexical score. */
  minLexicalScore: number;
  /** With a dense channel: a cosine at or above this answers even with weaker lexical evidence. */
  minCosine: number;
  /** With a dense channel: the weakest coverage a high cosine may rescue. */
  minCoverageWithCosine: number;
}

export const DEFAULT_THRESHOLDS: AbstentionThresholds = {
  minCoverage: 0.4,
  minLexicalScore: 2,
  minCosine: 0.82,
  minCoverageWithCosine: 0.2,
};

export function abstentionFeatures(result: RetrievalResult): AbstentionFeatures {
  const top = result.topLexical;
  const runnerUp = result.hits.map((hit) => hit.lexical).filter((score) => top === null || score < top.score)[0];
  return {
    contentWords: result.tokens.length,
    knownWords: result.tokens.filter((token) => token.known).length,
    coverage: top?.coverage ?? 0,
    lexicalScore: top?.score ?? 0,
    lexicalMargin: top && runnerUp && runnerUp > 0 ? top.score / runnerUp : 1,
    cosine: result.topCosine,
  };
}

export interface AbstentionDecision {
  answered: boolean;
  reason: string | null;
  features: AbstentionFeatures;
}

export function decideAnswerable(
  result: RetrievalResult,
  thresholds: AbstentionThresholds = DEFAULT_THRESHOLDS,
): AbstentionDecision {
  const features = abstentionFeatures(result);
  const decide = (answered: boolean, reason: string | null): AbstentionDecision => ({ answered, reason, features });
  if (features.contentWords === 0) return decide(false, "the question has no content words");
  if (features.knownWords === 0) return decide(false, "none of the question's words occur in the articles");
  const lexicalEvidence = features.coverage >= thresholds.minCoverage && features.lexicalScore >= thresholds.minLexicalScore;
  if (lexicalEvidence) return decide(true, null);
  if (features.cosine !== null && features.cosine >= thresholds.minCosine && features.coverage >= thresholds.minCoverageWithCosine) {
    return decide(true, null);
  }
  return decide(
    false,
    `weak match (coverage ${features.coverage.toFixed(2)}, lexical ${features.lexicalScore.toFixed(2)}${
      features.cosine === null ? "" : `, cosine ${features.cosine.toFixed(3)}`
    })`,
  );
}
