import type { Language } from "../../src/search/analyzer.js";
import { compareKeys } from "../../src/search/sorted-lines.js";
import { ALTERNATIVES, englishVerbForms, germanVerbForms, type DingLine } from "./ding.js";
import { cleanEntry, wordTerm } from "./phrases.js";
import type { SemcorSense } from "./wordnet.js";

/**
 * How often a term is a noun, against a verb, adjective or adverb: a question
 * word the articles lack that names a thing ("Schwester", "alliance") asks
 * about something they do not mention; one that says something of a thing
 * ("verboten", "imposed", "wertvoll") is often the question's own wording of
 * what they say (see AbstentionFeatures.unknownDescribing).
 */
export interface WordKindCounts {
  noun: number;
  /** Verbs, adjectives, adverbs, prepositions and conjunctions. */
  other: number;
  /** Of `other`, the adjectives. */
  adjective: number;
}
export type WordKinds = Map<string, WordKindCounts>;

const NOUN_MARK = /\{(?:m|f|n|pl)\}/u;
const ADJECTIVE_MARK = /\{adj\}/u;
const OTHER_MARK = /\{(?:adv|v|vi|vt|vr|prp|conj)\b[^}]*\}/u;

function count(kinds: WordKinds, term: string | null, kind: "noun" | "other" | "adjective", times = 1): void {
  if (!term) return;
  const counts = kinds.get(term) ?? { noun: 0, other: 0, adjective: 0 };
  if (kind === "noun") counts.noun += times;
  else counts.other += times;
  if (kind === "adjective") counts.adjective += times;
  kinds.set(term, counts);
}

/**
 * Word kinds from Ding's headwords: German nouns carry their gender ("{f}"),
 * other words their kind ("{adj}", "{vt}"); the English side of a headword
 * whose German alternatives are all of one kind is of that kind too. Verb
 * forms listed after a verb ("verboten", "getroffen") count as verbs.
 */
export function dingWordKinds(lines: readonly DingLine[]): Record<Language, WordKinds> {
  const kinds: Record<Language, WordKinds> = { de: new Map(), en: new Map() };
  for (const line of lines) {
    const german = (line.german[0] ?? "").split(ALTERNATIVES);
    const own = german.map((alternative) =>
      NOUN_MARK.test(alternative) ? "noun" : ADJECTIVE_MARK.test(alternative) ? "adjective" : OTHER_MARK.test(alternative) ? "other" : null,
    );
    // A kind written once after the last alternative is every alternative's ("normalerweise; üblicherweise {adv}"); nouns
    // carry their own gender each.
    const shared = own.at(-1);
    const marks = shared && shared !== "noun" && own.slice(0, -1).every((mark) => mark === null) ? own.map(() => shared) : own;
    german.forEach((alternative, position) => {
      const mark = marks[position];
      if (mark) count(kinds.de, wordTerm(cleanEntry(alternative), "de"), mark);
    });
    const lineMark = marks.every((mark) => mark === marks[0]) ? marks[0] : null;
    if (lineMark) for (const alternative of (line.english[0] ?? "").split(ALTERNATIVES)) count(kinds.en, wordTerm(cleanEntry(alternative), "en"), lineMark);
    for (const group of germanVerbForms(line)) for (const term of group) count(kinds.de, term, "other");
    for (const [form] of englishVerbForms(line)) count(kinds.en, form, "other");
  }
  return kinds;
}

/**
 * English word kinds from WordNet's `cntlist.rev`: how often SemCor's prose
 * used each lemma as a noun (sense keys "lemma%1:…") or otherwise. Running
 * text says how a word is used ("slap", "worth"); a dictionary lists every
 * sense alike.
 */
export function semcorWordKinds(senses: readonly SemcorSense[]): WordKinds {
  const kinds: WordKinds = new Map();
  for (const { lemma, sense, times } of senses) {
    if (!sense) continue;
    // Sense types: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
    count(kinds, wordTerm(lemma, "en"), sense.startsWith("1:") ? "noun" : sense.startsWith("3:") || sense.startsWith("5:") ? "adjective" : "other", times);
  }
  return kinds;
}

/** A term's counts, from `primary` where it has the term. */
const countsOf = (term: string, primary: WordKinds, fallback: WordKinds): WordKindCounts | undefined => primary.get(term) ?? fallback.get(term);

/** Mostly used to say something of a thing rather than to name it. */
const describes = (counts: WordKindCounts): boolean => counts.other > counts.noun;

/** Whether a term is mostly an adjective, by `primary` where it has the term. */
export function isAdjective(term: string, primary: WordKinds, fallback: WordKinds): boolean {
  const counts = countsOf(term, primary, fallback);
  return counts !== undefined && counts.adjective > counts.noun && counts.adjective > counts.other - counts.adjective;
}

/**
 * The terms mostly used to say something of a thing rather than to name it,
 * each with the percentage of its uses that are nouns (below half). English
 * reads running text where it has the word, the dictionary otherwise. Only
 * terms `keep` accepts are listed: the bot asks only about words that are
 * not everyday language, and a word the dictionaries barely use is taken for
 * a name.
 */
export function describingWords(primary: WordKinds, fallback: WordKinds, keep: (term: string) => boolean): string {
  const terms = new Set([...primary.keys(), ...fallback.keys()]);
  const lines: [string, number][] = [];
  for (const term of terms) {
    const counts = countsOf(term, primary, fallback);
    if (!keep(term) || !counts || !describes(counts)) continue;
    lines.push([term, Math.round((100 * counts.noun) / (counts.noun + counts.other))]);
  }
  return lines
    .sort(([left], [right]) => compareKeys(left, right))
    .map(([term, nounShare]) => `${term}\t${nounShare}`)
    .join("\n");
}
