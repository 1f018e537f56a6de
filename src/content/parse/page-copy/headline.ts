import { wordCount, wordsOf } from "../classify.js";
import { AGENCY_BYLINE, AUTHOR_ROLES } from "../furniture.js";

/** The headline of a pasted page: telling it from an author line, and a kicker pasted with it apart. */

export const MAX_KICKER_WORDS = 8;
/** "Hochwasser in SüdbadenStadt evakuiert drei Dörfer", "14. SanktionspaketEU will …": a short kicker glued to the headline. */
const GLUED_KICKER = /(?<=[\p{Ll}\d)])(?=\p{Lu}\p{Ll}|\p{Lu}{2,5}\s)/gu;

/** An author's role anywhere in a line, any case ("Wales correspondent", "Redakteurin"), or a contributor's. */
const ROLE_WORD = new RegExp(String.raw`\b(?:${AUTHOR_ROLES}|contributor)\b`, "iu");

/** "Von Anna Beispiel", "By Jane Doe", "Jane Doe Wales correspondent": an author line, not a headline. */
export function isByline(text: string): boolean {
  if (wordCount(text) > 7) return false;
  return /^(?:Von|By|Autor(?:in)?:|Author:)\s/u.test(text) || AGENCY_BYLINE.test(text) || ROLE_WORD.test(text);
}

/** A kicker glued to the headline, with or without a space, when one short part stands before a longer one. */
export function splitKicker(text: string): { kicker: string | null; headline: string } {
  const cuts = [...text.matchAll(GLUED_KICKER)].map((match) => match.index);
  const [cut] = cuts;
  if (cuts.length !== 1 || cut === undefined) return splitSpacedKicker(text) ?? { kicker: null, headline: text };
  const kicker = text.slice(0, cut).trim();
  const headline = text.slice(cut).trim();
  return wordCount(kicker) <= MAX_KICKER_WORDS && wordCount(headline) >= 3 ? { kicker, headline } : { kicker: null, headline: text };
}

const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/**
 * A kicker and headline pasted as one line with a space between them
 * ("Waffen aus Nordkorea für Russland Putins letzter Ausweg?"): in German
 * two capitalised words rarely stand side by side, except a name and its
 * title or first name ("Kanzler Olaf Scholz") or a name in the genitive
 * before its noun ("Putins Armee"). So the cut is the one place where two
 * capitalised words meet after a kicker that reads as a phrase (two to
 * MAX_KICKER_WORDS words, one of them lower case, no punctuation) and does
 * not end in a genitive; with no such place, or more than one, the line
 * stays whole.
 */
function splitSpacedKicker(text: string): { kicker: string; headline: string } | null {
  const words = wordsOf(text);
  const cuts: number[] = [];
  for (let at = 2; at <= Math.min(MAX_KICKER_WORDS, words.length - 2); at += 1) {
    const last = words[at - 1] ?? "";
    const next = words[at] ?? "";
    if (!capitalised(last) || !capitalised(next) || /s$/u.test(last)) continue;
    const kickerWords = words.slice(0, at);
    if (!kickerWords.some((word) => /^\p{Ll}/u.test(word)) || kickerWords.some((word) => /[.,:;!?–—]/u.test(word))) continue;
    cuts.push(at);
  }
  const [cut] = cuts;
  if (cuts.length !== 1 || cut === undefined) return null;
  return { kicker: words.slice(0, cut).join(" "), headline: words.slice(cut).join(" ") };
}
