import { readFile } from "node:fs/promises";
import { z } from "zod";
import { diskFileOperations, writeFileAtomic, type FileWriteOperations } from "../content/atomic-write.js";
import type { LexicalDocument } from "./lexical.js";

/**
 * The paragraphs that the stored lexical index still holds but the articles
 * no longer have (replaced or removed since it was written), with their text:
 * taking a paragraph out of the index needs the text it was added with. A
 * change then writes this small file instead of the whole index, and a start
 * opens the index, takes these out and adds what is new. `base` names the
 * index file it belongs to; a journal of another one is ignored.
 */

const JOURNAL_VERSION = 1;

const journalSchema = z.object({
  version: z.literal(JOURNAL_VERSION),
  base: z.string().min(1),
  removed: z.array(
    z.object({ id: z.string().min(1), title: z.string(), heading: z.string().nullable(), text: z.string(), language: z.enum(["de", "en"]).optional() }),
  ),
});

/** Where the journal of a stored index lives: beside it. */
export function lexicalJournalFileOf(indexFile: string): string {
  return indexFile.replace(/\.json$/u, "") + ".lexical-journal.json";
}

/** The journal's paragraphs by id when it exists and belongs to `base`; an empty map when there is none; null when it is unreadable or another index's. */
export async function readLexicalJournal(file: string, base: string): Promise<Map<string, LexicalDocument> | null> {
  let json: unknown;
  try {
    json = JSON.parse((await readFile(file)).toString("utf8"));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? new Map() : null;
  }
  const parsed = journalSchema.safeParse(json);
  if (!parsed.success || parsed.data.base !== base) return null;
  return new Map(parsed.data.removed.map((document) => [document.id, document]));
}

export async function writeLexicalJournal(
  file: string,
  base: string,
  removed: Iterable<LexicalDocument>,
  operations: FileWriteOperations = diskFileOperations,
): Promise<void> {
  const documents = [...removed].map(({ id, title, heading, text, language }) => ({ id, title, heading, text, ...(language ? { language } : {}) }));
  await writeFileAtomic(file, JSON.stringify({ version: JOURNAL_VERSION, base, removed: documents }), operations);
}
