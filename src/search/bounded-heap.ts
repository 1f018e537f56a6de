/** A paragraph slot scored for one question: its combined, word and n-gram scores. */
export interface ScoredSlot {
  slot: number;
  id: string;
  score: number;
  word: number;
  ngram: number;
}

/** The best `capacity` entries seen, by `compare` (positive: left is better); the worst sits at the root. */
export class BoundedHeap {
  private readonly entries: ScoredSlot[] = [];

  constructor(
    private readonly capacity: number,
    private readonly compare: (left: ScoredSlot, right: ScoredSlot) => number,
  ) {}

  get full(): boolean {
    return this.entries.length >= this.capacity;
  }

  get worstScore(): number {
    return this.entries[0]?.score ?? -Infinity;
  }

  offer(entry: ScoredSlot): void {
    if (this.capacity <= 0) return;
    if (!this.full) {
      this.entries.push(entry);
      this.siftUp(this.entries.length - 1);
      return;
    }
    const worst = this.entries[0];
    if (!worst || this.compare(entry, worst) <= 0) return;
    this.entries[0] = entry;
    this.siftDown(0);
  }

  sortedBestFirst(): ScoredSlot[] {
    return [...this.entries].sort((left, right) => this.compare(right, left));
  }

  /** Whether the entry at `left` is worse than the one at `right`. */
  private worse(left: number, right: number): boolean {
    const a = this.entries[left];
    const b = this.entries[right];
    return a !== undefined && b !== undefined && this.compare(a, b) < 0;
  }

  private swap(left: number, right: number): void {
    const a = this.entries[left];
    const b = this.entries[right];
    if (a === undefined || b === undefined) return;
    this.entries[left] = b;
    this.entries[right] = a;
  }

  private siftUp(position: number): void {
    let child = position;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.worse(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(position: number): void {
    let parent = position;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let worst = parent;
      if (left < this.entries.length && this.worse(left, worst)) worst = left;
      if (right < this.entries.length && this.worse(right, worst)) worst = right;
      if (worst === parent) return;
      this.swap(parent, worst);
      parent = worst;
    }
  }
}
