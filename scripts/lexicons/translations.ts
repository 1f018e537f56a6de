import { analyze, type Language } from "../../src/search/analyzer.js";
import { compareKeys } from "../../src/search/sorted-lines.js";

/** Translations kept per headword: the best-attested ones. */
export const MAX_TRANSLATIONS = 10;

interface Attestation {
  /** Sum of the weights of every entry, in either direction and dictionary, that gives this translation. */
  weight: number;
  /** When first seen: ties keep the dictionaries' own order. */
  order: number;
  /** Put first whatever the rest (see pin). */
  pinned: boolean;
}

/**
 * Translation candidates per headword key (terms), with how well each is
 * attested: an entry's first senses weigh most, and a pair that several
 * entries or dictionaries give (in either direction) outranks a sense one
 * entry lists in passing ("met" → "Metropolitan Police" once, "treffen" in
 * every dictionary).
 */
export class TranslationTable {
  private readonly entries = new Map<string, Map<string, Attestation>>();
  private seen = 0;

  add(key: string, translation: string, weight: number, pinned = false): void {
    let candidates = this.entries.get(key);
    if (!candidates) {
      candidates = new Map();
      this.entries.set(key, candidates);
    }
    const known = candidates.get(translation);
    if (known) {
      known.weight += weight;
      known.pinned ||= pinned;
    } else candidates.set(translation, { weight, order: (this.seen += 1), pinned });
  }

  /** Puts a translation first whatever its attestation (exact names from ICU). */
  pin(key: string, translation: string): void {
    this.add(key, translation, 0, true);
  }

  /** The best translations of a key, best first. */
  best(key: string): string[] {
    const candidates = this.entries.get(key);
    if (!candidates) return [];
    return [...candidates.entries()]
      .sort(([, left], [, right]) => Number(right.pinned) - Number(left.pinned) || right.weight - left.weight || left.order - right.order)
      .slice(0, MAX_TRANSLATIONS)
      .map(([translation]) => translation);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}

/** The weight of the translation at `position` of an entry's list: its first senses are the common ones. */
export const senseWeight = (position: number): number => 1 / (1 + position);

/**
 * The table's lines: each kept headword (see `keep`), a tab, its best
 * translations; headwords that translate only to themselves are left out.
 */
export function serializeTranslations(table: TranslationTable, keep: (key: string) => boolean): string {
  return [...table.keys()]
    .filter(keep)
    .map((key) => [key, table.best(key)] as const)
    .filter(([key, list]) => list.some((translation) => translation !== key))
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([key, list]) => [key, ...list].join("\t"))
    .join("\n");
}

/** Occurrences of each term, per language, as a stand-in for a background frequency list. */
export type Counts = Map<string, number>;

export function countTerms(counts: Counts, text: string, language: Language): void {
  for (const token of analyze(text, language)) counts.set(token.term, (counts.get(token.term) ?? 0) + 1);
}

/**
 * Frequency classes: log2 of a term's occurrences per ten million terms of
 * its language's side of the dictionaries, so that both languages share one
 * scale (the English side, made of glosses, is larger). Kept for terms seen
 * at least MIN_COUNT times. With a count of running text (see
 * lexicons/wordnet.ts), a term takes the higher of its two classes.
 */
const MIN_COUNT = 4;
const PER_TERMS = 10_000_000;
export function serializeCounts(counts: Counts, runningText?: Counts): string {
  const classesOf = (source: Counts): Map<string, number> => {
    let total = 0;
    for (const count of source.values()) total += count;
    return new Map(
      [...source].filter(([, count]) => count >= MIN_COUNT).map(([term, count]) => [term, Math.max(0, Math.floor(Math.log2((count * PER_TERMS) / total)))]),
    );
  };
  const classes = classesOf(counts);
  // A count of running text raises a term's class, never adds a term: the list also tells words of a language apart.
  for (const [term, runningClass] of runningText ? classesOf(runningText) : []) {
    const own = classes.get(term);
    if (own !== undefined && runningClass > own) classes.set(term, runningClass);
  }
  return [...classes]
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([term, frequencyClass]) => `${term}\t${frequencyClass}`)
    .join("\n");
}
