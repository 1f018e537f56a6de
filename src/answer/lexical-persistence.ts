import { createHash } from "node:crypto";
import { analyzerFingerprint } from "../search/analyzer.js";
import { diskFileOperations, type FileWriteOperations } from "../content/atomic-write.js";
import { articleIdFromFileName } from "../content/load.js";
import type { Article } from "../content/types.js";
import { INDEX_FORMAT_VERSION } from "../search/index-store.js";
import { LexicalIndex, type LexicalDocument } from "../search/lexical.js";
import { lexicalJournalFileOf, readLexicalJournal, writeLexicalJournal } from "../search/lexical-journal.js";
import { lexicalFileOf, LEXICAL_FORMAT_VERSION, readLexicalBase, readLexicalIndex, writeLexicalIndex, type LexicalFileRead } from "../search/lexical-store.js";
import type { RetrievalPassage } from "../search/retriever.js";
import { passageId } from "./citation.js";
import type { ResolvedServiceOptions } from "./service-options.js";

/**
 * When the lexical index is written to disk. Writing it costs the whole
 * collection (at 50,000 paragraphs, a few hundred megabytes), so a change
 * writes it only once the articles have drifted far from it; until then it
 * writes the journal of the paragraphs the file holds but the articles no
 * longer have (lexical-journal.ts), and a start brings the file's index up
 * to date: it takes those out and adds the paragraphs of changed files.
 */

/** The index on disk is rewritten once this many paragraphs differ from it… */
const MIN_DRIFT_TO_REWRITE = 500;
/** …and they are at least this share of all paragraphs. */
const DRIFT_SHARE_TO_REWRITE = 0.05;

/** What this process knows of the lexical index on disk. */
export interface StoredLexicalBase {
  /** Its base id: what it was built from (settings and files). */
  id: string;
  /** The article files it was built from. */
  files: Record<string, string>;
  /** The paragraphs it holds. */
  ids: ReadonlySet<string>;
  /** Paragraphs it holds that the articles no longer have, by id (the journal). */
  journal: Map<string, LexicalDocument>;
}

type LexicalSettings = Pick<ResolvedServiceOptions, "lexical" | "lexicons">;

/** What a stored lexical index must have been built with to be used: the lexical options and both formats. */
function settingsFingerprint(options: Pick<ResolvedServiceOptions, "lexical">): string {
  const described = JSON.stringify({ lexical: options.lexical, format: LEXICAL_FORMAT_VERSION, articles: INDEX_FORMAT_VERSION, analyzer: ANALYZER });
  return createHash("sha256").update(described).digest("hex").slice(0, 16);
}

/** The analyser's part of the fingerprint: an index built with other stop words or stems holds other terms. */
const ANALYZER = createHash("sha256").update(analyzerFingerprint()).digest("hex");

function baseIdOf(files: Readonly<Record<string, string>>, options: Pick<ResolvedServiceOptions, "lexical">): string {
  const lines = Object.entries(files)
    .map(([name, hash]) => `${name}\u0000${hash}`)
    .sort();
  return createHash("sha256").update(settingsFingerprint(options)).update(lines.join("\n")).digest("hex").slice(0, 16);
}

/** Article ids whose file differs between the two (added, removed or changed), on the side of `side`. */
function changedArticleIds(side: Readonly<Record<string, string>>, other: Readonly<Record<string, string>>): Set<string> {
  const ids = new Set<string>();
  for (const [name, hash] of Object.entries(side)) if (other[name] !== hash) ids.add(articleIdFromFileName(name));
  return ids;
}

const articleOf = (id: string): string => id.slice(0, id.lastIndexOf("#"));

/**
 * Opens the stored lexical index for `articles` (read from `files`): as
 * stored, brought up to date with what changed since it was written. Null
 * with the reason when there is none usable (the caller builds one).
 */
export async function openStoredLexical(
  indexFile: string,
  files: Readonly<Record<string, string>>,
  passages: readonly RetrievalPassage[],
  options: LexicalSettings,
  begun?: LexicalFileRead,
): Promise<{ index: LexicalIndex; base: StoredLexicalBase; patched: number } | { index: null; reason: string }> {
  const read = await readLexicalIndex(lexicalFileOf(indexFile), settingsFingerprint(options), begun);
  if (!read.stored) return { index: null, reason: read.reason };
  if (read.base !== baseIdOf(read.files, options)) return { index: null, reason: "its id does not match what it says it was built from" };
  const gone = changedArticleIds(read.files, files);
  const fresh = changedArticleIds(files, read.files);
  const removed: LexicalDocument[] = [];
  const journal = new Map<string, LexicalDocument>();
  // A paragraph of a changed file that is not in the journal was never replaced: it stays, and is not added again.
  const kept = new Set<string>();
  if (gone.size > 0) {
    const written = await readLexicalJournal(lexicalJournalFileOf(indexFile), read.base);
    if (!written) return { index: null, reason: "its journal is unreadable or belongs to another index" };
    const current = new Set(passages.filter((passage) => fresh.has(articleOf(passage.id))).map((passage) => passage.id));
    for (const id of read.stored.ids) {
      if (id === "" || !gone.has(articleOf(id))) continue;
      const document = written.get(id);
      if (document) {
        removed.push(document);
        journal.set(id, document);
      } else if (current.has(id)) kept.add(id);
      else return { index: null, reason: `its journal lacks ${id}` };
    }
  }
  const ids = new Set(read.stored.ids.filter((id) => id !== ""));
  const index = LexicalIndex.restore(read.stored, options.lexical, options.lexicons);
  const added = fresh.size > 0 ? passages.filter((passage) => fresh.has(articleOf(passage.id)) && !kept.has(passage.id)) : [];
  index.remove(removed);
  index.add(added);
  return { index, base: { id: read.base, files: read.files, ids, journal }, patched: removed.length + added.length };
}

/**
 * Stores the lexical index of `next` after a change: the journal of what the
 * file on disk now holds in excess when it has not drifted far, the whole
 * index otherwise (or when this process does not know the file on disk).
 * Returns what is on disk afterwards.
 */
export async function storeLexical(
  indexFile: string,
  next: { index: LexicalIndex; files: Readonly<Record<string, string>>; articles: readonly Article[] },
  change: { removed: readonly RetrievalPassage[] } | null,
  base: StoredLexicalBase | null,
  options: LexicalSettings,
  operations?: FileWriteOperations,
): Promise<StoredLexicalBase> {
  const current = base && change ? await readLexicalBase(lexicalFileOf(indexFile)) : null;
  if (base && change && current === base.id) {
    const journal = new Map(base.journal);
    // The first time a paragraph the file holds is taken out, what goes is the file's version; later ones never were in it.
    for (const passage of change.removed) if (base.ids.has(passage.id) && !journal.has(passage.id)) journal.set(passage.id, passage);
    const changed = changedArticleIds(next.files, base.files);
    let drift = journal.size;
    for (const article of next.articles) if (changed.has(article.id)) drift += article.paragraphs.length;
    const total = next.articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
    if (drift < Math.max(MIN_DRIFT_TO_REWRITE, DRIFT_SHARE_TO_REWRITE * total)) {
      if (journal.size !== base.journal.size) await writeLexicalJournal(lexicalJournalFileOf(indexFile), base.id, journal.values(), operations);
      return { ...base, journal };
    }
  }
  const id = baseIdOf(next.files, options);
  await writeLexicalIndex(lexicalFileOf(indexFile), next.index.stored(), settingsFingerprint(options), next.files, id, operations);
  // The journal of the replaced file no longer applies (its base id says so even if this removal fails).
  await (operations ?? diskFileOperations).removeFile(lexicalJournalFileOf(indexFile)).catch(() => undefined);
  const ids = new Set(next.articles.flatMap((article) => article.paragraphs.map((paragraph) => passageId(article.id, paragraph.number))));
  return { id, files: { ...next.files }, ids, journal: new Map() };
}
