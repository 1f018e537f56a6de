/**
 * A UTF-8 text file read as lines without splitting it. It is held as a
 * "byte string", one character per byte (decoded as Latin-1, several times
 * faster than decoding UTF-8 and half the memory), and a line is cut out and
 * decoded only when it is asked for. Lexicons of a few MB open in
 * milliseconds this way, where building maps of their entries took most of a
 * start-up.
 */
export class LineFile {
  protected readonly text: string;
  /** Where each non-empty line starts and ends, built when a line is first asked for by number. */
  private offsets: { starts: Uint32Array; ends: Uint32Array; count: number } | null = null;

  constructor(bytes: Buffer) {
    this.text = bytes.toString("latin1");
  }

  private lineOffsets(): { starts: Uint32Array; ends: Uint32Array; count: number } {
    if (this.offsets) return this.offsets;
    const { text } = this;
    let newlines = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", end + 1)) newlines += 1;
    const starts = new Uint32Array(newlines + 1);
    const ends = new Uint32Array(newlines + 1);
    let count = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      // Empty lines (a trailing newline, a blank line) carry nothing and are not counted.
      if (end > start) {
        starts[count] = start;
        ends[count] = end;
        count += 1;
      }
      start = end + 1;
    }
    this.offsets = { starts, ends, count };
    return this.offsets;
  }

  /** How many non-empty lines the file has. */
  get length(): number {
    return this.lineOffsets().count;
  }

  /** The non-empty line at `position` (0-based, empty lines not counted). */
  line(position: number): string | undefined {
    const { starts, ends, count } = this.lineOffsets();
    if (!Number.isInteger(position) || position < 0 || position >= count) return undefined;
    return fromByteString(this.text.slice(starts[position], ends[position]));
  }

  /** The end of the line that starts at `start` (its newline, or the end of the file). */
  protected lineEnd(start: number): number {
    const end = this.text.indexOf("\n", start);
    return end === -1 ? this.text.length : end;
  }

  /** The first tab of the line [start, end), or -1 when it has none. */
  protected tabIn(start: number, end: number): number {
    const tab = this.text.indexOf("\t", start);
    return tab === -1 || tab >= end ? -1 : tab;
  }
}

/**
 * Lines of `key<TAB>value`, sorted by the keys' UTF-8 bytes (code point
 * order: JavaScript's string order but for characters beyond U+FFFF; see
 * compareKeys), looked up by binary search over the text.
 */
export class SortedLines extends LineFile {
  /** Most space-separated words in a key. */
  readonly longestKeyWords: number;

  /**
   * Throws with the first line out of order or without a key, so that a bad
   * file is found when it is opened; unless `checked` says what a check of
   * these very bytes found (see lexicons.ts, checksums).
   */
  constructor(bytes: Buffer, onFormatError: (line: number, reason: string) => Error, checked?: { longestKeyWords: number }) {
    super(bytes);
    if (checked) {
      this.longestKeyWords = checked.longestKeyWords;
      return;
    }
    const { text } = this;
    let previous: string | null = null;
    let longest = 1;
    let lineNumber = 0;
    for (let start = 0; start < text.length;) {
      const end = this.lineEnd(start);
      lineNumber += 1;
      if (end > start) {
        const tab = this.tabIn(start, end);
        const key = text.slice(start, tab === -1 ? end : tab);
        let words = 1;
        for (let space = key.indexOf(" "); space !== -1; space = key.indexOf(" ", space + 1)) words += 1;
        longest = Math.max(longest, words);
        if (key.length === 0 || tab === -1) throw onFormatError(lineNumber, "expected a key, a tab, then its value");
        // Byte strings compare in byte order.
        if (previous !== null && !(previous < key)) {
          throw onFormatError(lineNumber, `keys must be unique and sorted ("${fromByteString(key)}" follows "${fromByteString(previous)}")`);
        }
        previous = key;
      }
      start = end + 1;
    }
    this.longestKeyWords = longest;
  }

  get(key: string): string | undefined {
    const { text } = this;
    const wanted = toByteString(key);
    const start = this.firstLineFrom(wanted);
    if (start >= text.length) return undefined;
    const end = this.lineEnd(start);
    const tab = this.tabIn(start, end);
    if (text.slice(start, tab === -1 ? end : tab) !== wanted) return undefined;
    return tab === -1 ? "" : fromByteString(text.slice(tab + 1, end));
  }

  /** The start of the first line whose key is not smaller than `wanted` (a byte string); the text's length when there is none. */
  private firstLineFrom(wanted: string): number {
    const { text } = this;
    // `low` is always the start of a line whose predecessors all have smaller keys; lines from `high` on have greater or equal ones.
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = middle === 0 ? 0 : text.lastIndexOf("\n", middle - 1) + 1;
      const end = this.lineEnd(start);
      const tab = this.tabIn(start, end);
      if (text.slice(start, tab === -1 ? end : tab) < wanted) low = end + 1;
      else high = start;
    }
    return low;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The keys that start with `prefix`, in order; null when there are more than `limit`. */
  keysStartingWith(prefix: string, limit: number): string[] | null {
    const { text } = this;
    const wanted = toByteString(prefix);
    const keys: string[] = [];
    // From the first line whose key is not smaller than the prefix, on while keys start with it.
    for (let start = this.firstLineFrom(wanted); start < text.length;) {
      const end = this.lineEnd(start);
      const tab = this.tabIn(start, end);
      const key = text.slice(start, tab === -1 ? end : tab);
      if (!key.startsWith(wanted)) break;
      if (keys.length === limit) return null;
      keys.push(fromByteString(key));
      start = end + 1;
    }
    return keys;
  }
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** A text as its UTF-8 bytes, one character per byte (ASCII stays as it is). */
function toByteString(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text;
}

/** Back from toByteString. */
function fromByteString(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
}

/** The order SortedLines needs its keys in: by their UTF-8 bytes. */
export function compareKeys(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, "utf8"), Buffer.from(right, "utf8"));
}
