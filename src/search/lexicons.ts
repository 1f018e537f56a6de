import { readFileSync } from "node:fs";
import { sha256Hex } from "../content/load.js";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { analyzerFingerprint, type Language } from "./analyzer.js";
import { compareKeys, LineFile, SortedLines } from "./sorted-lines.js";

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
  /** Keys that start with `prefix` (at most `limit`; null when there are more); absent from tables that cannot list them. */
  keysStartingWith?(prefix: string, limit: number): string[] | null;
}

export interface SynonymLookup {
  get(term: string): readonly string[] | undefined;
}

/** Whether a term is listed. */
export interface TermSet {
  has(term: string): boolean;
}

export interface FrequencyLookup extends TermSet {
  get(term: string): number | undefined;
}

export interface Lexicons {
  /** German term → terms that share a synset with it. */
  synonyms: SynonymLookup;
  /** The same over synsets of verbs and other non-nouns only (for reduced verb stems, see verbStemVariants). */
  verbSynonyms: SynonymLookup;
  /** Source-language key (terms joined by one space) → translations, best first. */
  translations: Readonly<Record<"en-de" | "de-en", TranslationLookup>>;
  /**
   * Forms of one verb that Snowball stems apart, German ("traf", "getroffen",
   * "treffen"; each form → the others) and English (an irregular form → its
   * infinitive: "met" → "meet").
   */
  verbForms: Readonly<Record<Language, SynonymLookup>>;
  /** Term → log2 of how often the dictionaries use it; absent terms are rare (or names). */
  frequency: Readonly<Record<Language, FrequencyLookup>>;
  /** Terms mostly used as verbs, adjectives or adverbs rather than nouns ("verboten", "imposed"): they describe rather than name. */
  describing: Readonly<Record<Language, TermSet>>;
  /** Longest key of the translation tables, in terms. */
  longestKey: number;
}

export const EMPTY_LEXICONS: Lexicons = {
  synonyms: new Map(),
  verbSynonyms: new Map(),
  translations: { "en-de": new Map(), "de-en": new Map() },
  verbForms: { de: new Map(), en: new Map() },
  frequency: { de: new Map(), en: new Map() },
  describing: { de: new Set(), en: new Set() },
  longestKey: 1,
};

/** Whether a language's dictionaries know a term: its frequency list, or its translation table as a headword ("ammo"). */
export function dictionaryKnows(lexicons: Lexicons, term: string, language: Language): boolean {
  return lexicons.frequency[language].has(term) || lexicons.translations[language === "de" ? "de-en" : "en-de"].get(term) !== undefined;
}

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL("../../data/lexicons/", import.meta.url));

/** A term of the lexicons: no spaces or tabs. */
const TERM = "[^\\s\\t]+";
// Each file is checked whole with one pattern that finds its first bad line: entries are read only when looked up.
const BAD_SYNSET_LINE = new RegExp(`^(?![NW]\\t${TERM}(?: ${TERM})+$).+$`, "mu");
const BAD_FREQUENCY_LINE = new RegExp(`^(?!${TERM}\\t\\d{1,2}$).+$`, "mu");
const BAD_TRANSLATION_LINE = new RegExp(`^(?![^\\t\\n]+(?:\\t[^\\t\\n]+)+$).+$`, "mu");
const BAD_INDEX_LINE = new RegExp(`^(?!${TERM}\\t\\d+(?: \\d+)*$).+$`, "mu");

export class LexiconFormatError extends Error {
  override readonly name = "LexiconFormatError";

  constructor(file: string, line: number, reason: string) {
    super(`${file} line ${line}: ${reason}`);
  }
}

/**
 * `checksums.json` beside the lexicons (written by scripts/build-lexicons.ts):
 * the digest of each file when it was last checked whole, and the most words
 * a key of a sorted file has. A file with that digest is not checked again at
 * start-up (the checks read every line, most of the time it takes to open
 * them); an edited one is. A full build also records the digest of the
 * analyser the keys were made with (see lexiconAnalyzerDigest).
 */
export const LEXICON_CHECKSUM_FILE = "checksums.json";
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/u);
const checksumsSchema = z.object({
  files: z.record(z.string(), z.object({ sha256: SHA256, longestKeyWords: z.number().int().positive().optional() })),
  analyzer: SHA256.optional(),
});
export type LexiconChecksums = z.infer<typeof checksumsSchema>;
type CheckedFile = LexiconChecksums["files"][string];

/**
 * The digest of what the lexicons' keys depend on in the analyser: its
 * version and its stop words. A stop word is never counted, so a word that
 * becomes one ("wievielte") must leave the frequency lists: the lexicons are
 * rebuilt when this changes.
 */
export function lexiconAnalyzerDigest(): string {
  return sha256Hex(new TextEncoder().encode(analyzerFingerprint()));
}

/** A lexicon folder's `checksums.json`, or null when it is missing or malformed. */
function readChecksumFile(directory: string): LexiconChecksums | null {
  try {
    const parsed = checksumsSchema.safeParse(JSON.parse(readFileSync(`${directory}/${LEXICON_CHECKSUM_FILE}`, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The analyser digest a lexicon folder's full build recorded, or null. */
export function recordedAnalyzerDigest(directory: string = DEFAULT_LEXICON_DIR): string | null {
  return readChecksumFile(directory)?.analyzer ?? null;
}

/** The checksums of a lexicon folder's files; none when the file is missing or malformed (every file is then checked). */
function readChecksums(directory: string): LexiconChecksums["files"] {
  return readChecksumFile(directory)?.files ?? {};
}

/**
 * Reads a lexicon file, failing with the line number of the first line that
 * `badLine` matches, unless `checked` (its entry in the checksums) has its
 * digest: it is then returned as `checked`, without being decoded.
 */
function readChecked(file: string, badLine: RegExp, reason: string, checked?: CheckedFile): { bytes: Buffer; checked: CheckedFile | null } {
  const bytes = readFileSync(file);
  if (checked && sha256Hex(bytes) === checked.sha256) return { bytes, checked };
  const text = bytes.toString("utf8");
  const bad = badLine.exec(text);
  if (bad) throw new LexiconFormatError(file, lineNumberAt(text, bad.index), reason);
  return { bytes, checked: null };
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let position = text.indexOf("\n"); position !== -1 && position < offset; position = text.indexOf("\n", position + 1)) line += 1;
  return line;
}

function sortedLines(file: string, badLine: RegExp, reason: string, checked?: CheckedFile): SortedLines {
  const read = readChecked(file, badLine, reason, checked?.longestKeyWords === undefined ? undefined : checked);
  const longestKeyWords = read.checked?.longestKeyWords;
  return new SortedLines(read.bytes, (line, why) => new LexiconFormatError(file, line, why), longestKeyWords === undefined ? undefined : { longestKeyWords });
}

const TRANSLATION_REASON = "expected a key and at least one translation, separated by tabs";
const FREQUENCY_REASON = "expected a term and a frequency class";
const DESCRIBING_REASON = "expected a term and the percentage of its uses that are nouns";
const INDEX_REASON = "expected a term, a tab, then line numbers (rebuild with npm run build-lexicons)";

/** What each file of the lexicons has: the files in the order they are opened, with their checks. */
const LEXICON_FILES = {
  "en-de.tsv": { sorted: true, badLine: BAD_TRANSLATION_LINE, reason: TRANSLATION_REASON },
  "de-en.tsv": { sorted: true, badLine: BAD_TRANSLATION_LINE, reason: TRANSLATION_REASON },
  "de-synonyms.txt": { sorted: false, badLine: BAD_SYNSET_LINE, reason: "expected N or W, a tab, then two or more terms" },
  "de-synonyms-index.tsv": { sorted: true, badLine: BAD_INDEX_LINE, reason: INDEX_REASON },
  "de-verb-forms.txt": { sorted: false, badLine: BAD_SYNSET_LINE, reason: "expected W, a tab, then two or more terms" },
  "de-verb-forms-index.tsv": { sorted: true, badLine: BAD_INDEX_LINE, reason: INDEX_REASON },
  "en-verb-forms.tsv": { sorted: true, badLine: BAD_TRANSLATION_LINE, reason: "expected a verb form and its infinitives, separated by tabs" },
  "frequency-de.tsv": { sorted: true, badLine: BAD_FREQUENCY_LINE, reason: FREQUENCY_REASON },
  "frequency-en.tsv": { sorted: true, badLine: BAD_FREQUENCY_LINE, reason: FREQUENCY_REASON },
  "de-describing.tsv": { sorted: true, badLine: BAD_FREQUENCY_LINE, reason: DESCRIBING_REASON },
  "en-describing.tsv": { sorted: true, badLine: BAD_FREQUENCY_LINE, reason: DESCRIBING_REASON },
} as const;
type LexiconFile = keyof typeof LEXICON_FILES;

/** Checks every file of a lexicon folder whole (throwing LexiconFormatError on the first bad line) and returns what `checksums.json` should hold. */
export function lexiconChecksums(directory: string = DEFAULT_LEXICON_DIR): LexiconChecksums {
  const files: LexiconChecksums["files"] = {};
  for (const [name, kind] of Object.entries(LEXICON_FILES)) {
    const file = `${directory.replace(/\/$/, "")}/${name}`;
    const read = readChecked(file, kind.badLine, kind.reason);
    const digest = sha256Hex(read.bytes);
    files[name] = kind.sorted
      ? { sha256: digest, longestKeyWords: new SortedLines(read.bytes, (line, why) => new LexiconFormatError(file, line, why)).longestKeyWords }
      : { sha256: digest };
  }
  return { files };
}

/**
 * Synsets ("N" or "W", a tab, their members) with an index from each member
 * to the lines of its synsets (built with them by scripts/build-lexicons.ts,
 * see synonymIndexOf), so that opening them builds nothing.
 */
export class Synsets implements SynonymLookup {
  constructor(
    private readonly sets: LineFile,
    private readonly index: SortedLines,
    /** Only synsets of these kinds count ("W": verbs and other non-nouns). */
    private readonly kinds: ReadonlySet<string> = new Set(["N", "W"]),
  ) {}

  /** The same synsets, of some kinds only. */
  only(kinds: readonly string[]): Synsets {
    return new Synsets(this.sets, this.index, new Set(kinds));
  }

  /** The terms sharing a synset with `term` (without it). */
  get(term: string): string[] | undefined {
    const positions = this.index.get(term);
    if (positions === undefined) return undefined;
    const related = new Set<string>();
    for (const position of positions.split(" ")) {
      const line = this.sets.line(Number(position));
      if (line === undefined || !this.kinds.has(line.slice(0, line.indexOf("\t")))) continue;
      for (const member of line.slice(line.indexOf("\t") + 1).split(" ")) if (member !== term) related.add(member);
    }
    return related.size > 0 ? [...related] : undefined;
  }
}

/** The index Synsets reads: each member, a tab, the (0-based) lines of the synsets it is in; sorted by member. */
export function synonymIndexOf(synsetLines: readonly string[]): string {
  const byMember = new Map<string, number[]>();
  synsetLines.forEach((line, position) => {
    for (const member of line.slice(line.indexOf("\t") + 1).split(" ")) {
      const positions = byMember.get(member);
      if (positions) positions.push(position);
      else byMember.set(member, [position]);
    }
  });
  return [...byMember.entries()]
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([member, positions]) => `${member}\t${positions.join(" ")}`)
    .join("\n");
}

/** A translation table: each entry stays as read and is split into phrases only when it is looked up. */
export class TranslationTable implements TranslationLookup {
  constructor(private readonly lines: SortedLines) {}

  get(key: string): TermPhrase[] | undefined {
    return this.lines
      .get(key)
      ?.split("\t")
      .map((translation) => translation.split(" "));
  }

  keysStartingWith(prefix: string, limit: number): string[] | null {
    return this.lines.keysStartingWith(prefix, limit);
  }
}

/** Frequency classes by term. */
export class FrequencyTable implements FrequencyLookup {
  constructor(private readonly lines: SortedLines) {}

  get(term: string): number | undefined {
    const value = this.lines.get(term);
    return value === undefined ? undefined : Number(value);
  }

  has(term: string): boolean {
    return this.lines.has(term);
  }
}

const loaded = new Map<string, Lexicons>();

/** Opens the lexicons of a folder once per process (they never change while running). */
export function loadLexicons(directory: string = DEFAULT_LEXICON_DIR): Lexicons {
  const cached = loaded.get(directory);
  if (cached) return cached;
  const folder = directory.replace(/\/$/, "");
  const checksums = readChecksums(folder);
  const sorted = (name: LexiconFile): SortedLines => {
    const kind = LEXICON_FILES[name];
    return sortedLines(`${folder}/${name}`, kind.badLine, kind.reason, checksums[name]);
  };
  const enDe = sorted("en-de.tsv");
  const deEn = sorted("de-en.tsv");
  const lineFile = (name: "de-synonyms.txt" | "de-verb-forms.txt"): LineFile => {
    const kind = LEXICON_FILES[name];
    return new LineFile(readChecked(`${folder}/${name}`, kind.badLine, kind.reason, checksums[name]).bytes);
  };
  const synsets = new Synsets(lineFile("de-synonyms.txt"), sorted("de-synonyms-index.tsv"));
  const infinitives = sorted("en-verb-forms.tsv");
  const lexicons: Lexicons = {
    synonyms: synsets,
    verbSynonyms: synsets.only(["W"]),
    translations: { "en-de": new TranslationTable(enDe), "de-en": new TranslationTable(deEn) },
    verbForms: {
      de: new Synsets(lineFile("de-verb-forms.txt"), sorted("de-verb-forms-index.tsv")),
      en: { get: (term) => infinitives.get(term)?.split("\t") },
    },
    frequency: { de: new FrequencyTable(sorted("frequency-de.tsv")), en: new FrequencyTable(sorted("frequency-en.tsv")) },
    describing: { de: new FrequencyTable(sorted("de-describing.tsv")), en: new FrequencyTable(sorted("en-describing.tsv")) },
    longestKey: Math.max(enDe.longestKeyWords, deEn.longestKeyWords),
  };
  loaded.set(directory, lexicons);
  return lexicons;
}
