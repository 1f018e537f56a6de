/**
 * Terms numbered in the order they were first seen. A stored index keeps, with
 * its terms, an open-addressing hash table from term to id (see `table`), so
 * that opening it needs no map of every term: at 50,000 paragraphs there are
 * hundreds of thousands, and filling a Map with them was a large part of a
 * start. Terms interned after opening go to a Map of their own.
 */
export class TermIds {
  private readonly list: string[];
  /** Terms interned since the table was made (all of them when there is none). */
  private readonly added = new Map<string, number>();
  /** Slot → id + 1 (0: empty), over the first `tableTerms` terms; its length is a power of two. */
  private readonly table: Uint32Array | null;

  /**
   * `table`, when given, must be `termTable(terms)` as stored with them; one
   * that does not fit the terms (wrong size, ids out of range) is dropped and
   * the terms are mapped as without one.
   */
  constructor(terms: readonly string[] = [], table?: Uint32Array) {
    this.list = [...terms];
    if (table && fitsTerms(table, terms.length)) {
      this.table = table;
      return;
    }
    this.table = null;
    this.list.forEach((term, id) => {
      if (!this.added.has(term)) this.added.set(term, id);
    });
  }

  id(term: string): number | undefined {
    const added = this.added.get(term);
    if (added !== undefined || this.table === null) return added;
    const mask = this.table.length - 1;
    // Bounded, so that even a damaged table (no empty slot) ends.
    for (let probe = 0, slot = hashOf(term) & mask; probe < this.table.length; probe += 1, slot = (slot + 1) & mask) {
      const entry = this.table[slot] ?? 0;
      if (entry === 0) return undefined;
      // The term is compared, so a table that does not match its terms can miss a term but never give a wrong id.
      if (this.list[entry - 1] === term) return entry - 1;
    }
    return undefined;
  }

  intern(term: string): number {
    const known = this.id(term);
    if (known !== undefined) return known;
    this.added.set(term, this.list.length);
    this.list.push(term);
    return this.list.length - 1;
  }

  term(id: number): string | undefined {
    return this.list[id];
  }

  get size(): number {
    return this.list.length;
  }

  get terms(): readonly string[] {
    return this.list;
  }

  /** The hash table to store with `terms` (see the constructor): the one opened when no term was added since. */
  hashTable(): Uint32Array {
    return this.table !== null && this.added.size === 0 ? this.table : termTable(this.list);
  }
}

/** FNV-1a over the UTF-16 units: quick, and spreads short words well. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < term.length; position += 1) hash = Math.imul(hash ^ term.charCodeAt(position), 0x01000193);
  return hash >>> 0;
}

/** At most half the slots in use, so that probes stay short. */
function tableSizeFor(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

function fitsTerms(table: Uint32Array, count: number): boolean {
  return table.length === tableSizeFor(count);
}

/** Slot → id + 1 for each term (the first id of a repeated one), by linear probing. */
export function termTable(terms: readonly string[]): Uint32Array {
  const table = new Uint32Array(tableSizeFor(terms.length));
  const mask = table.length - 1;
  terms.forEach((term, id) => {
    for (let slot = hashOf(term) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot] ?? 0;
      if (entry === 0) {
        table[slot] = id + 1;
        return;
      }
      if (terms[entry - 1] === term) return;
    }
  });
  return table;
}
