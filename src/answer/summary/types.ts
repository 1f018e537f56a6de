/** The shape of a summary, apart from how it is made, so that the cache and the presentation need not import the summariser. */

export const SUMMARY_LENGTHS = ["short", "medium", "long"] as const;
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

export interface SummarySentence {
  /** The sentence exactly as it stands in the paragraph. */
  text: string;
  /** 1-based paragraph number (the ¶ citation). */
  paragraph: number;
  /** 0-based position of the sentence within its paragraph. */
  sentenceIndex: number;
  heading: string | null;
}

export type SummaryScoring = "lexical" | "embeddings";

export interface Summary {
  articleId: string;
  articleTitle: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  length: SummaryLength;
  /** Heading of the summarised section; null for the whole article or the untitled opening section. */
  section: string | null;
  /** 1-based number of the summarised section; null for the whole article. */
  sectionNumber: number | null;
  scoring: SummaryScoring;
  /** In article order. */
  sentences: SummarySentence[];
}
