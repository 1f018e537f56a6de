/**
 * A Map bounded to `capacity` entries that forgets the least recently used
 * first. Relies on Map keeping insertion order: reading or writing a key
 * re-inserts it at the end, eviction takes from the front.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * `canEvict` may hold an entry back from eviction (one still in use); the
   * map then stays over capacity until that entry is free and another set runs.
   */
  constructor(
    readonly capacity: number,
    private readonly canEvict: (key: K, value: V) => boolean = () => true,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  /** The value, marked most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** The value, without changing its recency. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.trim(key);
  }

  /** Evicts (least recently used first, never `keep`) until the map is within capacity or nothing more may go. */
  trim(keep?: K): void {
    if (this.entries.size <= this.capacity) return;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      if (oldKey !== keep && this.canEvict(oldKey, oldValue)) this.entries.delete(oldKey);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }

  /** Every entry, least recently used first (recency unchanged). */
  pairs(): [K, V][] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * `compute` with its results kept for up to `capacity` keys (the oldest go
 * first; a hit does not reorder, which keeps hot lookups cheap).
 */
export function memoized<K, V>(capacity: number, compute: (key: K) => V): (key: K) => V {
  const results = new LruMap<K, V>(capacity);
  return (key) => {
    const known = results.peek(key);
    if (known !== undefined) return known;
    const value = compute(key);
    results.set(key, value);
    return value;
  };
}
