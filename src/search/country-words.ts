import { analyze, stem, type Language } from "./analyzer.js";
import type { Lexicons } from "./lexicons.js";
import { regionNames } from "./regions.js";

/**
 * The country a run of folded words names or pertains to: "Südkorea",
 * "south korea", and the adjectives the translation tables lead to a country's
 * name ("südkoreanische" → "south korea", "american" → "Vereinigte Staaten",
 * see scripts/lexicons/pertainyms.ts). A two-letter region code, or null.
 */
export type CountryOfWords = (folded: readonly string[]) => string | null;

const OTHER: Readonly<Record<Language, Language>> = { de: "en", en: "de" };
const TABLE: Readonly<Record<Language, "de-en" | "en-de">> = { de: "de-en", en: "en-de" };

let namesByLanguage: Readonly<Record<Language, ReadonlyMap<string, string>>> | null = null;

/** Region names in index terms (as the translation tables write them), per language, to their codes. */
function regionTerms(): Readonly<Record<Language, ReadonlyMap<string, string>>> {
  if (namesByLanguage) return namesByLanguage;
  const byLanguage = { de: new Map<string, string>(), en: new Map<string, string>() };
  for (const region of regionNames()) {
    for (const language of ["de", "en"] as const) {
      const key = analyze(region[language] ?? "", language)
        .map((token) => token.term)
        .join(" ");
      if (key && !byLanguage[language].has(key)) byLanguage[language].set(key, region.code);
    }
  }
  namesByLanguage = byLanguage;
  return byLanguage;
}

const cache = new WeakMap<Lexicons, CountryOfWords>();

export function countryWords(lexicons: Lexicons): CountryOfWords {
  const known = cache.get(lexicons);
  if (known) return known;
  const lookup: CountryOfWords = (folded) => {
    if (folded.length === 0) return null;
    const names = regionTerms();
    for (const language of ["de", "en"] as const) {
      const key = folded.map((word) => stem(word, language)).join(" ");
      const own = names[language].get(key);
      if (own) return own;
      for (const phrase of lexicons.translations[TABLE[language]].get(key) ?? []) {
        const code = names[OTHER[language]].get(phrase.join(" "));
        if (code) return code;
      }
    }
    return null;
  };
  cache.set(lexicons, lookup);
  return lookup;
}
