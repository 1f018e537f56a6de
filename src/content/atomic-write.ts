import { randomBytes } from "node:crypto";
import { open, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** What a file is written from: its text, its bytes, or its bytes in pieces (written one after another, never joined in memory). */
export type FileData = Uint8Array | string | readonly Uint8Array[];

/**
 * The file operations behind every write that must never leave a half-written
 * file in place (articles, the stored index). Tests pass operations that fail
 * halfway to prove the old file survives.
 */
export interface FileWriteOperations {
  /** Creates `file` (which must not exist) with `data` and flushes it to disk. */
  writeNewFile(file: string, data: FileData): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes `file`; a missing file is not an error. */
  removeFile(file: string): Promise<void>;
}

export const diskFileOperations: FileWriteOperations = {
  async writeNewFile(file, data) {
    const handle = await open(file, "wx");
    try {
      // fs's writeFile takes the pieces too (an iterable), and writes each one whole.
      await writeFile(handle, data);
      // Without the flush a crash right after the rename can leave an empty file under the final name.
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  removeFile: (file) => rm(file, { force: true }),
};

/**
 * Writes `data` to `target` atomically: a hidden temporary file in the same
 * folder (hidden, so folder scans skip it), then a rename over the target.
 * Readers see the old content or the new one, never a mix; on failure the
 * temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(target: string, data: FileData, operations: FileWriteOperations = diskFileOperations): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await operations.writeNewFile(temporary, data);
    await operations.rename(temporary, target);
  } catch (error) {
    await operations.removeFile(temporary).catch(() => undefined);
    throw error;
  }
}

/** The name `writeFileAtomic` gives its temporary files, with the writing process's id. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/u;

export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files that a process killed mid-write left in `folder`
 * (those of processes still running, e.g. another shard, stay). Returns the
 * names removed; a missing folder removes nothing.
 */
export async function removeStaleTemporaries(folder: string, isRunning: (pid: number) => boolean = processRuns): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
