import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino, type Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddingCache, embedPassagesCached, encodeVector, passageHash } from "../../src/search/embedding-cache.js";
import {
  loadEmbedder,
  resolvePrefixes,
  type Embedder,
  type EmbedderOptions,
  type FeatureExtractor,
  type FeatureExtractorFactory,
  type PooledEmbeddings,
} from "../../src/search/embeddings.js";
import { referenceEmbedding, writeTinyBertModel, type TinyModel } from "../helpers/tiny-onnx-model.js";

interface LogRecord {
  level: number;
  event?: string;
  reason?: string;
  count?: number;
  lines?: number[];
}

const WARN = 40;

/** A pino logger whose records land in an array, so tests can count warnings. */
function capturingLogger(): { logger: Logger; records: LogRecord[]; warnings: () => LogRecord[] } {
  const records: LogRecord[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) });
  return { logger, records, warnings: () => records.filter((record) => record.level === WARN) };
}

function expectVectorClose(actual: Float32Array | undefined, expected: Float32Array): void {
  expect(actual).toBeDefined();
  expect(actual?.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual?.[index]).toBeCloseTo(value, 5));
}

function norm(vector: Float32Array): number {
  return Math.hypot(...vector);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "embeddings-test-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("resolvePrefixes", () => {
  it("uses the e5 role prefixes for e5 models unless told otherwise", () => {
    expect(resolvePrefixes({ modelId: "Xenova/multilingual-e5-small" })).toEqual({ query: "query: ", passage: "passage: " });
    expect(resolvePrefixes({ modelId: "Xenova/all-MiniLM-L6-v2" })).toEqual({ query: "", passage: "" });
    expect(resolvePrefixes({ modelId: "org/E5-large", queryPrefix: "q ", passagePrefix: "" })).toEqual({ query: "q ", passage: "" });
  });
});

describe("loadEmbedder with a tiny ONNX model on disk (real transformers.js, no network)", () => {
  const e5ModelId = "test-org/tiny-e5-bert";
  const plainModelId = "test-org/tiny-bert";
  const fullPrecisionOnlyId = "test-org/tiny-bert-full-only";
  let modelRoot: string;
  let model: TinyModel;

  const localOptions = (modelId: string, extra: Partial<EmbedderOptions> = {}): EmbedderOptions => ({
    modelId,
    localModelDir: modelRoot,
    cacheDir: path.join(workDir, "model-cache"),
    allowRemote: false,
    quantized: true,
    loadTimeoutMs: 20_000,
    ...extra,
  });

  beforeAll(async () => {
    modelRoot = path.join(workDir, "models");
    model = await writeTinyBertModel(modelRoot, e5ModelId);
    await writeTinyBertModel(modelRoot, plainModelId);
    await writeTinyBertModel(modelRoot, fullPrecisionOnlyId, { onnxFiles: ["model.onnx"] });
  });

  it("loads the local model and embeds passages and queries with the e5 prefixes", async () => {
    const { logger, warnings } = capturingLogger();
    const loaded = await loadEmbedder(localOptions(e5ModelId), logger);
    expect(loaded.embedder).not.toBeNull();
    const embedder = loaded.embedder as Embedder;
    expect(embedder.modelId).toBe(e5ModelId);
    expect(embedder.dimension).toBe(model.hiddenSize);
    expect(warnings()).toHaveLength(0);

    // Different lengths in one batch: padding must not change the vectors.
    const texts = ["The mayor votes.", "Rain in the city, zebra", "budget"];
    const passages = await embedder.embedPassages(texts);
    const queries = await embedder.embedQueries(texts);
    texts.forEach((text, index) => {
      expectVectorClose(passages[index], referenceEmbedding(model, `passage: ${text}`));
      expectVectorClose(queries[index], referenceEmbedding(model, `query: ${text}`));
      expect(norm(passages[index] as Float32Array)).toBeCloseTo(1, 5);
    });
    // The prefix words are in the vocabulary, so the two roles must give different vectors.
    expect(Math.abs((queries[0]?.[0] ?? 0) - (passages[0]?.[0] ?? 0))).toBeGreaterThan(1e-3);
    expect(await embedder.embedPassages([])).toEqual([]);
  });

  it("adds no prefix for other models unless one is configured, and batches transparently", async () => {
    const { logger } = capturingLogger();
    const plain = await loadEmbedder(localOptions(plainModelId, { batchSize: 2 }), logger);
    const withPrefix = await loadEmbedder(localOptions(plainModelId, { queryPrefix: "query: " }), logger);
    if (plain.embedder === null || withPrefix.embedder === null) throw new Error("tiny model failed to load");

    const texts = ["the council", "votes", "the mayor, the budget.", "rain", "city rain city"];
    const vectors = await plain.embedder.embedPassages(texts);
    expect(vectors).toHaveLength(texts.length);
    texts.forEach((text, index) => expectVectorClose(vectors[index], referenceEmbedding(model, text)));

    const [query] = await withPrefix.embedder.embedQueries(["the budget"]);
    expectVectorClose(query, referenceEmbedding(model, "query: the budget"));
    const [passage] = await withPrefix.embedder.embedPassages(["the budget"]);
    expectVectorClose(passage, referenceEmbedding(model, "the budget"));
  });

  it("reads onnx/model.onnx when quantized is off, and explains a missing quantized file", async () => {
    const full = await loadEmbedder(localOptions(fullPrecisionOnlyId, { quantized: false }), capturingLogger().logger);
    expect(full.embedder?.dimension).toBe(model.hiddenSize);

    const { logger, warnings } = capturingLogger();
    const quantized = await loadEmbedder(localOptions(fullPrecisionOnlyId), logger);
    expect(quantized.embedder).toBeNull();
    if (quantized.embedder === null) expect(quantized.reason).toMatch(/model_quantized\.onnx.*EMBEDDING_QUANTIZED=false/);
    expect(warnings()).toHaveLength(1);
  });

  it("fails fast with one warning when the model is missing and downloads are off", async () => {
    const { logger, warnings } = capturingLogger();
    const startedAt = Date.now();
    const loaded = await loadEmbedder(localOptions("test-org/not-there"), logger);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(loaded.embedder).toBeNull();
    if (loaded.embedder === null) {
      expect(loaded.reason).toContain("test-org/not-there");
      expect(loaded.reason).toMatch(/not found locally/);
    }
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]?.event).toBe("embedding_model_unavailable");
  });

  it("fails fast without a local model dir when downloads are off (cache dir is the only source)", async () => {
    const { logger, warnings } = capturingLogger();
    const startedAt = Date.now();
    const loaded = await loadEmbedder(
      { modelId: "test-org/not-cached", cacheDir: path.join(workDir, "empty-cache"), allowRemote: false, quantized: true, loadTimeoutMs: 20_000 },
      logger,
    );
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(loaded.embedder).toBeNull();
    if (loaded.embedder === null) expect(loaded.reason).toMatch(/EMBEDDING_ALLOW_REMOTE=false/);
    expect(warnings()).toHaveLength(1);
  });
});

describe("loadEmbedder deadlines and failures (injected extractor factory)", () => {
  const baseOptions: EmbedderOptions = { modelId: "fake/model", allowRemote: false, quantized: true, loadTimeoutMs: 150 };

  /** Every text maps to the same unit vector; enough to exercise shapes and batching. */
  function fakeExtractor(dimension: number, batchSizes: number[] = [], dispose?: () => Promise<void>): FeatureExtractor {
    return {
      async extract(texts: string[]): Promise<PooledEmbeddings> {
        batchSizes.push(texts.length);
        const data = new Float32Array(texts.length * dimension);
        for (let row = 0; row < texts.length; row += 1) data[row * dimension] = 2; // not normalised on purpose
        return { dims: [texts.length, dimension], data };
      },
      ...(dispose ? { dispose } : {}),
    };
  }

  it("gives up after loadTimeoutMs when loading never finishes", async () => {
    const { logger, warnings } = capturingLogger();
    const neverLoads: FeatureExtractorFactory = () => new Promise<FeatureExtractor>(() => undefined);
    const startedAt = Date.now();
    const loaded = await loadEmbedder(baseOptions, logger, neverLoads);
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
    expect(loaded.embedder).toBeNull();
    if (loaded.embedder === null) expect(loaded.reason).toMatch(/did not finish within 150 ms/);
    expect(warnings()).toHaveLength(1);
  });

  it("discards a model that finishes loading after the deadline", async () => {
    let disposed = 0;
    const slow: FeatureExtractorFactory = async () => {
      await sleep(300);
      return fakeExtractor(4, [], async () => {
        disposed += 1;
      });
    };
    const loaded = await loadEmbedder({ ...baseOptions, loadTimeoutMs: 50 }, capturingLogger().logger, slow);
    expect(loaded.embedder).toBeNull();
    await sleep(400);
    expect(disposed).toBe(1);
  });

  it("does not leak an unhandled rejection when the abandoned load fails later", async () => {
    const failsLate: FeatureExtractorFactory = async () => {
      await sleep(200);
      throw new Error("download aborted");
    };
    const { logger, records } = capturingLogger();
    const loaded = await loadEmbedder({ ...baseOptions, loadTimeoutMs: 50 }, logger, failsLate);
    expect(loaded.embedder).toBeNull();
    await sleep(300); // vitest fails the run if the late rejection goes unhandled
    expect(records.some((record) => record.event === "embedding_model_late_failure")).toBe(true);
    expect(records.filter((record) => record.level === WARN)).toHaveLength(1);
  });

  it("turns synchronous throws and malformed model output into a reason", async () => {
    const throwsAtOnce: FeatureExtractorFactory = () => {
      throw new Error("native module missing");
    };
    const sync = await loadEmbedder(baseOptions, capturingLogger().logger, throwsAtOnce);
    expect(sync.embedder === null && sync.reason).toMatch(/native module missing/);

    const wrongShape: FeatureExtractorFactory = async () => ({
      extract: async () => ({ dims: [1, 3, 4], data: new Float32Array(12) }),
    });
    const shape = await loadEmbedder(baseOptions, capturingLogger().logger, wrongShape);
    expect(shape.embedder === null && shape.reason).toMatch(/shape \[1, 3, 4\]/);
  });

  it("embeds in batches of 16 by default and normalises the vectors", async () => {
    const batchSizes: number[] = [];
    const loaded = await loadEmbedder(baseOptions, capturingLogger().logger, async () => fakeExtractor(3, batchSizes));
    if (loaded.embedder === null) throw new Error(loaded.reason);
    batchSizes.length = 0; // forget the load-time probe
    const vectors = await loaded.embedder.embedPassages(Array.from({ length: 40 }, (_, index) => `text ${index}`));
    expect(batchSizes).toEqual([16, 16, 8]);
    expect(vectors).toHaveLength(40);
    expect(Array.from(vectors[39] ?? [])).toEqual([1, 0, 0]);
  });
});

describe("EmbeddingCache", () => {
  let cacheDir: string;
  let fileCounter = 0;
  const nextCacheFile = () => path.join(cacheDir, `nested-${(fileCounter += 1)}`, "embeddings.jsonl");

  beforeAll(async () => {
    cacheDir = path.join(workDir, "vector-cache");
  });

  const vectorOf = (...values: number[]) => Float32Array.from(values);

  it("misses, then hits for the same model and text only", async () => {
    const cache = await EmbeddingCache.open(nextCacheFile(), capturingLogger().logger);
    expect(cache.size).toBe(0);
    expect(await cache.get("m1", "alpha")).toBeUndefined();
    await cache.putMany("m1", [{ text: "alpha", vector: vectorOf(0.6, 0.8) }]);
    expect(Array.from((await cache.get("m1", "alpha")) ?? [])).toEqual(Array.from(vectorOf(0.6, 0.8)));
    expect(await cache.get("m2", "alpha")).toBeUndefined();
    expect(await cache.get("m1", "alpha ")).toBeUndefined();
    expect(await cache.get("m1", "alpha", 3)).toBeUndefined(); // wrong dimension counts as a miss
    expect(cache.size).toBe(1);
  });

  it("persists across reopen, bit for bit, creating the directory", async () => {
    const file = nextCacheFile();
    const first = await EmbeddingCache.open(file, capturingLogger().logger);
    const vector = vectorOf(0.1, -0.2, 0.3, Math.fround(1 / 3));
    await first.putMany("m", [
      { text: "one", vector },
      { text: "two", vector: vectorOf(1, 0, 0, 0) },
    ]);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(2);
    expect(await reopened.get("m", "one")).toEqual(vector);
    const [line] = (await readFile(file, "utf8")).split("\n");
    expect(JSON.parse(line ?? "")).toEqual({ model: "m", hash: passageHash("one"), dim: 4, vector: encodeVector(vector) });
  });

  it("skips corrupt, truncated and inconsistent lines with one warning, and appends after a torn last line", async () => {
    const file = nextCacheFile();
    await mkdir(path.dirname(file), { recursive: true });
    const good = (text: string, vector: Float32Array) =>
      JSON.stringify({ model: "m", hash: passageHash(text), dim: vector.length, vector: encodeVector(vector) });
    const lines = [
      good("kept", vectorOf(1, 0)),
      "this is not json",
      JSON.stringify({ model: "m", hash: passageHash("wrong-dim"), dim: 3, vector: encodeVector(vectorOf(1, 0)) }),
      JSON.stringify({ model: "m", hash: "not-a-hash", dim: 2, vector: encodeVector(vectorOf(1, 0)) }),
      "",
      good("also kept", vectorOf(0, 1)),
      good("torn", vectorOf(0.5, 0.5)).slice(0, 40), // a crash mid-append: no closing brace, no newline
    ];
    await writeFile(file, lines.join("\n"));
    const { logger, warnings } = capturingLogger();
    const cache = await EmbeddingCache.open(file, logger);
    expect(cache.size).toBe(2);
    expect(await cache.get("m", "kept")).toEqual(vectorOf(1, 0));
    expect(await cache.get("m", "wrong-dim")).toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ event: "embedding_cache_corrupt_lines", count: 4, lines: [2, 3, 4, 7] });

    await cache.putMany("m", [{ text: "after tear", vector: vectorOf(0.25, 0.75) }]);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(await reopened.get("m", "after tear")).toEqual(vectorOf(0.25, 0.75));
    expect(reopened.size).toBe(3);
  });

  it("treats an unreadable path as an empty cache and logs failed writes instead of throwing", async () => {
    const directoryInsteadOfFile = path.join(cacheDir, "is-a-directory");
    await mkdir(directoryInsteadOfFile, { recursive: true });
    const { logger, warnings } = capturingLogger();
    const cache = await EmbeddingCache.open(directoryInsteadOfFile, logger);
    expect(cache.size).toBe(0);
    await expect(cache.putMany("m", [{ text: "x", vector: vectorOf(1) }])).resolves.toBeUndefined();
    expect(await cache.get("m", "x")).toEqual(vectorOf(1)); // still served from memory
    expect(warnings().map((record) => record.event)).toEqual(["embedding_cache_unreadable", "embedding_cache_write_failed"]);
  });

  it("reads vectors back from lines across the file's read chunks, and never a vector another line now holds", async () => {
    const file = nextCacheFile();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    // 300 vectors of 384 dimensions: about 600 KB, read at open in several chunks.
    const texts = Array.from({ length: 300 }, (_, index) => `passage ${index}`);
    const vectorFor = (index: number): Float32Array => Float32Array.from({ length: 384 }, (_, position) => Math.fround(Math.sin(index * 384 + position)));
    await cache.putMany(
      "m",
      texts.slice(0, 150).map((text, index) => ({ text, vector: vectorFor(index) })),
    );
    await cache.putMany(
      "m",
      texts.slice(150).map((text, index) => ({ text, vector: vectorFor(150 + index) })),
    );
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(300);
    const vectors = await reopened.getMany("m", [...texts].reverse(), 384);
    vectors.forEach((vector, position) => expect(vector).toEqual(vectorFor(299 - position)));
    // Another process rewrote the file meanwhile (its lines in another order): what no longer lies where it did is missing, not wrong.
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    await writeFile(file, `${[...lines].reverse().join("\n")}\n`);
    const afterRewrite = await reopened.getMany("m", texts, 384);
    expect(afterRewrite.filter((vector) => vector !== undefined).length).toBeLessThan(300);
    afterRewrite.forEach((vector, index) => {
      if (vector !== undefined) expect(vector).toEqual(vectorFor(index));
    });
  });

  it("compacts atomically, dropping superseded lines and, on request, passages no longer wanted", async () => {
    const file = nextCacheFile();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    await cache.putMany("m", [
      { text: "a", vector: vectorOf(1, 0) },
      { text: "b", vector: vectorOf(0, 1) },
    ]);
    await cache.putMany("m", [{ text: "a", vector: vectorOf(0.6, 0.8) }]);
    await cache.putMany("other-model", [{ text: "a", vector: vectorOf(1, 0) }]);
    expect(cache.staleLineCount).toBe(1);

    expect(await cache.compact()).toBe(1);
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(3);
    expect(await cache.get("m", "a")).toEqual(vectorOf(0.6, 0.8));

    expect(await cache.compact({ modelId: "m", texts: ["a"] })).toBe(2);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(1);
    expect(await reopened.get("m", "a")).toEqual(vectorOf(0.6, 0.8));
    expect(await reopened.get("m", "b")).toBeUndefined();
    expect(reopened.staleLineCount).toBe(0);
  });
});

describe("embedPassagesCached", () => {
  /** Records every call; the vector encodes the text length so results are checkable. */
  function countingEmbedder(dimension = 2): Embedder & { passageCalls: string[][] } {
    const passageCalls: string[][] = [];
    const vectorFor = (text: string) => {
      const vector = new Float32Array(dimension);
      vector[0] = text.length;
      return vector;
    };
    return {
      modelId: "fake/e5",
      dimension,
      passageCalls,
      embedQueries: async (texts) => texts.map(vectorFor),
      embedPassages: async (texts) => {
        passageCalls.push([...texts]);
        return texts.map(vectorFor);
      },
    };
  }

  it("embeds only misses, each distinct text once, and keeps the input order", async () => {
    const file = path.join(workDir, "cached-embedding", "embeddings.jsonl");
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);

    const first = await embedPassagesCached(embedder, cache, ["aa", "b", "aa", "cccc"]);
    expect(embedder.passageCalls).toEqual([["aa", "b", "cccc"]]);
    expect(first.map((vector) => vector[0])).toEqual([2, 1, 2, 4]);

    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    const second = await embedPassagesCached(embedder, reopened, ["cccc", "new text", "b"]);
    expect(embedder.passageCalls).toEqual([["aa", "b", "cccc"], ["new text"]]);
    expect(second.map((vector) => vector[0])).toEqual([4, 8, 1]);

    await embedPassagesCached(embedder, reopened, ["aa", "b", "cccc", "new text"]);
    expect(embedder.passageCalls).toHaveLength(2);
    expect(await embedPassagesCached(embedder, reopened, [])).toEqual([]);
  });

  it("re-embeds cached vectors of the wrong dimension", async () => {
    const file = path.join(workDir, "cached-embedding-dimension", "embeddings.jsonl");
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    await cache.putMany("fake/e5", [{ text: "stale", vector: Float32Array.from([1, 2, 3]) }]);
    const embedder = countingEmbedder(2);
    const [vector] = await embedPassagesCached(embedder, cache, ["stale"]);
    expect(embedder.passageCalls).toEqual([["stale"]]);
    expect(vector?.length).toBe(2);
    expect((await cache.get("fake/e5", "stale"))?.length).toBe(2);
  });
});
