import type { Article } from "../content/types.js";
import { embedPassagesCached, type EmbeddingCache } from "../search/embedding-cache.js";
import type { Embedder } from "../search/embeddings.js";
import type { DenseChannel } from "../search/retriever.js";
import { toPassages } from "./index-state.js";

/** Paragraphs embedded per call: batches keep progress reports flowing during a long first embedding. */
const EMBEDDING_BATCH = 64;

/** Embeds every paragraph (through the cache, when there is one) into the retriever's dense channel. */
export async function buildDenseChannel(
  articles: readonly Article[],
  embedder: Embedder,
  cache: EmbeddingCache | null,
  onProgress?: (paragraphsDone: number) => void,
): Promise<DenseChannel> {
  const texts = toPassages(articles).map((passage) => passage.text);
  const passageVectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += EMBEDDING_BATCH) {
    const slice = texts.slice(start, start + EMBEDDING_BATCH);
    passageVectors.push(...(cache ? await embedPassagesCached(embedder, cache, slice) : await embedder.embedPassages(slice)));
    onProgress?.(passageVectors.length);
  }
  return {
    modelId: embedder.modelId,
    passageVectors,
    embedQuery: async (question) => {
      const [vector] = await embedder.embedQueries([question]);
      if (!vector) throw new Error("the embedding model returned no vector");
      return vector;
    },
  };
}
