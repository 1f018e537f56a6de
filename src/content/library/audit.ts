import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { ContentActor } from "./requests.js";

// Audit log

export type AuditAction = "add" | "replace" | "remove" | "reindex";

/** Appends one JSON line to the audit log, creating its folder if needed. */
export async function appendAuditLine(file: string, line: AuditEntry): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(line)}\n`, "utf8");
}

/** One line of the audit log. */
export interface AuditEntry {
  time: string;
  actor: ContentActor | null;
  action: AuditAction;
  /** Article id concerned, when there is one. */
  article: string | null;
  outcome: "success" | "refused" | "failed";
  detail: string;
  /** The server whose own articles changed; absent for the operator's articles. */
  server?: string;
  /** The change's intent record id, for changes that touched the folder (see change-intent.ts). */
  change?: string;
}
