import { DEFAULT_EXPANSION_OPTIONS, type ExpansionOptions } from "./expansion.js";

/** The lexical index's settings (see LexicalIndex). */
export interface LexicalOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation. */
  b: number;
  /** Weight of title and heading matches relative to body matches. */
  titleBoost: number;
  headingBoost: number;
  /** Character n-gram size for compound matching; 0 turns the n-gram channel off. */
  ngramSize: number;
  /** Weight of the n-gram channel in the combined score. */
  ngramWeight: number;
  /** Synonym and translation weights. */
  expansion: ExpansionOptions;
  /**
   * How far the share of the question's words a passage holds (IDF-weighted
   * coverage) scales its score: 0 keeps the BM25 order, 1 multiplies by the
   * coverage. BM25 adds up whatever matches, so a passage with two everyday
   * words of the question beats the one with its rarest word; with several
   * articles that moves questions to the wrong article.
   */
  coverageWeight: number;
  /**
   * Letter grams in more than this share of the paragraphs are left out of
   * the question's gram query (never below `ngramMinPrunedCount` paragraphs):
   * such a gram says almost nothing (its IDF is near 0) yet makes every
   * question score most of the corpus, so query cost would grow with it.
   */
  ngramMaxShare: number;
  ngramMinPrunedCount: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  k1: 1.5,
  b: 0.9,
  titleBoost: 0.5,
  headingBoost: 0.5,
  ngramSize: 4,
  ngramWeight: 0.3,
  expansion: DEFAULT_EXPANSION_OPTIONS,
  coverageWeight: 1,
  ngramMaxShare: 0.05,
  ngramMinPrunedCount: 50,
};
