/**
 * Builds the compact lexicons under data/lexicons/ from Debian's packages:
 *
 *   apt-get update && apt-get install openthesaurus-de-text dict-freedict-eng-deu dict-freedict-deu-eng trans-de-en wordnet-base fortunes-de
 *   npm run build-lexicons [-- --thesaurus FILE --dict-dir DIR --ding FILE --wordnet DIR --wordnet-counts FILE --german-text DIR --out DIR]
 *   npm run build-lexicons -- --checksums-only [--out DIR]
 *
 * Both write checksums.json beside the files (see lexicons.ts): the second
 * only that, after checking the files as they are, keeping the analyser
 * digest the last full build recorded.
 *
 * The bot never reads the packages: it reads only the files written here,
 * which hold analysed terms (folded, stemmed with the project's analyser) so
 * loading them costs no stemming. Rebuild them when the analyser changes
 * (a test checks a sample of them against the analyser).
 */
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Language } from "../src/search/analyzer.js";
import { regionNames, type RegionName } from "../src/search/regions.js";
import { LEXICON_CHECKSUM_FILE, lexiconAnalyzerDigest, lexiconChecksums, recordedAnalyzerDigest, synonymIndexOf } from "../src/search/lexicons.js";
import { compareKeys } from "../src/search/sorted-lines.js";
import { dictEntries, examplesOf, translationsOf } from "./lexicons/freedict.js";
import { dingLines, englishVerbForms, germanVerbForms, sensesOf, type DingLine } from "./lexicons/ding.js";
import { openThesaurusSynsets } from "./lexicons/openthesaurus.js";
import { fortuneCounts } from "./lexicons/fortunes.js";
import { semcorCounts, semcorSenses } from "./lexicons/wordnet.js";
import { EVERYDAY_WORD_CLASS } from "../src/answer/abstention.js";
import { attestedModifiers, compoundModifiers } from "./lexicons/compound-modifiers.js";
import { describingWords, dingWordKinds, isAdjective, semcorWordKinds, type WordKinds } from "./lexicons/word-kinds.js";
import { countryAdjectives } from "./lexicons/pertainyms.js";
import { cleanEntry, phraseTerms } from "./lexicons/phrases.js";
import { countTerms, senseWeight, serializeCounts, serializeTranslations, TranslationTable, type Counts } from "./lexicons/translations.js";

const { values } = parseArgs({
  options: {
    thesaurus: { type: "string", default: "/usr/share/openthesaurus-de/openthesaurus.txt" },
    "dict-dir": { type: "string", default: "/usr/share/dictd" },
    ding: { type: "string", default: "/usr/share/trans/de-en" },
    "wordnet-counts": { type: "string", default: "/usr/share/wordnet/cntlist.rev" },
    wordnet: { type: "string", default: "/usr/share/wordnet" },
    "german-text": { type: "string", default: "/usr/share/games/fortunes/de" },
    out: { type: "string", default: "data/lexicons" },
    "checksums-only": { type: "boolean", default: false },
  },
});
const outDir = values.out ?? "";

/** Headwords of the translation tables must be used this often by a dictionary (see keepHeadword). */
const MIN_HEADWORD_COUNT = 4;
/**
 * Every English headword is kept: an English question reaches a German
 * article only through them ("ammo", "howitzer", "Kremlin"), while German ones
 * serve German questions about English articles, and keeping the rare German
 * ones too would double their file.
 */
const MIN_ENGLISH_HEADWORD_COUNT = 1;
/**
 * How much an entry of the other direction counts: "Rennruderboot" → "shell"
 * is that word's main sense, not the English word's.
 */
const BACKWARD_WEIGHT = 0.5;
/** How much a translation from a later part of a Ding line (a compound, a plural, an example) counts against its headword's sense. */
const DING_LATER_PART_WEIGHT = 0.5;

interface Bilingual {
  enDe: TranslationTable;
  deEn: TranslationTable;
  /** Word counts of FreeDict's headwords and examples: the background frequency list. */
  counts: Record<Language, Counts>;
  /** Word counts of Ding's alternatives: a headword either dictionary uses often enough is kept. */
  dingCounts: Record<Language, Counts>;
  /** Keys of names (cities, peoples, nationalities: "Moscow", "Chinese"), kept however rare: questions name places. */
  names: Set<string>;
}

async function readFreeDict(into: Bilingual, dictDir: string): Promise<void> {
  const directions: { name: string; from: Language; to: Language; forward: TranslationTable; backward: TranslationTable }[] = [
    { name: "freedict-eng-deu", from: "en", to: "de", forward: into.enDe, backward: into.deEn },
    { name: "freedict-deu-eng", from: "de", to: "en", forward: into.deEn, backward: into.enDe },
  ];
  for (const direction of directions) {
    const sensesSeen = new Map<string, number>();
    for await (const entry of dictEntries(dictDir, direction.name)) {
      countTerms(into.counts[direction.from], entry.headword, direction.from);
      for (const example of examplesOf(entry)) {
        countTerms(into.counts[direction.from], example.quoted, direction.from);
        countTerms(into.counts[direction.to], example.gloss, direction.to);
      }
      const headword = cleanEntry(entry.headword);
      const key = phraseTerms(headword, direction.from);
      if (!key) continue;
      // A headword's entries (homonyms, "shell" the shell and "shell" the boat) and the headwords sharing its key
      // ("shells", "shelling") go on numbering its senses: the dictionary lists the common ones first.
      const first = sensesSeen.get(key) ?? 0;
      const translations = translationsOf(entry);
      sensesSeen.set(key, first + translations.length);
      translations.forEach((translation, index) => {
        const position = first + index;
        const weight = senseWeight(position) * baseFormWeight(headword, key);
        const target = phraseTerms(translation, direction.to);
        if (!target) return;
        const english = direction.from === "en" ? headword : translation;
        if (/^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*$/u.test(english)) into.names.add(key).add(target);
        // A pair counts in both directions: "treffen" → "meet" is also evidence for "meet" → "treffen".
        direction.forward.add(key, target, weight);
        direction.backward.add(target, key, BACKWARD_WEIGHT * weight);
      });
    }
  }
}

function readDing(into: Bilingual, lines: readonly DingLine[]): void {
  for (const line of lines) {
    for (const sense of sensesOf(line)) {
      for (const german of sense.german) countTerms(into.dingCounts.de, german, "de");
      for (const english of sense.english) countTerms(into.dingCounts.en, english, "en");
      const scale = sense.part === 0 ? 1 : DING_LATER_PART_WEIGHT;
      sense.german.forEach((german, germanPosition) => {
        const key = phraseTerms(german, "de");
        if (!key) return;
        sense.english.forEach((english, englishPosition) => {
          const target = phraseTerms(english, "en");
          if (!target) return;
          // Ding's lines are German headwords: their English side is evidence for the English word too, but weaker.
          into.deEn.add(key, target, scale * senseWeight(englishPosition) * baseFormWeight(german, key));
          into.enDe.add(target, key, BACKWARD_WEIGHT * scale * senseWeight(germanPosition) * baseFormWeight(english, target));
        });
      });
    }
  }
}

/**
 * How much one compound counts for an English word's translation as a compound's first part ("nuclear" →
 * "Atom", shown by "Atomwaffe", "Atomkraft", …): a tenth of a dictionary's first sense, so that a part many
 * compounds show ranks among the word's first translations.
 */
const MODIFIER_COMPOUND_WEIGHT = 0.1;

function addCompoundModifiers(into: Bilingual, lines: readonly DingLine[], englishKinds: { running: WordKinds; dictionary: WordKinds }): void {
  const adjective = (english: string): boolean => isAdjective(english, englishKinds.running, englishKinds.dictionary);
  for (const [english, german, compounds] of attestedModifiers(compoundModifiers(lines), adjective)) {
    into.enDe.add(english, german, MODIFIER_COMPOUND_WEIGHT * compounds);
  }
}

/**
 * Keys are stems, so "badly" and "bad", "shelling" and "shell" share one:
 * a headword longer than its key counts less (its senses are the derived
 * word's: "badly" → "dringend").
 */
function baseFormWeight(headword: string, key: string): number {
  return 1 / (1 + Math.max(0, headword.replace(/\s+/gu, "").length - key.replace(/\s+/gu, "").length) / 3);
}

function newBilingual(): Bilingual {
  return {
    enDe: new TranslationTable(),
    deEn: new TranslationTable(),
    counts: { de: new Map(), en: new Map() },
    dingCounts: { de: new Map(), en: new Map() },
    names: new Set(),
  };
}

/** ICU's region names (Intl.DisplayNames) first: they are exact, where a dictionary may list a region's other senses. */
function addRegions(bilingual: Bilingual, regions: readonly RegionName[]): Set<string> {
  const regionKeys = new Set<string>(bilingual.names);
  for (const { code, de, en } of regions) {
    if (!de || !en || de === code) continue;
    const german = phraseTerms(de, "de");
    const english = phraseTerms(en, "en");
    if (!german || !english) continue;
    bilingual.enDe.pin(english, german);
    bilingual.deEn.pin(german, english);
    regionKeys.add(english).add(german);
  }
  return regionKeys;
}

/** Shorter German keys of a nationality are abbreviations or fragments ("lu", "nz", "est"), and may be a name's part ("Li"). */
const MIN_COUNTRY_WORD = 4;

/**
 * Country adjectives: WordNet says which country "Chinese" or "North Korean"
 * pertains to; the German adjectives are those whose first translation is
 * that English adjective ("chinesisch" → "Chinese"). Each adjective also
 * translates to the country's name in the other language ("Chinese" →
 * "China", "chinesisch" → "China"), so "the Chinese president" reaches
 * "Chinas Präsident", and so does "der chinesische Präsident" when the
 * articles lack the adjective (through English and back, see expandTokens).
 * They are no German synsets: a synonym reaches passages for words the
 * articles have too, and "Russland" reaching every "russischen" moved
 * rankings for no German question gained.
 */
async function addCountryAdjectives(bilingual: Bilingual, names: Set<string>, allRegions: readonly RegionName[], wordnetDir: string): Promise<void> {
  const regions = allRegions.filter((region) => region.de && region.en);
  const codeByEnglishName = new Map(regions.map((region) => [region.en ?? "", region.code]));
  const adjectives = await countryAdjectives(wordnetDir, codeByEnglishName);
  const germanAdjectivesOf = new Map<string, string[]>();
  // Only a German word translated as a capitalised English word, a name ("polnisch" → "Polish", not "polieren" → "polish").
  for (const key of bilingual.deEn.keys()) {
    if (key.includes(" ") || !names.has(key) || key.length < MIN_COUNTRY_WORD) continue;
    const first = bilingual.deEn.best(key)[0];
    if (first !== undefined) germanAdjectivesOf.set(first, [...(germanAdjectivesOf.get(first) ?? []), key]);
  }
  for (const region of regions) {
    const germanName = phraseTerms(region.de ?? "", "de");
    const englishName = phraseTerms(region.en ?? "", "en");
    if (!germanName || !englishName) continue;
    const english = (adjectives.get(region.code) ?? []).map((adjective) => phraseTerms(adjective, "en")).filter((key): key is string => key !== null);
    const german = [...new Set(english.flatMap((key) => germanAdjectivesOf.get(key) ?? []))].filter((key) => key !== germanName);
    for (const key of english) {
      for (const adjective of german) bilingual.enDe.add(key, adjective, 1);
      bilingual.enDe.add(key, germanName, 1);
      names.add(key);
    }
    for (const adjective of german) {
      bilingual.deEn.add(adjective, englishName, 1);
      names.add(adjective);
    }
  }
}

function keepHeadword(language: Language, bilingual: Bilingual, names: ReadonlySet<string>): (key: string) => boolean {
  const least = language === "en" ? MIN_ENGLISH_HEADWORD_COUNT : MIN_HEADWORD_COUNT;
  // Phrase headwords stay only for names (regions): other phrases are idioms that questions rarely repeat.
  return (key) =>
    names.has(key) || (!key.includes(" ") && Math.max(bilingual.counts[language].get(key) ?? 0, bilingual.dingCounts[language].get(key) ?? 0) >= least);
}

/** Verb forms: German groups (every form ↔ every other), English irregular form → infinitive. */
function verbForms(lines: readonly DingLine[]): { german: string[]; english: string } {
  const german = new Set<string>();
  const english = new Map<string, Set<string>>();
  for (const line of lines) {
    for (const group of germanVerbForms(line)) german.add(`W\t${group.join(" ")}`);
    for (const [form, infinitive] of englishVerbForms(line)) english.set(form, (english.get(form) ?? new Set()).add(infinitive));
  }
  const englishLines = [...english.entries()]
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([form, infinitives]) => [form, ...infinitives].join("\t"))
    .join("\n");
  return { german: [...german].sort(), english: englishLines };
}

/** Terms of a frequency list below everyday language: the only ones abstention asks the kind of (see AbstentionFeatures.unknownDescribing). */
function specific(frequencyList: string): (term: string) => boolean {
  const classes = new Map(frequencyList.split("\n").map((line) => [line.slice(0, line.indexOf("\t")), Number(line.slice(line.indexOf("\t") + 1))]));
  return (term) => (classes.get(term) ?? EVERYDAY_WORD_CLASS) < EVERYDAY_WORD_CLASS;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const ding = await dingLines(values.ding ?? "");
  // Ding's German alternatives of one sense ("Kriegsgerät; Waffen") would make synsets too, but they added noise
  // (more off-topic questions hedged than paraphrases gained) at three times the size: OpenThesaurus alone.
  const bilingual = newBilingual();
  await readFreeDict(bilingual, values["dict-dir"] ?? "");
  readDing(bilingual, ding);
  const kinds = dingWordKinds(ding);
  // SemCor's sense counts give English both its running-text frequencies and its word kinds.
  const semcor = await semcorSenses(values["wordnet-counts"] ?? "");
  const englishRunningKinds = semcorWordKinds(semcor);
  addCompoundModifiers(bilingual, ding, { running: englishRunningKinds, dictionary: kinds.en });
  // ICU's region names, read once: they are the translation tables' names and the countries adjectives pertain to.
  const regions = regionNames();
  const names = addRegions(bilingual, regions);
  await addCountryAdjectives(bilingual, names, regions, values.wordnet ?? "");
  const synsetLines = [...new Set(await openThesaurusSynsets(values.thesaurus ?? ""))].sort();
  const forms = verbForms(ding);
  const frequencyDe = serializeCounts(bilingual.counts.de, await fortuneCounts(values["german-text"] ?? ""));
  const frequencyEn = serializeCounts(bilingual.counts.en, semcorCounts(semcor));
  const files: [string, string][] = [
    ["de-synonyms.txt", synsetLines.join("\n")],
    // Opening the synonyms then only reads files: the index from members to their synsets is built here.
    ["de-synonyms-index.tsv", synonymIndexOf(synsetLines)],
    ["de-verb-forms.txt", forms.german.join("\n")],
    ["de-verb-forms-index.tsv", synonymIndexOf(forms.german)],
    ["en-verb-forms.tsv", forms.english],
    ["en-de.tsv", serializeTranslations(bilingual.enDe, keepHeadword("en", bilingual, names))],
    ["de-en.tsv", serializeTranslations(bilingual.deEn, keepHeadword("de", bilingual, names))],
    ["frequency-de.tsv", frequencyDe],
    ["frequency-en.tsv", frequencyEn],
    ["de-describing.tsv", describingWords(kinds.de, new Map(), specific(frequencyDe))],
    ["en-describing.tsv", describingWords(englishRunningKinds, kinds.en, specific(frequencyEn))],
  ];
  for (const [name, text] of files) {
    await writeFile(join(outDir, name), `${text}\n`);
    console.log(`${name}: ${text.split("\n").length} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
  await writeChecksums(lexiconAnalyzerDigest());
}

/**
 * Checks the files whole once more and records their digests, so that the bot's start-up does not check them
 * again, and the digest of the analyser they were built with.
 */
async function writeChecksums(analyzer: string | null): Promise<void> {
  const checksums = { ...lexiconChecksums(outDir), ...(analyzer === null ? {} : { analyzer }) };
  await writeFile(join(outDir, LEXICON_CHECKSUM_FILE), `${JSON.stringify(checksums, null, 2)}\n`);
  console.log(`${LEXICON_CHECKSUM_FILE}: written`);
}

if (values["checksums-only"]) await writeChecksums(recordedAnalyzerDigest(outDir));
else await main();
