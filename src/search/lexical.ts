import { charNgrams, foldToken, stem, type Language } from "./analyzer.js";
import { analyzeLexicalDocument, COVERAGE_GRAM_SIZE, type LexicalDocument, type LexicalHit, type LexicalResult } from "./lexical-document.js";
import { Vocabulary } from "./vocabulary.js";
import { separableVerbReader, type SeparableVerbReader } from "./separable-verbs.js";
import { loadLexicons, type Lexicons } from "./lexicons.js";
import { QueryAnalyzer, tokenWeight, type QueryContext, type QueryToken } from "./query-analysis.js";

export type { LexicalDocument, LexicalHit, LexicalResult } from "./lexical-document.js";
import { bridgedInstead, wordMatch, type Membership, type PartialMatch } from "./word-match.js";
import { FieldedBm25, ScoreBoard } from "./bm25.js";
import { DEFAULT_LEXICAL_OPTIONS, type LexicalOptions } from "./lexical-options.js";
import type { StoredLexicalIndex } from "./lexical-store.js";
import { TermIds } from "./term-ids.js";
import { grown, ListPool } from "./list-pool.js";
import { BoundedHeap, type ScoredSlot } from "./bounded-heap.js";

/** Minimum share of shared grams and credit for a partial word match in coverage (see COVERAGE_GRAM_SIZE). */
const DOCUMENT_PARTS: PartialMatch = { overlap: 0.6, credit: 0.8 };
/** Share of the n-gram channel's weight kept for questions in another language than the articles. */
const CROSS_LANGUAGE_NGRAM_SHARE = 0.5;
/**
 * A word of a question in another language, at least this common there ("visit", "new"), that the articles have as
 * written brings no letter grams: the word channel finds it, and its letters meet their words by chance ("Visite").
 */
const CROSS_LANGUAGE_GRAMLESS_CLASS = 12;
/** Passages rescored by coverage, at least: enough that the order within any requested limit is the same. */
const COVERAGE_POOL = 50;

/** Title, heading and body. */
const WORD_FIELDS = 3;
/** The body's position among the word fields. */
const BODY_FIELD = 2;

/** Whether sorted `values` hold `value`. */
function sortedHas(values: Uint32Array, value: number): boolean {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle] ?? 0;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * BM25 over paragraphs, on two channels: stemmed words (with title and
 * heading as extra fields) and character n-grams of the words, which lets
 * German compounds meet their parts. Paragraphs can be added and removed;
 * the statistics are then those of the paragraphs present, so an index that
 * grew article by article ranks as one built at once.
 */
export class LexicalIndex {
  private readonly words: FieldedBm25;
  private readonly grams: FieldedBm25 | null;
  /** Paragraph id by slot ("" once removed); slots are never reused. */
  private readonly slotIds: string[];
  private readonly slotById = new Map<string, number>();
  /** For each slot, its word term ids (body, heading, title), sorted: used for coverage. */
  private readonly documentTerms: ListPool;
  /** For each slot, the ids of its body words' coverage grams, sorted: partial credit for compound parts and typos. */
  private readonly documentGrams: ListPool;
  private readonly coverageGrams: TermIds;
  /** By word term id: in how many paragraphs it occurs (any field). */
  private documentFrequency: Uint32Array;
  /** Like documentFrequency, without titles: a title word is in every paragraph of its article without being what each is about. */
  private textFrequency: Uint32Array;
  private readonly vocabulary: Vocabulary;
  private readonly vocabularyOrder: number[];
  private readonly languageCounts: { de: number; en: number };
  /** Reads questions against this index (its analyses are forgotten on every change). */
  private readonly queries: QueryAnalyzer;
  private readonly wordBoard = new ScoreBoard();
  private readonly gramBoard = new ScoreBoard();
  /** Whether a German ending is a word of the lexicon's: the shared part of a list of compounds (see truncated-compounds.ts). */
  private readonly isGermanWord = (folded: string): boolean => this.lexicons.frequency.de.has(stem(folded, "de"));
  /** Which split verbs a German paragraph holds (see separable-verbs.ts). */
  private get separableVerbs(): SeparableVerbReader {
    return separableVerbReader(this.lexicons);
  }

  private constructor(
    readonly options: LexicalOptions,
    private readonly lexicons: Lexicons,
    stored?: StoredLexicalIndex,
  ) {
    this.queries = new QueryAnalyzer(
      {
        size: () => this.size,
        languages: () => this.languages,
        vocabulary: () => this.vocabulary,
        frequencyOf: (term) => this.frequencyOf(term),
        textFrequencyOf: (term) => this.textFrequencyOf(term),
        idf: (term) => this.idf(term),
      },
      lexicons,
      options.expansion,
    );
    if (stored) {
      this.words = new FieldedBm25(WORD_FIELDS, stored.words);
      this.grams = options.ngramSize > 0 && stored.grams ? new FieldedBm25(1, stored.grams) : options.ngramSize > 0 ? new FieldedBm25(1) : null;
      this.slotIds = [...stored.ids];
      stored.ids.forEach((id, slot) => {
        if (id !== "") this.slotById.set(id, slot);
      });
      this.documentTerms = new ListPool(stored.documentTerms);
      this.documentGrams = new ListPool(stored.documentGrams);
      this.coverageGrams = new TermIds(stored.coverageGrams, stored.coverageGramTable);
      this.documentFrequency = stored.documentFrequency;
      this.textFrequency = stored.textFrequency;
      this.vocabularyOrder = [...stored.vocabularyOrder];
      const termOf = (id: number): string => this.words.terms.term(id) ?? "";
      const learnt = this.vocabularyOrder.map(termOf);
      this.vocabulary = Vocabulary.restore(learnt, {
        keys: stored.vocabulary.keys.map(([key, ids]) => [key, Array.from(ids, termOf)] as const),
        sorted: Array.from(stored.vocabulary.sorted, termOf),
        sortedBackwards: Array.from(stored.vocabulary.sortedBackwards, termOf),
      });
      this.languageCounts = { ...stored.languages };
      return;
    }
    this.words = new FieldedBm25(WORD_FIELDS);
    this.grams = options.ngramSize > 0 ? new FieldedBm25(1) : null;
    this.slotIds = [];
    this.documentTerms = new ListPool();
    this.documentGrams = new ListPool();
    this.coverageGrams = new TermIds();
    this.documentFrequency = new Uint32Array(1024);
    this.textFrequency = new Uint32Array(1024);
    this.vocabulary = new Vocabulary([]);
    this.vocabularyOrder = [];
    this.languageCounts = { de: 0, en: 0 };
  }

  /** Paragraphs indexed. */
  get size(): number {
    return this.slotById.size;
  }

  private get languages(): ReadonlySet<Language> {
    const present = new Set<Language>();
    if (this.languageCounts.de > 0) present.add("de");
    if (this.languageCounts.en > 0) present.add("en");
    return present;
  }

  /** Adds paragraphs (ids not in the index yet). */
  add(documents: readonly LexicalDocument[]): void {
    const newTerms: string[] = [];
    for (const document of documents) {
      if (this.slotById.has(document.id)) throw new Error(`paragraph ${document.id} is already indexed`);
      const analyzed = analyzeLexicalDocument(document, this.options.ngramSize, this.isGermanWord, this.separableVerbs);
      const slot = this.slotIds.length;
      this.slotIds.push(document.id);
      this.slotById.set(document.id, slot);
      this.languageCounts[analyzed.language] += 1;
      this.words.add(slot, analyzed.fields);
      this.grams?.add(slot, [analyzed.grams]);
      const allTerms = [...analyzed.allTerms];
      const termIds = allTerms.map((term) => this.words.terms.intern(term));
      this.ensureFrequencies();
      for (const [position, id] of termIds.entries()) {
        const before = this.documentFrequency[id] ?? 0;
        this.documentFrequency[id] = before + 1;
        if (before === 0) {
          newTerms.push(allTerms[position] ?? "");
          this.vocabularyOrder.push(id);
        }
      }
      for (const term of analyzed.textTerms) {
        const id = this.words.terms.intern(term);
        this.textFrequency[id] = (this.textFrequency[id] ?? 0) + 1;
      }
      this.documentTerms.set(slot, Uint32Array.from(termIds).sort());
      this.documentGrams.set(slot, Uint32Array.from(analyzed.coverageGrams, (gram) => this.coverageGrams.intern(gram)).sort());
    }
    this.vocabulary.add(newTerms);
    this.queries.forget();
  }

  /** Removes paragraphs; each must be given as it was added (same id, title, heading and text). */
  remove(documents: readonly LexicalDocument[]): void {
    for (const document of documents) {
      const slot = this.slotById.get(document.id);
      if (slot === undefined) continue;
      const analyzed = analyzeLexicalDocument(document, this.options.ngramSize, this.isGermanWord, this.separableVerbs);
      this.words.remove(slot, analyzed.fields);
      this.grams?.remove(slot, [analyzed.grams]);
      this.languageCounts[analyzed.language] -= 1;
      for (const term of analyzed.allTerms) {
        const id = this.words.terms.id(term);
        if (id === undefined) continue;
        const after = (this.documentFrequency[id] ?? 1) - 1;
        this.documentFrequency[id] = after;
        if (after === 0) this.vocabulary.delete(term);
      }
      for (const term of analyzed.textTerms) {
        const id = this.words.terms.id(term);
        if (id !== undefined) this.textFrequency[id] = Math.max(0, (this.textFrequency[id] ?? 0) - 1);
      }
      this.documentTerms.set(slot, []);
      this.documentGrams.set(slot, []);
      this.slotIds[slot] = "";
      this.slotById.delete(document.id);
    }
    const present = this.vocabularyOrder.filter((id) => (this.documentFrequency[id] ?? 0) > 0);
    this.vocabularyOrder.splice(0, this.vocabularyOrder.length, ...present);
    this.queries.forget();
  }

  private ensureFrequencies(): void {
    const needed = this.words.terms.size;
    if (needed > this.documentFrequency.length) this.documentFrequency = grown(this.documentFrequency, Math.max(needed, this.documentFrequency.length * 2));
    if (needed > this.textFrequency.length) this.textFrequency = grown(this.textFrequency, Math.max(needed, this.textFrequency.length * 2));
  }

  private frequencyOf(term: string): number {
    const id = this.words.terms.id(term);
    return id === undefined ? 0 : (this.documentFrequency[id] ?? 0);
  }

  private textFrequencyOf(term: string): number {
    const id = this.words.terms.id(term);
    return id === undefined ? 0 : (this.textFrequency[id] ?? 0);
  }

  /** A paragraph's terms and coverage grams, as wordMatch asks for them. */
  private membership(slot: number): { terms: Membership; grams: Membership } {
    return {
      terms: { has: (term) => this.hasId(this.documentTerms, slot, this.words.terms.id(term)) },
      grams: { has: (gram) => this.hasId(this.documentGrams, slot, this.coverageGrams.id(gram)) },
    };
  }

  private hasId(pool: ListPool, slot: number, id: number | undefined): boolean {
    return id !== undefined && sortedHas(pool.view(slot), id);
  }

  /** Everything needed to open the index again without analysing a paragraph. */
  stored(): StoredLexicalIndex {
    return {
      ids: [...this.slotIds],
      languages: { ...this.languageCounts },
      words: this.words.stored(),
      grams: this.grams?.stored() ?? null,
      coverageGrams: this.coverageGrams.terms,
      coverageGramTable: this.coverageGrams.hashTable(),
      documentTerms: this.documentTerms.packed(),
      documentGrams: this.documentGrams.packed(),
      documentFrequency: this.documentFrequency.slice(0, this.words.terms.size),
      textFrequency: this.textFrequency.slice(0, this.words.terms.size),
      vocabularyOrder: Uint32Array.from(this.vocabularyOrder),
      vocabulary: this.storedVocabulary(),
    };
  }

  private storedVocabulary(): StoredLexicalIndex["vocabulary"] {
    const vocabulary = this.vocabulary.stored();
    // Every vocabulary term is a word term; a missing one (never expected) makes the stored orders fail their check on restore.
    const idOf = (term: string): number => this.words.terms.id(term) ?? 0;
    return {
      keys: vocabulary.keys.map(([key, terms]) => [key, terms.map(idOf)] as const),
      sorted: Uint32Array.from(vocabulary.sorted, idOf),
      sortedBackwards: Uint32Array.from(vocabulary.sortedBackwards, idOf),
    };
  }

  /** Opens a stored index (see stored()); the options and lexicons must be those it was built with. */
  static restore(stored: StoredLexicalIndex, options: Partial<LexicalOptions> = {}, lexicons: Lexicons = loadLexicons()): LexicalIndex {
    return new LexicalIndex({ ...DEFAULT_LEXICAL_OPTIONS, ...options }, lexicons, stored);
  }

  /** A new index of `documents` with this one's options and lexicons. */
  alike(documents: readonly LexicalDocument[]): LexicalIndex {
    return LexicalIndex.build(documents, this.options, this.lexicons);
  }

  static build(documents: readonly LexicalDocument[], options: Partial<LexicalOptions> = {}, lexicons: Lexicons = loadLexicons()): LexicalIndex {
    const index = new LexicalIndex({ ...DEFAULT_LEXICAL_OPTIONS, ...options }, lexicons);
    index.add(documents);
    return index;
  }

  /** Inverse document frequency over the paragraphs' own text (titles left out: they would make their words weigh nothing). */
  private idf(term: string): number {
    const frequency = this.textFrequencyOf(term);
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** Calls `visit` with the slot of each paragraph whose text holds the term, and how often it does (counts over groups of paragraphs, see ArticleChooser). */
  textOccurrences(term: string, visit: (slot: number, count: number) => void): void {
    this.words.forEachPosting(term, BODY_FIELD, visit);
  }

  /** The id of the paragraph in a slot ("" once removed); slots are never reused. */
  idOfSlot(slot: number): string {
    return this.slotIds[slot] ?? "";
  }

  /** A question's words as this index reads them (see QueryAnalyzer). */
  analyzeQuery(question: string, context?: QueryContext): QueryToken[] {
    return this.queries.analyze(question, context).tokens;
  }

  /** The weight of each query term: 1 for the question's own words, less for expansions. */
  private termWeights(tokens: readonly QueryToken[]): Map<string, number> {
    const weights = new Map<string, number>();
    const raise = (term: string, weight: number): void => {
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    };
    for (const token of tokens) {
      const weight = tokenWeight(token);
      for (const term of token.terms) raise(term, weight);
      for (const expansion of token.expansions) raise(expansion.term, expansion.weight * weight);
    }
    return weights;
  }

  search(question: string, limit = 10, context?: QueryContext): LexicalResult {
    const { tokens, questionLanguage } = this.queries.analyze(question, context);
    if (tokens.length === 0) return { tokens, hits: [], questionLanguage };
    const bm25 = { k: this.options.k1, b: this.options.b, d: 0 };
    const weights = this.termWeights(tokens);
    // Letter n-grams of words in another language than the articles meet mostly by chance (names aside).
    const crossLanguage = !this.languages.has(questionLanguage);
    const ngramWeight = this.options.ngramWeight * (crossLanguage ? CROSS_LANGUAGE_NGRAM_SHARE : 1);
    const slots = this.slotIds.length;
    this.wordBoard.reset(slots);
    this.gramBoard.reset(slots);
    this.words.score(
      [...weights].map(([term, weight]) => ({ term, boost: weight })),
      [this.options.titleBoost, this.options.headingBoost, 1],
      bm25,
      this.wordBoard,
    );
    if (this.grams) {
      // Letter grams stand for the question's own words only: carried-over words are matched as words.
      const maxFrequency = Math.max(this.options.ngramMinPrunedCount, this.options.ngramMaxShare * this.size);
      const grams = this.grams;
      const gramQuery = tokens
        .filter((token) => tokenWeight(token) >= 1 && !(crossLanguage && token.known && token.commonness >= CROSS_LANGUAGE_GRAMLESS_CLASS))
        .flatMap((token) => charNgrams(foldToken(token.surface), this.options.ngramSize))
        .filter((gram) => grams.frequency(gram, 0) <= maxFrequency)
        .map((gram) => ({ term: gram, boost: 1 }));
      grams.score(gramQuery, [1], bm25, this.gramBoard);
    }
    const coverageWeight = this.options.coverageWeight;
    // A follow-up is ranked by BM25 alone: its few own words and the carried-over ones were weighed
    // against each other on the BM25 order (see conversation/follow-up.ts), which coverage would upset.
    const rescale = coverageWeight > 0 && !(context && context.weight > 0);
    const pool = this.bestHits(rescale ? Math.max(limit, COVERAGE_POOL) : limit, ngramWeight);
    const byScore = (left: LexicalHit, right: LexicalHit): number => right.score - left.score || (left.id < right.id ? -1 : 1);
    const totalIdf = tokens.reduce((sum, token) => sum + token.idf * tokenWeight(token), 0);
    // In the articles' language; across languages a bridged word's letters also meet names and cognates.
    const tokenGrams = tokens.map((token) => (!crossLanguage && bridgedInstead(token) ? [] : charNgrams(foldToken(token.surface), COVERAGE_GRAM_SIZE)));
    for (const hit of pool) {
      const { terms, grams } = this.membership(this.slotById.get(hit.id) ?? -1);
      let matchedIdf = 0;
      tokens.forEach((token, index) => {
        const match = wordMatch(token, terms, grams, tokenGrams[index] ?? [], DOCUMENT_PARTS);
        hit.tokenStrength.push(match.strength);
        hit.tokenCertain.push(match.certain);
        matchedIdf += token.idf * tokenWeight(token) * match.strength;
      });
      hit.coverage = totalIdf > 0 ? matchedIdf / totalIdf : 0;
      if (rescale) hit.score *= 1 - coverageWeight + coverageWeight * hit.coverage;
    }
    if (rescale) pool.sort(byScore);
    return { tokens, hits: pool.slice(0, limit), questionLanguage };
  }

  /**
   * The `count` best paragraphs of the question just scored (score, then id),
   * chosen with a bounded heap: a question may match most of the corpus, and
   * only the best ones become hits.
   */
  private bestHits(count: number, ngramWeight: number): LexicalHit[] {
    const heap = new BoundedHeap(count, (left: ScoredSlot, right: ScoredSlot) => left.score - right.score || (left.id > right.id ? -1 : 1));
    const visit = (slot: number): void => {
      const word = this.wordBoard.final(slot);
      const ngram = this.gramBoard.final(slot);
      const score = word + ngramWeight * ngram;
      if (heap.full && score < heap.worstScore) return;
      heap.offer({ slot, id: this.slotIds[slot] ?? "", score, word, ngram });
    };
    for (let index = 0; index < this.wordBoard.touchedCount; index += 1) visit(this.wordBoard.touched[index] ?? 0);
    // Paragraphs matched by grams alone (those matched by words too were visited above).
    for (let index = 0; index < this.gramBoard.touchedCount; index += 1) {
      const slot = this.gramBoard.touched[index] ?? 0;
      if (this.wordBoard.matched[slot] === 0) visit(slot);
    }
    return heap.sortedBestFirst().map((entry) => ({
      id: entry.id,
      score: entry.score,
      bm25: entry.score,
      wordScore: entry.word,
      ngramScore: entry.ngram,
      tokenStrength: [],
      tokenCertain: [],
      coverage: 0,
    }));
  }
}
