import { articleOfPassage } from "./article-scope.js";
import { tokenWeight, type QueryToken } from "./query-analysis.js";

/**
 * How much of the collection's text smooths an article's word counts. Then
 * a word counts by the share of its occurrences that fall in the article
 * (log(1 + share / ARTICLE_SMOOTHING_SHARE) at most), whatever the number of
 * articles, and an article without it loses about as much as its length made
 * it likely to have it.
 */
export const ARTICLE_SMOOTHING_SHARE = 0.5;

/** Weight of the passage evidence: the log of an article's best passage score against the question's best. */
export const PASSAGE_EVIDENCE_WEIGHT = 0.5;

/** What the chooser reads of the lexical index: word counts of paragraph texts. */
export interface ArticleTextSource {
  textOccurrences(term: string, visit: (id: string, count: number) => void): void;
  textLength(id: string): number;
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
 * share a common word. So each article's whole text is scored by how likely
 * it makes the question's words (counts smoothed with the collection's, as
 * in query-likelihood retrieval, relative to the collection itself), and the
 * best passage's score still counts, on a log scale. Only articles with a
 * passage among the ranked ones compete.
 */
export class ArticleChooser {
  private readonly articleByPassage = new Map<string, string>();
  private readonly lengths = new Map<string, number>();
  private readonly passageCounts = new Map<string, number>();
  private readonly totalLength: number;

  constructor(
    passageIds: readonly string[],
    private readonly source: ArticleTextSource,
  ) {
    let total = 0;
    for (const id of passageIds) {
      const article = articleOfPassage(id);
      const length = source.textLength(id);
      this.articleByPassage.set(id, article);
      this.lengths.set(article, (this.lengths.get(article) ?? 0) + length);
      this.passageCounts.set(article, (this.passageCounts.get(article) ?? 0) + 1);
      total += length;
    }
    this.totalLength = total;
  }

  /**
   * Log-likelihood of the question's words under each of `articles` (all by
   * default) against under the collection (0 for a word the collection lacks; weighted as the words
   * weigh in the ranking, expansions by their own weights).
   */
  likelihoods(tokens: readonly QueryToken[], articles: Iterable<string> = this.lengths.keys()): Map<string, number> {
    const scores = new Map<string, number>([...articles].map((article) => [article, 0]));
    if (this.totalLength === 0) return scores;
    const smoothing = ARTICLE_SMOOTHING_SHARE * this.totalLength;
    for (const token of tokens) {
      const counts = new Map<string, number>();
      let collectionCount = 0;
      const gather = (term: string, weight: number): void => {
        this.source.textOccurrences(term, (id, count) => {
          const article = this.articleByPassage.get(id);
          if (article === undefined) return;
          collectionCount += weight * count;
          if (scores.has(article)) counts.set(article, (counts.get(article) ?? 0) + weight * count);
        });
      };
      for (const term of new Set(token.terms)) gather(term, 1);
      for (const expansion of token.expansions) gather(expansion.term, expansion.weight);
      if (collectionCount <= 0) continue;
      const background = collectionCount / this.totalLength;
      for (const article of scores.keys()) {
        const length = this.lengths.get(article) ?? 0;
        const likelihood = ((counts.get(article) ?? 0) + smoothing * background) / ((length + smoothing) * background);
        scores.set(article, (scores.get(article) ?? 0) + tokenWeight(token) * Math.log(likelihood));
      }
    }
    return scores;
  }

  /** The article the question is about among those of `ranked` (best first), or null when nothing was ranked. */
  choose(tokens: readonly QueryToken[], ranked: readonly RankedPassage[]): string | null {
    const top = ranked[0];
    if (!top) return null;
    const bestPassage = new Map<string, number>();
    for (const passage of ranked) {
      const article = this.articleByPassage.get(passage.id) ?? articleOfPassage(passage.id);
      if (!bestPassage.has(article)) bestPassage.set(article, passage.fused);
    }
    const fallback = this.articleByPassage.get(top.id) ?? articleOfPassage(top.id);
    // Articles of one passage each are passages: the ranking, tuned for passages, already chose among them.
    const wholeArticles = [...bestPassage.keys()].some((article) => (this.passageCounts.get(article) ?? 0) > 1);
    if (bestPassage.size === 1 || !wholeArticles || top.fused <= 0) return fallback;
    const likelihoods = this.likelihoods(tokens, bestPassage.keys());
    let chosen = fallback;
    let bestScore = -Infinity;
    for (const [article, fused] of bestPassage) {
      const passageEvidence = PASSAGE_EVIDENCE_WEIGHT * Math.log(Math.max(fused / top.fused, 1e-9));
      const score = (likelihoods.get(article) ?? 0) + passageEvidence;
      // Ties keep the order of the ranking (the map holds articles best passage first).
      if (score > bestScore) {
        bestScore = score;
        chosen = article;
      }
    }
    return chosen;
  }
}
