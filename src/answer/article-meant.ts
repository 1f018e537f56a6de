import type { Article } from "../content/types.js";
import { articleOfPassage } from "../search/article-scope.js";
import type { ConversationTurn } from "./types.js";

/**
 * The article a question about "the article" means (its date, its summary):
 * the only one; else the one the question's own words point to ("… der
 * Artikel über die Sanktionen"); else the one the conversation's last answer
 * quoted. Undefined when nothing says which of several.
 */
export async function articleMeant(
  articles: readonly Article[],
  history: readonly ConversationTurn[],
  articleOfQuestion: () => Promise<string | null>,
): Promise<Article | undefined> {
  if (articles.length === 1) return articles[0];
  const byId = new Map(articles.map((article) => [article.id, article]));
  const named = byId.get((await articleOfQuestion()) ?? "");
  if (named) return named;
  const previous = history.at(-1)?.citedIds[0];
  return previous === undefined ? undefined : byId.get(articleOfPassage(previous));
}
