/**
 * Builds the compact lexicons under data/lexicons/ from Debian's packages:
 *
 *   apt-get update && apt-get install openthesaurus-de-text dict-freedict-eng-deu dict-freedict-deu-eng
 *   npm run build-lexicons [-- --thesaurus FILE --dict-dir DIR --out DIR]
 *   npm run build-lexicons -- --checksums-only [--out DIR]
 *
 * Both write checksums.json beside the files (see lexicons.ts): the second
 * only that, after checking the files as they are.
 *
 * The bot never reads the packages: it reads only the files written here,
 * which hold analysed terms (folded, stemmed with the project's analyser) so
 * loading them costs no stemming. Rebuild them when the analyser changes
 * (a test checks a sample of them against the analyser).
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analyze, tokenize, type Language } from "../src/search/analyzer.js";
import { regionNames } from "../src/search/regions.js";
import { LEXICON_CHECKSUM_FILE, lexiconChecksums, synonymIndexOf } from "../src/search/lexicons.js";
import { compareKeys } from "../src/search/sorted-lines.js";

const { values } = parseArgs({
  options: {
    thesaurus: { type: "string", default: "/usr/share/openthesaurus-de/openthesaurus.txt" },
    "dict-dir": { type: "string", default: "/usr/share/dictd" },
    out: { type: "string", default: "data/lexicons" },
    "checksums-only": { type: "boolean", default: false },
  },
});
const thesaurusFile = values.thesaurus ?? "";
const dictDir = values["dict-dir"] ?? "";
const outDir = values.out ?? "";

/** Longest phrase kept on either side: longer entries are idioms that a question rarely repeats word for word. */
const MAX_PHRASE_TERMS = 3;
/** Translations kept per headword, in the dictionary's order (its first senses are the common ones). */
const MAX_TRANSLATIONS = 10;
/** Synsets larger than this are mostly loose associations. */
const MAX_SYNSET = 16;

/** Leading words a headword may carry without changing what it names ("sich treffen", "the Hague"). */
const LEADING_FUNCTION_WORDS = new Set(["sich", "der", "die", "das", "ein", "eine", "the", "a", "an", "to"]);

/**
 * Terms of a phrase, joined by spaces; null when it is empty, too long, or
 * loses a word to the stop list ("to get going" is not "get").
 */
function phraseTerms(phrase: string, language: Language): string | null {
  const words = tokenize(phrase);
  while (words.length > 1 && LEADING_FUNCTION_WORDS.has((words[0] ?? "").toLowerCase())) words.shift();
  const terms = analyze(words.join(" "), language).map((token) => token.term);
  if (terms.length === 0 || terms.length > MAX_PHRASE_TERMS || terms.length !== words.length) return null;
  return terms.join(" ");
}

/** Drops register labels and glosses: "(ugs.)", "[mil.]", "<fem>", "{…}", "etw.", "jdm.". */
function cleanEntry(text: string): string {
  return text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\/[^/]*\//g, " ")
    .replace(/\b(?:etw|jdm|jdn|jds|jd|sth|sb|sb's)\b\.?/g, " ")
    .replace(/^\s*to\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * One line per synset: "N" (nouns: the members are capitalized) or "W" (verbs
 * and other words), a tab, then the members' terms. The kind matters at query
 * time: a verb form's reduced stem ("stammt" → "stamm") must meet verbs
 * ("stammen"), not a noun that stems alike ("Stamm").
 */
async function buildSynonyms(): Promise<string[]> {
  const lines = (await readFile(thesaurusFile, "utf8")).split("\n");
  const synsets = new Set<string>();
  for (const line of lines) {
    if (line.startsWith("#") || line.trim().length === 0) continue;
    const members = new Set<string>();
    let capitalized = 0;
    for (const raw of line.split(";")) {
      const cleaned = cleanEntry(raw);
      // Single words only: a phrase from the thesaurus rarely stands in a question as such.
      if (cleaned.length === 0 || cleaned.includes(" ") || cleaned.includes("...")) continue;
      const terms = phraseTerms(cleaned, "de");
      if (!terms || terms.includes(" ")) continue;
      members.add(terms);
      if (/^\p{Lu}/u.test(cleaned)) capitalized += 1;
    }
    if (members.size < 2 || members.size > MAX_SYNSET) continue;
    const kind = capitalized * 2 > members.size ? "N" : "W";
    synsets.add(`${kind}\t${[...members].sort().join(" ")}`);
  }
  return [...synsets].sort();
}

interface DictEntry {
  headword: string;
  body: string[];
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function decodeDictNumber(text: string): number {
  let value = 0;
  for (const character of text) value = value * 64 + BASE64.indexOf(character);
  return value;
}

/** Reads a dictd dictionary through its index: one entry per index line. */
async function* dictEntries(name: string): AsyncGenerator<DictEntry> {
  const index = (await readFile(join(dictDir, `${name}.index`), "utf8")).split("\n");
  const data = gunzipSync(await readFile(join(dictDir, `${name}.dict.dz`)));
  for (const line of index) {
    const [headword, offset, length] = line.split("\t");
    if (!headword || !offset || !length || headword.startsWith("00-database")) continue;
    const start = decodeDictNumber(offset);
    const text = data.subarray(start, start + decodeDictNumber(length)).toString("utf8");
    const [, ...body] = text.split("\n");
    yield { headword, body };
  }
}

/** The translations of an entry: the lines that are neither notes, cross-references nor examples. */
function translationsOf(entry: DictEntry): string[] {
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

/** Candidate translations per headword key, with the length of the headword they came from. */
type Translations = Map<string, { translation: string; rank: number }[]>;

/**
 * Keys are stems, so "receivable" and "receive" share one: the shortest
 * headword (the base form) ranks first, then the dictionary's order.
 */
function addTranslation(table: Translations, key: string, translation: string, headword: string): void {
  const list = table.get(key) ?? [];
  list.push({ translation, rank: headword.length });
  table.set(key, list);
}

function bestTranslations(list: readonly { translation: string; rank: number }[]): string[] {
  const ordered = [...list].sort((left, right) => left.rank - right.rank).map((item) => item.translation);
  return [...new Set(ordered)].slice(0, MAX_TRANSLATIONS);
}

/**
 * word counts of the dictionary's own examples and headwords, as a stand-in
 * for a background frequency list: common words recur in many of them.
 */
type Counts = Map<string, number>;
function countTerms(counts: Counts, text: string, language: Language): void {
  for (const token of analyze(text, language)) counts.set(token.term, (counts.get(token.term) ?? 0) + 1);
}

/** The German or English side of the example lines: `"German phrase"  - English phrase`. */
function examples(entry: DictEntry): { quoted: string; gloss: string }[] {
  const found: { quoted: string; gloss: string }[] = [];
  for (const line of entry.body) {
    const match = /^\s*"([^"]*)"\s+-\s+(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) found.push({ quoted: match[1], gloss: match[2] });
  }
  return found;
}

async function buildTranslations(): Promise<{ enDe: Translations; deEn: Translations; counts: Record<Language, Counts>; names: Set<string> }> {
  const enDe: Translations = new Map();
  const deEn: Translations = new Map();
  // Keys of names (cities, peoples, nationalities: "Moscow", "Chinese"), kept however rare: questions name places.
  const names = new Set<string>();
  const counts: Record<Language, Counts> = { de: new Map(), en: new Map() };
  const directions: { name: string; from: Language; to: Language; forward: Translations; backward: Translations }[] = [
    { name: "freedict-eng-deu", from: "en", to: "de", forward: enDe, backward: deEn },
    { name: "freedict-deu-eng", from: "de", to: "en", forward: deEn, backward: enDe },
  ];
  for (const direction of directions) {
    for await (const entry of dictEntries(direction.name)) {
      countTerms(counts[direction.from], entry.headword, direction.from);
      for (const example of examples(entry)) {
        countTerms(counts[direction.from], example.quoted, direction.from);
        countTerms(counts[direction.to], example.gloss, direction.to);
      }
      const headword = cleanEntry(entry.headword);
      const key = phraseTerms(headword, direction.from);
      if (!key) continue;
      for (const translation of translationsOf(entry)) {
        const target = phraseTerms(translation, direction.to);
        if (!target) continue;
        const english = direction.from === "en" ? headword : translation;
        if (/^\p{Lu}\p{Ll}+$/u.test(english)) names.add(key).add(target);
        addTranslation(direction.forward, key, target, entry.headword);
        addTranslation(direction.backward, target, key, translation);
      }
    }
  }
  return { enDe, deEn, counts, names };
}

/**
 * Keeps headwords made of words the dictionaries use often enough to be in
 * the frequency list: rare compounds and technical terms are mostly
 * spelled the same in questions and articles, and they make up most of the size.
 */
function serializeTranslations(table: Translations, frequent: Counts, keepPhrases: ReadonlySet<string>): string {
  // Phrase headwords stay only for names (regions): other phrases are idioms that questions rarely repeat.
  const keep = (key: string): boolean => keepPhrases.has(key) || (!key.includes(" ") && (frequent.get(key) ?? 0) >= MIN_HEADWORD_COUNT);
  return [...table.entries()]
    .map(([key, list]) => [key, bestTranslations(list)] as const)
    .filter(([key, list]) => keep(key) && list.some((translation) => translation !== key))
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([key, list]) => [key, ...list].join("\t"))
    .join("\n");
}

/**
 * Frequency classes: log2 of a term's occurrences per ten million terms of
 * its language's side of the dictionaries, so that both languages share one
 * scale (the English side, made of glosses, is larger). Kept for terms seen
 * at least MIN_COUNT times.
 */
const MIN_COUNT = 4;
const PER_TERMS = 10_000_000;
/** Headwords of the translation tables must be this common (see serializeTranslations). */
const MIN_HEADWORD_COUNT = 4;
function serializeCounts(counts: Counts): string {
  let total = 0;
  for (const count of counts.values()) total += count;
  return [...counts.entries()]
    .filter(([, count]) => count >= MIN_COUNT)
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([term, count]) => `${term}\t${Math.max(0, Math.floor(Math.log2((count * PER_TERMS) / total)))}`)
    .join("\n");
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const synonyms = await buildSynonyms();
  const { enDe, deEn, counts, names } = await buildTranslations();
  const regionKeys = new Set<string>(names);
  for (const { code, de, en } of regionNames()) {
    if (!de || !en || de === code) continue;
    const german = phraseTerms(de, "de");
    const english = phraseTerms(en, "en");
    if (!german || !english) continue;
    // ICU's names go first: they are exact, where the dictionary may list a region's other senses.
    // ICU's names go first (rank -1): they are exact, where the dictionary may list a region's other senses.
    enDe.set(english, [{ translation: german, rank: -1 }, ...(enDe.get(english) ?? [])]);
    deEn.set(german, [{ translation: english, rank: -1 }, ...(deEn.get(german) ?? [])]);
    regionKeys.add(english).add(german);
  }
  const files: [string, string][] = [
    ["de-synonyms.txt", synonyms.join("\n")],
    // Opening the synonyms then only reads files: the index from members to their synsets is built here.
    ["de-synonyms-index.tsv", synonymIndexOf(synonyms)],
    ["en-de.tsv", serializeTranslations(enDe, counts.en, regionKeys)],
    ["de-en.tsv", serializeTranslations(deEn, counts.de, regionKeys)],
    ["frequency-de.tsv", serializeCounts(counts.de)],
    ["frequency-en.tsv", serializeCounts(counts.en)],
  ];
  for (const [name, text] of files) {
    await writeFile(join(outDir, name), `${text}\n`);
    console.log(`${name}: ${text.split("\n").length} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
  await writeChecksums();
}

/** Checks the files whole once more and records their digests, so that the bot's start-up does not check them again. */
async function writeChecksums(): Promise<void> {
  await writeFile(join(outDir, LEXICON_CHECKSUM_FILE), `${JSON.stringify(lexiconChecksums(outDir), null, 2)}\n`);
  console.log(`${LEXICON_CHECKSUM_FILE}: written`);
}

if (values["checksums-only"]) await writeChecksums();
else await main();
