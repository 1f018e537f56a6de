import { foldToken, tokenize } from "../search/analyzer.js";
import type { CountryOfWords } from "../search/country-words.js";
import { regionCodesByName as countries } from "../search/regions.js";

/**
 * "Wer ist der Präsident von Südkorea?", "who is North Korea's defence
 * minister?": a question for whoever holds an office in one country. A passage
 * that names that office only for other countries ("Chinas Präsident Xi
 * Jinping", "US-Präsidenten Donald Trump", "Russlands Verteidigungsminister")
 * does not hold the person asked for, however well its words match. Offices
 * and countries are plain German and English words, ICU's region names and
 * the adjectives the lexicons lead to them ("der südkoreanische Präsident"),
 * the same for any article.
 */

/** Offices, folded, German and English to one name: a word holding one names it ("verteidigungsminister", "prasidenten"). */
const OFFICES: readonly (readonly [string, string])[] = [
  ["prasident", "prasident"],
  ["president", "prasident"],
  ["minister", "minister"],
  ["kanzler", "kanzler"],
  ["chancellor", "kanzler"],
  ["botschafter", "botschafter"],
  ["ambassador", "botschafter"],
  ["regierungschef", "regierungschef"],
  ["staatschef", "staatschef"],
];

/** German and English words before a country in "the office of the country" ("Präsident von Südkorea", "president of South Korea"). */
const OF = new Set(["von", "vom", "der", "des", "of"]);
const ARTICLES = new Set(["der", "die", "das", "den", "dem", "des", "the"]);

export interface OfficeQuestion {
  /** The offices asked about, by their German names in OFFICES. */
  offices: string[];
  /** The two-letter region code of the country named as their holder's. */
  country: string;
}

function officeIn(folded: string): string | undefined {
  return OFFICES.find(([word]) => folded.includes(word))?.[1];
}

/** The country a run of words starting at `start` names, with how many words it takes (two-word names first). */
function countryAt(words: readonly string[], start: number): { code: string; length: number } | null {
  for (const length of [2, 1]) {
    const parts = words.slice(start, start + length);
    if (parts.length < length) continue;
    const joined = parts.map((word) => word.replace(/'s$/u, "")).join(" ");
    const code = countries().get(joined);
    if (code) return { code, length };
  }
  return null;
}

/** A country in the genitive before an office ("Russlands", "Chinas", "korea's"): the name less its "s". */
function genitiveCountry(words: readonly string[], end: number): string | null {
  const last = words[end] ?? "";
  const stripped = last.endsWith("'s") ? last.slice(0, -2) : last.endsWith("s") ? last.slice(0, -1) : null;
  if (stripped === null) return null;
  for (const length of [2, 1]) {
    const parts = [...words.slice(end - length + 1, end), stripped];
    if (parts.length < length || end - length + 1 < 0) continue;
    const code = countries().get(parts.slice(-length).join(" "));
    if (code) return code;
  }
  return null;
}

/** A country's adjective just before word `office` ("südkoreanische Präsident", "south korean president"), two words first. */
function adjectiveCountry(words: readonly string[], office: number, countryOf: CountryOfWords): string | null {
  for (const length of [2, 1]) {
    if (office - length < 0) continue;
    const code = countryOf(words.slice(office - length, office));
    if (code) return code;
  }
  return null;
}

/** Whether the question asks who holds an office of one named country; null when it does not. */
export function officeQuestion(question: string, countryOf: CountryOfWords): OfficeQuestion | null {
  const words = tokenize(question).map(foldToken);
  const offices: string[] = [];
  let country: string | null = null;
  words.forEach((word, index) => {
    const office = officeIn(word);
    if (office === undefined) return;
    offices.push(office);
    // "Präsident von Südkorea", "Verteidigungsminister der Ukraine", "president of the US".
    let next = index + 1;
    while (next < words.length && (OF.has(words[next] ?? "") || ARTICLES.has(words[next] ?? ""))) next += 1;
    if (next > index + 1) country ??= countryAt(words, next)?.code ?? null;
    // "North Korea's defence minister", "Russlands Präsident".
    for (const back of [1, 2]) country ??= genitiveCountry(words, index - back);
    // "der ukrainische Verteidigungsminister", "the ukrainian defence minister".
    for (const back of [0, 1]) country ??= adjectiveCountry(words, index - back, countryOf);
  });
  return offices.length > 0 && country !== null ? { offices, country } : null;
}

/**
 * Whether a passage names the offices asked about only as other countries'
 * (each mention with another country before it, in the genitive or as the
 * first part: "Chinas Präsident", "US-Präsidenten"). A mention without a
 * country says nothing either way, and neither does a passage without one.
 */
export function officeOfOthersOnly(text: string, asked: OfficeQuestion, countryOf: CountryOfWords): boolean {
  const original = tokenize(text);
  const words = original.map(foldToken);
  let mentions = 0;
  for (let index = 0; index < words.length; index += 1) {
    const office = officeIn(words[index] ?? "");
    if (office === undefined || !asked.offices.includes(office)) continue;
    mentions += 1;
    const before = original[index - 1] ?? "";
    // An acronym just before the office is its country ("US-Präsidenten"), as written in capitals.
    const owner =
      genitiveCountry(words, index - 1) ??
      (/^\p{Lu}{2,3}$/u.test(before) ? (countries().get(words[index - 1] ?? "") ?? before) : null) ??
      adjectiveCountry(words, index, countryOf);
    if (owner === null || owner === asked.country) return false;
  }
  return mentions > 0;
}
