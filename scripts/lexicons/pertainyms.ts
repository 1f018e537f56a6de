import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Country adjectives from WordNet (Debian's wordnet-base): an adjective such
 * as "Chinese" or "North Korean" points to the noun it pertains to ("China",
 * "North Korea"); that noun is matched to ICU's English region names. The
 * bilingual dictionaries translate "chinesisch" as "Chinese" but never link
 * either to "China", so a question's "chinesische Präsident" could not reach
 * an article's "Chinas Präsident".
 */

/** A WordNet synset's words, as written ("North_Korea" → "North Korea"). */
type SynsetWords = Map<string, string[]>;

/** "08730550 15 n 04 Taiwan 0 China 1 …": the offset, then (after the lexicographer file and type) the word count in hex. */
function synsetWords(line: string): { offset: string; words: string[]; rest: string[] } | null {
  const fields = line.split(" ");
  const offset = fields[0] ?? "";
  if (!/^\d{8}$/u.test(offset)) return null;
  const count = Number.parseInt(fields[3] ?? "", 16);
  if (!Number.isInteger(count)) return null;
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push((fields[4 + 2 * index] ?? "").replace(/\(.*\)$/u, "").replaceAll("_", " "));
  return { offset, words, rest: fields.slice(4 + 2 * count) };
}

async function nounSynsets(wordnetDir: string): Promise<SynsetWords> {
  const synsets: SynsetWords = new Map();
  for (const line of (await readFile(join(wordnetDir, "data.noun"), "utf8")).split("\n")) {
    const synset = synsetWords(line);
    if (synset) synsets.set(synset.offset, synset.words);
  }
  return synsets;
}

/**
 * Each region code (of `regionCodeByEnglishName`) → the capitalised
 * adjectives pertaining to it ("CN" → ["Chinese"]). A pointer names the
 * noun it reaches ("Chinese" → "China" in Taiwan's synset, whose other names
 * are the Republic's): that noun decides, and only when it is no region name
 * does the rest of its synset ("American" → "America" → "United States").
 */
export async function countryAdjectives(wordnetDir: string, regionCodeByEnglishName: ReadonlyMap<string, string>): Promise<Map<string, string[]>> {
  const nouns = await nounSynsets(wordnetDir);
  const adjectives = new Map<string, Set<string>>();
  for (const line of (await readFile(join(wordnetDir, "data.adj"), "utf8")).split("\n")) {
    const synset = synsetWords(line);
    if (!synset) continue;
    const pointerCount = Number(synset.rest[0]);
    for (let index = 0; index < pointerCount; index += 1) {
      const [symbol, target, kind, sourceTarget] = synset.rest.slice(1 + 4 * index, 5 + 4 * index);
      if (symbol !== "\\" || kind !== "n" || !target || !sourceTarget) continue;
      const source = Number.parseInt(sourceTarget.slice(0, 2), 16);
      const targetWord = Number.parseInt(sourceTarget.slice(2), 16);
      const targetWords = nouns.get(target) ?? [];
      const named = targetWords[targetWord - 1];
      const code = (named ? regionCodeByEnglishName.get(named) : undefined) ?? targetWords.map((word) => regionCodeByEnglishName.get(word)).find(Boolean);
      if (!code) continue;
      // Source 0: every word of the adjective synset; else the one the pointer names.
      const words = source === 0 ? synset.words : [synset.words[source - 1] ?? ""];
      for (const word of words) {
        if (!/^\p{Lu}/u.test(word)) continue;
        adjectives.set(code, (adjectives.get(code) ?? new Set()).add(word));
      }
    }
  }
  return new Map([...adjectives].map(([code, words]) => [code, [...words].sort()]));
}
