import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Language } from "./analyzer.js";

/**
 * The lexical bridges under data/lexicons/ (built by scripts/build-lexicons.ts
 * from OpenThesaurus and FreeDict): German synonyms, English↔German word
 * translations and background word frequencies. Every entry is already in
 * index-term form (folded and stemmed by the project's analyser), so loading
 * is parsing only.
 */

/** A phrase in index terms: one or more stems. */
export type TermPhrase = readonly string[];

export interface Lexicons {
  /** German term → terms that share a synset with it. */
  synonyms: ReadonlyMap<string, readonly string[]>;
  /** The same over synsets of verbs and other non-nouns only (for reduced verb stems, see verbStemVariants). */
  verbSynonyms: ReadonlyMap<string, readonly string[]>;
  /** Source-language key (terms joined by one space) → translations, best first. */
  translations: Readonly<Record<"en-de" | "de-en", ReadonlyMap<string, readonly TermPhrase[]>>>;
  /** Term → log2 of how often the dictionaries use it; absent terms are rare (or names). */
  frequency: Readonly<Record<Language, ReadonlyMap<string, number>>>;
  /** Longest key of the translation tables, in terms. */
  longestKey: number;
}

export const EMPTY_LEXICONS: Lexicons = {
  synonyms: new Map(),
  verbSynonyms: new Map(),
  translations: { "en-de": new Map(), "de-en": new Map() },
  frequency: { de: new Map(), en: new Map() },
  longestKey: 1,
};

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL("../../data/lexicons/", import.meta.url));

const TERM = /^[^\s\t]+$/u;
const termSchema = z.string().regex(TERM);
const frequencyLineSchema = z.tuple([termSchema, z.coerce.number().int().min(0).max(64)]);

export class LexiconFormatError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file} line ${line}: ${reason}`);
    this.name = "LexiconFormatError";
  }
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0);
}

function parseSynonyms(file: string): { all: Map<string, string[]>; verbs: Map<string, string[]> } {
  const all = new Map<string, Set<string>>();
  const verbs = new Map<string, Set<string>>();
  const link = (table: Map<string, Set<string>>, members: readonly string[]): void => {
    for (const member of members) {
      const set = table.get(member) ?? new Set<string>();
      for (const other of members) if (other !== member) set.add(other);
      table.set(member, set);
    }
  };
  lines(file).forEach((line, index) => {
    const [kind, list] = line.split("\t");
    const members = (list ?? "").split(" ");
    if ((kind !== "N" && kind !== "W") || members.length < 2 || !members.every((member) => TERM.test(member))) {
      throw new LexiconFormatError(file, index + 1, "expected N or W, a tab, then two or more terms");
    }
    link(all, members);
    if (kind === "W") link(verbs, members);
  });
  const lists = (table: Map<string, Set<string>>): Map<string, string[]> => new Map([...table].map(([term, set]) => [term, [...set]]));
  return { all: lists(all), verbs: lists(verbs) };
}

function parseTranslations(file: string): { table: Map<string, TermPhrase[]>; longestKey: number } {
  const table = new Map<string, TermPhrase[]>();
  let longestKey = 1;
  lines(file).forEach((line, index) => {
    const [key, ...translations] = line.split("\t");
    if (!key || translations.length === 0 || translations.some((translation) => translation.length === 0)) {
      throw new LexiconFormatError(file, index + 1, "expected a key and at least one translation, separated by tabs");
    }
    longestKey = Math.max(longestKey, key.split(" ").length);
    table.set(key, translations.map((translation) => translation.split(" ")));
  });
  return { table, longestKey };
}

function parseFrequency(file: string): Map<string, number> {
  const table = new Map<string, number>();
  lines(file).forEach((line, index) => {
    const parsed = frequencyLineSchema.safeParse(line.split("\t"));
    if (!parsed.success) throw new LexiconFormatError(file, index + 1, "expected a term and a frequency class");
    table.set(parsed.data[0], parsed.data[1]);
  });
  return table;
}

const loaded = new Map<string, Lexicons>();

/** Reads the lexicons of a folder once per process (they are a few MB and never change while running). */
export function loadLexicons(directory: string = DEFAULT_LEXICON_DIR): Lexicons {
  const cached = loaded.get(directory);
  if (cached) return cached;
  const path = (name: string): string => `${directory.replace(/\/$/, "")}/${name}`;
  const enDe = parseTranslations(path("en-de.tsv"));
  const deEn = parseTranslations(path("de-en.tsv"));
  const synonyms = parseSynonyms(path("de-synonyms.txt"));
  const lexicons: Lexicons = {
    synonyms: synonyms.all,
    verbSynonyms: synonyms.verbs,
    translations: { "en-de": enDe.table, "de-en": deEn.table },
    frequency: { de: parseFrequency(path("frequency-de.tsv")), en: parseFrequency(path("frequency-en.tsv")) },
    longestKey: Math.max(enDe.longestKey, deEn.longestKey),
  };
  loaded.set(directory, lexicons);
  return lexicons;
}
