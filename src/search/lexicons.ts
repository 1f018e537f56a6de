import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

export interface TranslationLookup {
  get(key: string): readonly TermPhrase[] | undefined;
}

export interface SynonymLookup {
  get(term: string): readonly string[] | undefined;
}

export interface Lexicons {
  /** German term → terms that share a synset with it. */
  synonyms: SynonymLookup;
  /** The same over synsets of verbs and other non-nouns only (for reduced verb stems, see verbStemVariants). */
  verbSynonyms: SynonymLookup;
  /** Source-language key (terms joined by one space) → translations, best first. */
  translations: Readonly<Record<"en-de" | "de-en", TranslationLookup>>;
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
// Checked line by line with one pattern each: a schema per line costs more than the rest of loading together.
const FREQUENCY_LINE = /^([^\s\t]+)\t(\d{1,2})$/u;

export class LexiconFormatError extends Error {
  override readonly name = "LexiconFormatError";

  constructor(file: string, line: number, reason: string) {
    super(`${file} line ${line}: ${reason}`);
  }
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.length > 0);
}

/** Synsets by member: each term lists the synsets it belongs to, so loading builds no per-term copies of them. */
export class Synsets {
  private readonly byTerm = new Map<string, number[]>();
  private readonly sets: (readonly string[])[] = [];

  add(members: readonly string[]): void {
    const position = this.sets.push(members) - 1;
    for (const member of members) {
      const list = this.byTerm.get(member);
      if (list) list.push(position);
      else this.byTerm.set(member, [position]);
    }
  }

  /** The terms sharing a synset with `term` (without it). */
  get(term: string): string[] | undefined {
    const positions = this.byTerm.get(term);
    if (!positions) return undefined;
    const related = new Set<string>();
    for (const position of positions) for (const member of this.sets[position] ?? []) if (member !== term) related.add(member);
    return [...related];
  }

  get size(): number {
    return this.byTerm.size;
  }
}

function parseSynonyms(file: string): { all: Synsets; verbs: Synsets } {
  const all = new Synsets();
  const verbs = new Synsets();
  lines(file).forEach((line, index) => {
    const [kind, list] = line.split("\t");
    const members = (list ?? "").split(" ");
    if ((kind !== "N" && kind !== "W") || members.length < 2 || !members.every((member) => TERM.test(member))) {
      throw new LexiconFormatError(file, index + 1, "expected N or W, a tab, then two or more terms");
    }
    all.add(members);
    if (kind === "W") verbs.add(members);
  });
  return { all, verbs };
}

/** A translation table that keeps each entry as read and splits it into phrases only when it is looked up. */
export class TranslationTable {
  private readonly raw = new Map<string, string>();

  set(key: string, translations: string): void {
    this.raw.set(key, translations);
  }

  get(key: string): TermPhrase[] | undefined {
    return this.raw
      .get(key)
      ?.split("\t")
      .map((translation) => translation.split(" "));
  }

  get size(): number {
    return this.raw.size;
  }
}

function parseTranslations(file: string): { table: TranslationTable; longestKey: number } {
  const table = new TranslationTable();
  let longestKey = 1;
  lines(file).forEach((line, index) => {
    const tab = line.indexOf("\t");
    if (tab <= 0 || tab === line.length - 1 || line.includes("\t\t") || line.endsWith("\t")) {
      throw new LexiconFormatError(file, index + 1, "expected a key and at least one translation, separated by tabs");
    }
    const key = line.slice(0, tab);
    let words = 1;
    for (let position = key.indexOf(" "); position !== -1; position = key.indexOf(" ", position + 1)) words += 1;
    longestKey = Math.max(longestKey, words);
    table.set(key, line.slice(tab + 1));
  });
  return { table, longestKey };
}

function parseFrequency(file: string): Map<string, number> {
  const table = new Map<string, number>();
  lines(file).forEach((line, index) => {
    const match = FREQUENCY_LINE.exec(line);
    if (!match?.[1] || !match[2]) throw new LexiconFormatError(file, index + 1, "expected a term and a frequency class");
    table.set(match[1], Number(match[2]));
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
