import { describeContentProblem } from "../problem-text.js";
import { articleProblemCode, type ArticleProblemCode, type ContentProblem, type FollowUpFailure } from "../problems.js";

/** Why a content change did not happen: a code for callers and the audit log, the facts for the wording (see problems.ts). */

export const CONTENT_ERROR_CODES = [
  "invalid-request",
  "unsupported-type",
  "too-large",
  "empty",
  "binary",
  "encoding",
  "metadata",
  "no-article-text",
  "no-paragraphs",
  "not-an-article",
  "too-complex",
  "duplicate-title",
  "already-exists",
  "not-found",
  "last-article",
  "server-limit",
  "shared-article",
  "write-failed",
  "not-applied",
  "rollback-failed",
  "folder-busy",
] as const;
export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number];

/** Codes where the request itself was wrong: nothing was touched. The rest are failures on the way. */
const REFUSAL_CODES: ReadonlySet<ContentErrorCode> = new Set([
  "invalid-request",
  "unsupported-type",
  "too-large",
  "empty",
  "binary",
  "encoding",
  "metadata",
  "no-article-text",
  "no-paragraphs",
  "not-an-article",
  "too-complex",
  "duplicate-title",
  "already-exists",
  "not-found",
  "last-article",
  "server-limit",
  "shared-article",
  "folder-busy",
]);

/** The code of each problem: what callers and the audit log branch on. */
const CONTENT_PROBLEM_CODES: Readonly<Record<Exclude<ContentProblem["kind"], "unreadable-upload">, ContentErrorCode>> = {
  "invalid-request": "invalid-request",
  "unsupported-type": "unsupported-type",
  "too-large": "too-large",
  "not-an-article": "not-an-article",
  "duplicate-title": "duplicate-title",
  "already-exists": "already-exists",
  "not-found": "not-found",
  "last-article": "last-article",
  "server-limit": "server-limit",
  "shared-clash": "shared-article",
  "shared-not-removable": "shared-article",
  "folder-unreadable": "write-failed",
  "folder-busy": "folder-busy",
  "write-failed": "write-failed",
  "not-applied": "not-applied",
  "rollback-failed": "rollback-failed",
};

const PARSE_ERROR_CODES: Readonly<Record<ArticleProblemCode, ContentErrorCode>> = {
  empty: "empty",
  "no-article-text": "no-article-text",
  "no-paragraphs": "no-paragraphs",
  "too-complex": "too-complex",
  metadata: "metadata",
  binary: "binary",
  encoding: "encoding",
  "unsupported-type": "unsupported-type",
  "duplicate-id": "already-exists",
  "read-failed": "write-failed",
};

/**
 * Thrown by a change's follow-up step (the service's reindex) to say why it
 * failed in facts the moderator can be told in their language.
 */
export class FollowUpError extends Error {
  override readonly name = "FollowUpError";

  constructor(
    readonly failure: FollowUpFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.kind === "error" ? failure.detail.message : "the follow-up step failed", options);
  }
}

/**
 * A content change that did not happen. `problem` holds the facts, which the
 * Discord layer words per locale; `message` is the English wording (CLI, logs,
 * audit log).
 */
export class ContentError extends Error {
  override readonly name = "ContentError";
  readonly code: ContentErrorCode;

  constructor(
    readonly problem: ContentProblem,
    options?: { cause?: unknown },
  ) {
    super(describeContentProblem(problem), options);
    this.code = problem.kind === "unreadable-upload" ? PARSE_ERROR_CODES[articleProblemCode(problem.problem)] : CONTENT_PROBLEM_CODES[problem.kind];
  }

  /** "refused": the request was rejected up front. "failed": something broke; the folder was restored (except "rollback-failed"). */
  get outcome(): "refused" | "failed" {
    return REFUSAL_CODES.has(this.code) ? "refused" : "failed";
  }
}
