/**
 * Disk cache of passage vectors, so a restart re-embeds only paragraphs that changed.
 *
 * One JSON object per line: `{"model","hash","dim","vector"}` where `hash` is the sha256 of the exact
 * passage text (before the model's passage prefix) and `vector` is base64 of little-endian float32s
 * (a third of the size of a JSON number array, and exact). New vectors are appended; when a key appears
 * twice the later line wins. `compact()` rewrites the file without superseded or unwanted lines.
 *
 * In memory it keeps only where each line lies (see EmbeddingCache), so it stays small at any size.
 *
 * The cache is an optimisation: unreadable lines are skipped with a warning and failed writes are
 * logged, never thrown, so a damaged cache costs time, not availability.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { appendFile, mkdir, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { endianness } from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import type { Embedder } from "./embeddings.js";

const cacheLineSchema = z.object({
  model: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  dim: z.number().int().positive(),
  // Base64; a damaged one decodes to another length or to non-finite floats, which decodeVector refuses.
  vector: z.string(),
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

const LITTLE_ENDIAN = endianness() === "LE";

/** Returns null when the bytes do not hold exactly `dimension` finite floats. */
export function decodeVector(base64: string, dimension: number): Float32Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(base64)) return null;
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== dimension * 4) return null;
  const vector = new Float32Array(dimension);
  // The file holds little-endian floats: on such a machine they are copied as they are.
  if (LITTLE_ENDIAN) new Uint8Array(vector.buffer).set(bytes);
  else for (let index = 0; index < dimension; index += 1) vector[index] = bytes.readFloatLE(index * 4);
  for (const value of vector) if (!Number.isFinite(value)) return null;
  return vector;
}

function entryKey(model: string, hash: string): string {
  return `${model}\u0000${hash}`;
}

function serialize(entry: CacheEntry): string {
  return JSON.stringify({ model: entry.model, hash: entry.hash, dim: entry.vector.length, vector: encodeVector(entry.vector) });
}

/** A line's fields, or null when it is no JSON object of the line's form. */
function parseFields(line: string): z.infer<typeof cacheLineSchema> | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = cacheLineSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function parseLine(line: string): CacheEntry | null {
  const fields = parseFields(line);
  const vector = fields ? decodeVector(fields.vector, fields.dim) : null;
  return fields && vector ? { model: fields.model, hash: fields.hash, vector } : null;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a vector's line lies in the file: read when the vector is asked for, so the vectors are not all held in memory. */
interface LineRef {
  offset: number;
  length: number;
}

/** A line's key, read without decoding its vector: the vector is checked when it is read. */
function parseLineKey(line: string): { model: string; hash: string } | null {
  const fields = parseFields(line);
  // The base64 of exactly `dim` floats, padding included.
  if (!fields || fields.vector.length !== Math.ceil((fields.dim * 4) / 3) * 4) return null;
  return { model: fields.model, hash: fields.hash };
}

const NEWLINE = 0x0a;
/** Wanted lines at most this far apart are read together… */
const MAX_READ_GAP = 64 * 1024;
/** …in requests of at most this many bytes (a single line may be longer). */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/**
 * The vectors on disk, and in memory only where each line lies (about 100
 * bytes a vector instead of 1.5 KB for 384 dimensions): the retriever keeps
 * the vectors it serves in its own blocks, and a start or a change reads
 * from here only those it lacks.
 */
export class EmbeddingCache {
  private readonly lines = new Map<string, LineRef>();
  /** Vectors whose line could not be written: served from memory for the life of the process. */
  private readonly unwritten = new Map<string, CacheEntry>();
  /** Non-empty lines in the file, including superseded and corrupt ones. */
  private fileLineCount = 0;
  /** A crash mid-append can leave a last line without "\n"; the next append must not extend it. */
  private endsWithoutNewline = false;
  /** Appends, reads and rewrites run one at a time, so a read never meets a line half written or a file being replaced. */
  private turn: Promise<void> = Promise.resolve();

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
    let size = this.lines.size;
    for (const key of this.unwritten.keys()) if (!this.lines.has(key)) size += 1;
    return size;
  }

  /** Lines `compact()` would drop: superseded or unreadable. */
  get staleLineCount(): number {
    return this.fileLineCount - this.lines.size;
  }

  /** The cached vector for this exact text, or undefined; a vector of another dimension counts as missing. */
  async get(modelId: string, text: string, dimension?: number): Promise<Float32Array | undefined> {
    return (await this.getMany(modelId, [text], dimension))[0];
  }

  /**
   * The cached vectors for these texts (same order; undefined where there is
   * none of this model and dimension), read from the file in one pass. A line
   * that no longer reads as the vector it was (another process rewrote the
   * file) counts as missing.
   */
  async getMany(modelId: string, texts: readonly string[], dimension?: number): Promise<Array<Float32Array | undefined>> {
    const keys = texts.map((text) => entryKey(modelId, passageHash(text)));
    const wanted = [...new Set(keys)].flatMap((key) => {
      const ref = this.lines.get(key);
      return ref ? [{ key, ref }] : [];
    });
    const found = new Map<string, Float32Array>();
    if (wanted.length > 0) {
      await this.inTurn(async () => {
        for (const { key, entry } of await this.readLines(wanted)) found.set(key, entry.vector);
      });
    }
    return keys.map((key) => {
      // A vector whose line could not be written is newer than any line of its key.
      const vector = this.unwritten.get(key)?.vector ?? found.get(key);
      return vector === undefined || (dimension !== undefined && vector.length !== dimension) ? undefined : vector;
    });
  }

  /** Remembers the vectors and appends them to the file (creating its directory). Logs, never rejects, on write errors. */
  async putMany(modelId: string, items: ReadonlyArray<{ text: string; vector: Float32Array }>): Promise<void> {
    const added: CacheEntry[] = [];
    for (const { text, vector } of items) {
      if (vector.length === 0 || !vector.every(Number.isFinite)) continue;
      added.push({ model: modelId, hash: passageHash(text), vector });
    }
    if (added.length === 0) return;
    await this.inTurn(async () => {
      const serialized = added.map(serialize);
      const separator = this.endsWithoutNewline ? "\n" : "";
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        // Where the lines will start; if another process appends meanwhile, reading them back finds other keys and counts them missing.
        let offset = ((await stat(this.file).catch(() => null))?.size ?? 0) + separator.length;
        await appendFile(this.file, separator + serialized.join("\n") + "\n", "utf8");
        this.endsWithoutNewline = false;
        this.fileLineCount += added.length;
        added.forEach((entry, index) => {
          const length = Buffer.byteLength(serialized[index] ?? "");
          const key = entryKey(entry.model, entry.hash);
          this.lines.set(key, { offset, length });
          this.unwritten.delete(key);
          offset += length + 1;
        });
      } catch (error) {
        for (const entry of added) this.unwritten.set(entryKey(entry.model, entry.hash), entry);
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
    const wantedKeys = keep ? new Set(Array.from(keep.texts, (text) => entryKey(keep.modelId, passageHash(text)))) : null;
    return this.inTurn(async () => {
      const kept = [...this.lines].filter(([key]) => wantedKeys === null || wantedKeys.has(key)).map(([key, ref]) => ({ key, ref }));
      const read = await this.readLines(kept);
      const temporaryFile = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      const rewritten = new Map<string, LineRef>();
      let offset = 0;
      const text = read
        .map(({ key, line }) => {
          const length = Buffer.byteLength(line);
          rewritten.set(key, { offset, length });
          offset += length + 1;
          return `${line}\n`;
        })
        .join("");
      try {
        await mkdir(path.dirname(this.file), { recursive: true });
        await writeFile(temporaryFile, text, "utf8");
        await rename(temporaryFile, this.file);
      } catch (error) {
        await rm(temporaryFile, { force: true }).catch(() => undefined);
        this.logger.warn({ event: "embedding_cache_compact_failed", file: this.file, reason: errorMessage(error) }, "could not rewrite the embedding cache");
        return 0;
      }
      const dropped = this.fileLineCount - rewritten.size;
      this.lines.clear();
      for (const [key, ref] of rewritten) this.lines.set(key, ref);
      this.fileLineCount = rewritten.size;
      this.endsWithoutNewline = false;
      return dropped;
    });
  }

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.turn.then(task);
    this.turn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The lines at these places that still hold their key's vector, read in file order; the others are left out. */
  private async readLines(wanted: ReadonlyArray<{ key: string; ref: LineRef }>): Promise<Array<{ key: string; line: string; entry: CacheEntry }>> {
    const result: Array<{ key: string; line: string; entry: CacheEntry }> = [];
    if (wanted.length === 0) return result;
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.file, "r");
      const sorted = [...wanted].sort((left, right) => left.ref.offset - right.ref.offset);
      // Lines close together are read in one request: a start reads every line, and one request per line took seconds.
      for (let first = 0; first < sorted.length;) {
        const start = sorted[first]?.ref.offset ?? 0;
        let last = first;
        let end = start + (sorted[first]?.ref.length ?? 0);
        for (
          let next = sorted[last + 1];
          next && next.ref.offset - end <= MAX_READ_GAP && next.ref.offset + next.ref.length - start <= MAX_READ_BYTES;
          next = sorted[last + 1]
        ) {
          last += 1;
          end = Math.max(end, next.ref.offset + next.ref.length);
        }
        const bytes = Buffer.allocUnsafe(end - start);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
        for (let position = first; position <= last; position += 1) {
          const item = sorted[position];
          if (!item || item.ref.offset + item.ref.length - start > bytesRead) continue;
          const line = bytes.toString("utf8", item.ref.offset - start, item.ref.offset - start + item.ref.length);
          const entry = parseLine(line);
          if (entry && entryKey(entry.model, entry.hash) === item.key) result.push({ key: item.key, line, entry });
        }
        first = last + 1;
      }
    } catch (error) {
      this.logger.warn(
        { event: "embedding_cache_unreadable", file: this.file, reason: errorMessage(error) },
        "could not read vectors from the embedding cache",
      );
    } finally {
      await handle?.close().catch(() => undefined);
    }
    return result;
  }

  /** Streams the file, noting where each line lies, so a large cache is never held whole. */
  private async load(): Promise<void> {
    const corruptLines: number[] = [];
    let lineNumber = 0;
    let lastByte = -1;
    const readLine = (bytes: Buffer, offset: number): void => {
      lineNumber += 1;
      const line = bytes.toString("utf8");
      if (line.trim() === "") return;
      this.fileLineCount += 1;
      const key = parseLineKey(line);
      if (key === null) corruptLines.push(lineNumber);
      else this.lines.set(entryKey(key.model, key.hash), { offset, length: bytes.length });
    };
    try {
      let pending: Buffer = Buffer.alloc(0);
      let pendingOffset = 0;
      for await (const chunk of createReadStream(this.file)) {
        if (!Buffer.isBuffer(chunk) || chunk.length === 0) continue;
        lastByte = chunk[chunk.length - 1] ?? -1;
        let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
        let start = 0;
        for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
          readLine(data.subarray(start, end), pendingOffset + start);
          start = end + 1;
        }
        pendingOffset += start;
        data = data.subarray(start);
        // A copy: the stream may reuse its chunk's memory.
        pending = Buffer.from(data);
      }
      if (pending.length > 0) readLine(pending, pendingOffset);
    } catch (error) {
      if (isMissingFile(error)) return;
      this.logger.warn(
        { event: "embedding_cache_unreadable", file: this.file, reason: errorMessage(error) },
        "could not read the embedding cache; starting empty",
      );
      this.lines.clear();
      this.fileLineCount = 0;
      return;
    }
    this.endsWithoutNewline = lastByte !== -1 && lastByte !== NEWLINE;
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
  const vectors = await cache.getMany(embedder.modelId, texts, embedder.dimension);
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
