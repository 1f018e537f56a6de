import { stem, type AnalyzedToken, type Language } from "./analyzer.js";
import type { Lexicons, TermPhrase } from "./lexicons.js";

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
}

export const DEFAULT_EXPANSION_OPTIONS: ExpansionOptions = {
  synonymWeight: 0.35,
  unknownSynonymWeight: 0.6,
  translationWeight: 0.85,
};

export interface TermExpansion {
  term: string;
  /** Relative to 1 for the question's own words. */
  weight: number;
  via: "synonym" | "translation";
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

/** The index's own terms, reachable also through the reduced forms of its verbs. */
export class Vocabulary {
  private readonly byKey = new Map<string, string[]>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      for (const key of [term, ...verbStemVariants(term)]) {
        const list = this.byKey.get(key);
        if (!list) this.byKey.set(key, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
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

function phraseTerms(phrases: readonly TermPhrase[], vocabulary: Vocabulary): string[] {
  const found = new Set<string>();
  for (const phrase of phrases) for (const term of phrase) for (const indexed of vocabulary.resolve(term)) found.add(indexed);
  return [...found];
}

/** Translations of each token, from the longest matching phrase key down to the single word. */
function translationsByPosition(terms: readonly string[], table: ReadonlyMap<string, readonly TermPhrase[]>, longestKey: number): TermPhrase[][] {
  const result: TermPhrase[][] = terms.map(() => []);
  for (let size = Math.min(longestKey, terms.length); size >= 1; size -= 1) {
    for (let start = 0; start + size <= terms.length; start += 1) {
      const translations = table.get(terms.slice(start, start + size).join(" "));
      if (!translations) continue;
      for (let position = start; position < start + size; position += 1) result[position]?.push(...translations);
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
  const add = (position: number, terms: readonly string[], weight: number, via: TermExpansion["via"]): void => {
    const list = expansions[position];
    if (!list || terms.length === 0) return;
    const share = weight / Math.sqrt(terms.length);
    for (const term of terms) {
      const existing = list.find((expansion) => expansion.term === term);
      if (existing) existing.weight = Math.max(existing.weight, share);
      else list.push({ term, weight: share, via });
    }
  };
  const english = input.english;
  if (input.questionLanguage === "en" && english && input.indexLanguages.has("de")) {
    const translations = translationsByPosition(english.map((token) => token.term), lexicons.translations["en-de"], lexicons.longestKey);
    translations.forEach((phrases, position) => add(position, phraseTerms(phrases, vocabulary), options.translationWeight, "translation"));
  }
  if (input.questionLanguage === "de" && input.indexLanguages.has("en")) {
    const translations = translationsByPosition(input.german.map((token) => token.term), lexicons.translations["de-en"], lexicons.longestKey);
    translations.forEach((phrases, position) => add(position, phraseTerms(phrases, vocabulary), options.translationWeight, "translation"));
  }
  if (input.questionLanguage === "de") {
    input.german.forEach((token, position) => {
      const keys = [token.term, ...verbStemVariants(token.term)];
      const synonyms = [...new Set(keys.flatMap((key) => lexicons.synonyms.get(key) ?? []))];
      const reached = [...new Set(synonyms.flatMap((synonym) => vocabulary.resolve(synonym)))];
      const weight = input.known[position] ? options.synonymWeight : options.unknownSynonymWeight;
      add(position, reached, weight, "synonym");
    });
  }
  return expansions;
}
