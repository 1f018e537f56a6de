import { open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { processRuns } from "./atomic-write.js";

/**
 * The content folder's change lock, shared by every process that serves the
 * folder (the shards of a sharded bot): one content change at a time across
 * all of them, and no start-up recovery while another process's change is
 * under way. The file holds the owner's process id; a lock whose owner no
 * longer runs (killed mid-change) is stale and taken over.
 */
export const LOCK_FILE = ".change.lock";

export interface FolderLock {
  release(): Promise<void>;
}

export type LockAttempt = { locked: true; lock: FolderLock } | { locked: false; heldBy: number };

export async function tryLockFolder(contentDir: string, isRunning: (pid: number) => boolean = processRuns): Promise<LockAttempt> {
  const file = path.join(contentDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      // "wx": created only if it does not exist, atomically, so two processes cannot both hold it.
      const handle = await open(file, "wx");
      try {
        await handle.writeFile(String(process.pid), "utf8");
      } finally {
        await handle.close();
      }
      return { locked: true, lock: { release: () => rm(file, { force: true }) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
    // Our own pid can only be a stale lock of an earlier process that had the same id: within one process the library queues changes.
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) return { locked: false, heldBy: owner };
    await rm(file, { force: true });
  }
  return { locked: false, heldBy: -1 };
}
