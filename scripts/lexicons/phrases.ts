import { analyze, tokenize, type Language } from "../../src/search/analyzer.js";

/** Longest phrase kept on either side: longer entries are idioms that a question rarely repeats word for word. */
const MAX_PHRASE_TERMS = 3;

/** Leading words a headword may carry without changing what it names ("sich treffen", "the Hague"). */
const LEADING_FUNCTION_WORDS = new Set(["sich", "der", "die", "das", "ein", "eine", "the", "a", "an", "to"]);

/**
 * Terms of a phrase, joined by spaces; null when it is empty, too long,
 * loses a word to the stop list ("to get going" is not "get"), or holds a
 * digit: a number, or a chemical name cut at its comma ("1,4-Dichlorbenzol").
 */
export function phraseTerms(phrase: string, language: Language): string | null {
  if (/\p{Nd}/u.test(phrase)) return null;
  const words = tokenize(phrase);
  while (words.length > 1 && LEADING_FUNCTION_WORDS.has((words[0] ?? "").toLowerCase())) words.shift();
  const terms = analyze(words.join(" "), language).map((token) => token.term);
  if (terms.length === 0 || terms.length > MAX_PHRASE_TERMS || terms.length !== words.length) return null;
  return terms.join(" ");
}

/** The term of a single word; null for phrases, stop words and empty entries. */
export function wordTerm(word: string, language: Language): string | null {
  if (/\s/u.test(word.trim())) return null;
  const terms = phraseTerms(word, language);
  return terms && !terms.includes(" ") ? terms : null;
}

/** Drops register labels and glosses: "(ugs.)", "[mil.]", "<fem>", "{…}", "etw.", "jdm.". */
export function cleanEntry(text: string): string {
  return text
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\/[^/]*\//g, " ")
    .replace(/\b(?:etw|jdm|jdn|jds|jd|sth|sb|sb's)\b\.?/g, " ")
    .replace(/^\s*to\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Synsets larger than this are mostly loose associations. */
export const MAX_SYNSET = 16;

/**
 * A synset line from single-word alternatives: "N" (nouns: most members are
 * capitalised) or "W" (verbs and other words), a tab, the members' terms
 * sorted; null with fewer than two or more than MAX_SYNSET members. The kind
 * matters at query time: a verb form's reduced stem ("stammt" → "stamm")
 * must meet verbs ("stammen"), not a noun that stems alike ("Stamm").
 */
export function synsetLine(alternatives: readonly string[]): string | null {
  const members = new Set<string>();
  let capitalized = 0;
  for (const alternative of alternatives) {
    // Single words only: a phrase from a thesaurus rarely stands in a question as such.
    if (alternative.includes("...") || alternative.includes("…")) continue;
    const term = wordTerm(alternative, "de");
    if (!term) continue;
    members.add(term);
    if (/^\p{Lu}/u.test(alternative)) capitalized += 1;
  }
  if (members.size < 2 || members.size > MAX_SYNSET) return null;
  return `${capitalized * 2 > members.size ? "N" : "W"}\t${[...members].sort().join(" ")}`;
}
