import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";
import {
  beginLexicalRead,
  decodeLexicalIndex,
  encodeLexicalIndex,
  LexicalStoreError,
  readLexicalBase,
  readLexicalIndex,
  writeLexicalIndex,
} from "../../src/search/lexical-store.js";

const FILES = { "a.txt": "hash-a", "b.txt": "hash-b" };
const BASE = "0123456789abcdef";

const documents: LexicalDocument[] = [
  { id: "a#1", title: "Waffen für Russland", heading: null, text: "Russland braucht Artilleriemunition und Raketen aus Nordkorea." },
  { id: "a#2", title: "Waffen für Russland", heading: "Gegenleistung", text: "Nordkorea hofft auf Lebensmittel, Öl und Technik für Satelliten." },
  { id: "b#1", title: "Wetter", heading: null, text: "In Wladiwostok bleibt es im September mild, mit Regen am Wochenende." },
];

describe("the stored lexical index", () => {
  const index = LexicalIndex.build(documents);

  it("reads back what was written, and answers as the index it came from", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "lexical-store-")), "index.lexical.bin");
    await writeLexicalIndex(file, index.stored(), "fp-1", FILES, BASE);
    const read = await readLexicalIndex(file, "fp-1");
    expect(read).toMatchObject({ base: BASE, files: FILES });
    expect(await readLexicalBase(file)).toBe(BASE);
    const restored = LexicalIndex.restore(read.stored ?? index.stored());
    for (const question of ["Was braucht Russland?", "Wie wird das Wetter in Wladiwostok?", "Satelliten"]) {
      expect(restored.search(question).hits).toEqual(index.search(question).hits);
    }
  });

  it("keeps terms and ids as they were, ASCII or not, and refuses to store one holding NUL", () => {
    const mixed = LexicalIndex.build([
      ...documents,
      { id: "c#1 (Größe)", title: "Café", heading: "Åland", text: "Crème brûlée in Århus, 東京 und 🎉 am Straßenrand." },
    ]);
    const stored = mixed.stored();
    const decoded = decodeLexicalIndex(Buffer.concat(encodeLexicalIndex(stored, "fp-1", FILES, BASE))).stored;
    expect(decoded.ids).toEqual(stored.ids);
    expect(decoded.words.terms).toEqual(stored.words.terms);
    expect(decoded.words.terms.some((term) => /[^\p{ASCII}]/u.test(term))).toBe(true);
    expect(decoded.coverageGrams).toEqual(stored.coverageGrams);
    expect(decoded.vocabulary?.keys.map(([key]) => key)).toEqual(stored.vocabulary?.keys.map(([key]) => key));
    expect(() => encodeLexicalIndex({ ...stored, ids: [...stored.ids, "bad\u0000id"] }, "fp-1", FILES, BASE)).toThrow(/NUL/u);
  });

  it("decodes a read begun before the file is asked for, and says when there was nothing to read", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "lexical-store-"));
    const file = path.join(folder, "index.lexical.bin");
    const other = path.join(folder, "other.lexical.bin");
    await writeLexicalIndex(file, index.stored(), "fp-1", FILES, BASE);
    await writeLexicalIndex(other, LexicalIndex.build(documents.slice(0, 1)).stored(), "fp-1", { "a.txt": "hash-a" }, BASE);
    // What was read is decoded, not the file read again.
    const read = await readLexicalIndex(other, "fp-1", beginLexicalRead(file));
    expect(read).toMatchObject({ files: FILES });
    expect(read.stored?.ids).toHaveLength(documents.length);
    const missing = path.join(path.dirname(file), "missing.bin");
    expect(await readLexicalIndex(missing, "fp-1", beginLexicalRead(missing))).toEqual({ stored: null, reason: "none stored" });
  });

  it("is not used when built from something else", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "lexical-store-")), "index.lexical.bin");
    await writeLexicalIndex(file, index.stored(), "fp-1", FILES, BASE);
    expect(await readLexicalIndex(file, "fp-2")).toEqual({ stored: null, reason: "built with other settings" });
    expect((await readLexicalIndex(path.join(path.dirname(file), "missing.bin"), "fp-1")).stored).toBeNull();
    expect(await readLexicalBase(path.join(path.dirname(file), "missing.bin"))).toBeNull();
  });

  it("refuses a truncated, foreign or tampered file instead of serving from it", async () => {
    const bytes = Buffer.concat(encodeLexicalIndex(index.stored(), "fp", FILES, BASE));
    expect(() => decodeLexicalIndex(bytes.subarray(0, bytes.length - 16))).toThrow(LexicalStoreError);
    expect(() => decodeLexicalIndex(bytes.subarray(0, 40))).toThrow(/truncated/);
    expect(() => decodeLexicalIndex(Buffer.from("PK\u0003\u0004 not an index at all"))).toThrow(/not a stored lexical index/);
    const tampered = Buffer.from(bytes);
    tampered.write("{", 24, "latin1");
    tampered.write("X", 25, "latin1");
    expect(() => decodeLexicalIndex(tampered)).toThrow(/not valid JSON/);
    const file = path.join(await mkdtemp(path.join(tmpdir(), "lexical-store-")), "index.lexical.bin");
    await writeFile(file, bytes.subarray(0, bytes.length - 16));
    const read = await readLexicalIndex(file, "fp");
    expect(read.stored).toBeNull();
    expect(await readFile(file)).toHaveLength(bytes.length - 16);
  });

  it("decodes from a buffer that does not start on a word boundary", () => {
    const bytes = Buffer.concat(encodeLexicalIndex(index.stored(), "fp", FILES, BASE));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const decoded = decodeLexicalIndex(shifted.subarray(1));
    expect(LexicalIndex.restore(decoded.stored).search("Satelliten").hits[0]?.id).toBe("a#2");
  });
});
