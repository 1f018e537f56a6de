import { foldToken, tokenize, type Language } from "./analyzer.js";
import { regionNames, type RegionName } from "./regions.js";

/**
 * ICU's codes for what is no country: unions and organisations ("un" is also
 * the end of "Kim Jong Un"), and placeholders ("Unknown Region").
 */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ"]);

/** A name of plain capitalised words, two or more ("North Korea"; not "Hong Kong SAR China" or "Congo - Kinshasa"). */
const PLAIN_NAME = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+$/u;

/** Built when first needed: ICU takes a while to name every region. */
let byInitials: ReadonlyMap<string, RegionName> | null = null;

/**
 * Chat names countries by their initials ("sanktionen gegen nk", "is sk
 * worried"): the initials of a country's English name of two or more plain
 * words ("North Korea", "New Zealand"). Initials two countries share ("sa":
 * Saudi Arabia, South Africa) stand for neither.
 */
export function regionInitialisms(): ReadonlyMap<string, RegionName> {
  if (byInitials) return byInitials;
  const found = new Map<string, RegionName | null>();
  for (const region of regionNames()) {
    if (NOT_COUNTRIES.has(region.code) || !region.en || !PLAIN_NAME.test(region.en)) continue;
    const initials = region.en
      .split(" ")
      .map((word) => foldToken(word).charAt(0))
      .join("");
    const earlier = found.get(initials);
    if (earlier === undefined) found.set(initials, region);
    // Two codes of one name ("United Kingdom": GB and UK) are one country; two names are none.
    else if (earlier !== null && earlier.en !== region.en) found.set(initials, null);
  }
  byInitials = new Map([...found].flatMap(([initials, region]) => (region ? [[initials, region] as const] : [])));
  return byInitials;
}

/** Whether a folded word is a word in its own right (a stop word, a dictionary word, a term the articles have): then it is not read as initials. */
export type IsWord = (folded: string) => boolean;

/**
 * The question with each country initialism spelled out as the country's name
 * in `language` ("nk" → "Nordkorea"), so it reaches what the name reaches. A
 * word that is a word in its own right ("us", "es", "Dr") stays as written.
 */
export function spelledOutInitialisms(question: string, language: Language, isWord: IsWord): string {
  const initialisms = regionInitialisms();
  const replacements = new Map<string, string>();
  for (const word of tokenize(question)) {
    const folded = foldToken(word);
    const region = initialisms.get(folded);
    const name = region?.[language] ?? region?.en;
    if (name && !isWord(folded)) replacements.set(word, name);
  }
  if (replacements.size === 0) return question;
  return question.replace(/[\p{L}\p{N}]+/gu, (word) => replacements.get(word) ?? word);
}
