import { watch } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { readStoredIndexFiles } from "../search/index-store.js";
import { indexVersionOf } from "./index-state.js";

/** Writes come as several events (temporary file, rename); one read after they settle. */
const SETTLE_MS = 150;

/**
 * Calls `onVersion` with the version of the stored index whenever another
 * process writes it (`npm run reindex` on the host, another shard), so a
 * running bot serves what the operator just indexed. Watches the folder, not
 * the file: the file is replaced by a rename on every write. Returns `stop`.
 */
export async function watchStoredIndex(indexFile: string, onVersion: (version: string) => void, logger: Logger): Promise<() => void> {
  const folder = path.dirname(indexFile);
  const name = path.basename(indexFile);
  await mkdir(folder, { recursive: true });
  let timer: NodeJS.Timeout | null = null;
  const check = (): void => {
    timer = null;
    void readStoredIndexFiles(indexFile).then((files) => {
      if (files) onVersion(indexVersionOf(files));
    });
  };
  let watcher: ReturnType<typeof watch>;
  try {
    watcher = watch(folder, { persistent: false }, (_event, changed) => {
      if (changed !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, SETTLE_MS);
    });
  } catch (error) {
    logger.warn({ event: "index_watch_failed", folder, reason: String(error) }, "cannot watch the stored index; run /reindex after indexing on the host");
    return () => undefined;
  }
  watcher.on("error", (error) => logger.warn({ event: "index_watch_failed", folder, reason: String(error) }, "watching the stored index stopped"));
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
