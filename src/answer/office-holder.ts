import { foldToken, isStopWord, tokenize } from "../search/analyzer.js";
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
  // Whoever leads a country, however the article calls it ("Nordkoreas Diktator", "der nordkoreanische Machthaber").
  ["anfuhrer", "anfuhrer"],
  ["machthaber", "anfuhrer"],
  ["herrscher", "anfuhrer"],
  ["diktator", "anfuhrer"],
  ["leader", "anfuhrer"],
  ["ruler", "anfuhrer"],
  ["dictator", "anfuhrer"],
  // A spokesperson speaks for a country, a government or a person ("Putins Sprecher", "Sprecher des Weißen Hauses").
  ["sprecher", "sprecher"],
  ["spokesman", "sprecher"],
  ["spokeswoman", "sprecher"],
  ["spokesperson", "sprecher"],
];

/** Verbs of leading a country, read as asking for its leader when a country follows ("who leads North Korea", "wer regiert Russland"). */
const LEADING_VERBS = new Set(["leads", "lead", "led", "rules", "rule", "governs", "govern", "regiert", "regieren", "beherrscht", "fuhrt", "anfuhrt"]);
const LEADER = "anfuhrer";

/** German and English words before a country in "the office of the country" ("Präsident von Südkorea", "president of South Korea"). */
const OF = new Set(["von", "vom", "der", "des", "of"]);
const ARTICLES = new Set(["der", "die", "das", "den", "dem", "des", "the"]);
const OF_OR_ARTICLE = new Set([...OF, ...ARTICLES]);

/** The position of the first word after `index` that is none of `skipped` ("Präsident von der …" → the word after "der"). */
function after(words: readonly string[], index: number, skipped: ReadonlySet<string>): number {
  let next = index + 1;
  while (next < words.length && skipped.has(words[next] ?? "")) next += 1;
  return next;
}

export interface OfficeQuestion {
  /** The offices asked about, by their German names in OFFICES. */
  offices: string[];
  /**
   * Whose office: the two-letter region code of a country, or another owner named in the question, as `@` and its
   * folded name ("@putin" for "Putins Sprecher", "@weissen" for "Sprecher des Weißen Hauses").
   */
  owner: string;
  /** Whether the question asks about the past ("wer war …", "the former …"): then a former holder answers it too. */
  past: boolean;
}

/** Short names of countries that ICU does not list ("der USA", "the UK"), to their region codes. */
const COUNTRY_SHORT_NAMES = new Map([
  ["usa", "US"],
  ["uk", "GB"],
]);

/** Words before an office that make its holder a former one ("der ehemalige Präsident", "former president"). */
const FORMER = /^(?:ehemalig\p{L}*|fruher\p{L}*|einstig\p{L}*|vormalig\p{L}*|verstorben\p{L}*|former|ex|late)$/u;
/** Words of a question about the past, when a former holder answers it ("wer war", "who was", "the former"). */
const PAST = /^(?:war|waren|warst|was|were|ehemalig\p{L}*|fruher\p{L}*|einst|damals|former|previous|ex)$/u;

function officeIn(folded: string): string | undefined {
  return OFFICES.find(([word]) => folded.includes(word))?.[1];
}

/** The country a run of words starting at `start` names, with how many words it takes (two-word names first). */
function countryAt(words: readonly string[], start: number): { code: string; length: number } | null {
  for (const length of [2, 1]) {
    const parts = words.slice(start, start + length);
    if (parts.length < length) continue;
    const joined = parts.map((word) => word.replace(/'s$/u, "")).join(" ");
    const code = countries().get(joined) ?? (length === 1 ? COUNTRY_SHORT_NAMES.get(joined) : undefined);
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
  let owner: string | null = null;
  words.forEach((word, index) => {
    if (LEADING_VERBS.has(word)) {
      const led = countryAt(words, after(words, index, ARTICLES))?.code;
      if (led === undefined) return;
      offices.push(LEADER);
      owner ??= led;
      return;
    }
    const office = officeIn(word);
    if (office === undefined) return;
    offices.push(office);
    // "Präsident von Südkorea", "Verteidigungsminister der Ukraine", "president of the US".
    const next = after(words, index, OF_OR_ARTICLE);
    if (next > index + 1) owner ??= countryAt(words, next)?.code ?? null;
    // "North Korea's defence minister", "Russlands Präsident"; "der Anführer Nordkoreas".
    for (const back of [1, 2]) owner ??= genitiveCountry(words, index - back);
    owner ??= genitiveCountry(words, index + 1);
    // "der ukrainische Verteidigungsminister", "the ukrainian defence minister".
    for (const back of [0, 1]) owner ??= adjectiveCountry(words, index - back, countryOf);
    // Another owner: "Putins Sprecher", "putin's spokesman"; "der Sprecher von Kim", "Sprecher des Weißen Hauses".
    owner ??= genitiveName(words[index - 1] ?? "");
    if (next > index + 1 && next < words.length) owner ??= isStopWord(words[next] ?? "") ? null : `@${words[next] ?? ""}`;
  });
  return offices.length > 0 && owner !== null ? { offices, owner, past: words.some((word) => PAST.test(word)) } : null;
}

/** An owner in the genitive that is no country ("putins", "putin's"): `@` and the name less its "s"; null for another word. */
function genitiveName(folded: string): string | null {
  const name = /^(\p{L}{3,}?)(?:'s|s)$/u.exec(folded)?.[1];
  return name === undefined || isStopWord(folded) || isStopWord(name) ? null : `@${name}`;
}

/** What a passage says of the office asked about: held by the country asked about, only by others, or nothing either way. */
export type OfficeHolding = "asked" | "others" | "unknown";

/**
 * Whose the offices asked about are in a passage: "asked" when one mention is
 * the country's asked about; "others" when every mention has another country or
 * owner (in the genitive or as the first part: "Chinas Präsident",
 * "US-Präsidenten", "Anführer der Wagner-Söldner"); "unknown" when a mention
 * has no owner, or the passage names none.
 */
export function officeHolding(text: string, asked: OfficeQuestion, countryOf: CountryOfWords): OfficeHolding {
  const original = tokenize(text);
  const words = original.map(foldToken);
  let mentions = 0;
  let unowned = false;
  for (let index = 0; index < words.length; index += 1) {
    const office = officeIn(words[index] ?? "");
    if (office === undefined || !asked.offices.includes(office)) continue;
    mentions += 1;
    // "mit dem ehemaligen US-Präsidenten Donald Trump": not who holds the office now.
    const former = [index - 1, index - 2].some((at) => FORMER.test(words[at] ?? "")) || /^ex-?/u.test(words[index] ?? "");
    if (former && !asked.past) continue;
    const before = original[index - 1] ?? "";
    // An acronym just before the office is its country ("US-Präsidenten"), as written in capitals.
    const owner =
      genitiveCountry(words, index - 1) ??
      (/^\p{Lu}{2,3}$/u.test(before) ? (countries().get(words[index - 1] ?? "") ?? before) : null) ??
      adjectiveCountry(words, index, countryOf) ??
      genitiveCountry(words, index + 1) ??
      ownerAfter(original, words, index) ??
      // "Putins Sprecher": a name in the genitive, written as a name.
      (/^\p{Lu}/u.test(before) ? genitiveName(words[index - 1] ?? "") : null);
    if (owner === asked.owner) return "asked";
    if (owner === null) unowned = true;
  }
  return mentions === 0 || unowned ? "unknown" : "others";
}

/**
 * Whose the office is, by the words after it: a country ("Präsident von Südkorea", "leader of North Korea"), or
 * another owner named in the genitive or with "of" ("Anführer der Wagner-Söldner", "leader of the Wagner group"): then
 * `@` and its folded name. Null when nothing after it says.
 */
function ownerAfter(original: readonly string[], words: readonly string[], office: number): string | null {
  const next = after(words, office, OF_OR_ARTICLE);
  if (next === office + 1 || next >= words.length) return null;
  const country = countryAt(words, next)?.code;
  if (country) return country;
  // Only a name says whose: not a lower-case word ("der beiden Länder"), an acronym ("der USA", which ICU does not
  // name), or a word that may begin an inflected country name ("der Vereinigten Staaten").
  const written = original[next] ?? "";
  if (!/^\p{Lu}/u.test(written) || /^\p{Lu}{2,5}$/u.test(written) || mayBeginCountryName(words[next] ?? "")) return null;
  return `@${words[next] ?? ""}`;
}

/** Whether a word may be the first of a country's name in another case ("vereinigten" for "vereinigte staaten"). */
function mayBeginCountryName(word: string): boolean {
  const start = word.slice(0, Math.max(4, word.length - 2));
  for (const name of countries().keys()) if (name.startsWith(start)) return true;
  return false;
}
