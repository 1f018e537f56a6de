import type { ArticleLoadProblem } from "../content/problems.js";
import type { Article } from "../content/types.js";
import type { EmbeddingCache } from "../search/embedding-cache.js";
import type { Embedder } from "../search/embeddings.js";

/**
 * The operator's articles as a server's own index sees them: answered in every
 * server beside that server's own. A server's service is built on one
 * snapshot; when the operator's index changes (`version`), it is built again.
 */
export interface SharedLayer {
  articles: readonly Article[];
  /** Differs whenever the operator's articles or retrieval mode do. */
  version: string;
  /** The operator's embedding model and vector cache once loaded, so every server's index is hybrid without loading a model of its own. */
  dense: { embedder: Embedder; cache: EmbeddingCache | null } | null;
  /** Why there is no model, when there is none (shown by /about). */
  modelError: string | null;
}

/** A server's own articles: which server, its limits, and the operator's layer it is answered beside. */
export interface ServerLayerOptions {
  serverId: string;
  maxArticles: number;
  maxBytes: number;
  shared: SharedLayer;
}

/** Where an article comes from: the operator's articles (shared by every server) or one server's own. */
export type ArticleOrigin = "operator" | "server";

/**
 * The articles a server is answered from: the operator's first, then its own.
 * A server article with the id of an operator's article (the operator added it
 * later) is left out and reported, since ids name passages.
 */
export function combineLayers(
  own: readonly Article[],
  shared: readonly Article[] | null,
  fileOf: (article: Article) => string,
): { served: Article[]; kept: Article[]; shadowed: ArticleLoadProblem[] } {
  if (shared === null) return { served: [...own], kept: [...own], shadowed: [] };
  const sharedIds = new Set(shared.map((article) => article.id));
  const kept: Article[] = [];
  const shadowed: ArticleLoadProblem[] = [];
  for (const article of own) {
    if (sharedIds.has(article.id)) {
      shadowed.push({ file: fileOf(article), problem: { kind: "duplicate-id", id: article.id, clash: "an article every server shares" } });
    } else kept.push(article);
  }
  return { served: [...shared, ...kept], kept, shadowed };
}
