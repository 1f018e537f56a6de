import type { Article } from "../content/types.js";
import type { Logger } from "pino";
import { EmbeddingCache } from "../search/embedding-cache.js";
import { loadEmbedder, type Embedder } from "../search/embeddings.js";
import type { DenseChannel } from "../search/retriever.js";
import { buildDenseChannel } from "./dense-channel.js";
import type { IndexState } from "./index-state.js";
import type { EmbeddingSettings } from "./service-options.js";
import type { SharedLayer } from "./shared-layer.js";

/** What the model serves: the index in use, and a way to serve the same articles with a dense channel. */
export interface DenseModelHost {
  current(): IndexState;
  /** Serves `current`'s articles and lexical index with `dense`. */
  serveWith(current: IndexState, dense: DenseChannel): void;
}

/**
 * The embedding model as the service holds it: loading in the background,
 * loaded, or not available and why. Questions never wait for it: the index
 * is served lexically until the model has embedded the passages, then it is
 * upgraded to hybrid in place.
 */
export class DenseModel {
  private loaded: Embedder | null = null;
  private failure: string | null = null;
  private inProgress = false;
  private ready: Promise<void> = Promise.resolve();
  private cache: EmbeddingCache | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly host: DenseModelHost,
  ) {}

  /** The loaded model, or null (not configured, still loading, or failed). */
  get embedder(): Embedder | null {
    return this.loaded;
  }

  get loading(): boolean {
    return this.inProgress;
  }

  /** Why no model serves, when none does. */
  get error(): string | null {
    return this.loaded ? null : this.failure;
  }

  /** Resolves once the model has loaded or failed. */
  settled(): Promise<void> {
    return this.ready;
  }

  /** No model at all, for `reason`. */
  disable(reason: string): void {
    this.failure = reason;
  }

  /** Starts loading the configured model in the background. */
  startLoading(settings: EmbeddingSettings): void {
    this.inProgress = true;
    this.ready = this.load(settings).finally(() => {
      this.inProgress = false;
    });
  }

  private async load(settings: EmbeddingSettings): Promise<void> {
    const loader = settings.loader ?? loadEmbedder;
    const result = await loader(settings.options, this.logger);
    if (result.embedder === null) {
      // The loader already logged the one warning; remember why for /about and status.
      this.failure = result.reason;
      return;
    }
    try {
      this.cache = await EmbeddingCache.open(settings.cacheFile, this.logger);
      this.loaded = result.embedder;
      for (;;) {
        const current = this.host.current();
        const dense = await this.channelFor(current.articles, result.embedder);
        if (this.host.current() === current) {
          this.host.serveWith(current, dense);
          break;
        }
        // A reindex swapped the state while we embedded; it used the model itself once it was set.
        if (this.host.current().retriever.mode === "hybrid") break;
      }
      this.logger.info({ event: "dense_ready", model: result.embedder.modelId }, "embedding model ready: hybrid retrieval");
    } catch (error) {
      this.failed(error);
    }
  }

  /** A server's index uses the operator's model (already loaded, or not at all): no model of its own. */
  async useShared(shared: SharedLayer): Promise<void> {
    if (shared.dense === null) {
      this.failure = shared.modelError ?? "the embedding model is not loaded";
      return;
    }
    this.loaded = shared.dense.embedder;
    this.cache = shared.dense.cache;
    try {
      const current = this.host.current();
      this.host.serveWith(current, await this.channelFor(current.articles, shared.dense.embedder));
    } catch (error) {
      this.failed(error);
    }
  }

  /** The model and its cache, as a server's index shares them; null unless `hybrid` (the index served is hybrid). */
  shared(hybrid: boolean): SharedLayer["dense"] {
    return this.loaded && hybrid ? { embedder: this.loaded, cache: this.cache } : null;
  }

  /** Embeds `articles`' passages (reusing cached vectors) with `embedder`. */
  channelFor(articles: readonly Article[], embedder: Embedder, onProgress?: (paragraphsDone: number) => void): Promise<DenseChannel> {
    return buildDenseChannel(articles, embedder, this.cache, onProgress);
  }

  /** Embedding failed: answers stay lexical, and /about says why. */
  private failed(error: unknown): void {
    this.loaded = null;
    this.failure = error instanceof Error ? error.message : String(error);
    this.logger.warn({ event: "dense_failed", reason: this.failure }, "embedding failed; serving lexical retrieval only");
  }
}
