import type { Article } from "../../content/types.js";
import { analyze } from "../../search/analyzer.js";
import { passageId } from "../citation.js";
import type { SectionAsked } from "./question.js";

/** The passages (`articleId#paragraph`) of one article that a search of some words finds, best first; none when the article lacks the words. */
export type ArticleSearch = (articleId: string, words: readonly string[]) => Promise<string[]>;

/** The section asked for (an index into `Article.sections`), or that none answers to the request. */
export type SectionFound = { index: number } | { missing: true };

/**
 * The section a request for one part of an article names: by its place
 * ("Abschnitt 2", "the last part"); else the one whose heading holds all its
 * words; else the section of the passage its words find first. Null when the
 * article has no sections to choose from: the question then goes to the
 * passages like any other.
 */
export async function sectionAsked(article: Article, asked: SectionAsked, search: ArticleSearch): Promise<SectionFound | null> {
  const count = article.sections.length;
  if (count < 2) return null;
  const found = (index: number | undefined): SectionFound => (index !== undefined && index >= 0 && index < count ? { index } : { missing: true });
  if ("place" in asked) return found(asked.place === "last" ? count - 1 : asked.place - 1);
  const byHeading = headingsHolding(article, asked.words);
  if (byHeading.length === 1) return found(byHeading[0]);
  const sectionOf = new Map(article.paragraphs.map((paragraph) => [passageId(article.id, paragraph.number), paragraph.sectionIndex]));
  const first = (await search(article.id, asked.words)).find((id) => sectionOf.has(id));
  return found(first === undefined ? undefined : sectionOf.get(first));
}

/** Terms of a text read as German and as English: a request and a heading may be in either language. */
function termsOf(text: string): Set<string> {
  return new Set([...analyze(text, "de"), ...analyze(text, "en")].map((token) => token.term));
}

/** Sections whose heading holds every one of the words ("der Teil über die USA": "Einfluss der USA zurückdrängen"). */
function headingsHolding(article: Article, words: readonly string[]): number[] {
  const wanted = words.map(termsOf).filter((terms) => terms.size > 0);
  if (wanted.length === 0) return [];
  return article.sections.flatMap((section, index) => {
    if (section.heading === null) return [];
    const heading = termsOf(section.heading);
    return wanted.every((terms) => [...terms].some((term) => heading.has(term))) ? [index] : [];
  });
}
