import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import { diskFileOperations, type FileWriteOperations } from "../atomic-write.js";
import { clearIntent, readIntent, rollBack } from "../change-intent.js";
import { tryLockFolder } from "../folder-lock.js";
import { appendAuditLine, type AuditEntry } from "./audit.js";

/**
 * At start-up, before the articles are read: a change that a killed process
 * left unfinished is completed when the audit log records its success, and
 * rolled back otherwise (with an audit line saying so). Then the folder and
 * the audit log agree again.
 */
export async function recoverInterruptedChange(options: {
  contentDir: string;
  auditLogFile: string | null;
  logger: Logger;
  fileOperations?: FileWriteOperations;
}): Promise<"none" | "completed" | "rolled-back"> {
  const operations = options.fileOperations ?? diskFileOperations;
  const attempt = await tryLockFolder(options.contentDir).catch(() => null);
  if (attempt && !attempt.locked) {
    // Another process (a second shard) is in the middle of a change: its record is not a leftover.
    options.logger.info({ event: "change_recovery_skipped", heldBy: attempt.heldBy }, "another process is changing the articles; nothing to recover");
    return "none";
  }
  try {
    return await recoverUnlocked(options, operations);
  } finally {
    if (attempt?.locked) await attempt.lock.release();
  }
}

async function recoverUnlocked(
  options: { contentDir: string; auditLogFile: string | null; logger: Logger },
  operations: FileWriteOperations,
): Promise<"none" | "completed" | "rolled-back"> {
  const intent = await readIntent(options.contentDir);
  if (intent === null) return "none";
  if (intent === "unreadable") {
    options.logger.warn({ event: "change_intent_unreadable" }, "an unreadable record of an interrupted content change was removed");
    await clearIntent(options.contentDir, operations);
    return "none";
  }
  const audit = options.auditLogFile === null ? "" : await readFile(options.auditLogFile, "utf8").catch(() => "");
  const succeeded = audit.split("\n").some((line) => line.includes(`"change":"${intent.id}"`) && line.includes('"outcome":"success"'));
  if (succeeded) {
    await clearIntent(options.contentDir, operations);
    options.logger.info({ event: "change_completed", article: intent.article }, "an interrupted content change had completed");
    return "completed";
  }
  await rollBack(options.contentDir, intent, operations);
  await clearIntent(options.contentDir, operations);
  options.logger.warn({ event: "change_rolled_back", action: intent.action, article: intent.article }, "an interrupted content change was rolled back");
  if (options.auditLogFile !== null) {
    const line: AuditEntry = {
      time: new Date().toISOString(),
      actor: null,
      action: intent.action,
      article: intent.article,
      outcome: "failed",
      detail: "The change was interrupted (the process stopped) before it was complete; it was rolled back at the next start.",
      change: intent.id,
    };
    await appendAuditLine(options.auditLogFile, line);
  }
  return "rolled-back";
}
