import type { Article, Paragraph } from "../content/types.js";
import type { Citation } from "./types.js";

/** The retrieval id of a paragraph. */
export function passageId(articleId: string, paragraphNumber: number): string {
  return `${articleId}#${paragraphNumber}`;
}

/** A citation of one paragraph: where it stands, the quoted excerpt and the whole paragraph. */
export function makeCitation(article: Article, paragraph: Paragraph, excerpt: string, score: number): Citation {
  return {
    articleId: article.id,
    articleTitle: article.title,
    publisher: article.publisher,
    articleUrl: article.url,
    articleDate: article.date,
    paragraph: paragraph.number,
    heading: paragraph.heading,
    excerpt,
    passage: paragraph.text,
    score,
  };
}
