import { foldToken, isStopWord, stem, tokenize } from "./analyzer.js";
import type { Lexicons, SynonymLookup } from "./lexicons.js";
import { verbStemVariants } from "./vocabulary.js";

/**
 * German separable verbs stand split in a main clause: "Schoigu schaute sich
 * Waffen an", "Beide wiesen die Vorwürfe zurück", "Dort findet ein Treffen
 * statt". A question asks with the verb whole ("angeschaut", "zurückgewiesen",
 * "stattfinden"), and the synonyms of the whole verb ("ansehen", "bestreiten")
 * reach only it. So a paragraph's terms also hold the verb joined again: its
 * particle, last in its clause, put before the finite verb earlier in the
 * clause, when the dictionaries know the joined word as a verb. A question
 * splits verbs the same way ("wie reist Kim an"); its finite verb then also
 * stands for the whole one (see QueryAnalyzer).
 */

/** Particles that stand last in a main clause as a separable verb's first part (none longer than nine letters). */
const PARTICLES = new Set([
  "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "heran", "heraus", "herbei", "herein", "herum", "herunter", "hervor",
  "hin", "hinauf", "hinaus", "hinein", "hinzu", "los", "mit", "nach", "nieder", "statt", "teil", "vor", "voran", "voraus", "vorbei",
  "weg", "weiter", "wieder", "zu", "zuruck", "zusammen", "entgegen", "gegenuber", "hoch", "fern", "frei", "dar",
]); // prettier-ignore

const LONGEST_PARTICLE = Math.max(...[...PARTICLES].map((particle) => particle.length));

/**
 * Where a clause ends: sentence and clause punctuation (not an ordinal's point: "am 1. Juli"), quotes, dashes, and
 * the conjunctions that join main clauses.
 */
const CLAUSE_END = /(?<!\d)\.|[!?;:,()[\]"„“”«»‚‘’–—]|\s-\s|\s(?:und|oder|aber|sondern|denn)\s/giu;

const LETTER = /\p{L}/u;

/** A clause's last word (its letters), read from the end: most clauses are not looked at further. */
function lastWord(clause: string): string {
  let end = clause.length;
  while (end > 0 && !LETTER.test(clause.charAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && LETTER.test(clause.charAt(start - 1))) start -= 1;
  return clause.slice(start, end);
}

/** What joining a verb needs of the dictionaries: German verb forms and the synsets of verbs. */
export interface VerbLexicon {
  /** A form → the other forms of its verb (see Lexicons.verbForms). */
  verbForms: SynonymLookup;
  /** A verb stem → its synonyms (see Lexicons.verbSynonyms). */
  verbSynonyms: SynonymLookup;
  /** Whether the frequency list knows a stem: a dictionary's headword, so an infinitive rather than another form. */
  isWord(term: string): boolean;
}

/** Lookups kept per reader at most: words repeat across paragraphs, and a corpus may have millions. */
const CACHE_LIMIT = 50_000;

/** Reads the split verbs of German texts against one lexicon, remembering its lookups (see joined). */
export class SeparableVerbReader {
  private readonly listedWords = new Map<string, boolean>();
  private readonly joinedVerbCache = new Map<string, string | null>();

  constructor(private readonly lexicon: VerbLexicon) {}

  /** The joined verbs' terms (stems) of a German text, once each. */
  joined(text: string): string[] {
    return [...new Set(this.joinedVerbs(text).map((verb) => verb.term))];
  }

  /** Each split verb of a German text: its finite verb (folded, as written) and the joined verb's term. */
  joinedVerbs(text: string): { finite: string; term: string }[] {
    const joined: { finite: string; term: string }[] = [];
    for (const clause of text.split(CLAUSE_END)) {
      // Most clauses end otherwise: their last word alone is looked at before the clause is taken apart.
      const last = lastWord(clause);
      if (last.length > LONGEST_PARTICLE || !PARTICLES.has(foldToken(last))) continue;
      const words = tokenize(clause).map(foldToken);
      const particle = words.at(-1);
      if (particle === undefined || words.length < 3 || !PARTICLES.has(particle)) continue;
      // The finite verb comes first or second in a main clause: the first word that joins wins, a form the verb
      // lists know first ("kommen … an", not "gegen", which joins "an" as a form of "angeben"), function words last.
      const before = words.slice(0, -1);
      const listed = (word: string): boolean => this.listed(word);
      const ordered = [
        ...before.filter(listed),
        ...before.filter((word) => !listed(word) && !isStopWord(word)),
        ...before.filter((word) => !listed(word) && isStopWord(word)),
      ];
      for (const word of ordered) {
        const found = this.joinedVerb(particle, stem(word, "de"));
        if (found === null) continue;
        joined.push({ finite: word, term: found });
        break;
      }
    }
    return joined;
  }

  private listed(word: string): boolean {
    let known = this.listedWords.get(word);
    if (known === undefined) {
      known = this.lexicon.verbForms.get(stem(word, "de")) !== undefined;
      remember(this.listedWords, word, known);
    }
    return known;
  }

  /**
   * The verb the dictionaries know made of `particle` and a form of the verb `finite` (a stem) belongs to, as one
   * term: its infinitive's stem where a synset or the frequency list has it (what synonyms reach), else a form the
   * verb lists know (what a question's form of it reaches through them); null when none is a verb. One term, so
   * that a paragraph is not made longer for it than by one word.
   */
  private joinedVerb(particle: string, finite: string): string | null {
    const key = `${particle} ${finite}`;
    const known = this.joinedVerbCache.get(key);
    if (known !== undefined) return known;
    const { verbForms, verbSynonyms } = this.lexicon;
    const forms = new Set([finite, ...verbStemVariants(finite), ...(verbForms.get(finite) ?? [])]);
    const joined = [...forms].map((form) => particle + form);
    const found =
      joined.find((term) => verbSynonyms.get(term) !== undefined) ??
      joined.find((term) => this.lexicon.isWord(term)) ??
      joined.find((term) => verbForms.get(term) !== undefined) ??
      null;
    remember(this.joinedVerbCache, key, found);
    return found;
  }
}

/** Keeps a lookup, forgetting all once the cache is full (cheap, and a corpus's common words come back at once). */
function remember<Value>(cache: Map<string, Value>, key: string, value: Value): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

const readers = new WeakMap<Lexicons, SeparableVerbReader>();

/** The reader of a set of lexicons' German verbs, one per lexicons: the index and its question analysis share its lookups. */
export function separableVerbReader(lexicons: Lexicons): SeparableVerbReader {
  let reader = readers.get(lexicons);
  if (!reader) {
    reader = new SeparableVerbReader({
      verbForms: lexicons.verbForms.de,
      verbSynonyms: lexicons.verbSynonyms,
      isWord: (term) => lexicons.frequency.de.has(term),
    });
    readers.set(lexicons, reader);
  }
  return reader;
}
