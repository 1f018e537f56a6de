import { readFile } from "node:fs/promises";
import { analyze } from "../../src/search/analyzer.js";
import type { Counts } from "./translations.js";

/**
 * Word counts of running English text from WordNet's `cntlist.rev` (Debian's
 * wordnet-base): how often each sense was tagged in the SemCor corpus, a
 * quarter of a million content words of ordinary prose. The dictionaries'
 * examples name what a headword means, not how often people say it, so
 * everyday verbs and adverbs ("send", "ever", "enough") come out rare there;
 * running text sets them right.
 */
/** One line of `cntlist.rev`: a sense's lemma, the rest of its sense key ("2:37:00::", whose first digit is the word class), and how often SemCor tagged it. */
export interface SemcorSense {
  lemma: string;
  sense: string;
  times: number;
}

/** The single-word senses of a `cntlist.rev` file, read once for the word counts and the word kinds (see word-kinds.ts). */
export async function semcorSenses(file: string): Promise<SemcorSense[]> {
  const senses: SemcorSense[] = [];
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    // "want%2:37:00:: 1 415": sense key (lemma%…), sense number, times tagged.
    const [senseKey, , tagged] = line.split(" ");
    const [lemma, sense = ""] = (senseKey ?? "").split("%");
    const times = Number(tagged);
    if (!lemma || lemma.includes("_") || !Number.isInteger(times) || times <= 0) continue;
    senses.push({ lemma, sense, times });
  }
  return senses;
}

export function semcorCounts(senses: readonly SemcorSense[]): Counts {
  const counts: Counts = new Map();
  for (const { lemma, times } of senses) {
    const [token, ...rest] = analyze(lemma, "en");
    if (!token || rest.length > 0) continue;
    counts.set(token.term, (counts.get(token.term) ?? 0) + times);
  }
  return counts;
}
