import { stem } from "./analyzer.js";

/**
 * The other grammatical gender of a German noun for a person: "Sprecher" and
 * "Sprecherin", "Experte" and "Expertin", "Präsidenten" and "Präsidentin".
 * A question says "der Sprecher" of a spokeswoman as often as not, and the
 * stemmer keeps the two apart ("sprech", "sprecherin"). Only endings of nouns
 * for people qualify, so "Benzin" is no woman "Benz" and "Termin" none of
 * "Term". Returns index terms (stems); the caller keeps those the index has.
 */

/** Endings of masculine nouns for people whose feminine adds "-in" (folded). */
const PERSON_ENDING = /(?:er|or|ent|ant|ist|at|eur|ert|ef|og|eg|ot|it)$/u;
/** Shortest masculine form considered ("Chef"). */
const MIN_BASE = 4;

function masculineBases(folded: string): string[] {
  const bases = [folded];
  // "Experte", "Präsidenten", "Kollegen": the noun before its case or plural ending.
  for (const ending of ["en", "e", "n"]) if (folded.endsWith(ending)) bases.push(folded.slice(0, -ending.length));
  return bases.filter((base) => base.length >= MIN_BASE && PERSON_ENDING.test(base));
}

export function genderCounterparts(folded: string): string[] {
  if (/\d/u.test(folded)) return [];
  const forms = new Set<string>();
  const feminine = /^(.+?)in(?:nen)?$/u.exec(folded)?.[1];
  if (feminine !== undefined && feminine.length >= MIN_BASE && PERSON_ENDING.test(feminine)) {
    // "Expertin" is the "Experte", "Biologin" the "Biologe".
    forms.add(stem(feminine, "de"));
    forms.add(stem(`${feminine}e`, "de"));
  } else {
    for (const base of masculineBases(folded)) {
      forms.add(stem(`${base}in`, "de"));
      forms.add(stem(`${base}innen`, "de"));
    }
  }
  forms.delete(stem(folded, "de"));
  return [...forms];
}
