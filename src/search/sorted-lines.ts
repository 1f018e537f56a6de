/**
 * A text file read as lines without splitting it: only the offsets of the
 * lines are kept, and a line is cut out when it is asked for. Lexicons of a
 * few MB open in milliseconds this way, where building maps of their entries
 * took most of a start-up.
 */
export class LineFile {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly lineCount: number;

  constructor(readonly text: string) {
    let count = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", end + 1)) count += 1;
    this.starts = new Uint32Array(count + 1);
    this.ends = new Uint32Array(count + 1);
    let lines = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      // Empty lines (a trailing newline, a blank line) carry nothing.
      if (end > start) {
        this.starts[lines] = start;
        this.ends[lines] = end;
        lines += 1;
      }
      start = end + 1;
    }
    this.lineCount = lines;
  }

  get length(): number {
    return this.lineCount;
  }

  line(position: number): string | undefined {
    if (position < 0 || position >= this.lineCount) return undefined;
    const start = this.starts[position];
    const end = this.ends[position];
    return start === undefined || end === undefined ? undefined : this.text.slice(start, end);
  }

  /** The offset of the line's first tab, or -1 when it has none. */
  protected tabAt(position: number): number {
    const tab = this.text.indexOf("\t", this.starts[position] ?? 0);
    return tab === -1 || tab > (this.ends[position] ?? 0) ? -1 : tab;
  }

  /** The line's text up to its first tab (the whole line when it has none). */
  protected keyAt(position: number): string {
    const tab = this.tabAt(position);
    return this.text.slice(this.starts[position] ?? 0, tab === -1 ? (this.ends[position] ?? 0) : tab);
  }

  /** The line's text after its first tab ("" when it has none). */
  protected valueAt(position: number): string {
    const tab = this.tabAt(position);
    return tab === -1 ? "" : this.text.slice(tab + 1, this.ends[position] ?? 0);
  }
}

/** Lines of `key<TAB>value`, sorted by key (JavaScript string order), looked up by binary search. */
export class SortedLines extends LineFile {
  /** Most space-separated words in a key. */
  readonly longestKeyWords: number;

  /**
   * Throws with the first line out of order or without a key, so that a bad
   * file is found when it is opened; unless `checked` says what a check of
   * this very text found (see lexicons.ts, checksums).
   */
  constructor(text: string, onFormatError: (line: number, reason: string) => Error, checked?: { longestKeyWords: number }) {
    super(text);
    if (checked) {
      this.longestKeyWords = checked.longestKeyWords;
      return;
    }
    let previous: string | null = null;
    let longest = 1;
    for (let position = 0; position < this.length; position += 1) {
      const key = this.keyAt(position);
      let words = 1;
      for (let space = key.indexOf(" "); space !== -1; space = key.indexOf(" ", space + 1)) words += 1;
      longest = Math.max(longest, words);
      if (key.length === 0 || this.tabAt(position) === -1) throw onFormatError(position + 1, "expected a key, a tab, then its value");
      if (previous !== null && !(previous < key)) throw onFormatError(position + 1, `keys must be unique and sorted ("${key}" follows "${previous}")`);
      previous = key;
    }
    this.longestKeyWords = longest;
  }

  get(key: string): string | undefined {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.keyAt(middle);
      if (found === key) return this.valueAt(middle);
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
