import type { Logger } from "pino";
import type { FileWriteOperations } from "../atomic-write.js";
import { newIntentId, writeIntent, type AffectedFile } from "../change-intent.js";
import type { Article } from "../types.js";
import { systemDetail, type FollowUpFailure, type SystemDetail } from "../problems.js";
import type { AuditAction } from "./audit.js";
import { ContentError, FollowUpError } from "./errors.js";
import type { ArticleChange, ContentActor } from "./requests.js";

/**
 * One change of the content folder as a unit: its intent is recorded first
 * (so a killed process can be rolled back at the next start, see
 * recovery.ts), then the disk steps run, then the caller's follow-up; if
 * anything fails, the steps done so far are undone.
 */

export interface ContentChangeHooks {
  /**
   * Runs once the change is on disk (the service rebuilds its index here).
   * If it throws, the change is undone and the error becomes a "not-applied" ContentError.
   */
  afterWrite?: (change: ArticleChange, parsed: { fileName: string; article: Article } | null, touched: readonly string[]) => Promise<void>;
}

export type UndoStep = () => Promise<void>;

/** The mutable facts of one attempt, filled in as they become known, for the audit line. */
export interface ChangeAttempt {
  actor: ContentActor | null;
  action: AuditAction;
  article: string | null;
  /** Set once the intent record is written, i.e. once the folder may change. */
  intent?: string;
}

/** Where a change is made and how failures are told. */
export interface UndoContext {
  contentDir: string;
  operations: FileWriteOperations;
  logger: Logger;
}

/** What a change touches: the attempt it belongs to, the files as they were, and the article written (for the hook). */
export interface ChangeScope {
  attempt: ChangeAttempt;
  files: readonly AffectedFile[];
  parsed?: { fileName: string; article: Article };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the disk steps, then the caller's hook. On any failure the steps
 * done so far are undone in reverse order, so the folder is as before.
 */
export async function applyWithUndo(
  context: UndoContext,
  subject: string,
  verb: "added" | "replaced" | "removed",
  change: ArticleChange,
  hooks: ContentChangeHooks,
  scope: ChangeScope,
  write: (undo: UndoStep[]) => Promise<void>,
): Promise<ArticleChange> {
  const undo: UndoStep[] = [];
  let written = false;
  const intentId = newIntentId();
  try {
    const action = verb === "removed" ? "remove" : verb === "replaced" ? "replace" : "add";
    await writeIntent(context.contentDir, { id: intentId, action, article: change.articleId, files: scope.files }, context.operations);
  } catch (error) {
    throw new ContentError({ kind: "write-failed", subject, verb, detail: systemDetail(error) }, { cause: error });
  }
  scope.attempt.intent = intentId;
  try {
    await write(undo);
    written = true;
    await hooks.afterWrite?.(
      change,
      scope.parsed ?? null,
      scope.files.map((file) => file.name),
    );
    return change;
  } catch (error) {
    const undoFailures: SystemDetail[] = [];
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (undoError) {
        undoFailures.push(systemDetail(undoError));
      }
    }
    if (undoFailures.length > 0) {
      context.logger.error(
        {
          event: "content_rollback_failed",
          article: change.articleId,
          reason: describeError(error),
          undoFailures: undoFailures.map((failure) => failure.message),
        },
        "a failed content change could not be undone",
      );
      throw new ContentError({ kind: "rollback-failed", subject, verb, detail: systemDetail(error), undoFailures }, { cause: error });
    }
    if (!written) throw new ContentError({ kind: "write-failed", subject, verb, detail: systemDetail(error) }, { cause: error });
    const cause: FollowUpFailure = error instanceof FollowUpError ? error.failure : { kind: "error", detail: systemDetail(error) };
    throw new ContentError({ kind: "not-applied", subject, verb, cause }, { cause: error });
  }
}
