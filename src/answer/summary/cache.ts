import type { Article } from "../../content/types.js";
import { LruMap } from "../../lru-map.js";
import type { Summary, SummaryLength } from "./types.js";

/**
 * In-memory LRU of computed summaries. A summary depends only on the article
 * version (id + contentHash), the length, the (resolved) section and how
 * sentences were scored, so that tuple is the key. When an article id shows up
 * with a new contentHash, every entry of its old version is dropped at once:
 * an edited article never serves a summary quoting text it no longer has.
 */

export interface SummaryCacheKey {
  length: SummaryLength;
  /** Resolved index into `Article.sections`; null for the whole article. Resolve first so "2" and its heading share an entry. */
  sectionIndex: number | null;
  /** How sentences were scored, e.g. "lexical" or "embeddings:Xenova/multilingual-e5-small". */
  scoring: string;
}

export const DEFAULT_SUMMARY_CACHE_ENTRIES = 256;

type Entry = Summary | Promise<Summary>;

export class SummaryCache {
  private readonly entries: LruMap<string, Entry>;
  /** Article id → the contentHash its cached entries belong to. */
  private readonly versionByArticle = new Map<string, string>();
  private hitCount = 0;
  private missCount = 0;

  constructor(maxEntries: number = DEFAULT_SUMMARY_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be a positive integer");
    this.entries = new LruMap(maxEntries);
  }

  /** Cached summary, or `compute()` once and remember it. */
  get(article: Article, key: SummaryCacheKey, compute: () => Summary): Summary {
    const cacheKey = this.prepare(article, key);
    const cached = this.entries.get(cacheKey);
    if (cached !== undefined && !(cached instanceof Promise)) {
      this.hitCount += 1;
      return cached;
    }
    this.missCount += 1;
    const summary = compute();
    this.entries.set(cacheKey, summary);
    return summary;
  }

  /**
   * Async variant (embedding-scored summaries). Concurrent requests for the same
   * key share one computation; a failed computation is not cached.
   */
  async getAsync(article: Article, key: SummaryCacheKey, compute: () => Promise<Summary>): Promise<Summary> {
    const cacheKey = this.prepare(article, key);
    const cached = this.entries.get(cacheKey);
    if (cached !== undefined) {
      this.hitCount += 1;
      return cached;
    }
    this.missCount += 1;
    const pending = compute();
    this.entries.set(cacheKey, pending);
    try {
      const summary = await pending;
      // Replace the promise by its value, unless the entry was evicted or invalidated meanwhile.
      if (this.entries.peek(cacheKey) === pending) this.entries.set(cacheKey, summary);
      return summary;
    } catch (error) {
      if (this.entries.peek(cacheKey) === pending) this.entries.delete(cacheKey);
      throw error;
    }
  }

  /** Drops every entry (e.g. after a reload of all articles). */
  clear(): void {
    this.entries.clear();
    this.versionByArticle.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  get stats(): { hits: number; misses: number; entries: number } {
    return { hits: this.hitCount, misses: this.missCount, entries: this.entries.size };
  }

  private prepare(article: Article, key: SummaryCacheKey): string {
    const knownVersion = this.versionByArticle.get(article.id);
    if (knownVersion !== undefined && knownVersion !== article.contentHash) this.dropArticle(article.id);
    this.versionByArticle.set(article.id, article.contentHash);
    return JSON.stringify([article.id, article.contentHash, key.length, key.sectionIndex, key.scoring]);
  }

  private dropArticle(articleId: string): void {
    for (const cacheKey of this.entries.keys()) {
      const [id] = JSON.parse(cacheKey) as [string];
      if (id === articleId) this.entries.delete(cacheKey);
    }
  }
}
