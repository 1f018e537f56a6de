import { describe, expect, it } from "vitest";
import { LineFile, SortedLines } from "../../src/search/sorted-lines.js";

const formatError = (line: number, reason: string): Error => new Error(`line ${line}: ${reason}`);

describe("SortedLines", () => {
  it("finds every key of a random sorted file, and no key it does not have", () => {
    let seed = 11;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    // Short keys over a small alphabet with multi-byte letters, so that neighbours share prefixes and byte and string offsets differ.
    const alphabet = ["a", "b", "ä", "ö", "z", "œ", " "];
    const word = (): string =>
      Array.from({ length: 1 + random(5) }, () => alphabet[random(alphabet.length)])
        .join("")
        .trim() || "a";
    const entries = new Map<string, string>();
    for (let count = 0; count < 400; count += 1) entries.set(word(), `wert ${count}\tμ${count}`);
    const keys = [...entries.keys()].sort();
    const text = keys.map((key) => `${key}\t${entries.get(key) ?? ""}`).join("\n");
    for (const ending of ["", "\n"]) {
      const lines = new SortedLines(Buffer.from(text + ending), formatError);
      for (const key of keys) expect(lines.get(key)).toBe(entries.get(key));
      for (const prefix of ["a", "ä", "bö", "zz", "œa", "q"]) {
        const starting = keys.filter((key) => key.startsWith(prefix));
        expect(lines.keysStartingWith(prefix, 1000)).toEqual(starting);
        if (starting.length > 1) expect(lines.keysStartingWith(prefix, starting.length - 1)).toBeNull();
      }
      for (let probe = 0; probe < 400; probe += 1) {
        const candidate = word();
        expect(lines.get(candidate)).toBe(entries.get(candidate));
      }
      expect(lines.get("")).toBeUndefined();
      expect(lines.get("zzzzzzz")).toBeUndefined();
      expect(lines.longestKeyWords).toBe(Math.max(...keys.map((key) => key.split(" ").length)));
    }
  });

  it("finds the first and the last key, and works on a file of one line or none", () => {
    const lines = new SortedLines(Buffer.from("alpha\t1\nbeta\t2\ngamma\t3"), formatError);
    expect([lines.get("alpha"), lines.get("beta"), lines.get("gamma"), lines.get("delta")]).toEqual(["1", "2", "3", undefined]);
    expect(new SortedLines(Buffer.from("solo\tx\n"), formatError).get("solo")).toBe("x");
    expect(new SortedLines(Buffer.alloc(0), formatError).get("solo")).toBeUndefined();
  });

  it("refuses a file out of order or without tabs at its line, unless it was checked before", () => {
    expect(() => new SortedLines(Buffer.from("b\t1\na\t2"), formatError)).toThrow(/line 2: keys must be unique and sorted/u);
    expect(() => new SortedLines(Buffer.from("a\t1\n\nb"), formatError)).toThrow(/line 3: expected a key, a tab/u);
    expect(() => new SortedLines(Buffer.from("a\t1\na\t2"), formatError)).toThrow(/line 2/u);
    expect(new SortedLines(Buffer.from("b\t1\na\t2"), formatError, { longestKeyWords: 1 }).longestKeyWords).toBe(1);
  });
});

describe("LineFile", () => {
  it("numbers non-empty lines from 0 and decodes them as UTF-8", () => {
    const file = new LineFile(Buffer.from("erste Zeile\n\nzweite: Größe\n"));
    expect(file.length).toBe(2);
    expect([file.line(0), file.line(1), file.line(2), file.line(-1), file.line(0.5)]).toEqual([
      "erste Zeile",
      "zweite: Größe",
      undefined,
      undefined,
      undefined,
    ]);
  });
});
