import { z } from "zod";

/** The settings of sentence selection (select.ts), the defaults chosen on the calibration articles, and the earlier settings the benchmark compares with. */

export interface SelectionTuning {
  /** Share of relevance that comes from the paragraph's position in the scope rather than centrality. */
  leadWeight: number;
  /** The position prior halves every this many paragraphs. */
  leadHalfLife: number;
  /** Share of relevance from the sentence's place in its paragraph: news states a paragraph's point in its first sentence. */
  openingWeight: number;
  /** MMR trade-off: 1 = relevance only, 0 = novelty only. */
  lambda: number;
  /** Overlap (of facts or terms) from which two sentences count as saying the same thing: never quote both. */
  nearDuplicate: number;
  /** The same for similarity relative to the scope (embeddings, or `lexicalRedundancy: "similarity"`). */
  nearDuplicateSimilarity: number;
  /**
   * Lexical mode: redundancy as shared facts, the article's subject words left out ("facts"), as shared
   * terms ("term-overlap"), or as TF-IDF cosine relative to the scope ("similarity", as embeddings always do).
   */
  lexicalRedundancy: "facts" | "term-overlap" | "similarity";
  /** Redundancy is also the share of a sentence's facts that the summary already quotes (from all its sentences together, not pair by pair). */
  factRedundancy: boolean;
  /** A sentence with more than this share of its facts already quoted is left out (1: never). */
  quotedFactsLimit: number;
  /** Weight of the facts a sentence adds that nothing quoted states yet. */
  factWeight: number;
  /** Weight of the recurring terms a sentence adds that the summary does not mention yet (the article's topics, each counted once). */
  conceptWeight: number;
  /** A term in more than this share of the sentences is the article's subject itself: not one of its topics, and not a fact whose repetition counts. */
  topicMaxShare: number;
  /** Bonus for a sentence from a section below its share of the summary; 0 ignores sections. */
  sectionCoverage: number;
  /** Count the opening paragraph (the standfirst) as a part of its own, so it stands for the lead and the rest of the opening competes with the body. */
  standfirstApart: boolean;
  /** With `standfirstApart`: the least share of the summary the standfirst earns, in sentences. */
  standfirstShare: number;
  /** Penalty for a second sentence from a body paragraph already quoted: a paragraph develops one point. */
  paragraphRepeatPenalty: number;
  /** A longer summary keeps the sentences of the shorter ones and adds to them, so short, medium and long agree. */
  extendShorter: boolean;
}

/** Chosen on the calibration articles (see the README, "Summaries"). */
export const DEFAULT_SELECTION_TUNING: Readonly<SelectionTuning> = {
  leadWeight: 0.1,
  leadHalfLife: 3,
  openingWeight: 0.45,
  lambda: 0.5,
  nearDuplicate: 0.6,
  nearDuplicateSimilarity: 0.8,
  lexicalRedundancy: "facts",
  factRedundancy: true,
  quotedFactsLimit: 0.4,
  factWeight: 0.2,
  conceptWeight: 1,
  topicMaxShare: 0.2,
  sectionCoverage: 0.3,
  standfirstApart: true,
  standfirstShare: 1,
  paragraphRepeatPenalty: 0.3,
  extendShorter: true,
};

/** The selection before facts, paragraph openings and nested lengths (sections, standfirst and topics, pairwise redundancy), kept as a benchmark baseline. */
export const PREVIOUS_SELECTION_TUNING: Readonly<SelectionTuning> = {
  leadWeight: 0.15,
  leadHalfLife: 3,
  openingWeight: 0,
  lambda: 0.6,
  nearDuplicate: 0.6,
  nearDuplicateSimilarity: 0.8,
  lexicalRedundancy: "term-overlap",
  factRedundancy: false,
  quotedFactsLimit: 1,
  factWeight: 0,
  conceptWeight: 0.6,
  topicMaxShare: 0.25,
  sectionCoverage: 0.3,
  standfirstApart: true,
  standfirstShare: 1,
  paragraphRepeatPenalty: 0,
  extendShorter: false,
};

/** The selection before sections and topics: centroid, lead prior and MMR with cosine redundancy, kept as a benchmark baseline. */
export const CENTROID_MMR_TUNING: Readonly<SelectionTuning> = {
  ...PREVIOUS_SELECTION_TUNING,
  leadWeight: 0.3,
  nearDuplicate: 0.8,
  lexicalRedundancy: "similarity",
  conceptWeight: 0,
  sectionCoverage: 0,
  standfirstApart: false,
  standfirstShare: 0,
};

/** Overrides of the defaults as a command line gives them (`npm run bench -- summaries --options '{…}'`). */
export const selectionTuningSchema = z
  .object({
    leadWeight: z.number(),
    leadHalfLife: z.number().positive(),
    openingWeight: z.number(),
    lambda: z.number(),
    nearDuplicate: z.number(),
    nearDuplicateSimilarity: z.number(),
    lexicalRedundancy: z.enum(["facts", "term-overlap", "similarity"]),
    factRedundancy: z.boolean(),
    quotedFactsLimit: z.number(),
    factWeight: z.number(),
    conceptWeight: z.number(),
    topicMaxShare: z.number(),
    sectionCoverage: z.number(),
    standfirstApart: z.boolean(),
    standfirstShare: z.number(),
    paragraphRepeatPenalty: z.number(),
    extendShorter: z.boolean(),
  })
  .partial()
  .strict() satisfies z.ZodType<Partial<SelectionTuning>>;
