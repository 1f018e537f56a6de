import { searchableText } from "../content/question-heading.js";
import type { Article } from "../content/types.js";
import { embedPassagesCached, type EmbeddingCache } from "../search/embedding-cache.js";
import type { Embedder } from "../search/embeddings.js";
import { PassageVectors } from "../search/passage-vectors.js";
import type { DenseChannel } from "../search/retriever.js";
import { toPassages } from "./index-state.js";

/** Paragraphs embedded per call: batches keep progress reports flowing during a long first embedding. */
const EMBEDDING_BATCH = 64;

/**
 * Each article's vectors as one block, by model: the channel built after a
 * change shares the blocks of every article that did not change, so only the
 * changed articles' paragraphs are looked up or embedded.
 */
const blocksByArticle = new WeakMap<Article, { modelId: string; block: Float32Array }>();

/** Embeds every paragraph (through the cache, when there is one) into the retriever's dense channel. */
export async function buildDenseChannel(
  articles: readonly Article[],
  embedder: Embedder,
  cache: EmbeddingCache | null,
  onProgress?: (paragraphsDone: number) => void,
): Promise<DenseChannel> {
  const dimension = embedder.dimension;
  const blocks: Float32Array[] = [];
  const missing: Array<{ position: number; article: Article }> = [];
  let done = 0;
  for (const article of articles) {
    const known = blocksByArticle.get(article);
    if (known && known.modelId === embedder.modelId && known.block.length === article.paragraphs.length * dimension) {
      blocks.push(known.block);
      done += article.paragraphs.length;
    } else {
      missing.push({ position: blocks.length, article });
      blocks.push(new Float32Array(0));
    }
  }
  if (done > 0) onProgress?.(done);
  // The articles to embed are taken in batches of paragraphs, across articles, as one long list.
  // An interviewer's question heading its answer is part of what the answer is about (see question-heading.ts).
  const texts = toPassages(missing.map((entry) => entry.article)).map(searchableText);
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += EMBEDDING_BATCH) {
    const slice = texts.slice(start, start + EMBEDDING_BATCH);
    vectors.push(...(cache ? await embedPassagesCached(embedder, cache, slice) : await embedder.embedPassages(slice)));
    onProgress?.(done + vectors.length);
  }
  let next = 0;
  for (const { position, article } of missing) {
    const block = PassageVectors.block(vectors.slice(next, next + article.paragraphs.length), dimension);
    next += article.paragraphs.length;
    blocks[position] = block;
    blocksByArticle.set(article, { modelId: embedder.modelId, block });
  }
  return {
    modelId: embedder.modelId,
    vectors: new PassageVectors(dimension, blocks),
    embedQuery: async (question) => {
      const [vector] = await embedder.embedQueries([question]);
      if (!vector) throw new Error("the embedding model returned no vector");
      return vector;
    },
  };
}
