import { grown, ListPool } from "./list-pool.js";
import { TermIds } from "./term-ids.js";

/**
 * BM25 over documents with several fields, kept in typed arrays: per field,
 * one postings list per term (document slot and term frequency packed in one
 * 32-bit number) and one length per document. Scoring reads only the
 * postings of the question's terms, so its cost follows the matches, not
 * the corpus; documents can be added and removed, and the statistics (count,
 * average lengths, document frequencies) are always those of the documents
 * present, whatever order they came in. The scores are MiniSearch's BM25
 * (its field boosts, term boosts and matched-terms factor), which the
 * ranking was tuned on.
 */

export interface Bm25Parameters {
  k: number;
  b: number;
  d: number;
}

/** Document slots fit in 24 bits, term frequencies (capped) in 8. */
const FREQUENCY_BITS = 8;
const MAX_FREQUENCY = (1 << FREQUENCY_BITS) - 1;
export const MAX_SLOTS = 2 ** (32 - FREQUENCY_BITS);

/** Per-document sums while a question is scored; reset touches only the documents scored. */
export class ScoreBoard {
  scores = new Float64Array(0);
  /** How many distinct query terms each document matched. */
  matched = new Uint32Array(0);
  /** The last query term (its position + 1) counted for each document. */
  private lastTerm = new Uint32Array(0);
  touched = new Uint32Array(0);
  touchedCount = 0;

  reset(slots: number): void {
    for (let index = 0; index < this.touchedCount; index += 1) {
      const slot = this.touched[index] ?? 0;
      this.scores[slot] = 0;
      this.matched[slot] = 0;
      this.lastTerm[slot] = 0;
    }
    this.touchedCount = 0;
    if (this.scores.length < slots) {
      this.scores = new Float64Array(slots);
      this.matched = new Uint32Array(slots);
      this.lastTerm = new Uint32Array(slots);
      this.touched = new Uint32Array(slots);
    }
  }

  /** Adds a query term's score; `term` (its position) counts as matched once, `repeated` terms not again. */
  add(slot: number, score: number, term: number, repeated = false): void {
    if (this.lastTerm[slot] === 0) {
      this.touched[this.touchedCount] = slot;
      this.touchedCount += 1;
    }
    this.scores[slot] = (this.scores[slot] ?? 0) + score;
    if (!repeated && this.lastTerm[slot] !== term + 1) {
      this.lastTerm[slot] = term + 1;
      this.matched[slot] = (this.matched[slot] ?? 0) + 1;
    }
  }

  /** The document's score: its sum times the distinct query terms it matched. */
  final(slot: number): number {
    return (this.scores[slot] ?? 0) * (this.matched[slot] ?? 0);
  }
}

export interface StoredBm25 {
  terms: readonly string[];
  /** The terms' hash table (see TermIds). */
  termTable: Uint32Array;
  documents: number;
  totalLengths: readonly number[];
  fields: { postings: { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array }; lengths: Uint32Array }[];
}

/**
 * Room left after each stored postings list, as a share of its length: an
 * opened index takes added paragraphs into long lists in place (a term in
 * 8,000 paragraphs can gain 1,000 before its list moves). Short lists get
 * none; at 50,000 paragraphs the stored file is about 6 % larger for it.
 */
const STORED_POSTINGS_ROOM = 1 / 8;

export class FieldedBm25 {
  readonly terms: TermIds;
  private readonly postings: ListPool[];
  private lengths: Uint32Array[];
  private readonly totalLengths: number[];
  private documents: number;
  /** Scratch space for counting a document's terms, by term id (all zero between calls). */
  private counts = new Uint32Array(1024);

  constructor(
    readonly fieldCount: number,
    stored?: StoredBm25,
  ) {
    if (stored) {
      if (stored.fields.length !== fieldCount) throw new Error(`stored index has ${stored.fields.length} fields, expected ${fieldCount}`);
      this.terms = new TermIds(stored.terms, stored.termTable);
      this.postings = stored.fields.map((field) => new ListPool(field.postings));
      this.lengths = stored.fields.map((field) => field.lengths);
      this.totalLengths = [...stored.totalLengths];
      this.documents = stored.documents;
      return;
    }
    this.terms = new TermIds();
    this.postings = Array.from({ length: fieldCount }, () => new ListPool());
    this.lengths = Array.from({ length: fieldCount }, () => new Uint32Array(64));
    this.totalLengths = Array.from({ length: fieldCount }, () => 0);
    this.documents = 0;
  }

  get documentCount(): number {
    return this.documents;
  }

  /** Indexes a document's terms (with repeats), one list per field, under a slot not in use. */
  add(slot: number, fields: readonly (readonly string[])[]): void {
    if (slot >= MAX_SLOTS) throw new Error(`more than ${MAX_SLOTS} documents`);
    for (let field = 0; field < this.fieldCount; field += 1) {
      const ids = (fields[field] ?? []).map((term) => this.terms.intern(term));
      if (this.counts.length < this.terms.size) this.counts = grown(this.counts, Math.max(this.terms.size, this.counts.length * 2));
      const distinct: number[] = [];
      for (const id of ids) {
        if (this.counts[id] === 0) distinct.push(id);
        this.counts[id] = (this.counts[id] ?? 0) + 1;
      }
      if (slot >= (this.lengths[field]?.length ?? 0)) this.lengths[field] = grown(this.lengths[field] ?? new Uint32Array(0), Math.max(64, slot * 2));
      const lengths = this.lengths[field] ?? new Uint32Array(0);
      // The length counts distinct terms, as MiniSearch's does.
      lengths[slot] = distinct.length;
      this.totalLengths[field] = (this.totalLengths[field] ?? 0) + distinct.length;
      const postings = this.postings[field];
      for (const id of distinct) {
        postings?.push(id, (slot << FREQUENCY_BITS) | Math.min(this.counts[id] ?? 0, MAX_FREQUENCY));
        this.counts[id] = 0;
      }
    }
    this.documents += 1;
  }

  /** Takes a document out again: `fields` must hold the terms it was added with. */
  remove(slot: number, fields: readonly (readonly string[])[]): void {
    for (let field = 0; field < this.fieldCount; field += 1) {
      const postings = this.postings[field];
      for (const term of new Set(fields[field] ?? [])) {
        const id = this.terms.id(term);
        if (id !== undefined) postings?.filter(id, (posting) => posting >>> FREQUENCY_BITS !== slot);
      }
      const lengths = this.lengths[field];
      this.totalLengths[field] = (this.totalLengths[field] ?? 0) - (lengths?.[slot] ?? 0);
      if (lengths && slot < lengths.length) lengths[slot] = 0;
    }
    this.documents -= 1;
  }

  /** In how many documents the term occurs in this field. */
  frequency(term: string, field: number): number {
    const id = this.terms.id(term);
    return id === undefined ? 0 : (this.postings[field]?.length(id) ?? 0);
  }

  /** Calls `visit` with each document (slot) holding the term in this field, and how often it does. */
  forEachPosting(term: string, field: number, visit: (slot: number, frequency: number) => void): void {
    const id = this.terms.id(term);
    const postings = id === undefined ? undefined : this.postings[field]?.view(id);
    if (!postings) return;
    for (const posting of postings) visit(posting >>> FREQUENCY_BITS, posting & MAX_FREQUENCY);
  }

  /**
   * Adds each query term's BM25 score to the board: the term's boost times
   * the field's boost times BM25 of the field. A term listed twice counts
   * twice, matched once.
   */
  score(query: readonly { term: string; boost: number }[], fieldBoosts: readonly number[], parameters: Bm25Parameters, board: ScoreBoard): void {
    const { k, b, d } = parameters;
    const count = this.documents;
    const firstPosition = new Map<string, number>();
    query.forEach(({ term, boost }, position) => {
      const queryTerm = firstPosition.get(term) ?? position;
      firstPosition.set(term, queryTerm);
      // A repeated term matches the documents its first occurrence matched, which counted them.
      const repeated = queryTerm !== position;
      const id = this.terms.id(term);
      if (id === undefined) return;
      for (let field = 0; field < this.fieldCount; field += 1) {
        const postings = this.postings[field]?.view(id);
        if (!postings || postings.length === 0) continue;
        const lengths = this.lengths[field] ?? new Uint32Array(0);
        const frequencyOfTerm = postings.length;
        const inverse = Math.log(1 + (count - frequencyOfTerm + 0.5) / (frequencyOfTerm + 0.5));
        const averageLength = (this.totalLengths[field] ?? 0) / count;
        const weight = boost * (fieldBoosts[field] ?? 1);
        for (const posting of postings) {
          const slot = posting >>> FREQUENCY_BITS;
          const frequency = posting & MAX_FREQUENCY;
          const length = lengths[slot] ?? 0;
          const bm25 = inverse * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
          board.add(slot, weight * bm25, queryTerm, repeated);
        }
      }
    });
  }

  stored(): StoredBm25 {
    return {
      terms: this.terms.terms,
      termTable: this.terms.hashTable(),
      documents: this.documents,
      totalLengths: [...this.totalLengths],
      fields: this.postings.map((postings, field) => ({ postings: postings.packed(STORED_POSTINGS_ROOM), lengths: this.lengths[field] ?? new Uint32Array(0) })),
    };
  }
}
