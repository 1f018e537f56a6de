import type { ArticleOrigin } from "../shared-layer.js";
import type { ContentAdminApi, QaApi } from "../types.js";

/** What one server (or a direct message, or the CLI) is answered from, and whose articles it may change. */
export interface ContentScope {
  /** Answers from the operator's articles plus, in a server, that server's own. */
  qa: QaApi;
  /** Changes the articles of `layer`; null when they cannot be changed here. */
  admin: ContentAdminApi | null;
  /** Whose articles `admin` changes: a server's own, or the operator's (shared by every server). */
  layer: ArticleOrigin;
}

/**
 * Who may change what:
 * - "per-server": each server's moderators change that server's own articles; the operator's change only through operators.
 * - "operator-only": servers keep no articles of their own (SERVER_ARTICLES=off); only operators change the shared ones.
 * - "single": one article set for every server, changed by any server's moderators. Only for a bot embedded programmatically
 *   in one community (tests use it); the configured bot is never "single".
 */
export type ContentPolicy = "per-server" | "operator-only" | "single";

export interface ContentScopes {
  readonly policy: ContentPolicy;
  /** What a question in `serverId` is answered from; null (direct messages, the CLI without --server) is the operator's articles alone. */
  forServer(serverId: string | null): Promise<ContentScope>;
  /** The operator's articles, which every server is answered from. */
  operator(): ContentScope;
}

/** One article set for every server (see ContentPolicy "single"). */
export function singleContentScopes(qa: QaApi, admin: ContentAdminApi | null): ContentScopes {
  const scope: ContentScope = { qa, admin, layer: "operator" };
  return { policy: "single", forServer: () => Promise.resolve(scope), operator: () => scope };
}
