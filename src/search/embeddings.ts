/**
 * The dense channel's model: a sentence-embedding model run locally through transformers.js.
 *
 * Loading is best-effort. An offline machine without the model files must not hang or crash:
 * `loadEmbedder` gives up after a deadline (or as soon as loading fails), logs one warning and
 * returns `{ embedder: null, reason }` so the caller keeps serving lexical search.
 */
import path from "node:path";
import type { Logger } from "pino";
import type * as Transformers from "@xenova/transformers";
import { importPackage } from "../import-package.js";

export interface Embedder {
  readonly modelId: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, same order. */
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  /** One L2-normalised vector per text, same order. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}

export interface EmbedderOptions {
  /** Hub-style id, e.g. `Xenova/multilingual-e5-small`; also the sub-path under `localModelDir`. */
  modelId: string;
  /** Directory holding `<modelId>/config.json`, `tokenizer.json`, `onnx/model[_quantized].onnx`, … */
  localModelDir?: string;
  /** Where downloaded model files are kept (and looked up again on the next start). */
  cacheDir?: string;
  /** Whether the model may be downloaded from the Hugging Face hub. */
  allowRemote: boolean;
  /** Use `onnx/model_quantized.onnx` (true) or `onnx/model.onnx` (false). */
  quantized: boolean;
  /** Give up loading after this long and serve lexical-only. */
  loadTimeoutMs: number;
  /** Prepended to questions; defaults to `"query: "` for e5 models, else nothing. */
  queryPrefix?: string;
  /** Prepended to passages; defaults to `"passage: "` for e5 models, else nothing. */
  passagePrefix?: string;
  /** Texts per model call; bounds memory for long passage lists. */
  batchSize?: number;
}

export type LoadEmbedderResult = { embedder: Embedder } | { embedder: null; reason: string };

/** Mean-pooled sentence vectors for one batch: `dims` is `[texts, dimension]`, `data` is row-major. */
export interface PooledEmbeddings {
  dims: readonly number[];
  data: ArrayLike<number>;
}

/** The slice of a feature-extraction pipeline this module needs (mean pooling is the extractor's job). */
export interface FeatureExtractor {
  extract(texts: string[]): Promise<PooledEmbeddings>;
  dispose?(): Promise<void>;
}

/** Builds a feature extractor for the options; the default one runs transformers.js. */
export type FeatureExtractorFactory = (options: EmbedderOptions) => Promise<FeatureExtractor>;

export const DEFAULT_BATCH_SIZE = 16;

/** e5 models are trained with these role prefixes; without them retrieval quality drops noticeably. */
export function resolvePrefixes(options: Pick<EmbedderOptions, "modelId" | "queryPrefix" | "passagePrefix">): { query: string; passage: string } {
  const isE5 = /e5/i.test(options.modelId);
  return {
    query: options.queryPrefix ?? (isE5 ? "query: " : ""),
    passage: options.passagePrefix ?? (isE5 ? "passage: " : ""),
  };
}

export class EmbeddingLoadTimeoutError extends Error {
  override readonly name = "EmbeddingLoadTimeoutError";

  constructor(readonly timeoutMs: number) {
    super(`loading did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Loads the model and checks it with one probe embedding (which also yields the dimension).
 * Never throws and never waits longer than `loadTimeoutMs`; on failure logs one warning.
 */
export async function loadEmbedder(
  options: EmbedderOptions,
  logger: Logger,
  createExtractor: FeatureExtractorFactory = createTransformersExtractor,
): Promise<LoadEmbedderResult> {
  const startedAt = Date.now();
  try {
    const embedder = await oneLoadAtATime(() => loadWithinDeadline(options, createExtractor, logger));
    logger.info(
      { event: "embedding_model_loaded", model: options.modelId, dimension: embedder.dimension, elapsedMs: Date.now() - startedAt },
      "embedding model loaded",
    );
    return { embedder };
  } catch (error) {
    const reason = describeLoadFailure(options, error);
    logger.warn(
      { event: "embedding_model_unavailable", model: options.modelId, reason, elapsedMs: Date.now() - startedAt },
      "embedding model unavailable; serving lexical search only",
    );
    return { embedder: null, reason };
  }
}

async function loadWithinDeadline(options: EmbedderOptions, createExtractor: FeatureExtractorFactory, logger: Logger): Promise<Embedder> {
  // `Promise.resolve().then` turns a synchronous throw of the factory into a rejection.
  const attempt = Promise.resolve().then(async () => {
    const extractor = await createExtractor(options);
    try {
      return await PipelineEmbedder.create(options, extractor);
    } catch (error) {
      await extractor.dispose?.().catch(() => undefined);
      throw error;
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EmbeddingLoadTimeoutError(options.loadTimeoutMs)), options.loadTimeoutMs);
  });
  try {
    return await Promise.race([attempt, deadline]);
  } catch (error) {
    if (error instanceof EmbeddingLoadTimeoutError) {
      // The abandoned load keeps running (a download cannot be cancelled); make sure its outcome
      // can neither crash the process as an unhandled rejection nor keep a model in memory.
      attempt
        .then(
          (lateEmbedder) => {
            logger.debug({ event: "embedding_model_late", model: options.modelId }, "embedding model finished loading after the deadline; discarded");
            return lateEmbedder.dispose();
          },
          (lateError: unknown) => {
            logger.debug(
              { event: "embedding_model_late_failure", model: options.modelId, reason: errorMessage(lateError) },
              "abandoned embedding model load failed",
            );
          },
        )
        .catch(() => undefined);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function describeLoadFailure(options: EmbedderOptions, error: unknown): string {
  const message = errorMessage(error);
  const hints: string[] = [];
  if (options.quantized && /model_quantized\.onnx/.test(message)) {
    hints.push("only onnx/model.onnx present? set EMBEDDING_QUANTIZED=false");
  }
  if (!options.allowRemote && /not found locally|Could not locate file/i.test(message)) {
    hints.push(
      options.localModelDir
        ? `expected the model files under ${path.join(path.resolve(options.localModelDir), options.modelId)}`
        : "downloads are disabled (EMBEDDING_ALLOW_REMOTE=false) and no EMBEDDING_LOCAL_MODEL_DIR is set",
    );
  }
  if (options.allowRemote && /fetch failed/i.test(message)) {
    hints.push("no access to the Hugging Face hub? provide the files via EMBEDDING_LOCAL_MODEL_DIR");
  }
  if (error instanceof EmbeddingLoadTimeoutError) {
    hints.push("offline or slow download? provide the files via EMBEDDING_LOCAL_MODEL_DIR or raise EMBEDDING_LOAD_TIMEOUT_MS");
  }
  return [`could not load ${options.modelId}: ${message}`, ...hints].join("; ");
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch() reports only "fetch failed"; the cause says why (DNS, refused, TLS, …).
  const cause: unknown = error.cause;
  return cause instanceof Error && cause.message ? `${error.message} (${cause.message})` : error.message;
}

/**
 * transformers.js keeps its settings in one global object that it reads while loading, so
 * loads run one after another. An abandoned (timed-out) load releases the turn: it may then
 * see the next load's settings, which at worst makes it fail or fetch a file for nothing.
 */
let loadTurn: Promise<void> = Promise.resolve();

function oneLoadAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = loadTurn.then(task);
  loadTurn = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

class PipelineEmbedder implements Embedder {
  private constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly extractor: FeatureExtractor,
    private readonly prefixes: { query: string; passage: string },
    private readonly batchSize: number,
  ) {}

  /** Runs one probe text so a broken model fails at load time, and learns the dimension. */
  static async create(options: EmbedderOptions, extractor: FeatureExtractor): Promise<PipelineEmbedder> {
    const probe = await extractor.extract(["dimension probe"]);
    const dimension = probe.dims[1];
    if (probe.dims.length !== 2 || probe.dims[0] !== 1 || dimension === undefined || !Number.isInteger(dimension) || dimension <= 0) {
      throw new Error(`the model returned embeddings of shape [${probe.dims.join(", ")}]; expected [1, dimension]`);
    }
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    return new PipelineEmbedder(options.modelId, dimension, extractor, resolvePrefixes(options), batchSize);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((text) => this.prefixes.query + text));
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((text) => this.prefixes.passage + text));
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose?.();
  }

  private async embed(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const pooled = await this.extractor.extract(batch);
      vectors.push(...this.rowsOf(pooled, batch.length));
    }
    return vectors;
  }

  private rowsOf(pooled: PooledEmbeddings, expectedRows: number): Float32Array[] {
    const [rows, columns] = pooled.dims;
    if (pooled.dims.length !== 2 || rows !== expectedRows || columns !== this.dimension || pooled.data.length !== rows * columns) {
      throw new Error(`the model returned embeddings of shape [${pooled.dims.join(", ")}]; expected [${expectedRows}, ${this.dimension}]`);
    }
    const result: Float32Array[] = [];
    for (let row = 0; row < rows; row += 1) {
      const vector = new Float32Array(columns);
      for (let column = 0; column < columns; column += 1) vector[column] = pooled.data[row * columns + column] ?? 0;
      result.push(l2Normalised(vector));
    }
    return result;
  }
}

/** Normalises in place; the pipeline already normalises, this makes the contract independent of it. */
function l2Normalised(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const norm = Math.sqrt(sumOfSquares);
  if (norm > 0 && Math.abs(norm - 1) > 1e-6) {
    for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  }
  return vector;
}

// ---------------------------------------------------------------------------------------------
// transformers.js adapter: the only place that touches its loosely typed API.

/** The settings of transformers.js's global `env` that this module changes. */
interface TransformersEnv {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  cacheDir: string | null;
  useBrowserCache: boolean;
  useFSCache: boolean;
}

function isTransformersEnv(value: unknown): value is TransformersEnv {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.allowRemoteModels === "boolean" && typeof candidate.allowLocalModels === "boolean" && typeof candidate.localModelPath === "string";
}

function isPooledEmbeddings(value: unknown): value is PooledEmbeddings {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    Array.isArray(candidate.dims) &&
    candidate.dims.every((dim) => typeof dim === "number") &&
    (candidate.data instanceof Float32Array || candidate.data instanceof Float64Array)
  );
}

/** transformers.js's own defaults, remembered so an option left unset restores them. */
let transformersDefaults: { localModelPath: string; cacheDir: string | null } | undefined;

/**
 * The default factory: a transformers.js feature-extraction pipeline with mean pooling.
 * Imported lazily so that a disabled or broken embedding setup costs nothing at start-up.
 */
export async function createTransformersExtractor(options: EmbedderOptions): Promise<FeatureExtractor> {
  const transformers = await importPackage<typeof Transformers>("@xenova/transformers");
  const env: unknown = transformers.env;
  if (!isTransformersEnv(env)) throw new Error("unexpected @xenova/transformers version: its env settings are missing");
  transformersDefaults ??= { localModelPath: env.localModelPath, cacheDir: env.cacheDir };

  const localModelDir = options.localModelDir === undefined ? undefined : path.resolve(options.localModelDir);
  const cacheDir = options.cacheDir === undefined ? transformersDefaults.cacheDir : path.resolve(options.cacheDir);
  env.allowRemoteModels = options.allowRemote;
  // Local lookups go to `<localModelPath>/<modelId>/<file>`. Without a local model dir, files that an
  // earlier run downloaded into the cache dir (same layout) are the only offline source; transformers.js
  // also refuses to load at all when both local and remote loading are off.
  env.localModelPath = localModelDir ?? cacheDir ?? transformersDefaults.localModelPath;
  env.allowLocalModels = localModelDir !== undefined || !options.allowRemote;
  env.cacheDir = cacheDir;
  env.useFSCache = true;
  env.useBrowserCache = false;

  const extractor = await transformers.pipeline("feature-extraction", options.modelId, {
    quantized: options.quantized,
    // Also passed per call: a missing file then fails at once instead of being looked up remotely.
    local_files_only: !options.allowRemote,
    ...(cacheDir ? { cache_dir: cacheDir } : {}),
  });

  return {
    async extract(texts: string[]): Promise<PooledEmbeddings> {
      const output: unknown = await extractor(texts, { pooling: "mean", normalize: true });
      if (!isPooledEmbeddings(output)) throw new Error("the feature-extraction pipeline returned no float tensor");
      return output;
    },
    async dispose(): Promise<void> {
      await extractor.dispose();
    },
  };
}
