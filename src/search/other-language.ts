import { readFileSync } from "node:fs";
import { z } from "zod";
import { foldedWords, isStopWord, stem } from "./analyzer.js";
import type { Lexicons } from "./lexicons.js";

/**
 * Whether a question is in neither German nor English ("Qu'est-ce que la
 * Russie veut ?", "¿Qué quiere Rusia?", "Что хочет Россия?"): then a refusal
 * says which languages the bot reads, instead of that the articles do not
 * answer it. Mostly letters of another script, or more signs of other
 * languages than German and English function words, two different ones at
 * least. A sign is a function word of another language that is neither a
 * German or English one nor an everyday word of either, or a word spelt with
 * letters that German and English never use ("północna", "konuşuyor";
 * "Rússia" does not count: accents are common in names). Function words
 * German or English share with other languages ("O que a Coreia do Norte quer
 * da Rússia?": "a", "do", "da") count for neither side, but a question made
 * of them and one other function word that no German or English dictionary
 * knows, without any function word of German or English alone, is in another
 * language too.
 */

/** Function words of other languages, as scripts/build-stopwords.ts writes them. */
const OTHER_LANGUAGE_FILE = new URL("../../data/stopwords/other-languages.json", import.meta.url);
const otherLanguageFileSchema = z.object({ languages: z.array(z.string()).min(1), words: z.array(z.string()).min(1), shared: z.array(z.string()) });

interface OtherLanguageWords {
  /** Function words of other languages only. */
  theirs: ReadonlySet<string>;
  /** Function words of other languages that are German or English ones too ("a", "do", "da"). */
  shared: ReadonlySet<string>;
}

let otherWords: OtherLanguageWords | null = null;

function otherLanguageWords(): OtherLanguageWords {
  if (otherWords) return otherWords;
  const parsed = otherLanguageFileSchema.safeParse(JSON.parse(readFileSync(OTHER_LANGUAGE_FILE, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${OTHER_LANGUAGE_FILE.pathname}: expected {"languages": [...], "words": [...], "shared": [...]} (rebuild it with npm run build-stopwords)`,
    );
  otherWords = { theirs: new Set(parsed.data.words), shared: new Set(parsed.data.shared) };
  return otherWords;
}

/** A dictionary frequency class from which a word is everyday German or English, whatever else it is. */
const EVERYDAY_CLASS = 10;
/** Different function words of other languages a question needs at least, and more of them than German and English ones. */
const MIN_OTHER_WORDS = 2;
/** Shared function words that, with one sign and none of German's or English's own, make a question another language's. */
const MIN_SHARED_WORDS = 2;
/** Letters a question needs before its script says anything ("ok", "?"). */
const MIN_LETTERS = 4;

/**
 * Letters of Latin alphabets that German and English spelling never uses
 * (Polish, Turkish, Portuguese, Spanish, Czech, Hungarian, Nordic ones);
 * accented vowels such as é or ó are left out, being common in names.
 */
const FOREIGN_LETTERS = /[ñãõçıışğłąęśźżćńőűřčěůžšøåæœ]/u;

export function inOtherLanguage(question: string, lexicons: Pick<Lexicons, "frequency">): boolean {
  const letters = question.match(/\p{L}/gu)?.length ?? 0;
  const latin = question.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters >= MIN_LETTERS && latin * 2 < letters) return true;
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const tokens = foldedWords(question);
  const { theirs: otherOnly, shared } = otherLanguageWords();
  const ours = tokens.filter((token) => isStopWord(token)).length;
  const neither = tokens.filter((token) => shared.has(token)).length;
  // "alt" is Danish for "all" and "de" Dutch for "the", but everyday German or English words as well.
  const everyday = (token: string): boolean =>
    (lexicons.frequency.de.get(stem(token, "de")) ?? 0) >= EVERYDAY_CLASS || (lexicons.frequency.en.get(stem(token, "en")) ?? 0) >= EVERYDAY_CLASS;
  const theirs = new Set([...tokens.filter((token) => otherOnly.has(token) && !everyday(token)), ...words.filter((word) => FOREIGN_LETTERS.test(word))]).size;
  if (theirs >= MIN_OTHER_WORDS && theirs > ours) return true;
  // Only shared function words of ours: one sign suffices, if no German or English dictionary knows it ("que", not "kim").
  const unknown = (token: string): boolean => !lexicons.frequency.de.has(stem(token, "de")) && !lexicons.frequency.en.has(stem(token, "en"));
  return ours === neither && neither >= MIN_SHARED_WORDS && tokens.some((token) => otherOnly.has(token) && unknown(token));
}
