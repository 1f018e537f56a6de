import { isAscii } from "node:buffer";
import { open } from "node:fs/promises";
import { readWholeFile } from "../content/read-whole.js";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "../content/atomic-write.js";
import type { StoredBm25 } from "./bm25.js";
import type { ListPool } from "./list-pool.js";

/**
 * The lexical index on disk, so that a start opens it instead of analysing
 * every paragraph again. One file: "QALX", the byte length of a JSON header,
 * an id of what it was built from (readable without reading the rest),
 * the header (term lists, counts, and where each typed array lies), then the
 * arrays themselves as 32-bit words, which are used in place after reading.
 * The header is checked with zod, every array's place against the file's
 * size; anything off and the index is built from the articles instead.
 */

/** Bump when the layout or what the lexical index holds changes. */
export const LEXICAL_FORMAT_VERSION = 5;
const MAGIC = "QALX";

/** What a stored lexical index holds (see LexicalIndex.stored and .restore). */
export interface StoredLexicalIndex {
  ids: readonly string[];
  languages: { de: number; en: number };
  words: StoredBm25;
  grams: StoredBm25 | null;
  coverageGrams: readonly string[];
  /** The coverage grams' hash table (see TermIds). */
  coverageGramTable: Uint32Array;
  documentTerms: ReturnType<ListPool["packed"]>;
  documentGrams: ReturnType<ListPool["packed"]>;
  documentFrequency: Uint32Array;
  textFrequency: Uint32Array;
  /** Word term ids in the order the vocabulary learnt them. */
  vocabularyOrder: Uint32Array;
  /** The vocabulary's lookups (see Vocabulary.stored), by word term id. */
  vocabulary: { keys: readonly (readonly [string, ArrayLike<number>])[]; sorted: Uint32Array; sortedBackwards: Uint32Array };
}
/** "QALX", the header's byte length, then the 16-character base id (see `readLexicalBase`). */
const PREFIX_BYTES = 24;
const BASE_ID = /^[0-9a-f]{16}$/u;

/**
 * A list of strings in the body: joined by NUL (which no term or paragraph id
 * holds) as UTF-8 from `offset` (in words) on, `bytes` long. Split at opening,
 * it takes a fraction of the time JSON.parse took over the same terms.
 */
const stringsRef = z.object({ offset: z.number().int().min(0), bytes: z.number().int().min(0), count: z.number().int().min(0) });
type StringsRef = z.infer<typeof stringsRef>;
const SEPARATOR = "\u0000";
const arrayRef = z.object({ offset: z.number().int().min(0), length: z.number().int().min(0) });
type ArrayRef = z.infer<typeof arrayRef>;
const listsRef = z.object({ data: arrayRef, offsets: arrayRef, lengths: arrayRef });
const bm25Ref = z.object({
  terms: stringsRef,
  termTable: arrayRef,
  documents: z.number().int().min(0),
  totalLengths: z.array(z.number().min(0)),
  fields: z.array(z.object({ postings: listsRef, lengths: arrayRef })),
});
const headerSchema = z.object({
  version: z.literal(LEXICAL_FORMAT_VERSION),
  /** What the index was built from (articles, options, analyser): it is used only when this matches. */
  fingerprint: z.string().min(1),
  /** File name → content hash of the article files it was built from; a start adds and removes what changed since. */
  files: z.record(z.string(), z.string()),
  ids: stringsRef,
  languages: z.object({ de: z.number().int().min(0), en: z.number().int().min(0) }),
  words: bm25Ref,
  grams: bm25Ref.nullable(),
  coverageGrams: stringsRef,
  coverageGramTable: arrayRef,
  documentTerms: listsRef,
  documentGrams: listsRef,
  documentFrequency: arrayRef,
  textFrequency: arrayRef,
  vocabularyOrder: arrayRef,
  /** The vocabulary's keys, and for each the ids of the terms it stands for (one list per key, in keyTerms). */
  vocabulary: z.object({ keys: stringsRef, keyTerms: listsRef, sorted: arrayRef, sortedBackwards: arrayRef }),
});

/** Collects typed arrays into one body, handing out where each one lies. */
class BodyWriter {
  readonly chunks: Uint32Array[] = [];
  private words = 0;

  put(array: Uint32Array): ArrayRef {
    const ref = { offset: this.words, length: array.length };
    this.chunks.push(array);
    this.words += array.length;
    return ref;
  }

  strings(list: readonly string[]): StringsRef {
    if (list.some((item) => item.includes(SEPARATOR))) throw new Error("a term or paragraph id holds a NUL character");
    const joined = Buffer.from(list.join(SEPARATOR), "utf8");
    const padded = new Uint32Array(Math.ceil(joined.length / 4));
    new Uint8Array(padded.buffer).set(joined);
    return { offset: this.put(padded).offset, bytes: joined.length, count: list.length };
  }

  lists(lists: { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array }): z.infer<typeof listsRef> {
    return { data: this.put(lists.data), offsets: this.put(lists.offsets), lengths: this.put(lists.lengths) };
  }

  bm25(stored: StoredBm25): z.infer<typeof bm25Ref> {
    return {
      terms: this.strings(stored.terms),
      termTable: this.put(stored.termTable),
      documents: stored.documents,
      totalLengths: [...stored.totalLengths],
      fields: stored.fields.map((field) => ({ postings: this.lists(field.postings), lengths: this.put(field.lengths) })),
    };
  }
}

/** Lists of numbers as one array, with where each starts and how long it is. */
function packLists(lists: readonly ArrayLike<number>[]): { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array } {
  const offsets = new Uint32Array(lists.length);
  const lengths = new Uint32Array(lists.length);
  let total = 0;
  lists.forEach((list, position) => {
    offsets[position] = total;
    lengths[position] = list.length;
    total += list.length;
  });
  const data = new Uint32Array(total);
  lists.forEach((list, position) => data.set(list, offsets[position]));
  return { data, offsets, lengths };
}

function vocabularyOf(
  keys: readonly string[],
  keyTerms: { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array },
  array: (ref: ArrayRef) => Uint32Array,
  header: z.infer<typeof headerSchema>["vocabulary"],
): StoredLexicalIndex["vocabulary"] {
  if (keyTerms.offsets.length !== keys.length) throw new LexicalStoreError("the vocabulary's keys and their term lists differ in count");
  return {
    keys: keys.map((key, position) => {
      const offset = keyTerms.offsets[position] ?? 0;
      return [key, keyTerms.data.subarray(offset, offset + (keyTerms.lengths[position] ?? 0))] as const;
    }),
    sorted: array(header.sorted),
    sortedBackwards: array(header.sortedBackwards),
  };
}

export function encodeLexicalIndex(stored: StoredLexicalIndex, fingerprint: string, files: Readonly<Record<string, string>>, base: string): Uint8Array[] {
  if (!BASE_ID.test(base)) throw new Error(`a base id is 16 hex digits, not ${base}`);
  const body = new BodyWriter();
  const header: z.infer<typeof headerSchema> = {
    version: LEXICAL_FORMAT_VERSION,
    fingerprint,
    files: { ...files },
    ids: body.strings(stored.ids),
    languages: stored.languages,
    words: body.bm25(stored.words),
    grams: stored.grams ? body.bm25(stored.grams) : null,
    coverageGrams: body.strings(stored.coverageGrams),
    coverageGramTable: body.put(stored.coverageGramTable),
    documentTerms: body.lists(stored.documentTerms),
    documentGrams: body.lists(stored.documentGrams),
    documentFrequency: body.put(stored.documentFrequency),
    textFrequency: body.put(stored.textFrequency),
    vocabularyOrder: body.put(stored.vocabularyOrder),
    vocabulary: {
      keys: body.strings(stored.vocabulary.keys.map(([key]) => key)),
      keyTerms: body.lists(packLists(stored.vocabulary.keys.map(([, ids]) => ids))),
      sorted: body.put(stored.vocabulary.sorted),
      sortedBackwards: body.put(stored.vocabulary.sortedBackwards),
    },
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  // The body starts on a multiple of four bytes, so its arrays can be viewed in place.
  const padding = (4 - ((PREFIX_BYTES + json.length) % 4)) % 4;
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(json.length + padding, 4);
  prefix.write(base, 8, "latin1");
  return [prefix, json, Buffer.alloc(padding, 0x20), ...body.chunks.map((chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))];
}

export class LexicalStoreError extends Error {
  override readonly name = "LexicalStoreError";
}

export function decodeLexicalIndex(bytes: Uint8Array): { fingerprint: string; base: string; files: Record<string, string>; stored: StoredLexicalIndex } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < PREFIX_BYTES || buffer.toString("latin1", 0, 4) !== MAGIC) throw new LexicalStoreError("not a stored lexical index");
  const headerBytes = buffer.readUInt32LE(4);
  if (PREFIX_BYTES + headerBytes > buffer.length) throw new LexicalStoreError("the header runs past the end of the file (truncated?)");
  let json: unknown;
  try {
    json = JSON.parse(buffer.toString("utf8", PREFIX_BYTES, PREFIX_BYTES + headerBytes));
  } catch {
    throw new LexicalStoreError("the header is not valid JSON");
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new LexicalStoreError(`the header does not match the expected format: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const header = parsed.data;
  const bodyStart = buffer.byteOffset + PREFIX_BYTES + headerBytes;
  const bodyWords = Math.floor((buffer.length - PREFIX_BYTES - headerBytes) / 4);
  // Typed arrays need an aligned start: copy the body once when the read buffer does not give one.
  const words =
    bodyStart % 4 === 0
      ? new Uint32Array(buffer.buffer, bodyStart, bodyWords)
      : new Uint32Array(Uint8Array.prototype.slice.call(buffer, PREFIX_BYTES + headerBytes, PREFIX_BYTES + headerBytes + bodyWords * 4).buffer);
  const array = (ref: ArrayRef): Uint32Array => {
    if (ref.offset + ref.length > words.length) throw new LexicalStoreError("an array runs past the end of the file (truncated?)");
    return words.subarray(ref.offset, ref.offset + ref.length);
  };
  const strings = (ref: StringsRef): string[] => {
    if (ref.count === 0) return [];
    if (ref.offset * 4 + ref.bytes > words.length * 4) throw new LexicalStoreError("a list of strings runs past the end of the file (truncated?)");
    const view = Buffer.from(words.buffer, words.byteOffset + ref.offset * 4, ref.bytes);
    // Latin-1 decodes ASCII (most terms) several times faster than UTF-8, with the same result.
    const list = (isAscii(view) ? view.toString("latin1") : view.toString("utf8")).split(SEPARATOR);
    if (list.length !== ref.count) throw new LexicalStoreError("a list of strings does not hold as many as its header says");
    return list;
  };
  const lists = (ref: z.infer<typeof listsRef>): { data: Uint32Array; offsets: Uint32Array; lengths: Uint32Array } => {
    const data = array(ref.data);
    const offsets = array(ref.offsets);
    const lengths = array(ref.lengths);
    if (offsets.length !== lengths.length) throw new LexicalStoreError("list offsets and lengths differ in count");
    for (let list = 0; list < offsets.length; list += 1) {
      if ((offsets[list] ?? 0) + (lengths[list] ?? 0) > data.length) throw new LexicalStoreError("a list runs past its data");
    }
    return { data, offsets, lengths };
  };
  const bm25 = (ref: z.infer<typeof bm25Ref>): StoredBm25 => ({
    terms: strings(ref.terms),
    termTable: array(ref.termTable),
    documents: ref.documents,
    totalLengths: ref.totalLengths,
    fields: ref.fields.map((field) => ({ postings: lists(field.postings), lengths: array(field.lengths) })),
  });
  return {
    fingerprint: header.fingerprint,
    base: buffer.toString("latin1", 8, PREFIX_BYTES),
    files: header.files,
    stored: {
      ids: strings(header.ids),
      languages: header.languages,
      words: bm25(header.words),
      grams: header.grams ? bm25(header.grams) : null,
      coverageGrams: strings(header.coverageGrams),
      coverageGramTable: array(header.coverageGramTable),
      documentTerms: lists(header.documentTerms),
      documentGrams: lists(header.documentGrams),
      documentFrequency: array(header.documentFrequency),
      textFrequency: array(header.textFrequency),
      vocabularyOrder: array(header.vocabularyOrder),
      vocabulary: vocabularyOf(strings(header.vocabulary.keys), lists(header.vocabulary.keyTerms), array, header.vocabulary),
    },
  };
}

/** Where the lexical index of a stored index lives: beside it. */
export function lexicalFileOf(indexFile: string): string {
  return indexFile.replace(/\.json$/u, "") + ".lexical.bin";
}

export async function writeLexicalIndex(
  file: string,
  stored: StoredLexicalIndex,
  fingerprint: string,
  files: Readonly<Record<string, string>>,
  base: string,
  operations: FileWriteOperations = diskFileOperations,
): Promise<void> {
  // Written in its pieces: joining them first would hold the whole file twice (140 MB more at 50,000 paragraphs).
  await writeFileAtomic(file, encodeLexicalIndex(stored, fingerprint, files, base), operations);
}

/** The base id of the stored lexical index (what it was built from), reading only the file's first bytes; null when there is none. */
export async function readLexicalBase(file: string): Promise<string | null> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, PREFIX_BYTES, 0);
    if (bytesRead < PREFIX_BYTES || prefix.toString("latin1", 0, 4) !== MAGIC) return null;
    const base = prefix.toString("latin1", 8, PREFIX_BYTES);
    return BASE_ID.test(base) ? base : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/**
 * A read of the stored lexical file, begun early: at 50,000 paragraphs the
 * file is over 100 MB, and reading it while a start loads the lexicons and
 * the articles hides most of its cost.
 */
export type LexicalFileRead = Promise<{ bytes: Buffer } | { error: unknown }>;

export function beginLexicalRead(file: string): LexicalFileRead {
  return readWholeFile(file).then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error }),
  );
}

export type ReadLexicalIndex = { stored: StoredLexicalIndex; base: string; files: Record<string, string> } | { stored: null; reason: string };

/**
 * The stored lexical index when it exists, reads and was built with the
 * settings `fingerprint` names; null otherwise (the caller builds one).
 * `begun` is a read of `file` begun earlier.
 */
export async function readLexicalIndex(file: string, fingerprint: string, begun: LexicalFileRead = beginLexicalRead(file)): Promise<ReadLexicalIndex> {
  const read = await begun;
  if ("error" in read) {
    const { error } = read;
    return { stored: null, reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "none stored" : String(error) };
  }
  try {
    const decoded = decodeLexicalIndex(read.bytes);
    if (decoded.fingerprint !== fingerprint) return { stored: null, reason: "built with other settings" };
    return { stored: decoded.stored, base: decoded.base, files: decoded.files };
  } catch (error) {
    return { stored: null, reason: error instanceof Error ? error.message : String(error) };
  }
}
