/**
 * What can be wrong with an article file or a content change, as facts with
 * their parameters. No sentence is written here: the words are chosen where
 * the problem is shown (English in problem-text.ts for logs and the CLI,
 * each locale in the Discord layer), so a German moderator never reads an
 * English reason inside a German reply.
 */

/** Why one article file cannot be used. */
export type ArticleProblem =
  | { kind: "empty"; whitespaceOnly: boolean }
  | { kind: "html-too-complex"; depth: number; elements: number; maxDepth: number; maxElements: number }
  | { kind: "no-article-text" }
  | { kind: "no-paragraphs"; blocks: number; boilerplate: number; sources: number }
  /** A metadata value (front matter or header lines) that is not valid for its field. */
  | { kind: "metadata-value"; origin: "front-matter" | "header"; field: string; rule: MetadataRule; limit: number | null }
  | { kind: "front-matter-line"; line: number; text: string }
  | { kind: "charset-unsupported"; charset: string }
  | { kind: "charset-mismatch"; charset: string }
  | { kind: "utf16" }
  | { kind: "invalid-utf8"; offset: number; line: number }
  | { kind: "nul-bytes" }
  | { kind: "control-bytes"; count: number; total: number }
  | { kind: "unsupported-type"; formats: readonly string[] }
  | { kind: "read-failed"; detail: SystemDetail }
  | { kind: "duplicate-id"; id: string; clash: string }
  | { kind: "no-article-files"; formats: readonly string[] };

/** What a metadata value must be. */
export type MetadataRule = "non-empty" | "too-long" | "url" | "date" | "invalid";

/** Why a text upload is not taken for an article (see article-check.ts). */
export type NotArticleShape = { kind: "mostly-structure"; percent: number } | { kind: "no-prose" };

/** An article file that does not load, with the reason. */
export interface ArticleLoadProblem {
  file: string;
  problem: ArticleProblem;
}

export type ChangeVerb = "added" | "replaced" | "removed";

/** Why a content change (upload, replacement, removal) did not happen. */
export type ContentProblem =
  | { kind: "invalid-request"; change: "add" | "remove"; field: string }
  | { kind: "unsupported-type"; file: string; formats: readonly string[] }
  | { kind: "too-large"; file: string; bytes: number; limit: number }
  | { kind: "unreadable-upload"; file: string; problem: ArticleProblem }
  | { kind: "not-an-article"; file: string; shape: NotArticleShape }
  | { kind: "duplicate-title"; file: string; title: string; existingId: string; existingFile: string }
  | { kind: "already-exists"; file: string; id: string; existingFile: string; existingTitle: string | null }
  | { kind: "not-found"; id: string; known: readonly string[] }
  | { kind: "last-article"; title: string }
  /** A server's own articles would pass the operator's limit on their number or total size. */
  | { kind: "server-limit"; limit: "articles" | "bytes"; file: string; total: number; max: number }
  /** A server upload has the id or the title of one of the operator's articles, which every server shares. */
  | { kind: "shared-clash"; file: string; id: string; title: string; clash: "id" | "title" }
  /** A server moderator asked to remove one of the operator's articles. */
  | { kind: "shared-not-removable"; id: string; title: string }
  | { kind: "folder-unreadable"; detail: SystemDetail }
  /** Another process (a second shard) is changing the articles right now; `pid` is -1 when it could not be told. */
  | { kind: "folder-busy"; pid: number }
  /** Writing failed before anything changed. `subject`/`verb` are null when the change was not yet known. */
  | { kind: "write-failed"; subject: string | null; verb: ChangeVerb | null; detail: SystemDetail }
  /** The files were written, the follow-up (the reindex) failed, and the files were put back. */
  | { kind: "not-applied"; subject: string; verb: ChangeVerb; cause: FollowUpFailure }
  | { kind: "rollback-failed"; subject: string; verb: ChangeVerb; detail: SystemDetail; undoFailures: readonly SystemDetail[] };

/** Why the step after a file change failed. */
export type FollowUpFailure = { kind: "reindex-failed"; problems: readonly ArticleLoadProblem[] } | { kind: "error"; detail: SystemDetail };

export type ArticleProblemCode =
  "empty" | "no-article-text" | "no-paragraphs" | "too-complex" | "metadata" | "binary" | "encoding" | "unsupported-type" | "duplicate-id" | "read-failed";

const ARTICLE_PROBLEM_CODES: Readonly<Record<ArticleProblem["kind"], ArticleProblemCode>> = {
  empty: "empty",
  "html-too-complex": "too-complex",
  "no-article-text": "no-article-text",
  "no-paragraphs": "no-paragraphs",
  "metadata-value": "metadata",
  "front-matter-line": "metadata",
  "charset-unsupported": "encoding",
  "charset-mismatch": "encoding",
  utf16: "encoding",
  "invalid-utf8": "encoding",
  "nul-bytes": "binary",
  "control-bytes": "binary",
  "unsupported-type": "unsupported-type",
  "read-failed": "read-failed",
  "duplicate-id": "duplicate-id",
  "no-article-files": "read-failed",
};

/** The coarse code of an article problem (what callers branch on). */
export function articleProblemCode(problem: ArticleProblem): ArticleProblemCode {
  return ARTICLE_PROBLEM_CODES[problem.kind];
}

/**
 * An error of the system or of a lower layer, as the system put it. `code` is
 * the errno code (ENOSPC, EACCES) when there is one: a locale that is not
 * English shows the code, and the English message only as a quotation.
 */
export interface SystemDetail {
  code: string | null;
  message: string;
}

export function systemDetail(error: unknown): SystemDetail {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" && /^E[A-Z0-9]+$/u.test(code) ? code : null, message: error.message };
  }
  return { code: null, message: String(error) };
}
