import { maxOf } from "../../extremes.js";

/**
 * What the sentences quoted so far already say, as weighted keys (the
 * article's topic terms, or the facts of facts.ts), and how much a sentence
 * would add to it. Each key counts once, however many sentences state it, so
 * a sentence that only repeats what is quoted adds nothing.
 */
export class WeightedCoverage {
  private readonly covered = new Set<string>();
  /** The largest key mass of one sentence: gains are relative to it, so they lie in [0, 1] per sentence. */
  private readonly largestMass: number;

  constructor(private readonly keysOf: readonly ReadonlyMap<string, number>[]) {
    this.largestMass = Math.max(1e-9, maxOf(keysOf.map((keys) => massOf(keys))));
  }

  /** Records sentence `index` as quoted. */
  add(index: number): void {
    for (const key of this.keysOf[index]?.keys() ?? []) this.covered.add(key);
  }

  /** The mass of keys these sentences would add that nothing quoted has yet, each key once. */
  gain(indexes: readonly number[]): number {
    const seen = new Set<string>();
    let mass = 0;
    for (const index of indexes) {
      for (const [key, weight] of this.keysOf[index] ?? []) {
        if (this.covered.has(key) || seen.has(key)) continue;
        seen.add(key);
        mass += weight;
      }
    }
    return mass / this.largestMass;
  }

  /** Share of a sentence's key mass that is already quoted, in [0, 1]. */
  coveredShare(index: number): number {
    let total = 0;
    let quoted = 0;
    for (const [key, weight] of this.keysOf[index] ?? []) {
      total += weight;
      if (this.covered.has(key)) quoted += weight;
    }
    return total > 0 ? quoted / total : 0;
  }
}

function massOf(keys: ReadonlyMap<string, number>): number {
  let mass = 0;
  for (const weight of keys.values()) mass += weight;
  return mass;
}
