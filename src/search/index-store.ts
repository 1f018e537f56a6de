import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "../content/atomic-write.js";
import { articleSchema } from "../content/schema.js";
import type { Article } from "../content/types.js";

/**
 * The persisted index: the parsed articles with the content hashes they came
 * from and the embedding model they were indexed for. Vectors live in the
 * embedding cache (keyed by model and text), so this file stays small and a
 * model change only re-embeds, never re-parses.
 */

/**
 * Bump when the file format or what the article reader produces changes
 * (cleaning rules, sentence splitting): older stored indexes are then rebuilt
 * instead of serving articles parsed by the old rules.
 */
export const INDEX_FORMAT_VERSION = 3;

const storedIndexSchema = z.object({
  version: z.literal(INDEX_FORMAT_VERSION),
  builtAt: z.string().datetime(),
  modelId: z.string().nullable(),
  /** File name → sha256 of its bytes, for every article file the index was built from. */
  files: z.record(z.string(), z.string()),
  articles: z.array(articleSchema),
});

export type StoredIndex = z.infer<typeof storedIndexSchema>;

/** Reads the stored index; a missing file is null, a corrupt or outdated one is null with a warning. */
export async function readStoredIndex(file: string, logger: Logger): Promise<StoredIndex | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      logger.warn({ event: "index_unreadable", file, reason: String(error) }, "stored index unreadable; rebuilding");
    }
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn({ event: "index_corrupt", file, bytes: text.length }, "stored index is not valid JSON (truncated?); rebuilding");
    return null;
  }
  const parsed = storedIndexSchema.safeParse(json);
  if (!parsed.success) {
    logger.warn({ event: "index_corrupt", file, issue: parsed.error.issues[0]?.message }, "stored index does not match the expected format; rebuilding");
    return null;
  }
  return parsed.data;
}

const storedFilesSchema = z.looseObject({ version: z.literal(INDEX_FORMAT_VERSION), files: z.record(z.string(), z.string()) });

/** Only the files a stored index was built from (what another process now serves), or null; the articles are not validated. */
export async function readStoredIndexFiles(file: string): Promise<Record<string, string> | null> {
  try {
    const parsed = storedFilesSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data.files : null;
  } catch {
    return null;
  }
}

/** Writes the index atomically: a temporary file in the same folder, then a rename over the old one. */
export async function writeStoredIndex(
  file: string,
  index: { builtAt: Date; modelId: string | null; files: Record<string, string>; articles: Article[] },
  operations: FileWriteOperations = diskFileOperations,
): Promise<void> {
  const stored: StoredIndex = {
    version: INDEX_FORMAT_VERSION,
    builtAt: index.builtAt.toISOString(),
    modelId: index.modelId,
    files: index.files,
    articles: index.articles,
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(stored), operations);
}

/** True when the stored index was built from exactly these files for this model. */
export function storedIndexMatches(stored: StoredIndex, files: Record<string, string>, modelId: string | null): boolean {
  if (stored.modelId !== modelId) return false;
  const storedNames = Object.keys(stored.files).sort();
  const currentNames = Object.keys(files).sort();
  if (storedNames.length !== currentNames.length) return false;
  return storedNames.every((name, position) => name === currentNames[position] && stored.files[name] === files[name]);
}
