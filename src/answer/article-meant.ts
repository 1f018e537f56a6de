import type { Article } from "../content/types.js";
import { articleOfPassage } from "../search/article-scope.js";
import type { Citation, ConversationTurn } from "./types.js";

/** What answering a question about "the article" draws on besides the articles (its details, its summary). */
export interface ArticleQuestionContext {
  history: readonly ConversationTurn[];
  /** The passages closest to the question, best first: listed as for any question (`--json`, benchmarks), not shown. */
  ranking: Citation[];
  /** The article a search of the question's own words settles on, if it settles on one (asked only with several articles). */
  articleOfQuestion: () => Promise<string | null>;
}

/**
 * The article a question about "the article" means (its date, its summary):
 * the only one; else the one the question's own words point to ("… der
 * Artikel über die Sanktionen"); else the one the conversation's last answer
 * quoted. Undefined when nothing says which of several.
 */
export async function articleMeant(
  articles: readonly Article[],
  { history, articleOfQuestion }: Pick<ArticleQuestionContext, "history" | "articleOfQuestion">,
): Promise<Article | undefined> {
  if (articles.length === 1) return articles[0];
  const byId = new Map(articles.map((article) => [article.id, article]));
  const named = byId.get((await articleOfQuestion()) ?? "");
  if (named) return named;
  const previous = history.at(-1)?.citedIds[0];
  return previous === undefined ? undefined : byId.get(articleOfPassage(previous));
}
