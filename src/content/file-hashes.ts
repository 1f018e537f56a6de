import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "./atomic-write.js";
import { listArticleFiles, sha256Hex } from "./load.js";
import { systemDetail, type ArticleLoadProblem } from "./problems.js";

/**
 * The content hash of every article file, as a start needs them to tell
 * whether the stored index is current. Hashing means reading the whole
 * folder (0.6 s for 2,500 files), so the hashes are kept with each file's
 * size, modification and change times, as git's index does: a file whose
 * stamp is unchanged is not read again. The change time cannot be set back
 * by copying tools that keep the modification time. A file changed too close
 * to the moment its stamp was taken could change again within the clock's
 * resolution without its times moving, so such stamps are never trusted.
 */

/** Stamps taken less than this before the cache was written may hide a later change of the same size. */
export const RACY_WINDOW_MS = 2_000;
/** Files stat'ed at once: enough to keep the disk's queue full, few enough for the thread pool. */
const STAT_BATCH = 64;

const stampSchema = z.object({ size: z.number().int().min(0), mtimeMs: z.number(), ctimeMs: z.number(), hash: z.string().regex(/^[0-9a-f]{64}$/u) });
type FileStamp = z.infer<typeof stampSchema>;
const cacheSchema = z.object({ version: z.literal(1), writtenAtMs: z.number().min(0), files: z.record(z.string(), stampSchema) });
type HashCache = z.infer<typeof cacheSchema>;

export interface HashedFolder {
  /** File name → SHA-256 of its bytes, for every article file that could be read. */
  hashes: Record<string, string>;
  errors: ArticleLoadProblem[];
  /** Files read and hashed (the others were known by their stamp). */
  read: number;
}

/** Where the hash cache of a stored index lives: beside it. */
export function hashCacheFileOf(indexFile: string): string {
  return indexFile.replace(/\.json$/u, "") + ".file-hashes.json";
}

async function readCache(file: string): Promise<HashCache | null> {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    // Missing or damaged: every file is hashed, as without a cache.
    return null;
  }
}

/**
 * Hashes the article files of `dir` (in file-name order), reusing the hashes
 * in `cacheFile` for files whose stamp is unchanged, and writes the cache
 * again when anything in it changed. Throws only when `dir` cannot be read;
 * an unreadable file is reported in `errors`, and a cache that cannot be
 * written only costs the next start its shortcut.
 */
export async function hashArticleFiles(
  dir: string,
  cacheFile: string | null,
  { operations = diskFileOperations, now = Date.now }: { operations?: FileWriteOperations; now?: () => number } = {},
): Promise<HashedFolder> {
  const names = await listArticleFiles(dir);
  const cache = cacheFile ? await readCache(cacheFile) : null;
  const trustedBefore = cache ? cache.writtenAtMs - RACY_WINDOW_MS : -Infinity;
  const stampedAt = now();
  const stamps: Record<string, FileStamp> = {};
  const result: HashedFolder = { hashes: {}, errors: [], read: 0 };
  const outcomes: Array<{ name: string; stamp: FileStamp | null; problem: ArticleLoadProblem | null }> = [];
  for (let start = 0; start < names.length; start += STAT_BATCH) {
    const batch = names.slice(start, start + STAT_BATCH);
    outcomes.push(
      ...(await Promise.all(
        batch.map(async (name) => {
          try {
            const info = await stat(path.join(dir, name));
            if (!info.isFile()) return { name, stamp: null, problem: null };
            const known = cache?.files[name];
            const same = known && known.size === info.size && known.mtimeMs === info.mtimeMs && known.ctimeMs === info.ctimeMs;
            if (known && same && Math.max(info.mtimeMs, info.ctimeMs) < trustedBefore) {
              return { name, stamp: known, problem: null };
            }
            const bytes = await readFile(path.join(dir, name));
            result.read += 1;
            return { name, stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, hash: sha256Hex(bytes) }, problem: null };
          } catch (error) {
            return { name, stamp: null, problem: { file: name, problem: { kind: "read-failed", detail: systemDetail(error) } } satisfies ArticleLoadProblem };
          }
        }),
      )),
    );
  }
  for (const { name, stamp, problem } of outcomes) {
    if (problem) result.errors.push(problem);
    if (!stamp) continue;
    result.hashes[name] = stamp.hash;
    stamps[name] = stamp;
  }
  const unchanged = cache !== null && result.read === 0 && Object.keys(cache.files).length === Object.keys(stamps).length;
  if (cacheFile && !unchanged) {
    const next: HashCache = { version: 1, writtenAtMs: stampedAt, files: stamps };
    // The state folder does not exist yet at a first start.
    await mkdir(path.dirname(cacheFile), { recursive: true })
      .then(() => writeFileAtomic(cacheFile, JSON.stringify(next), operations))
      .catch(() => undefined);
  }
  return result;
}
