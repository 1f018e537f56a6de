import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "./atomic-write.js";

/**
 * The intent record that makes a content change crash-safe. Before an add,
 * replace or remove touches the content folder, the record names every file
 * it will touch and what each held before; it is removed only after the
 * change is live and its audit line written. A process killed in between
 * leaves the record behind, and the next start either finishes the change
 * (the audit log says it succeeded) or puts the files back.
 */

/** Hidden, so folder scans never take it for an article. */
export const INTENT_FILE = ".pending-change.json";

const intentSchema = z.object({
  id: z.string().min(1),
  action: z.enum(["add", "replace", "remove"]),
  article: z.string(),
  files: z.array(z.object({ name: z.string().min(1), before: z.string().nullable() })),
});

export type ChangeIntent = z.infer<typeof intentSchema>;

export interface AffectedFile {
  /** File name inside the content folder. */
  name: string;
  /** What the file held before the change; null when it did not exist. */
  before: Uint8Array | null;
}

export function newIntentId(): string {
  return randomBytes(8).toString("hex");
}

export async function writeIntent(
  contentDir: string,
  intent: { id: string; action: ChangeIntent["action"]; article: string; files: readonly AffectedFile[] },
  operations: FileWriteOperations = diskFileOperations,
): Promise<void> {
  const record: ChangeIntent = {
    id: intent.id,
    action: intent.action,
    article: intent.article,
    files: intent.files.map((file) => ({ name: file.name, before: file.before === null ? null : Buffer.from(file.before).toString("base64") })),
  };
  await writeFileAtomic(path.join(contentDir, INTENT_FILE), JSON.stringify(record), operations);
}

export async function clearIntent(contentDir: string, operations: FileWriteOperations = diskFileOperations): Promise<void> {
  await operations.removeFile(path.join(contentDir, INTENT_FILE));
}

export async function readIntent(contentDir: string): Promise<ChangeIntent | "unreadable" | null> {
  let text: string;
  try {
    text = await readFile(path.join(contentDir, INTENT_FILE), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = intentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "unreadable";
  } catch {
    return "unreadable";
  }
}

/** Puts every file the change touched back as it was. */
export async function rollBack(contentDir: string, intent: ChangeIntent, operations: FileWriteOperations = diskFileOperations): Promise<void> {
  for (const file of intent.files) {
    // Only the last path segment counts, as for uploads.
    const target = path.join(contentDir, path.basename(file.name));
    if (file.before === null) await operations.removeFile(target);
    else await writeFileAtomic(target, Buffer.from(file.before, "base64"), operations);
  }
}
