import { LruMap } from "../lru-map.js";
import type { LexicalDocument, LexicalIndex } from "./lexical.js";

/** The article a passage belongs to: its id up to the last "#" (`${articleId}#${paragraph}`), or the whole id when it has none. */
export function articleOfPassage(id: string): string {
  const cut = id.lastIndexOf("#");
  return cut < 0 ? id : id.slice(0, cut);
}

/** An article's index, with the passages it was built from. */
export interface ArticleIndex {
  documents: readonly LexicalDocument[];
  index: LexicalIndex;
}

/**
 * Each article's passages and, built when first asked for, a lexical index
 * of that article alone. Ranking a question's paragraphs within the article
 * it is about on that index makes the order independent of whatever other
 * articles are loaded: document frequencies, length norms, the vocabulary
 * that bridges reach and which words count as known are then the article's
 * own, exactly as when it stands alone.
 */
export class ArticleScopes {
  private readonly positions = new Map<string, number[]>();
  /** Built on demand and bounded: a question touches one article, a busy server a few dozen. */
  private readonly indexes: LruMap<string, ArticleIndex>;

  /**
   * `inherited`: article indexes of the collection this one replaces (see
   * `built`); each is kept when its article's passages are the very same
   * objects, in the same order, so a change to one article does not make
   * every other article build its index again.
   */
  constructor(
    private readonly passages: readonly LexicalDocument[],
    private readonly buildIndex: (passages: readonly LexicalDocument[]) => LexicalIndex,
    inherited: readonly (readonly [string, ArticleIndex])[] = [],
    capacity = 64,
  ) {
    passages.forEach((passage, position) => {
      const article = articleOfPassage(passage.id);
      const list = this.positions.get(article);
      if (list) list.push(position);
      else this.positions.set(article, [position]);
    });
    this.indexes = new LruMap(capacity);
    for (const [article, entry] of inherited) {
      const documents = this.documentsOf(article);
      if (documents.length === entry.documents.length && documents.every((document, position) => document === entry.documents[position])) {
        this.indexes.set(article, entry);
      }
    }
  }

  /** The article indexes built so far, least recently used first. */
  built(): [string, ArticleIndex][] {
    return this.indexes.pairs();
  }

  private documentsOf(article: string): LexicalDocument[] {
    return this.positionsOf(article).flatMap((position) => this.passages[position] ?? []);
  }

  get articleCount(): number {
    return this.positions.size;
  }

  /** How many passages each article has. */
  passageCounts(): Map<string, number> {
    return new Map([...this.positions].map(([article, positions]) => [article, positions.length]));
  }

  /** Positions (in the retriever's passage list) of the article's passages. */
  positionsOf(article: string): readonly number[] {
    return this.positions.get(article) ?? [];
  }

  /** The lexical index of the article's passages alone. */
  indexOf(article: string): LexicalIndex {
    const cached = this.indexes.get(article);
    if (cached) return cached.index;
    const documents = this.documentsOf(article);
    const index = this.buildIndex(documents);
    this.indexes.set(article, { documents, index });
    return index;
  }
}
