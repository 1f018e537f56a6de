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
export async function semcorCounts(file: string): Promise<Counts> {
  const counts: Counts = new Map();
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    // "want%2:37:00:: 1 415": sense key (lemma%…), sense number, times tagged.
    const [senseKey, , tagged] = line.split(" ");
    const lemma = senseKey?.split("%")[0];
    const count = Number(tagged);
    if (!lemma || lemma.includes("_") || !Number.isInteger(count) || count <= 0) continue;
    const [token, ...rest] = analyze(lemma, "en");
    if (!token || rest.length > 0) continue;
    counts.set(token.term, (counts.get(token.term) ?? 0) + count);
  }
  return counts;
}
