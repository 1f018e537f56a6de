import type { Article } from "../content/types.js";
import { articleOfPassage } from "../search/article-scope.js";
import { makeCitation } from "./citation.js";
import type { Answer, ConversationTurn, RetrievalMode, SourceLookup } from "./types.js";

/**
 * A question that asks to see a paragraph by its number ("was steht in Absatz
 * 3?", "what does paragraph 5 say", "¶7"), as the citations number them: no
 * passage matches such words, so the search refused them. The paragraph is
 * shown whole, as /source shows it.
 */
const PARAGRAPH_REFERENCE = /(?:¶\s*|\b(?:absatz|abs\.|paragraph|paragraf|para)\s*(?:nr\.?\s*|no\.?\s*|number\s+)?)(\d{1,4})(?!\d)/iu;

/** The paragraph number a question asks to see, or null. */
export function paragraphRequested(question: string): number | null {
  const match = PARAGRAPH_REFERENCE.exec(question);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * A paragraph by its number, of the article named or, when none is, of the
 * only one (what /source shows); null when neither says which article, or the
 * article has no such paragraph.
 */
export function findParagraph(articles: readonly Article[], paragraphNumber: number, articleId?: string): SourceLookup | null {
  const article = articleId === undefined ? (articles.length === 1 ? articles[0] : undefined) : articles.find((candidate) => candidate.id === articleId);
  const paragraph = article?.paragraphs.find((candidate) => candidate.number === paragraphNumber);
  return article && paragraph ? { article, paragraph } : null;
}

/** The paragraph asked for, of the article the conversation was about (the article of the last answer's first citation) or the only one. */
export function paragraphAnswer(
  question: string,
  number: number,
  articles: readonly Article[],
  history: readonly ConversationTurn[],
  mode: RetrievalMode,
): Answer | null {
  const cited = history.at(-1)?.citedIds[0];
  const found = findParagraph(articles, number, cited === undefined ? undefined : articleOfPassage(cited));
  if (!found) return null;
  const citation = makeCitation(found.article, found.paragraph, found.paragraph.text, 1);
  return { question, answered: true, hedged: false, mode, citations: [citation], ranking: [citation] };
}
