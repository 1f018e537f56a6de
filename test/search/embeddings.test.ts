import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { capturingLogger, WARN } from "./capturing-logger.js";

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
