import { stem } from "./analyzer.js";

/**
 * The index's own terms as query expansion reaches them: verb forms that
 * stem apart, compounds that hold a word, the parts of a compound, and words
 * one typo away.
 */

/**
 * Forms of the same verb that Snowball stems apart: "braucht" keeps its "-t",
 * "brauchen" becomes "brauch"; "benötigt" keeps "-ig-", "benötigen" becomes
 * "benot". So are a noun in "-el" and its dative plural ("Lebensmittel",
 * "Lebensmitteln"). Lookups try these reduced forms on both sides.
 */
export function verbStemVariants(term: string): string[] {
  // Snowball keeps the "-n" of a noun in "-el" ("Lebensmitteln", "Inseln"), which the singular lacks.
  if (term.length >= 6 && term.endsWith("eln") && !/\d/.test(term)) return [term.slice(0, -1)];
  if (term.length < 5 || !term.endsWith("t") || /\d/.test(term)) return [];
  const variants = [term.slice(0, -1)];
  if (term.endsWith("st")) variants.push(term.slice(0, -2));
  for (const variant of [...variants]) {
    const restemmed = stem(variant, "de");
    if (restemmed !== variant && restemmed.length >= 3) variants.push(restemmed);
  }
  return [...new Set(variants)];
}

/**
 * Shortest stems that may stand for a compound part: the head at the end
 * ("mangel" in "munitionsmangel", "zug"-like short heads excepted) and the
 * modifier at the start ("lebensmittel" in "lebensmittelknapp"), where short
 * stems ("mach", "best") begin too many unrelated words.
 */
const MIN_COMPOUND_HEAD = 4;
const MIN_COMPOUND_MODIFIER = 5;
/** A compound that holds the word weighs this much of the word itself. */
export const COMPOUND_SHARE = 0.6;

/** A Vocabulary as stored with the lexical index (see Vocabulary.stored). */
export interface StoredVocabulary {
  /** Keys that verb forms reduce to, with the terms they stand for in the order learnt. */
  keys: readonly (readonly [string, readonly string[]])[];
  /** The terms without digits, sorted. */
  sorted: readonly string[];
  /** The same terms, sorted by their spelling read backwards. */
  sortedBackwards: readonly string[];
}

/** The index's own terms, reachable also through the reduced forms of its verbs and as parts of compounds. */
export class Vocabulary {
  private readonly terms: Set<string>;
  /**
   * Keys that verb forms reduce to, with the index terms they stand for in
   * the order they were learnt (the key itself among them when indexed). A
   * term that is no such key stands for itself alone, without an entry: most
   * terms are none, and a start opening a stored index adds every term.
   */
  private readonly byKey: Map<string, string[]>;
  /**
   * Index terms sorted, and sorted by their spelling read backwards: prefix and
   * suffix lookups by binary search. Sorted when first needed (only compound
   * and typo lookups need them), with the terms added since merged in then.
   */
  private readonly sorted: string[];
  private readonly sortedBackwards: string[];
  private pending: string[] = [];

  constructor(terms: Iterable<string>, restored?: StoredVocabulary) {
    if (restored) {
      // Built-in constructors and copies only: a start opens a vocabulary of hundreds of thousands of terms.
      this.terms = new Set(terms);
      this.byKey = new Map(restored.keys.map(([key, list]) => [key, [...list]]));
      this.sorted = [...restored.sorted];
      this.sortedBackwards = [...restored.sortedBackwards];
      return;
    }
    this.terms = new Set();
    this.byKey = new Map();
    this.sorted = [];
    this.sortedBackwards = [];
    this.add(terms);
  }

  /**
   * What `restore` needs to open this vocabulary again without stemming or
   * sorting its terms (most of a start's work on a stored index otherwise).
   */
  stored(): StoredVocabulary {
    const { sorted, sortedBackwards } = this.settled();
    return { keys: [...this.byKey], sorted: [...sorted], sortedBackwards: [...sortedBackwards] };
  }

  /**
   * A vocabulary of `terms` (in the order learnt) as `stored()` gave it. The
   * stored orders are taken as they are (they come from a file whose shape
   * was checked); orders of another length than the terms' are not theirs, and
   * the vocabulary is then built from the terms.
   */
  static restore(terms: readonly string[], stored: StoredVocabulary): Vocabulary {
    const ordered = stored.sorted.length;
    if (stored.sortedBackwards.length !== ordered || ordered > terms.length) return new Vocabulary(terms);
    return new Vocabulary(terms, stored);
  }

  private settled(): { sorted: readonly string[]; sortedBackwards: readonly string[] } {
    if (this.pending.length > 0) {
      // One by one: spreading hundreds of thousands of arguments overflows the stack.
      for (const term of this.pending) {
        this.sorted.push(term);
        this.sortedBackwards.push(term);
      }
      this.pending = [];
      // Sorting an appended run into the sorted rest takes about linear time (TimSort).
      this.sorted.sort();
      this.sortedBackwards.sort(compareBackwards);
    }
    return { sorted: this.sorted, sortedBackwards: this.sortedBackwards };
  }

  /** Terms the index now has (an article was added): found from then on like the others. */
  add(terms: Iterable<string>): void {
    for (const term of terms) {
      if (this.terms.has(term)) continue;
      this.terms.add(term);
      this.addKeys(term);
      if (!/\d/.test(term)) this.pending.push(term);
    }
  }

  /** A term the index no longer has (its last paragraph was removed). */
  delete(term: string): void {
    if (!this.terms.delete(term)) return;
    for (const key of [term, ...verbStemVariants(term)]) {
      const list = this.byKey.get(key)?.filter((indexed) => indexed !== term) ?? [];
      // A key left standing for itself alone needs no entry.
      if (list.length > 1 || (list.length === 1 && list[0] !== key)) this.byKey.set(key, list);
      else this.byKey.delete(key);
    }
    if (/\d/.test(term)) return;
    this.settled();
    removeSorted(this.sorted, term, compareForwards);
    removeSorted(this.sortedBackwards, term, compareBackwards);
  }

  private addKeys(term: string): void {
    this.byKey.get(term)?.push(term);
    for (const key of verbStemVariants(term)) {
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, this.terms.has(key) ? [key, term] : [term]);
      else if (!list.includes(term)) list.push(term);
    }
  }

  /** Index terms a stem stands for: itself when indexed, and verb forms that reduce to it. */
  lookup(term: string): readonly string[] {
    return this.byKey.get(term) ?? (this.terms.has(term) ? [term] : []);
  }

  /** Like lookup, also trying the stem's own reduced forms. */
  resolve(term: string): string[] {
    const found = new Set<string>(this.lookup(term));
    for (const variant of verbStemVariants(term)) for (const indexed of this.lookup(variant)) found.add(indexed);
    return [...found];
  }

  /**
   * Index terms that are compounds beginning or ending with the stem
   * ("lebensmittel" → "lebensmittelknapp", "mangel" → "munitionsmangel"),
   * leaving at least three letters for the other part.
   */
  compounds(term: string): string[] {
    if (term.length < MIN_COMPOUND_HEAD || /\d/.test(term)) return [];
    const found = new Set<string>();
    if (term.length >= MIN_COMPOUND_MODIFIER) {
      for (const candidate of withPrefix(this.settled().sorted, term)) if (candidate.length >= term.length + 3) found.add(candidate);
    }
    // As the compound's head, the word may stem shorter: "knappheit" ends "lebensmittelknapp".
    for (const head of new Set([term, headInCompound(term)])) for (const candidate of this.endingWith(head)) found.add(candidate);
    return [...found];
  }

  /** Index terms that end with `head` and have at least three letters before it (no length limit on the head). */
  endingWith(head: string): string[] {
    if (head.length < 3 || /\d/.test(head)) return [];
    return withSuffix(this.settled().sortedBackwards, head).filter((candidate) => candidate.length >= head.length + 3);
  }

  /**
   * Index terms one typo away (two for long words): a letter missing, added,
   * replaced or two letters swapped ("putn" → "putin", "nordkora" → "nordkorea").
   * Only same first letter: typos rarely hit it, and it keeps the scan short.
   */
  nearSpellings(term: string): string[] {
    if (term.length < MIN_TYPO_LENGTH || /\d/.test(term)) return [];
    const limit = term.length >= 8 ? 2 : 1;
    const found: string[] = [];
    for (const candidate of withPrefix(this.settled().sorted, term.slice(0, 1))) {
      if (Math.abs(candidate.length - term.length) > limit || candidate === term) continue;
      if (editDistance(term, candidate, limit) <= limit) found.push(candidate);
    }
    return found;
  }
}

/** Words shorter than this are not corrected: too many words lie one letter apart. */
const MIN_TYPO_LENGTH = 4;

/** Optimal-string-alignment distance (Levenshtein with swaps), giving up past `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: columns }, (_, index) => index);
  for (let row = 1; row < rows; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column < columns; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
        value = Math.min(value, (beforePrevious[column - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[columns - 1] ?? limit + 1;
}

/**
 * The stem a German word takes at the end of a compound, where Snowball's
 * regions reach further: "Knappheit" stays "knappheit", "Lebensmittelknappheit"
 * is "lebensmittelknapp". Stemmed behind a neutral prefix that puts the word
 * in both regions. Only a derivational ending counts ("-heit", "-ung", "-ik"):
 * an inflection's is taken off the word alone too, and an English stem must
 * not lose an "-er" it never had as an ending ("water").
 */
export function headInCompound(head: string): string {
  const inside = stem(`${HEAD_PREFIX}${head}`, "de").slice(HEAD_PREFIX.length);
  return inside.length >= MIN_PART - 1 && DERIVATIONAL_ENDING.test(head.slice(inside.length)) ? inside : head;
}
const HEAD_PREFIX = "abab";
/** Snowball's derivational endings, which only the longer word's regions reach ("Technik" in "Waffentechnik"). */
const DERIVATIONAL_ENDING = /^(?:end|ung|ig|ik|isch|lich|heit|keit)/u;

/** Linking letters between the parts of a German compound ("Hunger-s-not", "Strafe-n-…"). */
export const LINKING = ["", "s", "es", "n", "en", "e"];
export const MIN_PART = 4;

/**
 * The ways a folded German compound may split in two, the longest head first:
 * the head's stem, and (when asked) the modifier's stem for each linking
 * element the modifier may end in. None for a word too short to hold two parts, or with
 * digits.
 */
export function* compoundSplits(folded: string): Generator<{ head: string; modifiers: () => string[] }> {
  if (folded.length < 2 * MIN_PART || /\d/.test(folded)) return;
  for (let split = MIN_PART; split <= folded.length - MIN_PART; split += 1) {
    const modifierText = folded.slice(0, split);
    // Stemmed only for a head that is a word: most splits are not.
    const modifiers = (): string[] =>
      LINKING.filter((linking) => modifierText.endsWith(linking) && modifierText.length - linking.length >= MIN_PART - 1).map((linking) =>
        stem(modifierText.slice(0, modifierText.length - linking.length), "de"),
      );
    yield { head: stem(folded.slice(split), "de"), modifiers };
  }
}

/**
 * Index terms for the two parts of a compound, split where both parts are
 * indexed words (or the head, the last part, at least): the split with the
 * longest head wins.
 */
export function compoundParts(folded: string, vocabulary: Vocabulary): string[] {
  for (const split of compoundSplits(folded)) {
    const head = vocabulary.resolve(split.head);
    if (head.length === 0) continue;
    for (const modifierStem of split.modifiers()) {
      const modifier = vocabulary.resolve(modifierStem);
      if (modifier.length > 0) return [...new Set([...modifier, ...head])];
    }
    return head;
  }
  return [];
}

function compareForwards(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Order by spelling read backwards (UTF-16 units from the end), so that words with the same ending lie together. */
function compareBackwards(left: string, right: string): number {
  const shorter = Math.min(left.length, right.length);
  for (let back = 1; back <= shorter; back += 1) {
    const difference = left.charCodeAt(left.length - back) - right.charCodeAt(right.length - back);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** Where `value` is or would go in `sorted` (ordered by `compare`). */
function lowerBound(sorted: readonly string[], value: string, compare: (left: string, right: string) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle] ?? "", value) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeSorted(sorted: string[], value: string, compare: (left: string, right: string) => number): void {
  const position = lowerBound(sorted, value, compare);
  if (sorted[position] === value) sorted.splice(position, 1);
}

function withPrefix(sorted: readonly string[], prefix: string): string[] {
  const result: string[] = [];
  for (let index = lowerBound(sorted, prefix, compareForwards); index < sorted.length && (sorted[index] ?? "").startsWith(prefix); index += 1) {
    result.push(sorted[index] ?? "");
  }
  return result;
}

/** In terms ordered backwards (compareBackwards), those ending with `suffix` lie together from where it would go. */
function withSuffix(sortedBackwards: readonly string[], suffix: string): string[] {
  const result: string[] = [];
  for (
    let index = lowerBound(sortedBackwards, suffix, compareBackwards);
    index < sortedBackwards.length && (sortedBackwards[index] ?? "").endsWith(suffix);
    index += 1
  ) {
    result.push(sortedBackwards[index] ?? "");
  }
  return result;
}
