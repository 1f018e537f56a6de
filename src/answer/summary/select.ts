import { maxOf, minOf } from "../../extremes.js";
import type { Candidate } from "./candidates.js";

/**
 * Picks a summary's sentences: greedy maximal marginal relevance over units
 * (a sentence plus the predecessors it must be quoted with), with a bonus for
 * sections the summary has not yet drawn on as much as their size deserves,
 * so a medium summary covers the body and not only the lead.
 */

export interface SelectionTuning {
  /** Share of relevance that comes from position rather than centrality. */
  leadWeight: number;
  /** The position prior halves every this many paragraphs. */
  leadHalfLife: number;
  /** MMR trade-off: 1 = relevance only, 0 = novelty only. */
  lambda: number;
  /** Term overlap from which two sentences count as saying the same thing: never quote both. */
  nearDuplicate: number;
  /** The same for similarity relative to the scope (embeddings, or `lexicalRedundancy: "similarity"`). */
  nearDuplicateSimilarity: number;
  /** Bonus for a sentence from a section below its share of the summary; 0 ignores sections. */
  sectionCoverage: number;
  /** Count the opening paragraph (the standfirst) as a part of its own, so it stands for the lead and the rest of the opening competes with the body. */
  standfirstApart: boolean;
  /** With `standfirstApart`: the least share of the summary the standfirst earns, in sentences. */
  standfirstShare: number;
  /** Weight of the recurring terms a sentence adds that the summary does not mention yet (the article's topics, each counted once). */
  conceptWeight: number;
  /** A term in more than this share of the sentences is the article's subject itself, not one of its topics. */
  topicMaxShare: number;
  /** Lexical mode: redundancy as shared terms ("term-overlap") or as TF-IDF cosine relative to the scope ("similarity", as embeddings always do). */
  lexicalRedundancy: "term-overlap" | "similarity";
}

export const DEFAULT_SELECTION_TUNING: Readonly<SelectionTuning> = {
  leadWeight: 0.15,
  leadHalfLife: 3,
  lambda: 0.6,
  nearDuplicate: 0.6,
  nearDuplicateSimilarity: 0.8,
  sectionCoverage: 0.3,
  standfirstApart: true,
  standfirstShare: 1,
  conceptWeight: 0.6,
  topicMaxShare: 0.25,
  lexicalRedundancy: "term-overlap",
};

/** The selection before section coverage and term-overlap redundancy, kept as a benchmark baseline. */
export const CENTROID_MMR_TUNING: Readonly<SelectionTuning> = {
  leadWeight: 0.3,
  leadHalfLife: 3,
  lambda: 0.6,
  nearDuplicate: 0.8,
  nearDuplicateSimilarity: 0.8,
  sectionCoverage: 0,
  standfirstApart: false,
  standfirstShare: 0,
  conceptWeight: 0,
  topicMaxShare: 0.25,
  lexicalRedundancy: "similarity",
};

export interface SelectionInput {
  candidates: readonly Candidate[];
  /** Cosine of each candidate with the scope's centroid. */
  centrality: readonly number[];
  /** How far candidates a and b state the same thing, in [0, 1]. */
  redundancy: (a: number, b: number) => number;
  /** Whether `redundancy` is term overlap or relative similarity: they have their own near-duplicate thresholds. */
  redundancyKind: "term-overlap" | "similarity";
  /** Each candidate's topic terms with their weight (terms recurring in the scope), for `conceptWeight`. */
  concepts?: readonly ReadonlyMap<string, number>[];
  budget: number;
}

const STANDFIRST_PART = -1;

/** Min-max scaling: embedding cosines crowd into a narrow band, TF-IDF ones do not; both end up in [0, 1]. */
function rescaled(values: readonly number[]): number[] {
  const low = minOf(values);
  const high = maxOf(values);
  return values.map((value) => (high > low ? (value - low) / (high - low) : 1));
}

/** Indexes of the chosen candidates. */
export function selectSentences(input: SelectionInput, tuning: Readonly<SelectionTuning> = DEFAULT_SELECTION_TUNING): Set<number> {
  const { candidates, redundancy, budget } = input;
  const nearDuplicate = input.redundancyKind === "term-overlap" ? tuning.nearDuplicate : tuning.nearDuplicateSimilarity;
  const count = candidates.length;
  const centrality = rescaled(input.centrality);
  const relevance = candidates.map(
    (candidate, i) => (1 - tuning.leadWeight) * (centrality[i] ?? 0) + tuning.leadWeight * 0.5 ** (candidate.paragraphRank / tuning.leadHalfLife),
  );

  // Each part's fair share of the summary, by its number of candidate sentences. Parts are the sections,
  // and optionally the standfirst (the scope's first paragraph) apart from the rest of its section.
  const firstParagraph = minOf(candidates.map((candidate) => candidate.paragraph.number));
  const partOfCandidate = candidates.map((candidate) =>
    tuning.standfirstApart && candidate.paragraph.number === firstParagraph ? STANDFIRST_PART : candidate.paragraph.sectionIndex,
  );
  const sizeByPart = new Map<number, number>();
  for (const part of partOfCandidate) sizeByPart.set(part, (sizeByPart.get(part) ?? 0) + 1);
  // The standfirst is written as the article's summary: it earns at least one sentence, however short it is.
  const shareOf = (part: number): number => {
    const share = (budget * (sizeByPart.get(part) ?? 0)) / Math.max(1, count);
    return part === STANDFIRST_PART ? Math.max(share, tuning.standfirstShare) : share;
  };
  const chosenByPart = new Map<number, number>();
  const coverageBonus = sizeByPart.size > 1 ? tuning.sectionCoverage : 0;

  const concepts = input.concepts ?? [];
  const conceptMass = (terms: ReadonlyMap<string, number>): number => [...terms.values()].reduce((sum, weight) => sum + weight, 0);
  const largestConceptMass = Math.max(1e-9, maxOf(concepts.map(conceptMass)));
  const mentioned = new Set<string>();
  const newConceptMass = (members: readonly number[]): number => {
    const seen = new Set<string>();
    let mass = 0;
    for (const member of members) {
      for (const [term, weight] of concepts[member] ?? []) {
        if (mentioned.has(term) || seen.has(term)) continue;
        seen.add(term);
        mass += weight;
      }
    }
    return mass / largestConceptMass;
  };

  const indexByOrder = new Map(candidates.map((candidate, i) => [candidate.order, i]));
  const chosen = new Set<number>();
  const maxRedundancy = new Array<number>(count).fill(0);
  const choose = (i: number): void => {
    chosen.add(i);
    const part = partOfCandidate[i] ?? STANDFIRST_PART;
    chosenByPart.set(part, (chosenByPart.get(part) ?? 0) + 1);
    for (const term of concepts[i]?.keys() ?? []) mentioned.add(term);
    for (let j = 0; j < count; j += 1) maxRedundancy[j] = Math.max(maxRedundancy[j] ?? 0, redundancy(i, j));
  };
  while (chosen.size < budget) {
    let best: { members: number[]; gain: number } | null = null;
    for (let i = 0; i < count; i += 1) {
      const candidate = candidates[i];
      if (!candidate || chosen.has(i)) continue;
      const unit = [...candidate.predecessors.map((order) => indexByOrder.get(order)), i];
      // Every predecessor is a candidate by construction; skip defensively if not.
      if (!unit.every((member): member is number => member !== undefined)) continue;
      const members = unit.filter((member) => !chosen.has(member));
      if (members.length === 0 || chosen.size + members.length > budget) continue;
      if (members.some((member) => (maxRedundancy[member] ?? 0) >= nearDuplicate)) continue;
      const part = partOfCandidate[i] ?? STANDFIRST_PART;
      const deficit = Math.max(0, Math.min(1, shareOf(part) - (chosenByPart.get(part) ?? 0)));
      // A unit spends one slot per new sentence, so it is judged by its average value per slot.
      const gain =
        members.reduce((sum, member) => sum + tuning.lambda * (relevance[member] ?? 0) - (1 - tuning.lambda) * (maxRedundancy[member] ?? 0), 0) /
          members.length +
        (tuning.conceptWeight * newConceptMass(members)) / members.length +
        coverageBonus * deficit;
      if (best === null || gain > best.gain + 1e-12) best = { members, gain };
    }
    if (best === null) break;
    for (const member of best.members) choose(member);
  }
  return chosen;
}
