import { maxOf, minOf } from "../../extremes.js";
import type { Candidate } from "./candidates.js";
import { WeightedCoverage } from "./coverage.js";
import { DEFAULT_SELECTION_TUNING, type SelectionTuning } from "./tuning.js";

/**
 * Picks a summary's sentences: greedy maximal marginal relevance over units
 * (a sentence plus the predecessors it must be quoted with). A unit gains
 * for being relevant (central, early, the opening of its paragraph), for the
 * topics and facts it adds that nothing quoted states yet, and for a part of
 * the article (the standfirst, each section) that has had less than its share
 * of the summary; it pays for what it repeats. So a sentence that restates a
 * quoted fact loses to one that makes a new point, and a medium summary
 * covers the body and not only the lead.
 */

export interface SelectionInput {
  candidates: readonly Candidate[];
  /** Cosine of each candidate with the scope's centroid. */
  centrality: readonly number[];
  /** How far candidates a and b state the same thing, in [0, 1]. */
  redundancy: (a: number, b: number) => number;
  /** Whether `redundancy` is an overlap (of facts or terms) or a relative similarity: they have their own near-duplicate thresholds. */
  redundancyKind: "overlap" | "similarity";
  /** Each candidate's topic terms with their weight (terms recurring in the scope), for `conceptWeight`. */
  concepts?: readonly ReadonlyMap<string, number>[];
  /** Each candidate's weighted facts (content words and figures, facts.ts), for `factWeight` and `factRedundancy`. */
  facts?: readonly ReadonlyMap<string, number>[];
  budget: number;
  /** Candidates already chosen (a shorter summary's sentences): kept, and counted in the budget. */
  chosenBefore?: ReadonlySet<number>;
}

const STANDFIRST_PART = -1;

/** Min-max scaling: embedding cosines crowd into a narrow band, TF-IDF ones do not; both end up in [0, 1]. */
function rescaled(values: readonly number[]): number[] {
  const low = minOf(values);
  const high = maxOf(values);
  return values.map((value) => (high > low ? (value - low) / (high - low) : 1));
}

/** Relevance before novelty: centrality, the paragraph's place in the scope and the sentence's place in its paragraph. */
function relevanceOf(candidates: readonly Candidate[], centralities: readonly number[], tuning: Readonly<SelectionTuning>): number[] {
  const centrality = rescaled(centralities);
  return candidates.map(
    (candidate, i) =>
      (1 - tuning.leadWeight - tuning.openingWeight) * (centrality[i] ?? 0) +
      tuning.leadWeight * 0.5 ** (candidate.paragraphRank / tuning.leadHalfLife) +
      tuning.openingWeight * 0.5 ** candidate.sentence.index,
  );
}

/**
 * The parts a summary should draw on and each part's fair share of it, by its
 * number of candidate sentences: the sections, and optionally the standfirst
 * (the scope's first paragraph) apart from the rest of its section. The
 * standfirst is written as the article's summary: it earns at least
 * `standfirstShare` sentences, however short it is.
 */
function partsOf(candidates: readonly Candidate[], budget: number, tuning: Readonly<SelectionTuning>): { partOf: number[]; shareOf: (part: number) => number } {
  const firstParagraph = minOf(candidates.map((candidate) => candidate.paragraph.number));
  const partOf = candidates.map((candidate) =>
    tuning.standfirstApart && candidate.paragraph.number === firstParagraph ? STANDFIRST_PART : candidate.paragraph.sectionIndex,
  );
  const sizeByPart = new Map<number, number>();
  for (const part of partOf) sizeByPart.set(part, (sizeByPart.get(part) ?? 0) + 1);
  const single = sizeByPart.size <= 1;
  return {
    partOf,
    shareOf: (part) => {
      if (single) return 0;
      const share = (budget * (sizeByPart.get(part) ?? 0)) / Math.max(1, candidates.length);
      return part === STANDFIRST_PART ? Math.max(share, tuning.standfirstShare) : share;
    },
  };
}

/** Indexes of the chosen candidates. */
export function selectSentences(input: SelectionInput, tuning: Readonly<SelectionTuning> = DEFAULT_SELECTION_TUNING): Set<number> {
  const { candidates, redundancy, budget } = input;
  const count = candidates.length;
  const nearDuplicate = input.redundancyKind === "overlap" ? tuning.nearDuplicate : tuning.nearDuplicateSimilarity;
  const relevance = relevanceOf(candidates, input.centrality, tuning);
  const { partOf, shareOf } = partsOf(candidates, budget, tuning);
  const topics = new WeightedCoverage(input.concepts ?? []);
  const facts = new WeightedCoverage(input.facts ?? []);

  const indexByOrder = new Map(candidates.map((candidate, i) => [candidate.order, i]));
  const chosen = new Set<number>();
  const chosenByPart = new Map<number, number>();
  const quotedParagraphs = new Set<number>();
  /** Each candidate's largest pairwise redundancy with a chosen sentence. */
  const pairRedundancy = new Array<number>(count).fill(0);
  const redundancyOf = (i: number): number => (tuning.factRedundancy ? Math.max(pairRedundancy[i] ?? 0, facts.coveredShare(i)) : (pairRedundancy[i] ?? 0));
  const repeats = (i: number): boolean => (pairRedundancy[i] ?? 0) >= nearDuplicate || facts.coveredShare(i) > tuning.quotedFactsLimit;

  const choose = (i: number): void => {
    chosen.add(i);
    const part = partOf[i] ?? STANDFIRST_PART;
    chosenByPart.set(part, (chosenByPart.get(part) ?? 0) + 1);
    const paragraph = candidates[i]?.paragraph.number;
    if (paragraph !== undefined && part !== STANDFIRST_PART) quotedParagraphs.add(paragraph);
    topics.add(i);
    facts.add(i);
    for (let j = 0; j < count; j += 1) pairRedundancy[j] = Math.max(pairRedundancy[j] ?? 0, redundancy(i, j));
  };

  /** What quoting these members (a unit's sentences not yet chosen) is worth per slot they take. */
  const gainOf = (members: readonly number[], part: number): number => {
    let perSentence = 0;
    for (const member of members) {
      perSentence += tuning.lambda * (relevance[member] ?? 0) - (1 - tuning.lambda) * redundancyOf(member);
      if (quotedParagraphs.has(candidates[member]?.paragraph.number ?? -1)) perSentence -= tuning.paragraphRepeatPenalty;
    }
    const novelty = tuning.conceptWeight * topics.gain(members) + tuning.factWeight * facts.gain(members);
    const deficit = Math.max(0, Math.min(1, shareOf(part) - (chosenByPart.get(part) ?? 0)));
    return (perSentence + novelty) / members.length + tuning.sectionCoverage * deficit;
  };

  for (const i of input.chosenBefore ?? []) if (i >= 0 && i < count && !chosen.has(i)) choose(i);
  while (chosen.size < budget) {
    let best: { members: number[]; gain: number } | null = null;
    for (let i = 0; i < count; i += 1) {
      const candidate = candidates[i];
      if (!candidate || chosen.has(i)) continue;
      const unit = [...candidate.predecessors.map((order) => indexByOrder.get(order)), i];
      // Every predecessor is a candidate by construction; skip defensively if not.
      if (!unit.every((member): member is number => member !== undefined)) continue;
      const members = unit.filter((member) => !chosen.has(member));
      if (members.length === 0 || chosen.size + members.length > budget || members.some(repeats)) continue;
      const gain = gainOf(members, partOf[i] ?? STANDFIRST_PART);
      if (best === null || gain > best.gain + 1e-12) best = { members, gain };
    }
    if (best === null) break;
    for (const member of best.members) choose(member);
  }
  return chosen;
}
