import { stem } from "./analyzer.js";
import type { SynonymLookup } from "./lexicons.js";
import { compoundSplits, headInCompound, LINKING, MIN_PART, type Vocabulary } from "./vocabulary.js";

/**
 * A German compound the articles lack may be one they have, said with other
 * words for its parts: "Rüstungszusammenarbeit" is a "Waffenkooperation",
 * "Munitionsknappheit" a "Munitionsmangel". The question's compound is split
 * where both parts are dictionary words; an indexed compound then counts when
 * its head is the head or one of its synonyms, and what comes before it the
 * modifier or one of its synonyms, with at least one of the two swapped.
 */

export interface CompoundSynonym {
  /** The indexed compound. */
  term: string;
  /** How many of the two parts are synonyms rather than the question's own (1 or 2). */
  swapped: 1 | 2;
}

/** The dictionary's knowledge the search needs: synonyms, and whether a stem is a German word at all. */
export interface CompoundDictionary {
  synonyms: SynonymLookup;
  isWord(term: string): boolean;
}

/** Where a folded compound splits into two words `isWord` knows (the longest head first), as stems. */
export function splitCompound(folded: string, isWord: (term: string) => boolean): { modifier: string; head: string } | null {
  for (const split of compoundSplits(folded)) {
    if (!isWord(split.head)) continue;
    const modifier = split.modifiers().find((candidate) => isWord(candidate));
    if (modifier !== undefined) return { modifier, head: split.head };
  }
  return null;
}

/** Single-word synonyms of a stem, long enough to stand as a compound part. */
function partSynonyms(term: string, dictionary: CompoundDictionary): string[] {
  return (dictionary.synonyms.get(term) ?? []).filter((synonym) => synonym.length >= MIN_PART - 1 && !synonym.includes(" "));
}

export function compoundSynonyms(folded: string, dictionary: CompoundDictionary, vocabulary: Vocabulary): CompoundSynonym[] {
  const parts = splitCompound(folded, (term) => dictionary.isWord(term));
  if (!parts) return [];
  const modifiers = new Set([parts.modifier, ...partSynonyms(parts.modifier, dictionary)]);
  const heads = [parts.head, ...partSynonyms(parts.head, dictionary)];
  const found = new Map<string, 1 | 2>();
  for (const match of compoundMatches(modifiers, heads, vocabulary, MIN_SYNONYM_HEAD)) {
    const swapped = (match.head === parts.head ? 0 : 1) + (match.modifier === parts.modifier ? 0 : 1);
    if (swapped === 0) continue;
    const previous = found.get(match.term);
    if (previous === undefined || swapped < previous) found.set(match.term, swapped === 1 ? 1 : 2);
  }
  return [...found].map(([term, swapped]) => ({ term, swapped }));
}

/** A synonym's head shorter than this begins too many unrelated compounds. */
const MIN_SYNONYM_HEAD = 4;

/**
 * Indexed compounds made of one of `modifiers` and one of `heads` ("sicherheit" and "rat" make "sicherheitsrat"),
 * with a linking element between them. Both parts must match, so a head as short as "rat" may stand.
 */
export function compoundsOfParts(modifiers: ReadonlySet<string>, heads: Iterable<string>, vocabulary: Vocabulary): string[] {
  return [...new Set([...compoundMatches(modifiers, heads, vocabulary)].map((match) => match.term))];
}

/**
 * Indexed compounds of one of `modifiers`, a linking element and one of `heads` (as the word, or as Snowball stems it
 * at a compound's end), each with the head and the modifier it was made of. Heads shorter than `shortestHead` are
 * skipped (Vocabulary.endingWith's own floor is three letters).
 */
function* compoundMatches(
  modifiers: ReadonlySet<string>,
  heads: Iterable<string>,
  vocabulary: Vocabulary,
  shortestHead = 0,
): Generator<{ term: string; head: string; modifier: string }> {
  for (const word of heads) {
    for (const head of new Set([word, headInCompound(word)])) {
      if (head.length < shortestHead) continue;
      for (const candidate of vocabulary.endingWith(head)) {
        const before = candidate.slice(0, candidate.length - head.length);
        for (const linking of LINKING) {
          if (!before.endsWith(linking)) continue;
          const modifierText = before.slice(0, before.length - linking.length);
          const modifier = modifiers.has(modifierText) ? modifierText : stem(modifierText, "de");
          if (modifierText.length < MIN_PART - 1 || !modifiers.has(modifier)) continue;
          yield { term: candidate, head: word, modifier };
          break;
        }
      }
    }
  }
}
