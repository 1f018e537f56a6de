import { foldToken } from "./analyzer.js";
import { LINKING } from "./vocabulary.js";

/**
 * German lists of compounds that share their last part write it once:
 * "Satelliten- und Atomtechnologie" is "Satellitentechnologie und
 * Atomtechnologie", "Kampf-, Schützen- oder Transportpanzer" names three
 * kinds of tank. A question that says "Satellitentechnologie" should find
 * that paragraph, so the index also takes the words such a list leaves
 * unwritten.
 */

/** One or more words cut at a hyphen, a conjunction, and the compound whose last part they share. */
const TRUNCATED_LIST =
  /(?<![\p{L}\p{N}-])((?:\p{L}{2,}-\s*,\s*)*\p{L}{2,}-)\s+(?:und|oder|sowie|bzw\.?|beziehungsweise|als\s+auch|wie\s+auch)\s+(\p{L}{2,}(?:-\p{L}+)*)/gu;

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** The shared part must be a word of its own of at least this many letters ("Rat" in "Sicherheitsrat"). */
const MIN_HEAD = 3;
/** The rest of the closing compound, before the shared part, without its linking element. */
const MIN_MODIFIER = 3;

/**
 * The last part of a compound; null when no split makes sense of it. A
 * hyphenated compound's last part is the one after its last hyphen
 * ("Süd-Korea"). Otherwise, of the places where it could be split, the best
 * is one where both sides are words of their own ("Klein|schreibung", not
 * "Kl|einschreibung"; the longest last part if several are), then the one
 * with the longest first part that is a word as written ("Höchst|spannungsnetz",
 * not "Hoch|stspannungsnetz"), then with a linking element
 * ("Regierungs|…"), then the longest last part that is a word.
 */
export function compoundHead(compound: string, isWord: (folded: string) => boolean): string | null {
  const hyphen = compound.lastIndexOf("-");
  if (hyphen > 0) {
    const head = compound.slice(hyphen + 1);
    return head.length >= MIN_HEAD ? head : null;
  }
  const folded = foldToken(compound);
  const isLinkedWord = (modifier: string): boolean => {
    // The longest linking element the modifier ends in ("Staat|es", not "Staate|s").
    const linking = LINKING.filter((ending) => ending !== "" && modifier.endsWith(ending)).sort((left, right) => right.length - left.length)[0];
    const unlinked = linking === undefined ? modifier : modifier.slice(0, -linking.length);
    return unlinked.length >= MIN_MODIFIER && unlinked !== modifier && isWord(unlinked);
  };
  let both: string | null = null;
  let afterWord: string | null = null;
  let afterLinkedWord: string | null = null;
  let headOnly: string | null = null;
  // From the longest last part to the shortest.
  for (let start = MIN_MODIFIER; start <= folded.length - MIN_HEAD; start += 1) {
    const head = folded.slice(start);
    const modifier = folded.slice(0, start);
    const modifierIsWord = isWord(modifier);
    const modifierIsLinkedWord = !modifierIsWord && isLinkedWord(modifier);
    const headIsWord = isWord(head);
    if ((modifierIsWord || modifierIsLinkedWord) && headIsWord) both ??= head;
    if (modifierIsWord) afterWord = head;
    if (modifierIsLinkedWord) afterLinkedWord = head;
    if (headIsWord) headOnly ??= head;
  }
  // A word as written before one with a linking element: "Hoch|spannungsnetz", not "Hochs|pannungsnetz".
  return both ?? afterWord ?? afterLinkedWord ?? headOnly;
}

/**
 * The words a text leaves unwritten in such lists, in order of appearance
 * ("Satelliten- und Atomtechnologie" → "Satellitentechnologie"). `isWord`
 * tells whether a folded ending is a word of its own (the German lexicon).
 */
export function completedCompounds(text: string, isWord: (folded: string) => boolean): string[] {
  const completed: string[] = [];
  for (const match of text.matchAll(TRUNCATED_LIST)) {
    const [, truncated = "", closing = ""] = match;
    // Nouns go with nouns, adjectives with adjectives: "Schul- oder akademischen" shares no part.
    if (isCapitalised(truncated) !== isCapitalised(closing)) continue;
    const head = compoundHead(closing, isWord);
    if (head === null) continue;
    const joint = closing.includes("-") ? "-" : "";
    for (const part of truncated.split(/\s*,\s*/u)) {
      const modifier = part.trim().replace(/-$/u, "");
      if (modifier.length > 0) completed.push(`${modifier}${joint}${head}`);
    }
  }
  return completed;
}
