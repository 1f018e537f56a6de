/** Reading an `article` option: a suggestion's key, an id, or words the user typed instead of picking. */
import { resolveArticleKey } from "./custom-ids.js";
import { foldForSearch } from "./presentation/index.js";

/** What every article listing has (a loaded `Article` as well as the service's `ArticleInfo`). */
export interface NamedArticle {
  id: string;
  title: string;
}

/**
 * The article an option value names: a suggestion's key, an id, or (when the
 * user typed instead of picking) the one article whose title contains the text.
 * Null when nothing or more than one article matches.
 */
export function articleFromOption<Entry extends NamedArticle>(articles: readonly Entry[], value: string): Entry | null {
  const byKey = resolveArticleKey(
    value,
    articles.map((article) => article.id),
  );
  const exact = articles.find((article) => article.id === (byKey ?? value));
  if (exact) return exact;
  const folded = foldForSearch(value.trim());
  if (folded === "") return null;
  const byTitle = articles.filter((article) => foldForSearch(article.title).includes(folded));
  return byTitle.length === 1 ? (byTitle[0] ?? null) : null;
}
