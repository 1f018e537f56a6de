/**
 * Extractive summaries: the article's own sentences, verbatim, in order, cited.
 * The pipeline: `candidates` (what may be quoted) → `vectors` and `facts`
 * (centrality, topics, redundancy, the facts a sentence states) → `select`
 * (MMR with section coverage; its settings in `tuning`) → `summarize` (the
 * entry points and the cached `Summarizer`); `sections`, `request` and
 * `format` are the edges the Discord layer and the CLI use; `question` and
 * `ask` answer a summary asked for in the words of a question (imported
 * directly: `ask` builds an Answer, whose type names a Summary).
 */
export * from "./types.js";
export { needsPredecessor } from "./openers.js";
export { sentenceKey } from "./candidates.js";
export { CENTROID_MMR_TUNING, DEFAULT_SELECTION_TUNING, PREVIOUS_SELECTION_TUNING, selectionTuningSchema, type SelectionTuning } from "./tuning.js";
export { findArticle, resolveSection, sectionLabels, sectionsMatching, UnknownArticleError, UnknownSectionError, type SectionSelector } from "./sections.js";
export {
  parseSummaryCommand,
  parseSummaryRequest,
  summaryLengthSchema,
  summaryRequestSchema,
  type SummarizeRequest,
  type SummaryRequestInput,
} from "./request.js";
export {
  SENTENCES_PER_LENGTH,
  Summarizer,
  summarizeArticle,
  summarizeArticleWithEmbeddings,
  summaryCandidateSentences,
  summaryEmbeddingFrom,
  type EmbedTexts,
  type SummaryEmbedding,
  type SummaryOptions,
} from "./summarize.js";
export { SummaryCache, DEFAULT_SUMMARY_CACHE_ENTRIES, type SummaryCacheKey } from "./cache.js";
