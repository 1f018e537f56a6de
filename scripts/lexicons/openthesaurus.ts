import { readFile } from "node:fs/promises";
import { cleanEntry, synsetLine } from "./phrases.js";

/** OpenThesaurus's text export (Debian's openthesaurus-de-text): one synset per line, members separated by ";". */
export async function openThesaurusSynsets(file: string): Promise<string[]> {
  const synsets: string[] = [];
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    if (line.startsWith("#") || line.trim().length === 0) continue;
    const synset = synsetLine(line.split(";").map(cleanEntry));
    if (synset) synsets.push(synset);
  }
  return synsets;
}
