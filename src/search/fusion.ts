import { maxOf, minOf } from "../extremes.js";

/**
 * Fusion of the lexical and dense channels. Each channel's scores are scaled
 * by that channel's best score for the question, then mixed with one weight.
 * The scaling is for ranking only: whether the article answers at all is
 * decided from raw features (see answer/abstention.ts).
 */

export interface ChannelScores {
  /** Raw score per passage id; passages a channel did not return are absent. */
  lexical: ReadonlyMap<string, number>;
  /** Cosine similarity per passage id, or null when the dense channel is off. */
  dense: ReadonlyMap<string, number> | null;
}

export interface FusedScore {
  id: string;
  fused: number;
  lexical: number;
  cosine: number | null;
}

/** Weight of the dense channel in [0, 1]; 0 is lexical only, 1 dense only. */
export interface FusionOptions {
  denseWeight: number;
}

export const DEFAULT_FUSION: FusionOptions = { denseWeight: 0.5 };

export function fuseScores(scores: ChannelScores, options: FusionOptions = DEFAULT_FUSION): FusedScore[] {
  const ids = new Set<string>([...scores.lexical.keys(), ...(scores.dense?.keys() ?? [])]);
  const lexicalTop = Math.max(0, maxOf(scores.lexical.values()));
  let denseTop = 0;
  let denseFloor = 0;
  if (scores.dense && scores.dense.size > 0) {
    const values = [...scores.dense.values()];
    denseTop = maxOf(values);
    denseFloor = minOf(values);
  }
  const denseWeight = scores.dense ? Math.min(1, Math.max(0, options.denseWeight)) : 0;
  const fused: FusedScore[] = [];
  for (const id of ids) {
    const lexical = scores.lexical.get(id) ?? 0;
    const cosine = scores.dense?.get(id) ?? null;
    const lexicalPart = lexicalTop > 0 ? lexical / lexicalTop : 0;
    // Cosines of unrelated texts are far from 0 for e5-style models, so scale from the candidates' floor.
    const densePart = cosine !== null && denseTop > denseFloor ? (cosine - denseFloor) / (denseTop - denseFloor) : 0;
    fused.push({ id, fused: (1 - denseWeight) * lexicalPart + denseWeight * densePart, lexical, cosine });
  }
  fused.sort((left, right) => right.fused - left.fused || right.lexical - left.lexical || (left.id < right.id ? -1 : 1));
  return fused;
}

/**
 * Picks the dense weight that ranks a development set best. The grid holds
 * 0 and 1 (each channel alone), so the chosen fusion is never worse on that
 * set than the better single channel.
 */
export function chooseDenseWeight(
  evaluate: (denseWeight: number) => number,
  grid: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
): { denseWeight: number; score: number; byWeight: { denseWeight: number; score: number }[] } {
  const byWeight = [...new Set([0, 1, ...grid])].sort((a, b) => a - b).map((denseWeight) => ({ denseWeight, score: evaluate(denseWeight) }));
  let best = byWeight[0] ?? { denseWeight: 0, score: 0 };
  for (const entry of byWeight) if (entry.score > best.score) best = entry;
  return { ...best, byWeight };
}
