import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "../content/atomic-write.js";
import { articleIdFromFileName, sha256Hex } from "../content/load.js";
import { readWholeFile } from "../content/read-whole.js";
import type { Article } from "../content/types.js";
import { fromStoredArticle, storedArticleSchema, toStoredArticle } from "./stored-article.js";

/**
 * The persisted index: the parsed articles with the content hashes they came
 * from and the embedding model they were indexed for. Vectors live in the
 * embedding cache (keyed by model and text), and the lexical index in its own
 * file (lexical-store.ts).
 *
 * On disk it is a small manifest (`index.json`: the files, the order of the
 * articles and which pack holds each) and packs beside it
 * (`index.pack-<id>.json`) holding the articles. A change writes one new pack
 * with only the articles that changed, then the manifest, so adding an
 * article costs that article, not the collection. Both writes are atomic and
 * the manifest is written last: a crash leaves the old manifest, whose packs
 * are all still there. Packs hold stale versions until they are folded into
 * a new one (see `planPacks`).
 */

/**
 * Bump when the file format or what the article reader produces changes
 * (cleaning rules, sentence splitting): older stored indexes are then rebuilt
 * instead of serving articles parsed by the old rules.
 */
export const INDEX_FORMAT_VERSION = 4;

/** More packs than this and the small ones are folded into the next one written. */
const MAX_PACKS = 8;
/** A pack whose live articles fall below this share of its entries is folded into the next one written. */
const MIN_LIVE_SHARE = 0.5;
/** Packs no manifest names are removed once they are this old (younger ones may belong to a write in progress elsewhere). */
const ORPHAN_AGE_MS = 60_000;

const PACK_NAME = /^[\w.-]+\.pack-[0-9a-f]{16}\.json$/u;
const SHA256_HEX = /^[0-9a-f]{64}$/u;

const manifestSchema = z.object({
  version: z.literal(INDEX_FORMAT_VERSION),
  builtAt: z.string().datetime(),
  modelId: z.string().nullable(),
  /** File name → sha256 of its bytes, for every article file the index was built from. */
  files: z.record(z.string(), z.string()),
  /**
   * Pack files (beside the manifest) with how many articles each holds,
   * current or stale, and the sha256 of the bytes written (absent in older
   * manifests): a pack that still has them is read without checking each of
   * its articles with zod (see readPack).
   */
  packs: z.array(z.object({ name: z.string().regex(PACK_NAME), entries: z.number().int().nonnegative(), sha256: z.string().regex(SHA256_HEX).optional() })),
  /** The articles in order: the file each came from and the pack (index into `packs`) holding it. */
  articles: z.array(z.object({ file: z.string(), pack: z.number().int().nonnegative() })),
});
type Manifest = z.infer<typeof manifestSchema>;

const packSchema = z.object({
  version: z.literal(INDEX_FORMAT_VERSION),
  articles: z.array(z.object({ file: z.string(), article: storedArticleSchema })),
});
type Pack = z.infer<typeof packSchema>;

/**
 * A pack whose bytes have the digest its manifest (itself checked) recorded
 * when writing them is exactly what writeStoredIndex made from checked,
 * typed articles: only its outline is checked here, and each article's
 * sentence offsets when it is rebuilt (fromStoredArticle). Checking every
 * field of every article with zod took a quarter of a start at 50,000
 * paragraphs (0.23 s, against 0.09 s for the digest).
 */
const trustedPackSchema = z.object({
  version: z.literal(INDEX_FORMAT_VERSION),
  articles: z.array(z.custom<Pack["articles"][number]>((entry) => typeof entry === "object" && entry !== null && "file" in entry && "article" in entry)),
});

async function readPack(file: string, sha256: string | undefined): Promise<Pack> {
  const bytes = await readWholeFile(file);
  const json: unknown = JSON.parse(bytes.toString("utf8"));
  const trusted = sha256 !== undefined && sha256Hex(bytes) === sha256;
  const parsed = (trusted ? trustedPackSchema : packSchema).safeParse(json);
  if (!parsed.success)
    throw new StoredIndexError(`pack ${path.basename(file)} does not match the expected format: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

export interface StoredIndex {
  version: typeof INDEX_FORMAT_VERSION;
  builtAt: string;
  modelId: string | null;
  files: Record<string, string>;
  articles: Article[];
}

class StoredIndexError extends Error {
  override readonly name = "StoredIndexError";
}

/**
 * JSON with every character past ASCII written as a \u escape. Read back,
 * an ASCII file decodes in half the time of one with umlauts (which makes
 * the whole text a two-byte string): at 50,000 paragraphs, 0.1 s of a start,
 * for 5 % more bytes.
 */
export function asciiJson(value: unknown): string {
  // JSON.stringify leaves no control character unescaped; DEL and all past ASCII are escaped here, a character
  // past the basic plane as its two UTF-16 units.
  return JSON.stringify(value).replace(/[^ -~]/gu, (character) =>
    Array.from({ length: character.length }, (_, unit) => `\\u${character.charCodeAt(unit).toString(16).padStart(4, "0")}`).join(""),
  );
}

/** Reads a JSON file as bytes, then decodes them (reading it as text decodes it in small pieces, several times slower). */
async function readJson(file: string): Promise<unknown> {
  const bytes = await readWholeFile(file);
  return JSON.parse(bytes.toString("utf8"));
}

/**
 * The manifest this process last read or wrote, with the identity of the
 * file then (inode, size, modification time): a change reads it back and
 * checks it again only when another process has replaced it since (a write
 * renames a new file into place, so the inode changes). At 50,000 paragraphs
 * reading and checking it took 11 ms of adding one article.
 */
let knownManifest: { file: string; identity: string; manifest: Manifest } | null = null;

async function fileIdentity(file: string): Promise<string> {
  const info = await stat(file, { bigint: true });
  return `${info.ino}:${info.size}:${info.mtimeNs}`;
}

async function readManifest(file: string): Promise<Manifest> {
  const identity = await fileIdentity(file);
  if (knownManifest?.file === file && knownManifest.identity === identity) return knownManifest.manifest;
  const manifest = await readManifestFile(file);
  knownManifest = { file, identity, manifest };
  return manifest;
}

async function readManifestFile(file: string): Promise<Manifest> {
  const parsed = manifestSchema.safeParse(await readJson(file));
  if (!parsed.success) throw new StoredIndexError(`does not match the expected format: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const manifest = parsed.data;
  for (const entry of manifest.articles) {
    if (entry.pack >= manifest.packs.length) throw new StoredIndexError(`names pack ${entry.pack}, which it does not list`);
    if (manifest.files[entry.file] === undefined) throw new StoredIndexError(`lists ${entry.file}, which is not among its files`);
  }
  return manifest;
}

/** The articles the manifest names, in its order, from its packs. */
async function readPackedArticles(folder: string, manifest: Manifest): Promise<Article[]> {
  const wanted = manifest.packs.map(() => new Set<string>());
  for (const entry of manifest.articles) wanted[entry.pack]?.add(entry.file);
  const packs = await Promise.all(
    manifest.packs.map(async (pack, position) => {
      const read = await readPack(path.join(folder, pack.name), pack.sha256);
      const articles = new Map<string, Article>();
      for (const { file, article } of read.articles) {
        // A pack may also hold older versions of a file: the one with the manifest's hash is current.
        if (wanted[position]?.has(file) && article.contentHash === manifest.files[file]) articles.set(file, fromStoredArticle(article));
      }
      return articles;
    }),
  );
  return manifest.articles.map((entry) => {
    const article = packs[entry.pack]?.get(entry.file);
    if (!article) throw new StoredIndexError(`pack ${manifest.packs[entry.pack]?.name ?? entry.pack} lacks ${entry.file}`);
    return article;
  });
}

/** Reads the stored index; a missing one is null, a corrupt or outdated one is null with a warning. */
export async function readStoredIndex(file: string, logger: Logger): Promise<StoredIndex | null> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    logger.warn({ event: "index_corrupt", file, issue: describe(error) }, "stored index unreadable, truncated or of another format; rebuilding");
    return null;
  }
  try {
    const articles = await readPackedArticles(path.dirname(file), manifest);
    return { version: INDEX_FORMAT_VERSION, builtAt: manifest.builtAt, modelId: manifest.modelId, files: manifest.files, articles };
  } catch (error) {
    logger.warn({ event: "index_corrupt", file, issue: describe(error) }, "stored index has a missing or damaged pack; rebuilding");
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const storedFilesSchema = z.looseObject({ version: z.literal(INDEX_FORMAT_VERSION), files: z.record(z.string(), z.string()) });

/** Only the files a stored index was built from (what another process now serves), or null; the articles are not read. */
export async function readStoredIndexFiles(file: string): Promise<Record<string, string> | null> {
  try {
    const parsed = storedFilesSchema.safeParse(await readJson(file));
    return parsed.success ? parsed.data.files : null;
  } catch {
    return null;
  }
}

export interface IndexToStore {
  builtAt: Date;
  modelId: string | null;
  files: Record<string, string>;
  articles: Article[];
}

interface PackPlan {
  /** Packs of the old manifest that stay, by their old position. */
  kept: number[];
  /** Article positions (in `index.articles`) that go into the new pack. */
  fresh: number[];
}

/**
 * Which articles the new pack holds: those that changed since `previous`,
 * plus the live articles of packs that are mostly stale or too many. Every
 * other article stays where it is.
 */
function planPacks(previous: Manifest | null, index: IndexToStore, fileOf: readonly string[]): PackPlan {
  const all = index.articles.map((_article, position) => position);
  if (!previous || previous.modelId !== index.modelId) return { kept: [], fresh: all };
  const packOf = new Map(previous.articles.map((entry) => [entry.file, entry.pack]));
  const stays = (position: number): number | undefined => {
    const file = fileOf[position] ?? "";
    const pack = packOf.get(file);
    return pack !== undefined && previous.files[file] === index.files[file] && index.articles[position]?.contentHash === index.files[file] ? pack : undefined;
  };
  const live = previous.packs.map(() => 0);
  for (const position of all) {
    const pack = stays(position);
    if (pack !== undefined) live[pack] = (live[pack] ?? 0) + 1;
  }
  let kept = previous.packs
    .map((pack, position) => ({ position, live: live[position] ?? 0, entries: pack.entries }))
    .filter((pack) => pack.live > 0 && pack.live >= MIN_LIVE_SHARE * pack.entries);
  if (kept.length >= MAX_PACKS) {
    // Keep the largest packs; the small ones are folded into the new one, so writes stay small on average.
    kept = [...kept].sort((left, right) => right.live - left.live).slice(0, MAX_PACKS / 2);
  }
  const keptPositions = new Set(kept.map((pack) => pack.position));
  return {
    kept: [...keptPositions].sort((left, right) => left - right),
    fresh: all.filter((position) => {
      const pack = stays(position);
      return pack === undefined || !keptPositions.has(pack);
    }),
  };
}

/**
 * Writes the index: a pack with what changed since the stored one (all of it
 * when there is none, or it was built for another model), then the manifest.
 * Packs no manifest needs any more are removed afterwards.
 */
export async function writeStoredIndex(file: string, index: IndexToStore, operations: FileWriteOperations = diskFileOperations): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  const previous = await readManifest(file).catch(() => null);
  const fileById = new Map(Object.keys(index.files).map((name) => [articleIdFromFileName(name), name]));
  const fileOf = index.articles.map((article) => fileById.get(article.id) ?? article.id);
  const plan = planPacks(previous, index, fileOf);
  const packs: Manifest["packs"] = plan.kept.map((position) => previous?.packs[position] ?? { name: "", entries: 0 });
  const newPack = new Map<number, number>();
  if (plan.fresh.length > 0) {
    const name = `${path.basename(file).replace(/\.json$/u, "")}.pack-${randomBytes(8).toString("hex")}.json`;
    // Written article by article: the whole collection as one JSON text would be held twice over (70 MB more at 50,000 paragraphs).
    const pieces = [Buffer.from(`{"version":${JSON.stringify(INDEX_FORMAT_VERSION)},"articles":[`, "latin1")];
    plan.fresh.forEach((position, order) => {
      const entry = { file: fileOf[position] ?? "", article: toStoredArticle(index.articles[position] as Article) };
      pieces.push(Buffer.from(`${order > 0 ? "," : ""}${asciiJson(entry)}`, "latin1"));
    });
    pieces.push(Buffer.from("]}", "latin1"));
    const digest = createHash("sha256");
    for (const piece of pieces) digest.update(piece);
    await writeFileAtomic(path.join(folder, name), pieces, operations);
    packs.push({ name, entries: plan.fresh.length, sha256: digest.digest("hex") });
    for (const position of plan.fresh) newPack.set(position, packs.length - 1);
  }
  const keptAt = new Map(plan.kept.map((oldPosition, newPosition) => [oldPosition, newPosition]));
  const oldPackOf = new Map(previous?.articles.map((entry) => [entry.file, entry.pack]) ?? []);
  const manifest: Manifest = {
    version: INDEX_FORMAT_VERSION,
    builtAt: index.builtAt.toISOString(),
    modelId: index.modelId,
    files: index.files,
    packs,
    articles: index.articles.map((_article, position) => {
      const file = fileOf[position] ?? "";
      const pack = newPack.get(position) ?? keptAt.get(oldPackOf.get(file) ?? -1);
      if (pack === undefined) throw new Error(`no pack planned for ${file}`);
      return { file, pack };
    }),
  };
  try {
    await writeFileAtomic(file, JSON.stringify(manifest), operations);
  } catch (error) {
    // The old manifest stays in force: the pack just written would only be an orphan.
    const written = packs[newPack.size > 0 ? packs.length - 1 : -1];
    if (written) await operations.removeFile(path.join(folder, written.name)).catch(() => undefined);
    throw error;
  }
  const identity = await fileIdentity(file).catch(() => null);
  knownManifest = identity === null ? null : { file, identity, manifest };
  await removeOrphanPacks(file, [manifest, previous]).catch(() => undefined);
}

/** Removes packs named by none of `manifests` (the current one and the one it replaced, which a reader may still be opening). */
async function removeOrphanPacks(file: string, manifests: ReadonlyArray<Manifest | null>): Promise<void> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file).replace(/\.json$/u, "")}.pack-`;
  const named = new Set(manifests.flatMap((manifest) => manifest?.packs.map((pack) => pack.name) ?? []));
  for (const name of await readdir(folder)) {
    if (!name.startsWith(prefix) || !PACK_NAME.test(name) || named.has(name)) continue;
    const packFile = path.join(folder, name);
    const { mtimeMs } = await stat(packFile);
    if (Date.now() - mtimeMs >= ORPHAN_AGE_MS) await diskFileOperations.removeFile(packFile);
  }
}

/** True when the stored index was built from exactly these files for this model. */
export function storedIndexMatches(stored: StoredIndex, files: Record<string, string>, modelId: string | null): boolean {
  if (stored.modelId !== modelId) return false;
  const storedNames = Object.keys(stored.files).sort();
  const currentNames = Object.keys(files).sort();
  if (storedNames.length !== currentNames.length) return false;
  return storedNames.every((name, position) => name === currentNames[position] && stored.files[name] === files[name]);
}
