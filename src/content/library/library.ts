import path from "node:path";
import type { z } from "zod";
import type { Logger } from "pino";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "../atomic-write.js";
import { clearIntent, type AffectedFile } from "../change-intent.js";
import { tryLockFolder, type FolderLock } from "../folder-lock.js";
import { systemDetail } from "../problems.js";
import { appendAuditLine, type AuditEntry } from "./audit.js";
import { checkServerLimits, comparableTitle, readFolder, withBytes } from "./folder.js";
import { ContentError } from "./errors.js";
import { applyWithUndo, describeError, type ChangeAttempt, type ContentChangeHooks, type UndoContext } from "./undoable-change.js";
import { readArticleUpload, shownName, uploadName } from "./upload-reading.js";
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  addArticleRequestSchema,
  checkArticleRequestSchema,
  contentActorSchema,
  removeArticleRequestSchema,
  type AddArticleRequest,
  type ArticleChange,
  type ArticleCheck,
  type CheckArticleRequest,
  type ContentActor,
  type RemoveArticleRequest,
} from "./requests.js";

/**
 * The content folder as moderators change it: adding an uploaded article,
 * replacing or removing one. Every change is checked completely (size,
 * encoding, parse, name, duplicates) before anything is written, written
 * atomically, and undone again if the caller's follow-up step (the reindex)
 * fails. Every attempt, accepted or refused, is appended to the audit log.
 */

export interface ContentLibraryOptions {
  contentDir: string;
  /** Append-only JSONL audit log; null writes none. */
  auditLogFile: string | null;
  maxUploadBytes?: number;
  logger: Logger;
  /** Replaces the disk operations (tests simulate failing disks). */
  fileOperations?: FileWriteOperations;
  now?: () => Date;
  /** Set when the folder is one server's own articles, answered beside the operator's (see ServerLayerRules). */
  serverLayer?: ServerLayerRules;
  /**
   * The title the served index holds for a file, so that checking an upload
   * against the folder neither reads nor parses every article again (the
   * index is trusted for the files it holds, as a change trusts the files it
   * did not touch: a hand edit is seen at the next reindex); undefined when
   * the file is not in it, and then the file is read.
   */
  knownTitle?: (fileName: string) => string | undefined;
}

/** What a server's own folder must respect: the operator's articles it is answered beside, and its limits. */
export interface ServerLayerRules {
  serverId: string;
  /** The operator's articles: a server's article may take neither their ids nor their titles. */
  sharedArticles: () => readonly { id: string; title: string }[];
  /** Articles of its own a server may keep, at most. */
  maxArticles: number;
  /** Total size of a server's own article files, at most. */
  maxBytes: number;
}

/** A request as its schema reads it, or the refusal naming the field that is wrong. */
function validRequest<T>(schema: z.ZodType<T>, request: unknown, change: "add" | "remove"): T {
  const parsed = schema.safeParse(request);
  if (parsed.success) return parsed.data;
  throw new ContentError({ kind: "invalid-request", change, field: parsed.error.issues[0]?.path.join(".") || "request" });
}

function actorFrom(request: unknown): ContentActor | null {
  const actor = typeof request === "object" && request !== null && "actor" in request ? request.actor : undefined;
  const parsed = contentActorSchema.safeParse(actor);
  return parsed.success ? parsed.data : null;
}

export class ContentLibrary {
  readonly contentDir: string;
  readonly maxUploadBytes: number;
  private readonly operations: FileWriteOperations;
  private readonly now: () => Date;
  /** Changes run one at a time, so two uploads cannot both pass the duplicate checks. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ContentLibraryOptions) {
    this.contentDir = options.contentDir;
    this.maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.operations = options.fileOperations ?? diskFileOperations;
    this.now = options.now ?? (() => new Date());
  }

  private get undoContext(): UndoContext {
    return { contentDir: this.contentDir, operations: this.operations, logger: this.options.logger };
  }

  /**
   * Adds (or, with `replace`, replaces) an article from uploaded bytes. The
   * bytes are parsed first; only a valid article that clashes with nothing is
   * written. Resolves with what changed; rejects with a `ContentError`.
   */
  addArticle(request: AddArticleRequest, hooks: ContentChangeHooks = {}): Promise<ArticleChange> {
    const attempt: ChangeAttempt = { actor: actorFrom(request), action: "add", article: null };
    return this.audited(attempt, () => this.applyAdd(request, attempt, hooks));
  }

  /**
   * How an upload would be read and whether adding it would replace an
   * article. Nothing is written and nothing is attempted, so no audit line:
   * rejects only as adding would on the file itself (type, size, encoding).
   */
  async checkArticle(request: CheckArticleRequest): Promise<ArticleCheck> {
    const { fileName, bytes } = validRequest(checkArticleRequestSchema, request, "add");
    const upload = await readArticleUpload(fileName, bytes, this.maxUploadBytes);
    const existing = (await readFolder(this.contentDir, this.options.knownTitle)).find((entry) => entry.articleId === upload.articleId);
    return {
      articleId: upload.articleId,
      fileName: upload.safeName,
      reading: upload.reading,
      notAnArticle: upload.notAnArticle,
      replaces: existing ? { fileName: existing.fileName, title: existing.title } : null,
    };
  }

  /** Removes the article with `articleId` (all its files). Refuses to remove the last article. */
  removeArticle(request: RemoveArticleRequest, hooks: ContentChangeHooks = {}): Promise<ArticleChange> {
    const attempt: ChangeAttempt = { actor: actorFrom(request), action: "remove", article: null };
    return this.audited(attempt, () => this.applyRemove(request, attempt, hooks));
  }

  /** Appends one line to the audit log; a failing log is reported, never thrown, so it cannot undo a finished change. */
  async recordAudit(entry: Omit<AuditEntry, "time">): Promise<void> {
    const file = this.options.auditLogFile;
    if (file === null) return;
    const server = this.options.serverLayer?.serverId;
    const line: AuditEntry = { time: this.now().toISOString(), ...entry, ...(server === undefined ? {} : { server }) };
    try {
      await appendAuditLine(file, line);
    } catch (error) {
      // What happened, never who: the audit file is the only place a user id may be kept.
      const { action, article, outcome } = line;
      this.options.logger.error(
        { event: "audit_write_failed", file, reason: describeError(error), entry: { action, article, outcome } },
        "could not write the audit log",
      );
    }
  }

  private audited(attempt: ChangeAttempt, task: () => Promise<ArticleChange>): Promise<ArticleChange> {
    return this.exclusive(async () => {
      let lock: FolderLock | null = null;
      try {
        const attemptLock = await tryLockFolder(this.contentDir);
        if (!attemptLock.locked) throw new ContentError({ kind: "folder-busy", pid: attemptLock.heldBy });
        lock = attemptLock.lock;
        const change = await task();
        await this.recordAudit({
          actor: attempt.actor,
          action: attempt.action,
          article: attempt.article,
          outcome: "success",
          detail: change.message,
          ...(attempt.intent ? { change: attempt.intent } : {}),
        });
        // Only now, with the change live and audited, may a crash no longer roll it back.
        await clearIntent(this.contentDir, this.operations);
        return change;
      } catch (error) {
        const failure =
          error instanceof ContentError
            ? error
            : new ContentError({ kind: "write-failed", subject: null, verb: null, detail: systemDetail(error) }, { cause: error });
        // The folder is as before (the steps were undone), unless even that failed: then the record stays for the next start.
        if (failure.code !== "rollback-failed") await clearIntent(this.contentDir, this.operations).catch(() => undefined);
        await this.recordAudit({
          actor: attempt.actor,
          action: attempt.action,
          article: attempt.article,
          outcome: failure.outcome,
          detail: failure.message,
          ...(attempt.intent ? { change: attempt.intent } : {}),
        });
        throw failure;
      } finally {
        await lock?.release();
      }
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.turn.then(task);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async applyAdd(request: AddArticleRequest, attempt: ChangeAttempt, hooks: ContentChangeHooks): Promise<ArticleChange> {
    const { fileName, bytes, replace, force } = validRequest(addArticleRequestSchema, request, "add");
    // Known before the file is read, so that a refusal of its contents is audited with it.
    attempt.article = uploadName(fileName)?.articleId ?? null;
    const { given, articleId, safeName, article, reading, notAnArticle } = await readArticleUpload(fileName, bytes, this.maxUploadBytes);
    if (!force && notAnArticle) throw new ContentError({ kind: "not-an-article", file: given, shape: notAnArticle });

    const layer = this.options.serverLayer;
    const comparable = comparableTitle(article.title);
    if (layer) {
      for (const shared of layer.sharedArticles()) {
        const clash = shared.id === articleId ? "id" : comparableTitle(shared.title) === comparable ? "title" : null;
        if (clash) throw new ContentError({ kind: "shared-clash", file: given, id: shared.id, title: shared.title, clash });
      }
    }
    const folder = await readFolder(this.contentDir, this.options.knownTitle);
    const sameId = await withBytes(
      this.contentDir,
      folder.filter((entry) => entry.articleId === articleId),
    );
    if (layer) checkServerLimits(layer, await withBytes(this.contentDir, folder), articleId, given, bytes.length);
    const titleClash = folder.find((entry) => entry.articleId !== articleId && entry.title !== null && comparableTitle(entry.title) === comparable);
    if (titleClash) {
      throw new ContentError({
        kind: "duplicate-title",
        file: given,
        title: article.title,
        existingId: titleClash.articleId,
        existingFile: titleClash.fileName,
      });
    }
    const previous = sameId[0];
    if (previous !== undefined && !replace) {
      throw new ContentError({ kind: "already-exists", file: given, id: articleId, existingFile: previous.fileName, existingTitle: previous.title });
    }
    if (previous !== undefined) attempt.action = "replace";

    const requestedFileName = safeName === fileName ? null : fileName;
    const savedAs = requestedFileName === null ? "" : ` Saved as ${safeName} (file names are made from the article id).`;
    const paragraphs = article.paragraphs.length;
    const dropped = reading.dropped.length;
    const droppedNote = dropped === 0 ? "" : ` ${dropped} line(s) of the page around the article were left out (npm run reindex -- --check FILE lists them).`;
    const change: ArticleChange =
      previous === undefined
        ? {
            action: "added",
            articleId,
            title: article.title,
            previousTitle: null,
            fileName: safeName,
            requestedFileName,
            paragraphs,
            reading,
            message: `Added "${article.title}" (id ${articleId}, ${paragraphs} paragraphs).${savedAs}${droppedNote}`,
          }
        : {
            action: "replaced",
            articleId,
            title: article.title,
            previousTitle: previous.title,
            fileName: safeName,
            requestedFileName,
            paragraphs,
            reading,
            message: `Replaced ${previous.title === null ? `the unreadable ${previous.fileName}` : `"${previous.title}"`} with "${article.title}" (id ${articleId}, ${paragraphs} paragraphs).${savedAs}${droppedNote}`,
          };

    const target = path.join(this.contentDir, safeName);
    const overwritten = sameId.find((entry) => entry.fileName === safeName);
    // Same id under another extension ("x.md" replaced by "x.html"): the old file goes, or the id would clash.
    const superseded = sameId.filter((entry) => entry.fileName !== safeName && entry.fileName.toLowerCase() !== safeName.toLowerCase());
    const affected: AffectedFile[] = [
      { name: safeName, before: overwritten ? overwritten.bytes : null },
      ...superseded.map((entry) => ({ name: entry.fileName, before: entry.bytes })),
    ];
    return applyWithUndo(
      this.undoContext,
      given,
      change.action === "replaced" ? "replaced" : "added",
      change,
      hooks,
      { attempt, files: affected, parsed: { fileName: safeName, article } },
      async (undo) => {
        await writeFileAtomic(target, bytes, this.operations);
        undo.push(overwritten ? () => writeFileAtomic(target, overwritten.bytes, this.operations) : () => this.operations.removeFile(target));
        for (const entry of superseded) {
          const file = path.join(this.contentDir, entry.fileName);
          await this.operations.removeFile(file);
          undo.push(() => writeFileAtomic(file, entry.bytes, this.operations));
        }
      },
    );
  }

  private async applyRemove(request: RemoveArticleRequest, attempt: ChangeAttempt, hooks: ContentChangeHooks): Promise<ArticleChange> {
    const { articleId } = validRequest(removeArticleRequestSchema, request, "remove");
    attempt.article = articleId;
    const folder = await readFolder(this.contentDir, this.options.knownTitle);
    const matching = await withBytes(
      this.contentDir,
      folder.filter((entry) => entry.articleId === articleId),
    );
    const first = matching[0];
    const shared = this.options.serverLayer?.sharedArticles().find((article) => article.id === articleId);
    if (first === undefined && shared) throw new ContentError({ kind: "shared-not-removable", id: shared.id, title: shared.title });
    if (first === undefined) {
      throw new ContentError({ kind: "not-found", id: shownName(articleId), known: [...new Set(folder.map((entry) => entry.articleId))] });
    }
    // A server's own articles may all go: the operator's are still answered from.
    if (matching.length === folder.length && !this.options.serverLayer) {
      // Without any article the bot has nothing to answer from and the next start fails.
      throw new ContentError({ kind: "last-article", title: first.title ?? articleId });
    }
    const change: ArticleChange = {
      action: "removed",
      articleId,
      title: first.title,
      previousTitle: first.title,
      fileName: first.fileName,
      requestedFileName: null,
      paragraphs: 0,
      reading: null,
      message: `Removed ${first.title === null ? articleId : `"${first.title}"`} (id ${articleId}, ${matching.map((entry) => entry.fileName).join(", ")}).`,
    };
    const affected: AffectedFile[] = matching.map((entry) => ({ name: entry.fileName, before: entry.bytes }));
    return applyWithUndo(this.undoContext, articleId, "removed", change, hooks, { attempt, files: affected }, async (undo) => {
      for (const entry of matching) {
        const file = path.join(this.contentDir, entry.fileName);
        await this.operations.removeFile(file);
        undo.push(() => writeFileAtomic(file, entry.bytes, this.operations));
      }
    });
  }
}
