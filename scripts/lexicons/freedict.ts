import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { cleanEntry } from "./phrases.js";

/** One entry of a dictd dictionary: its headword and the lines of its body. */
export interface DictEntry {
  headword: string;
  body: string[];
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function decodeDictNumber(text: string): number {
  let value = 0;
  for (const character of text) value = value * 64 + BASE64.indexOf(character);
  return value;
}

/** Reads a dictd dictionary (FreeDict's format) through its index: one entry per index line. */
export async function* dictEntries(dictDir: string, name: string): AsyncGenerator<DictEntry> {
  const index = (await readFile(join(dictDir, `${name}.index`), "utf8")).split("\n");
  const data = gunzipSync(await readFile(join(dictDir, `${name}.dict.dz`)));
  for (const line of index) {
    const [headword, offset, length] = line.split("\t");
    if (!headword || !offset || !length || /^00-?database/u.test(headword)) continue;
    const start = decodeDictNumber(offset);
    const text = data.subarray(start, start + decodeDictNumber(length)).toString("utf8");
    const [, ...body] = text.split("\n");
    yield { headword, body };
  }
}

/** The translations of an entry, in its order: the lines that are neither notes, cross-references nor examples. */
export function translationsOf(entry: DictEntry): string[] {
  const result: string[] = [];
  for (const line of entry.body) {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.startsWith('"') || /^(?:Note|see|Synonyms?|Antonyms?):/.test(trimmed)) continue;
    for (const part of cleanEntry(trimmed).split(/[,;]/)) {
      const translation = part.trim();
      if (translation.length > 0) result.push(translation);
    }
  }
  return result;
}

/** The example lines of an entry: `"German phrase"  - English phrase`. */
export function examplesOf(entry: DictEntry): { quoted: string; gloss: string }[] {
  const found: { quoted: string; gloss: string }[] = [];
  for (const line of entry.body) {
    const match = /^\s*"([^"]*)"\s+-\s+(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) found.push({ quoted: match[1], gloss: match[2] });
  }
  return found;
}
