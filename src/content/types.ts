/** The typed article model every later stage works on. */

export interface Sentence {
  /** 0-based position of the sentence within its paragraph. */
  index: number;
  /** The sentence exactly as it stands in the paragraph text (verbatim, trimmed). */
  text: string;
  /** Character offsets of `text` inside `Paragraph.text`. */
  start: number;
  end: number;
}

export interface Paragraph {
  /** Id of the article the paragraph belongs to. */
  articleId: string;
  /** 1-based number in reading order: the "¶7" a reader uses. */
  number: number;
  /** Index into `Article.sections`. */
  sectionIndex: number;
  /** Heading of the section the paragraph stands in; null before the first subheading. */
  heading: string | null;
  /** Cleaned paragraph text (whitespace normalised, otherwise verbatim). */
  text: string;
  sentences: Sentence[];
}

export interface Section {
  /** Null for the opening section that has no subheading. */
  heading: string | null;
  /** Numbers of the paragraphs in this section, in order. */
  paragraphNumbers: number[];
}

export interface ArticleSource {
  /** The source line as written, without its list marker. */
  text: string;
  /** A URL or bare domain named in the line, if any. */
  url: string | null;
  /** ISO date (YYYY-MM-DD) stated in the line ("Stand: 05. September 2023"), if any. */
  date: string | null;
}

export type ArticleFormat = "txt" | "md" | "html";

export interface Article {
  /** Stable id derived from the file name (without extension). */
  id: string;
  title: string;
  /** The short topic line above the headline ("Krieg in der Ukraine"), when the page has one apart from it. */
  kicker: string | null;
  /** Publisher or outlet ("t-online"), when it can be recognised. */
  publisher: string | null;
  /** Canonical URL of the article, when stated. */
  url: string | null;
  /** ISO date (YYYY-MM-DD) of the article, when stated. */
  date: string | null;
  sections: Section[];
  /** All paragraphs, numbered 1..N in reading order. */
  paragraphs: Paragraph[];
  sources: ArticleSource[];
  format: ArticleFormat;
  /** sha256 (hex) of the raw file bytes: identifies this version of the article. */
  contentHash: string;
}
