/** Ranking metrics and timing summaries shared by the benchmark and the tuning scripts. */

export interface RankingMetrics {
  queries: number;
  mrr10: number;
  success1: number;
  success5: number;
  success10: number;
}

/** `ranks` holds the 1-based rank of the relevant item per query, or null when it was not retrieved. */
export function rankingMetrics(ranks: ReadonlyArray<number | null>): RankingMetrics {
  let reciprocal = 0;
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  for (const rank of ranks) {
    if (rank === null) continue;
    if (rank <= 10) reciprocal += 1 / rank;
    if (rank <= 1) at1 += 1;
    if (rank <= 5) at5 += 1;
    if (rank <= 10) at10 += 1;
  }
  const count = Math.max(ranks.length, 1);
  return {
    queries: ranks.length,
    mrr10: reciprocal / count,
    success1: at1 / count,
    success5: at5 / count,
    success10: at10 / count,
  };
}

/** Nearest-rank percentile of a list of durations (milliseconds). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** 1-based rank of `relevantId` in `rankedIds`, or null. */
export function rankOf(rankedIds: readonly string[], relevantId: string): number | null {
  const index = rankedIds.indexOf(relevantId);
  return index === -1 ? null : index + 1;
}
