import { articleOfPassage } from "./article-scope.js";
import { tokenWeight, type QueryToken } from "./query-analysis.js";

/**
 * A question word counts for an article by the share of its occurrences in
 * the collection that fall in the article: log(1 + share / WORD_SHARE_SCALE),
 * so a word only one article uses counts log 3 there, whatever the number of
 * articles.
 */
export const WORD_SHARE_SCALE = 0.5;

/**
 * A long article holds a larger share of most words by its length alone: each
 * word's score is lowered by this much of what the article's share of the
 * passages would earn it. 1 would remove that advantage whole, and with it
 * the evidence that an article which keeps returning to a word is about it.
 */
export const LENGTH_DISCOUNT = 0.5;

/** Weight of the passage evidence: the log of an article's best passage score against the question's best. */
export const PASSAGE_EVIDENCE_WEIGHT = 0.5;

/** What the chooser reads of the lexical index: word counts of paragraph texts, by the index's slots. */
export interface ArticleTextSource {
  textOccurrences(term: string, visit: (slot: number, count: number) => void): void;
  idOfSlot(slot: number): string;
}

/** A ranked passage: its id and its score relative to the question's best (0..1). */
export interface RankedPassage {
  id: string;
  fused: number;
}

/**
 * Which article a question is about, read on whole articles. Paragraph
 * statistics cannot see it: a name in every paragraph of one article has a
 * low paragraph IDF in the collection, yet it is what that article is about,
 * and the single best paragraph may be another article's that happens to
 * share a common word. So each article is scored by how much of each
 * question word's use in the collection is its own (see WORD_SHARE_SCALE),
 * and the best passage's score still counts, on a log scale. Only articles
 * with a passage among the ranked ones compete.
 */
export class ArticleChooser {
  private readonly articleIndexes = new Map<string, number>();
  private readonly passageCounts: number[] = [];
  /** Per article, what each question word's score is lowered by for the article's length (see LENGTH_DISCOUNT). */
  private readonly lengthDiscount: number[] = [];
  /** The article (its index) of each index slot, learnt as postings name them: -1 not yet known, -2 none. */
  private slotArticles = new Int32Array(0);

  /** `passageCounts`: how many passages each article has (articles are told apart by passage ids, see articleOfPassage). */
  constructor(
    passageCounts: ReadonlyMap<string, number>,
    private readonly source: ArticleTextSource,
  ) {
    let total = 0;
    for (const [article, count] of passageCounts) {
      this.articleIndexes.set(article, this.passageCounts.length);
      this.passageCounts.push(count);
      total += count;
    }
    this.passageCounts.forEach((count, index) => {
      this.lengthDiscount[index] = LENGTH_DISCOUNT * Math.log(1 + count / Math.max(1, total) / WORD_SHARE_SCALE);
    });
  }

  /** The article (index) of a slot of the lexical index; postings are many, so a slot is looked up once. */
  private articleOfSlot(slot: number): number {
    if (slot >= this.slotArticles.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.slotArticles.length * 2, 64)).fill(-1);
      grown.set(this.slotArticles);
      this.slotArticles = grown;
    }
    let article = this.slotArticles[slot] ?? -1;
    if (article === -1) {
      const id = this.source.idOfSlot(slot);
      article = id === "" ? -2 : (this.articleIndexes.get(articleOfPassage(id)) ?? -2);
      this.slotArticles[slot] = article;
    }
    return article;
  }

  /**
   * Each of `articles` (all by default) scored by its shares of the
   * question's words, weighted as the words weigh in the ranking (expansions
   * by their own weights); a word the collection lacks counts for none.
   */
  wordShares(tokens: readonly QueryToken[], articles: Iterable<string> = this.articleIndexes.keys()): Map<string, number> {
    const names = [...articles].filter((article) => this.articleIndexes.has(article));
    const position = new Int32Array(this.articleIndexes.size).fill(-1);
    names.forEach((article, index) => {
      position[this.articleIndexes.get(article) ?? 0] = index;
    });
    const lengthParts = names.map((article) => this.lengthDiscount[this.articleIndexes.get(article) ?? 0] ?? 0);
    const scores = new Float64Array(names.length);
    const counts = new Float64Array(names.length);
    for (const token of tokens) {
      counts.fill(0);
      let collectionCount = 0;
      const gather = (term: string, weight: number): void => {
        this.source.textOccurrences(term, (slot, count) => {
          const article = this.articleOfSlot(slot);
          if (article < 0) return;
          collectionCount += weight * count;
          const at = position[article] ?? -1;
          if (at >= 0) counts[at] = (counts[at] ?? 0) + weight * count;
        });
      };
      for (const term of new Set(token.terms)) gather(term, 1);
      for (const expansion of token.expansions) gather(expansion.term, expansion.weight);
      if (collectionCount <= 0) continue;
      lengthParts.forEach((lengthPart, at) => {
        const share = (counts[at] ?? 0) / collectionCount;
        scores[at] = (scores[at] ?? 0) + tokenWeight(token) * (Math.log(1 + share / WORD_SHARE_SCALE) - lengthPart);
      });
    }
    return new Map(names.map((article, at) => [article, scores[at] ?? 0]));
  }

  /** The article the question is about among those of `ranked` (best first), or null when nothing was ranked. */
  choose(tokens: readonly QueryToken[], ranked: readonly RankedPassage[]): string | null {
    const top = ranked[0];
    if (!top) return null;
    const bestPassage = new Map<string, number>();
    for (const passage of ranked) {
      const article = articleOfPassage(passage.id);
      if (!bestPassage.has(article)) bestPassage.set(article, passage.fused);
    }
    const fallback = articleOfPassage(top.id);
    // Articles of one passage each are passages: the ranking, tuned for passages, already chose among them.
    const wholeArticles = [...bestPassage.keys()].some((article) => (this.passageCounts[this.articleIndexes.get(article) ?? -1] ?? 0) > 1);
    if (bestPassage.size === 1 || !wholeArticles || top.fused <= 0) return fallback;
    const shares = this.wordShares(tokens, bestPassage.keys());
    let chosen = fallback;
    let bestScore = -Infinity;
    for (const [article, fused] of bestPassage) {
      const passageEvidence = PASSAGE_EVIDENCE_WEIGHT * Math.log(Math.max(fused / top.fused, 1e-9));
      const score = (shares.get(article) ?? 0) + passageEvidence;
      // Ties keep the order of the ranking (the map holds articles best passage first).
      if (score > bestScore) {
        bestScore = score;
        chosen = article;
      }
    }
    return chosen;
  }
}
