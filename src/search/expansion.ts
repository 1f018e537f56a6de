import { analyze, languageMarkers, stem, type AnalyzedToken, type Language } from "./analyzer.js";
import { compoundsOfParts, compoundSynonyms, splitCompound } from "./compound-synonyms.js";
import { COMPOUND_SHARE, compoundParts, verbStemVariants, type Vocabulary } from "./vocabulary.js";
import { dictionaryKnows, type Lexicons, type TermPhrase, type TranslationLookup } from "./lexicons.js";
import { regionCodesByName } from "./regions.js";

/**
 * Query expansion through the lexicons: German synonyms and English↔German
 * translations of the question's words. Expansions are kept only when the
 * index has them (so they cannot drift to words no article uses) and weigh
 * less than the words the question itself used.
 */

export interface ExpansionOptions {
  /** Weight of a synonym of a word that the articles also use as such. */
  synonymWeight: number;
  /** Weight of a synonym of a word the articles never use: then the synonym is the only way in. */
  unknownSynonymWeight: number;
  /** Weight of a translation (questions in another language than the article). */
  translationWeight: number;
  /** Weight of an indexed compound that holds a question word the articles lack as such ("Lebensmittel" → "Lebensmittelknappheit"). */
  compoundWeight: number;
  /** The same for a question word the articles also have as such. */
  knownCompoundWeight: number;
  /** Weight of a German word reached through English and back (Geschoss → shell → Granate), for words nothing else reached. */
  roundTripWeight: number;
  /** Weight of an indexed word one typo away from a question word the index does not have. */
  spellingWeight: number;
  /** Share of the translation weight for a part of a German compound the dictionary lacks. */
  compoundPartShare: number;
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = {
  synonymWeight: 0.2,
  unknownSynonymWeight: 0.6,
  translationWeight: 0.85,
  compoundWeight: 0.5,
  knownCompoundWeight: 0,
  spellingWeight: 0.7,
  roundTripWeight: 0.35,
  compoundPartShare: 0.6,
};

/** Senses followed on each leg of a round trip: the first ones are the common ones. */
const ROUND_TRIP_SENSES = 4;
/** Shortest English word read as clipped from longer headwords, and the most headwords it may stand for. */
const MIN_CLIPPED = 4;
const MAX_CLIPPED_FROM = 30;
/** Common senses of a verb added to those of a form of it that the dictionary lists apart. */
const VERB_SENSES = 4;
/** Senses of a compound's part that may say what it means in the compound: the common ones too. */
const PART_SENSES = 4;

export interface TermExpansion {
  term: string;
  /** Relative to 1 for the question's own words. */
  weight: number;
  via: "synonym" | "translation" | "compound" | "spelling";
}

/**
 * The language of a question. Function words decide when there are any;
 * keyword queries ("russia ammunition shortage") have none, so then each word
 * votes by which language's dictionary knows it. `articlesLanguage`: the one
 * language of the articles that hold a word as written, if they are all in
 * one; such a word votes for no other ("Kim", which the English list knows as
 * a name, does not make "was will kim" English beside German articles).
 */
export function guessQuestionLanguage(question: string, lexicons: Lexicons, articlesLanguage: (term: string) => Language | null = () => null): Language {
  const { german, english } = languageMarkers(question);
  if (german !== english) return english > german ? "en" : "de";
  let votes = 0;
  for (const token of analyze(question, "de")) {
    const held = articlesLanguage(token.term);
    const inGerman = dictionaryKnows(lexicons, token.term, "de");
    const inEnglish = dictionaryKnows(lexicons, stem(token.folded, "en"), "en");
    if (inEnglish && !inGerman && held !== "de") votes += 1;
    if (inGerman && !inEnglish && held !== "en") votes -= 1;
  }
  return votes > 0 ? "en" : "de";
}

export interface ExpansionInput {
  /** The question's tokens analyzed as German (the index's default analysis). */
  german: readonly AnalyzedToken[];
  /** The same tokens analyzed as English, position by position, when the question is English. */
  english: readonly AnalyzedToken[] | null;
  questionLanguage: Language;
  /** Languages the indexed passages are in. */
  indexLanguages: ReadonlySet<Language>;
  /** Whether each token (by position) occurs in the index as written. */
  known: readonly boolean[];
}

/** The form of `term`'s verb that `table` translates, the one sharing the longest start with it ("entlasst" → "entlass", not "entliess"). */
function ownVerb(term: string, lexicons: Lexicons, table: TranslationLookup): string | undefined {
  const shared = (form: string): number => {
    let length = 0;
    while (length < form.length && form[length] === term[length]) length += 1;
    return length;
  };
  const forms = (lexicons.verbForms.de.get(term) ?? []).filter((form) => table.get(form) !== undefined);
  return forms.sort((left, right) => shared(right) - shared(left))[0];
}

/** Index terms that a set of lexicon stems reaches: as such, and (weighing less) as parts of compounds. */
function reach(stems: Iterable<string>, vocabulary: Vocabulary): { exact: string[]; compounds: string[] } {
  const exact = new Set<string>();
  const compounds = new Set<string>();
  for (const term of stems) {
    for (const indexed of vocabulary.resolve(term)) exact.add(indexed);
    for (const indexed of vocabulary.compounds(term)) compounds.add(indexed);
  }
  for (const term of exact) compounds.delete(term);
  return { exact: [...exact], compounds: [...compounds] };
}

/**
 * The stems a list of translations reaches. A phrase stands for its words
 * only when no translation is a single word: "agree" is "zustimmen", and
 * "einverstanden erklären" must not bring in "erklären" on its own.
 */
function phraseStems(phrases: readonly TermPhrase[]): string[] {
  const words = phrases.filter((phrase) => phrase.length === 1);
  return (words.length > 0 ? words : phrases).flatMap((phrase) => [...phrase]);
}

/** The one-word translations of a list (a compound's part is one word). */
function singleWords(phrases: readonly TermPhrase[] | undefined): string[] {
  return (phrases ?? []).flatMap((phrase) => (phrase.length === 1 && phrase[0] !== undefined ? [phrase[0]] : []));
}

/**
 * Translations of each token from the longest phrase key that covers it:
 * "north korea" is "Nordkorea", and its "korea" alone must not add "Südkorea".
 * A phrase whose translations reach nothing (`reaches`) leaves its words to
 * shorter keys: "korean war" is "Koreakrieg", and an article without that word
 * may still speak of the war ("Krieg").
 */
function translationsByPosition(
  terms: readonly string[],
  table: TranslationLookup,
  longestKey: number,
  reaches: (phrases: readonly TermPhrase[]) => boolean,
): TermPhrase[][] {
  const result: TermPhrase[][] = terms.map(() => []);
  const covered = terms.map(() => false);
  for (let size = Math.min(longestKey, terms.length); size >= 1; size -= 1) {
    for (let start = 0; start + size <= terms.length; start += 1) {
      if (covered.slice(start, start + size).some(Boolean)) continue;
      const translations = table.get(terms.slice(start, start + size).join(" "));
      if (!translations || (size > 1 && !reaches(translations))) continue;
      for (let position = start; position < start + size; position += 1) {
        result[position]?.push(...translations);
        covered[position] = true;
      }
    }
  }
  return result;
}

/**
 * The expansions of each question token (same order as `input.german`),
 * each spread over the index terms it reaches: a word with six synonyms in
 * the articles does not weigh six times a word with one. Each token's list is
 * strongest first.
 */
export function expandTokens(input: ExpansionInput, lexicons: Lexicons, vocabulary: Vocabulary, options: ExpansionOptions): TermExpansion[][] {
  const expansions: TermExpansion[][] = input.german.map(() => []);
  const add = (position: number, reached: { exact: string[]; compounds: string[] }, weight: number, via: TermExpansion["via"]): void => {
    const list = expansions[position];
    if (!list) return;
    // Exact reaches and compounds share the weight apart: many compounds of one word must not dilute the word itself.
    const share = weight / Math.sqrt(Math.max(1, reached.exact.length));
    const compoundShare = (weight / Math.sqrt(Math.max(1, reached.compounds.length))) * COMPOUND_SHARE;
    const put = (term: string, termWeight: number, termVia: TermExpansion["via"]): void => {
      const existing = list.find((expansion) => expansion.term === term);
      if (existing) existing.weight = Math.max(existing.weight, termWeight);
      else list.push({ term, weight: termWeight, via: termVia });
    };
    for (const term of reached.exact) put(term, share, via);
    // A compound the word only stands inside is a looser bridge, whatever led to it.
    for (const term of reached.compounds) put(term, Math.min(share, compoundShare), "compound");
  };
  const reaches = (phrases: readonly TermPhrase[]): boolean => {
    const { exact, compounds } = reach(phraseStems(phrases), vocabulary);
    return exact.length > 0 || compounds.length > 0;
  };
  const english = input.english;
  if (input.questionLanguage === "en" && english && input.indexLanguages.has("de")) {
    const table = lexicons.translations["en-de"];
    // An irregular form is looked up as its infinitive ("met" as "meet", not the Metropolitan Police).
    const keys = english.map((token) => lexicons.verbForms.en.get(token.term)?.find((infinitive) => table.get(infinitive) !== undefined) ?? token.term);
    const translations = translationsByPosition(keys, table, lexicons.longestKey, reaches);
    translations.forEach((phrases, position) => add(position, reach(phraseStems(phrases), vocabulary), options.translationWeight, "translation"));
    // Two English words German says in one: "security council" is a compound of their translations, "Sicherheitsrat"
    // (even with a head as short as "Rat", which alone reaches no compounds).
    for (let position = 0; position + 1 < english.length; position += 1) {
      const modifiers = new Set(singleWords(translations[position]));
      const heads = singleWords(translations[position + 1]);
      if (modifiers.size === 0 || heads.length === 0) continue;
      const compounds = compoundsOfParts(modifiers, heads, vocabulary);
      if (compounds.length === 0) continue;
      for (const at of [position, position + 1]) add(at, { exact: compounds, compounds: [] }, options.translationWeight, "translation");
    }
    // A word the dictionary lacks may be clipped from longer headwords ("tech" → "technology", "technique"): their
    // common senses, weighed as a round trip, unless too many words start so.
    english.forEach((token, position) => {
      if (input.known[position] || (translations[position]?.length ?? 0) > 0 || token.term.length < MIN_CLIPPED || /\d/u.test(token.term)) return;
      const longer = (table.keysStartingWith?.(token.term, MAX_CLIPPED_FROM) ?? []).filter((key) => key !== token.term && !key.includes(" "));
      const phrases = longer.flatMap((key) => (table.get(key) ?? []).slice(0, ROUND_TRIP_SENSES));
      add(position, reach(phraseStems(phrases), vocabulary), options.roundTripWeight, "translation");
    });
  }
  if (input.questionLanguage === "de" && input.indexLanguages.has("en")) {
    const table = lexicons.translations["de-en"];
    // A conjugated form the dictionary lacks ("entlässt") is looked up as the verb it belongs to ("entlassen").
    const keys = input.german.map((token) => (table.get(token.term) !== undefined ? token.term : (ownVerb(token.term, lexicons, table) ?? token.term)));
    const translations = translationsByPosition(keys, table, lexicons.longestKey, reaches);
    // A form the dictionary lists apart may keep only a rare sense ("kostet": "tastes"): its verb's common senses too ("costs").
    input.german.forEach((token, position) => {
      if (keys[position] !== token.term) return;
      const verb = ownVerb(token.term, lexicons, table);
      if (verb !== undefined && verb !== token.term) translations[position]?.push(...(table.get(verb) ?? []).slice(0, VERB_SENSES));
    });
    translations.forEach((phrases, position) => add(position, reach(phraseStems(phrases), vocabulary), options.translationWeight, "translation"));
    // A compound the dictionary lacks is said in English by its parts: "Hafenbrücke" → "harbour", "bridge".
    input.german.forEach((token, position) => {
      if (input.known[position] || (translations[position]?.length ?? 0) > 0) return;
      const parts = splitCompound(token.folded, (term) => table.get(term) !== undefined);
      if (!parts) return;
      for (const part of [parts.modifier, parts.head]) {
        add(
          position,
          reach(phraseStems((table.get(part) ?? []).slice(0, PART_SENSES)), vocabulary),
          options.translationWeight * options.compoundPartShare,
          "translation",
        );
      }
    });
  }
  if (input.questionLanguage === "de") {
    input.german.forEach((token, position) => {
      const variants = [...verbStemVariants(token.term), ...(lexicons.verbForms.de.get(token.term) ?? [])];
      const ofVerbForms = variants.flatMap((variant) => lexicons.verbSynonyms.get(variant) ?? []);
      const synonyms = [...new Set([...(lexicons.synonyms.get(token.term) ?? []), ...ofVerbForms])];
      const weight = input.known[position] ? options.synonymWeight : options.unknownSynonymWeight;
      add(position, reach(synonyms, vocabulary), weight, "synonym");
    });
  }
  // A German word the articles lack, that no synonym reached: its English translations' German translations.
  if (input.questionLanguage === "de" && options.roundTripWeight > 0) {
    input.german.forEach((token, position) => {
      if (input.known[position] || (expansions[position]?.length ?? 0) > 0) return;
      const english = (lexicons.translations["de-en"].get(token.term) ?? []).slice(0, ROUND_TRIP_SENSES);
      const german = english.flatMap((phrase) => (lexicons.translations["en-de"].get(phrase.join(" ")) ?? []).slice(0, ROUND_TRIP_SENSES));
      add(position, reach(phraseStems(german), vocabulary), options.roundTripWeight, "translation");
    });
  }
  // Compounds of the word itself, unless a translation already said what it is ("korea" in "north korea").
  input.german.forEach((token, position) => {
    if (input.english && (expansions[position]?.length ?? 0) > 0) return;
    const own = [token.term, input.english?.[position]?.term ?? token.term];
    // A word the articles have as such needs its compounds less (the n-gram channel meets them too).
    const weight = (input.known[position] ? options.knownCompoundWeight : options.compoundWeight) / COMPOUND_SHARE;
    add(position, { exact: [], compounds: [...new Set(own.flatMap((term) => vocabulary.compounds(term)))] }, weight, "compound");
  });
  // A compound the articles do not have may have parts they do: "Koreakrieg" → "Korea", "Krieg". An English word is
  // no German compound ("shortage" is not "shor" + "Tage"), unlike a German word in an English question, and a
  // country's name is none either ("Neuseeland" is no "Land" of the articles').
  input.german.forEach((token, position) => {
    if (input.known[position] || regionCodesByName().has(token.folded)) return;
    if (input.english && lexicons.frequency.en.has(input.english[position]?.term ?? "")) return;
    add(position, { exact: [], compounds: compoundParts(token.folded, vocabulary) }, options.compoundWeight / COMPOUND_SHARE, "compound");
  });
  // A compound the articles lack may be one they have, with other words for its parts ("Rüstungszusammenarbeit" → "Waffenkooperation").
  if (input.questionLanguage === "de") {
    const dictionary = {
      synonyms: lexicons.synonyms,
      isWord: (term: string): boolean => lexicons.frequency.de.has(term) || lexicons.synonyms.get(term) !== undefined,
    };
    input.german.forEach((token, position) => {
      if (input.known[position]) return;
      const found = compoundSynonyms(token.folded, dictionary, vocabulary);
      for (const swapped of [1, 2] as const) {
        const terms = found.filter((match) => match.swapped === swapped).map((match) => match.term);
        if (terms.length > 0) add(position, { exact: terms, compounds: [] }, options.unknownSynonymWeight ** swapped, "synonym");
      }
    });
  }
  // Typos last, and only for words nothing else reached and no dictionary knows: a real word is no typo ("gestern" is not "gelt").
  input.german.forEach((token, position) => {
    if (input.known[position] || (expansions[position]?.length ?? 0) > 0) return;
    if (lexicons.frequency.de.has(token.term) || lexicons.frequency.en.has(input.english?.[position]?.term ?? token.term)) return;
    add(position, { exact: vocabulary.nearSpellings(token.term), compounds: [] }, options.spellingWeight, "spelling");
  });
  // The strongest few per word: a long tail of faint synonyms costs query time and adds no evidence.
  return expansions.map((list) => list.sort((left, right) => right.weight - left.weight).slice(0, MAX_EXPANSIONS_PER_WORD));
}

const MAX_EXPANSIONS_PER_WORD = 8;
