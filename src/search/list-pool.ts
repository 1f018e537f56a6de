/**
 * Many growable lists of unsigned 32-bit integers kept in typed arrays: the
 * postings of every term, or the terms of every paragraph, without an object
 * per list. An opened pool reads its lists where they were loaded (`base`,
 * typically a view of the stored file) and never copies that: a list that
 * outgrows its room moves to a second array with twice the room. `packed()`
 * writes all lists in list order, which is also the stored form; it can leave
 * room after each list, so that a list opened in place takes a few more values
 * without moving (moving a long postings list on every added paragraph is
 * what made adding one article cost as much as a fraction of a rebuild).
 */
export class ListPool {
  /** Lists as loaded; they shrink in place, and move out when they grow. */
  private readonly base: Uint32Array;
  /** Lists created or grown since; abandoned room is reclaimed when the pool is packed. */
  private data: Uint32Array;
  private used = 0;
  /** Where each list starts; with OVERFLOW set, in `data` rather than `base`. */
  private offsets: Uint32Array;
  private lengths: Uint32Array;
  private capacities: Uint32Array;
  private count: number;
  /** Values held in all lists. */
  private total: number;

  constructor(packed?: { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array }) {
    this.data = new Uint32Array(1024);
    if (packed) {
      if (packed.data.length >= OVERFLOW) throw new Error("a list pool holds fewer than 2^31 values");
      this.base = packed.data;
      this.offsets = packed.offsets;
      this.lengths = packed.lengths;
      this.capacities = roomOf(packed);
      this.count = packed.offsets.length;
      this.total = packed.lengths.reduce((sum, length) => sum + length, 0);
      return;
    }
    this.base = new Uint32Array(0);
    this.offsets = new Uint32Array(64);
    this.lengths = new Uint32Array(64);
    this.capacities = new Uint32Array(64);
    this.count = 0;
    this.total = 0;
  }

  /** Number of lists (ids 0 … size − 1; a list never pushed to is empty). */
  get size(): number {
    return this.count;
  }

  /** Values held, not counting the room left in lists. */
  get values(): number {
    return this.total;
  }

  length(list: number): number {
    return list >= 0 && list < this.count ? (this.lengths[list] ?? 0) : 0;
  }

  /** The list's values, valid until the next change of the pool. */
  view(list: number): Uint32Array {
    if (list < 0 || list >= this.count) return EMPTY;
    const offset = this.offsets[list] ?? 0;
    const length = this.lengths[list] ?? 0;
    return offset >= OVERFLOW ? this.data.subarray(offset - OVERFLOW, offset - OVERFLOW + length) : this.base.subarray(offset, offset + length);
  }

  push(list: number, value: number): void {
    this.ensureList(list);
    const length = this.lengths[list] ?? 0;
    if (length === (this.capacities[list] ?? 0)) this.move(list, Math.max(4, length * 2));
    const offset = this.offsets[list] ?? 0;
    // A loaded list that shrank has room where it was loaded.
    if (offset >= OVERFLOW) this.data[offset - OVERFLOW + length] = value;
    else this.base[offset + length] = value;
    this.lengths[list] = length + 1;
    this.total += 1;
  }

  /** Replaces a list's values (the given values are copied). */
  set(list: number, values: ArrayLike<number>): void {
    this.ensureList(list);
    if (values.length > (this.capacities[list] ?? 0)) this.move(list, values.length);
    const offset = this.offsets[list] ?? 0;
    if (offset >= OVERFLOW) this.data.set(values, offset - OVERFLOW);
    else this.base.set(values, offset);
    this.total += values.length - (this.lengths[list] ?? 0);
    this.lengths[list] = values.length;
  }

  /** Keeps the values for which `keep` is true, in their order. */
  filter(list: number, keep: (value: number) => boolean): void {
    if (list < 0 || list >= this.count) return;
    const values = this.view(list);
    let kept = 0;
    for (const value of values) {
      if (!keep(value)) continue;
      values[kept] = value;
      kept += 1;
    }
    this.total -= values.length - kept;
    this.lengths[list] = kept;
  }

  /**
   * All lists in list order. `roomShare` leaves that share of each list's
   * length free after it (rounded down, so short lists get none): the room
   * a list opened from this form can grow into in place.
   */
  packed(roomShare = 0): { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array } {
    const lengths = this.lengths.slice(0, this.count);
    const offsets = new Uint32Array(this.count);
    let total = 0;
    for (let list = 0; list < this.count; list += 1) {
      offsets[list] = total;
      const length = lengths[list] ?? 0;
      total += length + Math.floor(length * roomShare);
    }
    const data = new Uint32Array(total);
    for (let list = 0; list < this.count; list += 1) data.set(this.view(list), offsets[list] ?? 0);
    return { data, offsets, lengths };
  }

  private ensureList(list: number): void {
    if (list < this.count) return;
    if (list >= this.offsets.length) {
      const size = Math.max(list + 1, this.offsets.length * 2);
      this.offsets = grown(this.offsets, size);
      this.lengths = grown(this.lengths, size);
      this.capacities = grown(this.capacities, size);
    }
    for (let added = this.count; added <= list; added += 1) {
      this.offsets[added] = OVERFLOW;
      this.lengths[added] = 0;
      this.capacities[added] = 0;
    }
    this.count = list + 1;
  }

  /** Gives a list room for `capacity` values at the end of the overflow array. */
  private move(list: number, capacity: number): void {
    if (this.used + capacity > this.data.length) {
      this.data = grown(this.data, Math.max(this.used + capacity, this.data.length * 2));
    }
    const values = this.view(list);
    this.data.set(values, this.used);
    this.offsets[list] = OVERFLOW + this.used;
    this.capacities[list] = capacity;
    this.used += capacity;
  }
}

/**
 * How many values each loaded list may hold in place: up to where the next
 * list starts. Only when the lists lie in list order without overlapping (as
 * `packed` writes them); otherwise no list gets more room than its length.
 */
function roomOf(packed: { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array }): Uint32Array {
  const { offsets, lengths } = packed;
  const room = new Uint32Array(offsets.length);
  for (let list = 0; list < offsets.length; list += 1) {
    const end = list + 1 < offsets.length ? (offsets[list + 1] ?? 0) : packed.data.length;
    const start = offsets[list] ?? 0;
    const length = lengths[list] ?? 0;
    if (end < start + length) return lengths.slice();
    room[list] = end - start;
  }
  return room;
}

/** Offsets at or above this point into the overflow array. */
const OVERFLOW = 2 ** 31;
const EMPTY = new Uint32Array(0);

/** A copy of `array` with room for `size` values. */
export function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array.subarray(0, Math.min(array.length, size)));
  return bigger;
}
