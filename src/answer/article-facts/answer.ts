import type { Article } from "../../content/types.js";
import { articleMeant, type ArticleQuestionContext } from "../article-meant.js";
import type { Answer, ArticleFactSheet, RetrievalMode } from "../types.js";
import type { ArticleFactKind } from "./question.js";

/** Articles listed, at most, when a question about "the article" does not say which of several it means. */
export const MAX_LISTED_ARTICLES = 5;

export function factSheetOf(article: Article): ArticleFactSheet {
  return {
    articleId: article.id,
    title: article.title,
    kicker: article.kicker,
    publisher: article.publisher,
    date: article.date,
    url: article.url,
    sources: article.sources.map((source) => source.text),
  };
}

/**
 * The answer to a question about an article itself, from its details. Which
 * article: see articleMeant; else those an earlier question about articles
 * showed; else every article, up to MAX_LISTED_ARTICLES.
 */
export async function articleFactsAnswer(
  question: string,
  asked: ArticleFactKind,
  articles: readonly Article[],
  mode: RetrievalMode,
  context: ArticleQuestionContext,
): Promise<Answer> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  // A follow-up to a question about articles themselves stays with the articles that answer showed.
  const earlier = (context.history.at(-1)?.factArticles ?? []).map((id) => byId.get(id)).filter((article): article is Article => article !== undefined);
  const meant = await articleMeant(articles, context);
  const chosen = meant ? [meant] : earlier.length > 0 ? earlier : null;
  const listed = chosen ?? articles.slice(0, MAX_LISTED_ARTICLES);
  return {
    question,
    answered: listed.length > 0,
    hedged: false,
    mode,
    citations: [],
    ranking: context.ranking,
    // Only a list of all the articles leaves some out; an article the question or conversation points to is the answer.
    articleFacts: { asked, articles: listed.map(factSheetOf), more: chosen ? 0 : articles.length - listed.length },
  };
}
