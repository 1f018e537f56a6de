import { foldedWords } from "../search/analyzer.js";

/** How questions about an article itself, or asking for its summary, name it and are read (see article-facts/ and summary/question.ts). */

/** Words that name the article itself. "Bericht" and "report" are left out: articles cite reports ("laut US-Berichten"). */
export const ARTICLE_WORDS = /^(?:artikel\w*|article\w*|texte?s?|text|beitrag\w*|story|stories|piece)$/u;

/** A question's words folded, as cue patterns are written, with "article's" read as "article". */
export function questionWords(question: string): string[] {
  return foldedWords(question)
    .map((token) => token.replace(/'s$/u, ""))
    .filter((token) => token.length > 0);
}
