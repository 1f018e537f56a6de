import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { countTerms, type Counts } from "./translations.js";

/**
 * Word counts of running German text from Debian's fortunes-de: quotations,
 * anecdotes, jokes and recipes, a third of a million content words of
 * everyday prose. The dictionaries' examples say what a headword means, not
 * how often people say it, so everyday words ("oft", "kriegt", "schlimm")
 * come out rarer there than they are.
 */
export async function fortuneCounts(directory: string): Promise<Counts> {
  const counts: Counts = new Map();
  for (const name of (await readdir(directory)).sort()) {
    const file = join(directory, name);
    // Each collection is there once as text; ".u8" names link to it and ".dat" files index it.
    if (name.endsWith(".dat") || name.endsWith(".u8") || name === "asciiart" || !(await lstat(file)).isFile()) continue;
    // "%" separates the sayings, "-- Name" credits them: names of their authors are not the language's everyday words.
    const text = (await readFile(file, "utf8"))
      .split("\n")
      .filter((line) => !/^\s*(?:--|%)/u.test(line))
      .join("\n");
    countTerms(counts, text, "de");
  }
  return counts;
}
