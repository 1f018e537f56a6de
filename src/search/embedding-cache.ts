/**
 * Disk cache of passage vectors, so a restart re-embeds only paragraphs that changed.
 *
 * One JSON object per line: `{"model","hash","dim","vector"}` where `hash` is the sha256 of the exact
 * passage text (before the model's passage prefix) and `vector` is base64 of little-endian float32s
 * (a third of the size of a JSON number array, and exact). New vectors are appended; when a key appears
 * twice the later line wins. `compact()` rewrites the file without superseded or unwanted lines.
 *
 * The cache is an optimisation: unreadable lines are skipped with a warning and failed writes are
 * logged, never thrown, so a damaged cache costs time, not availability.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { appendFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import type { Embedder } from "./embeddings.js";

const cacheLineSchema = z.object({
  model: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  dim: z.number().int().positive(),
  vector: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

interface CacheEntry {
  model: string;
  hash: string;
  vector: Float32Array;
}

/** How many corrupt line numbers a warning lists; the count covers the rest. */
const REPORTED_LINE_NUMBERS = 5;

export function passageHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function encodeVector(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString("base64");
}

/** Returns null when the bytes do not hold exactly `dimension` finite floats. */
export function decodeVector(base64: string, dimension: number): Float32Array | null {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== dimension * 4) return null;
  const vector = new Float32Array(dimension);
  for (let index = 0; index < dimension; index += 1) {
    const value = bytes.readFloatLE(index * 4);
    if (!Number.isFinite(value)) return null;
    vector[index] = value;
  }
  return vector;
}

function entryKey(model: string, hash: string): string {
  return `${model}\u0000${hash}`;
}

function serialize(entry: CacheEntry): string {
  return JSON.stringify({ model: entry.model, hash: entry.hash, dim: entry.vector.length, vector: encodeVector(entry.vector) });
}

function parseLine(line: string): CacheEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = cacheLineSchema.safeParse(json);
  if (!parsed.success) return null;
  const vector = decodeVector(parsed.data.vector, parsed.data.dim);
  return vector ? { model: parsed.data.model, hash: parsed.data.hash, vector } : null;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EmbeddingCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Non-empty lines in the file, including superseded and corrupt ones. */
  private fileLineCount = 0;
  /** A crash mid-append can leave a last line without "\n"; the next append must not extend it. */
  private endsWithoutNewline = false;
  /** Appends and rewrites run one at a time so lines never interleave. */
  private writeTurn: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  /** Reads the file if it exists; a missing file is an empty cache. Never rejects. */
  static async open(file: string, logger: Logger): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(path.resolve(file), logger);
    await cache.load();
    return cache;
  }

  /** Number of distinct cached vectors. */
  get size(): number {
    return this.entries.size;
  }

  /** Lines `compact()` would drop: superseded or unreadable. */
  get staleLineCount(): number {
    return this.fileLineCount - this.entries.size;
  }

  /** The cached vector for this exact text, or undefined; a vector of another dimension counts as missing. */
  get(modelId: string, text: string, dimension?: number): Float32Array | undefined {
    const vector = this.entries.get(entryKey(modelId, passageHash(text)))?.vector;
    if (vector === undefined || (dimension !== undefined && vector.length !== dimension)) return undefined;
    return vector;
  }

  /** Remembers the vectors and appends them to the file (creating its directory). Logs, never rejects, on write errors. */
  async putMany(modelId: string, items: ReadonlyArray<{ text: string; vector: Float32Array }>): Promise<void> {
    const added: CacheEntry[] = [];
    for (const { text, vector } of items) {
      if (vector.length === 0 || !vector.every(Number.isFinite)) continue;
      const entry = { model: modelId, hash: passageHash(text), vector };
      this.entries.set(entryKey(entry.model, entry.hash), entry);
      added.push(entry);
    }
    if (added.length === 0) return;
    await this.nextWrite(async () => {
      const lines = added.map(serialize).join("\n") + "\n";
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        await appendFile(this.file, (this.endsWithoutNewline ? "\n" : "") + lines, "utf8");
        this.endsWithoutNewline = false;
        this.fileLineCount += added.length;
      } catch (error) {
        this.logger.warn({ event: "embedding_cache_write_failed", file: this.file, reason: errorMessage(error) }, "could not append to the embedding cache");
      }
    });
  }

  /**
   * Rewrites the file atomically (temp file + rename) with one line per live entry. With `keep`,
   * only that model's vectors for those texts survive (e.g. the passages of the current articles).
   * Returns how many lines were dropped; on a write error logs, keeps the old file and returns 0.
   */
  async compact(keep?: { modelId: string; texts: Iterable<string> }): Promise<number> {
    return this.nextWrite(async () => {
      const wantedHashes = keep ? new Set(Array.from(keep.texts, passageHash)) : null;
      const kept = [...this.entries.entries()].filter(([, entry]) => wantedHashes === null || (entry.model === keep?.modelId && wantedHashes.has(entry.hash)));
      const temporaryFile = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        await writeFile(temporaryFile, kept.map(([, entry]) => serialize(entry) + "\n").join(""), "utf8");
        await rename(temporaryFile, this.file);
      } catch (error) {
        await rm(temporaryFile, { force: true }).catch(() => undefined);
        this.logger.warn({ event: "embedding_cache_compact_failed", file: this.file, reason: errorMessage(error) }, "could not rewrite the embedding cache");
        return 0;
      }
      const dropped = this.fileLineCount - kept.length;
      this.entries.clear();
      for (const [key, entry] of kept) this.entries.set(key, entry);
      this.fileLineCount = kept.length;
      this.endsWithoutNewline = false;
      return dropped;
    });
  }

  private nextWrite<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writeTurn.then(task);
    this.writeTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Streams the file line by line so a large cache is never held as one string. */
  private async load(): Promise<void> {
    const corruptLines: number[] = [];
    let lineNumber = 0;
    let lastCharacter = "";
    const readLine = (line: string): void => {
      lineNumber += 1;
      if (line.trim() === "") return;
      this.fileLineCount += 1;
      const entry = parseLine(line);
      if (entry === null) corruptLines.push(lineNumber);
      else this.entries.set(entryKey(entry.model, entry.hash), entry);
    };
    try {
      let pending = "";
      for await (const chunk of createReadStream(this.file, { encoding: "utf8" })) {
        if (typeof chunk !== "string" || chunk.length === 0) continue;
        lastCharacter = chunk.charAt(chunk.length - 1);
        const parts = (pending + chunk).split("\n");
        pending = parts.pop() ?? "";
        for (const part of parts) readLine(part);
      }
      if (pending !== "") readLine(pending);
    } catch (error) {
      if (isMissingFile(error)) return;
      this.logger.warn(
        { event: "embedding_cache_unreadable", file: this.file, reason: errorMessage(error) },
        "could not read the embedding cache; starting empty",
      );
      this.entries.clear();
      this.fileLineCount = 0;
      return;
    }
    this.endsWithoutNewline = lastCharacter !== "" && lastCharacter !== "\n";
    if (corruptLines.length > 0) {
      this.logger.warn(
        { event: "embedding_cache_corrupt_lines", file: this.file, count: corruptLines.length, lines: corruptLines.slice(0, REPORTED_LINE_NUMBERS) },
        "skipped unreadable lines in the embedding cache",
      );
    }
  }
}

/**
 * Passage vectors for `texts` (same order), embedding only those not cached for this model and
 * dimension, each distinct text once; new vectors are appended to the cache.
 */
export async function embedPassagesCached(embedder: Embedder, cache: EmbeddingCache, texts: readonly string[]): Promise<Float32Array[]> {
  const vectors = texts.map((text) => cache.get(embedder.modelId, text, embedder.dimension));
  const missingTexts = [...new Set(texts.filter((_, index) => vectors[index] === undefined))];
  if (missingTexts.length > 0) {
    const embedded = await embedder.embedPassages(missingTexts);
    if (embedded.length !== missingTexts.length) {
      throw new Error(`the embedder returned ${embedded.length} vectors for ${missingTexts.length} passages`);
    }
    const vectorByText = new Map(missingTexts.map((text, index) => [text, embedded[index]]));
    await cache.putMany(
      embedder.modelId,
      missingTexts.flatMap((text) => {
        const vector = vectorByText.get(text);
        return vector ? [{ text, vector }] : [];
      }),
    );
    texts.forEach((text, index) => {
      vectors[index] ??= vectorByText.get(text);
    });
  }
  return vectors.map((vector, index) => {
    if (vector === undefined) throw new Error(`no vector for passage ${index}`);
    return vector;
  });
}
