import { analyze, languageMarkers, stem, type AnalyzedToken, type Language } from "./analyzer.js";
import type { Lexicons, TermPhrase, TranslationLookup } from "./lexicons.js";

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
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = {
  synonymWeight: 0.2,
  unknownSynonymWeight: 0.6,
  translationWeight: 0.85,
  compoundWeight: 0.5,
  knownCompoundWeight: 0,
  spellingWeight: 0.7,
  roundTripWeight: 0.35,
};

/** Senses followed on each leg of a round trip: the first ones are the common ones. */
const ROUND_TRIP_SENSES = 4;

export interface TermExpansion {
  term: string;
  /** Relative to 1 for the question's own words. */
  weight: number;
  via: "synonym" | "translation" | "compound" | "spelling";
}

/**
 * Forms of the same verb that Snowball stems apart: "braucht" keeps its "-t",
 * "brauchen" becomes "brauch"; "benötigt" keeps "-ig-", "benötigen" becomes
 * "benot". Lookups try these reduced forms on both sides.
 */
export function verbStemVariants(term: string): string[] {
  if (term.length < 5 || !term.endsWith("t") || /\d/.test(term)) return [];
  const variants = [term.slice(0, -1)];
  if (term.endsWith("st")) variants.push(term.slice(0, -2));
  for (const variant of [...variants]) {
    const restemmed = stem(variant, "de");
    if (restemmed !== variant && restemmed.length >= 3) variants.push(restemmed);
  }
  return [...new Set(variants)];
}

/**
 * Shortest stems that may stand for a compound part: the head at the end
 * ("mangel" in "munitionsmangel", "zug"-like short heads excepted) and the
 * modifier at the start ("lebensmittel" in "lebensmittelknapp"), where short
 * stems ("mach", "best") begin too many unrelated words.
 */
const MIN_COMPOUND_HEAD = 4;
const MIN_COMPOUND_MODIFIER = 5;
/** A compound that holds the word weighs this much of the word itself. */
export const COMPOUND_SHARE = 0.6;

/** The index's own terms, reachable also through the reduced forms of its verbs and as parts of compounds. */
export class Vocabulary {
  private readonly byKey = new Map<string, string[]>();
  /** Index terms sorted, and sorted by their reversed spelling: prefix and suffix lookups by binary search. */
  private readonly sorted: string[];
  private readonly reversedSorted: string[];

  constructor(terms: Iterable<string>) {
    const all = [...terms];
    for (const term of all) {
      for (const key of [term, ...verbStemVariants(term)]) {
        const list = this.byKey.get(key);
        if (!list) this.byKey.set(key, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
    this.sorted = all.filter((term) => !/\d/.test(term)).sort();
    this.reversedSorted = this.sorted.map(reverse).sort();
  }

  /** Index terms a stem stands for: itself when indexed, and verb forms that reduce to it. */
  lookup(term: string): readonly string[] {
    return this.byKey.get(term) ?? [];
  }

  /** Like lookup, also trying the stem's own reduced forms. */
  resolve(term: string): string[] {
    const found = new Set<string>(this.lookup(term));
    for (const variant of verbStemVariants(term)) for (const indexed of this.lookup(variant)) found.add(indexed);
    return [...found];
  }

  /**
   * Index terms that are compounds beginning or ending with the stem
   * ("lebensmittel" → "lebensmittelknapp", "mangel" → "munitionsmangel"),
   * leaving at least three letters for the other part.
   */
  compounds(term: string): string[] {
    if (term.length < MIN_COMPOUND_HEAD || /\d/.test(term)) return [];
    const found = new Set<string>();
    if (term.length >= MIN_COMPOUND_MODIFIER) {
      for (const candidate of withPrefix(this.sorted, term)) if (candidate.length >= term.length + 3) found.add(candidate);
    }
    for (const candidate of withPrefix(this.reversedSorted, reverse(term))) if (candidate.length >= term.length + 3) found.add(reverse(candidate));
    return [...found];
  }

  /**
   * Index terms one typo away (two for long words): a letter missing, added,
   * replaced or two letters swapped ("putn" → "putin", "nordkora" → "nordkorea").
   * Only same first letter: typos rarely hit it, and it keeps the scan short.
   */
  nearSpellings(term: string): string[] {
    if (term.length < MIN_TYPO_LENGTH || /\d/.test(term)) return [];
    const limit = term.length >= 8 ? 2 : 1;
    const found: string[] = [];
    for (const candidate of withPrefix(this.sorted, term.slice(0, 1))) {
      if (Math.abs(candidate.length - term.length) > limit || candidate === term) continue;
      if (editDistance(term, candidate, limit) <= limit) found.push(candidate);
    }
    return found;
  }
}

/** Words shorter than this are not corrected: too many words lie one letter apart. */
const MIN_TYPO_LENGTH = 4;

/** Optimal-string-alignment distance (Levenshtein with swaps), giving up past `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: columns }, (_, index) => index);
  for (let row = 1; row < rows; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column < columns; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, (beforePrevious[column - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[columns - 1] ?? limit + 1;
}

/** Linking letters between the parts of a German compound ("Hunger-s-not", "Strafe-n-…"). */
const LINKING = ["", "s", "es", "n", "en", "e"];
const MIN_PART = 4;

/**
 * Index terms for the two parts of a compound, split where both parts are
 * indexed words (or the head, the last part, at least): the split with the
 * longest head wins.
 */
export function compoundParts(folded: string, vocabulary: Vocabulary): string[] {
  if (folded.length < 2 * MIN_PART || /\d/.test(folded)) return [];
  for (let split = MIN_PART; split <= folded.length - MIN_PART; split += 1) {
    const head = vocabulary.resolve(stem(folded.slice(split), "de"));
    if (head.length === 0) continue;
    const modifierText = folded.slice(0, split);
    for (const linking of LINKING) {
      if (!modifierText.endsWith(linking) || modifierText.length - linking.length < MIN_PART - 1) continue;
      const modifier = vocabulary.resolve(stem(modifierText.slice(0, modifierText.length - linking.length), "de"));
      if (modifier.length > 0) return [...new Set([...modifier, ...head])];
    }
    return head;
  }
  return [];
}

function reverse(text: string): string {
  return [...text].reverse().join("");
}

function withPrefix(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  const result: string[] = [];
  for (let index = low; index < sorted.length && (sorted[index] ?? "").startsWith(prefix); index += 1) result.push(sorted[index] ?? "");
  return result;
}

/**
 * The language of a question. Function words decide when there are any;
 * keyword queries ("russia ammunition shortage") have none, so then each word
 * votes by which language's dictionary knows it.
 */
export function guessQuestionLanguage(question: string, lexicons: Lexicons): Language {
  const { german, english } = languageMarkers(question);
  if (german !== english) return english > german ? "en" : "de";
  let votes = 0;
  for (const token of analyze(question, "de")) {
    const inGerman = lexicons.frequency.de.has(token.term);
    const inEnglish = lexicons.frequency.en.has(stem(token.folded, "en"));
    if (inEnglish && !inGerman) votes += 1;
    if (inGerman && !inEnglish) votes -= 1;
  }
  return votes > 0 ? "en" : "de";
}

export interface ExpansionInput {
  /** The question's tokens analysed as German (the index's default analysis). */
  german: readonly AnalyzedToken[];
  /** The same tokens analysed as English, position by position, when the question is English. */
  english: readonly AnalyzedToken[] | null;
  questionLanguage: Language;
  /** Languages the indexed passages are in. */
  indexLanguages: ReadonlySet<Language>;
  /** Whether each token (by position) occurs in the index as written. */
  known: readonly boolean[];
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

const phraseStems = (phrases: readonly TermPhrase[]): string[] => phrases.flatMap((phrase) => [...phrase]);

/**
 * Translations of each token from the longest phrase key that covers it:
 * "north korea" is "Nordkorea", and its "korea" alone must not add "Südkorea".
 */
function translationsByPosition(terms: readonly string[], table: TranslationLookup, longestKey: number): TermPhrase[][] {
  const result: TermPhrase[][] = terms.map(() => []);
  const covered = terms.map(() => false);
  for (let size = Math.min(longestKey, terms.length); size >= 1; size -= 1) {
    for (let start = 0; start + size <= terms.length; start += 1) {
      if (covered.slice(start, start + size).some(Boolean)) continue;
      const translations = table.get(terms.slice(start, start + size).join(" "));
      if (!translations) continue;
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
 * the articles does not weigh six times a word with one.
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
  const english = input.english;
  if (input.questionLanguage === "en" && english && input.indexLanguages.has("de")) {
    const translations = translationsByPosition(english.map((token) => token.term), lexicons.translations["en-de"], lexicons.longestKey);
    translations.forEach((phrases, position) => add(position, reach(phraseStems(phrases), vocabulary), options.translationWeight, "translation"));
  }
  if (input.questionLanguage === "de" && input.indexLanguages.has("en")) {
    const translations = translationsByPosition(input.german.map((token) => token.term), lexicons.translations["de-en"], lexicons.longestKey);
    translations.forEach((phrases, position) => add(position, reach(phraseStems(phrases), vocabulary), options.translationWeight, "translation"));
  }
  if (input.questionLanguage === "de") {
    input.german.forEach((token, position) => {
      const ofVerbForms = verbStemVariants(token.term).flatMap((variant) => lexicons.verbSynonyms.get(variant) ?? []);
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
  // A compound the articles do not have may have parts they do: "Koreakrieg" → "Korea", "Krieg".
  input.german.forEach((token, position) => {
    if (input.known[position]) return;
    add(position, { exact: [], compounds: compoundParts(token.folded, vocabulary) }, options.compoundWeight / COMPOUND_SHARE, "compound");
  });
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
