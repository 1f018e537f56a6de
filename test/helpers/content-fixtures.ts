import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { diskFileOperations, type FileData, type FileWriteOperations } from "../../src/content/atomic-write.js";
import type { Embedder } from "../../src/search/embeddings.js";
import { QaService, type QaServiceOptions } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { INTENT_FILE } from "../../src/content/change-intent.js";

/** Shared set-up for the content-management tests: temp folders, a second article, fakes that count or fail. */

export const BUNDLED_ARTICLE = path.resolve("data/articles/nordkorea-russland-waffen.txt");
export const BUNDLED_ID = "nordkorea-russland-waffen";

/** A short second article on another topic, so answers can tell the two apart. */
export const SECOND_ARTICLE = [
  "Titel: Wasserstoffzüge fahren im Elbe-Weser-Netz",
  "Quelle: Beispielzeitung",
  "Datum: 2023-08-14",
  "",
  "Im Elbe-Weser-Netz in Niedersachsen fahren seit einem Jahr Personenzüge mit Wasserstoff statt mit Diesel. Die Landesnahverkehrsgesellschaft zieht nun eine erste Bilanz.",
  "",
  "Die vierzehn Züge legten zusammen mehr als eine Million Kilometer zurück. Getankt wird an einer eigenen Wasserstofftankstelle in Bremervörde.",
  "",
  "Probleme gab es vor allem bei der Versorgung mit Wasserstoff: Weil ein Lieferant ausfiel, mussten zeitweise wieder Dieselzüge eingesetzt werden.",
  "",
].join("\n");

/** The bundled article's folder, answered in lexical mode (no index written: each test builds its own in memory). */
export function bundledLexicalService(): Promise<QaService> {
  return QaService.create({ contentDir: path.dirname(BUNDLED_ARTICLE), logger: silentLogger(), embeddings: "off" });
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A content folder holding a copy of the bundled article, and a state folder beside it. */
export async function contentFixture(): Promise<{
  root: string;
  contentDir: string;
  stateDir: string;
  indexFile: string;
  auditLogFile: string;
  cacheFile: string;
}> {
  const root = await tempDir("content-fixture-");
  const contentDir = path.join(root, "articles");
  const stateDir = path.join(root, "state");
  await mkdir(contentDir);
  await mkdir(stateDir);
  await copyFile(BUNDLED_ARTICLE, path.join(contentDir, path.basename(BUNDLED_ARTICLE)));
  return {
    root,
    contentDir,
    stateDir,
    indexFile: path.join(stateDir, "index.json"),
    auditLogFile: path.join(stateDir, "audit.jsonl"),
    cacheFile: path.join(stateDir, "embeddings.jsonl"),
  };
}

/** Two lexical services: the bundled article alone, and beside SECOND_ARTICLE (a short report on hydrogen trains). */
export async function aloneAndBeside(): Promise<{ alone: QaService; both: QaService }> {
  const alone = await QaService.create({ contentDir: path.dirname(BUNDLED_ARTICLE), logger: silentLogger(), embeddings: "off" });
  const fixture = await contentFixture();
  await writeFile(path.join(fixture.contentDir, "wasserstoff-zuege.txt"), SECOND_ARTICLE);
  const both = await QaService.create({ contentDir: fixture.contentDir, logger: silentLogger(), embeddings: "off" });
  return { alone, both };
}

/** Every file in `dir` (hidden ones too, so leftover temp files show) → sha256 of its bytes. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    result[name] = createHash("sha256")
      .update(await readFile(path.join(dir, name)))
      .digest("hex");
  }
  return result;
}

export async function writeText(file: string, text: string): Promise<void> {
  await writeFile(file, text, "utf8");
}

export async function readAuditLog(file: string): Promise<Array<Record<string, unknown>>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A logger that keeps its records, for asserting on warnings. */
export function capturingLogger(): { logger: Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim() !== "") records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "debug" }, sink), records };
}

/** Disk operations that write half of the data for matching files and then fail, like a full disk. */
export function failingHalfway(matches: (file: string) => boolean): FileWriteOperations & { failures: number } {
  const operations = {
    failures: 0,
    async writeNewFile(file: string, data: FileData) {
      if (!matches(file)) return diskFileOperations.writeNewFile(file, data);
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data instanceof Uint8Array ? Buffer.from(data) : Buffer.concat(data);
      await diskFileOperations.writeNewFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      operations.failures += 1;
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
    rename: (from: string, to: string) => diskFileOperations.rename(from, to),
    removeFile: (file: string) => diskFileOperations.removeFile(file),
  };
  return operations;
}

/** A deterministic stand-in model (hashed character trigrams) that counts the passages it embeds. */
export function countingEmbedder(
  modelId = "test/counting-trigram",
): Embedder & { passagesEmbedded: number; embeddedTexts: string[]; gate: Promise<void> | null } {
  const dimension = 64;
  const embed = (text: string): Float32Array => {
    const vector = new Float32Array(dimension);
    const lower = text.toLowerCase();
    for (let index = 0; index + 3 <= lower.length; index += 1) {
      let hash = 0;
      for (const char of lower.slice(index, index + 3)) hash = (hash * 31 + char.charCodeAt(0)) % dimension;
      vector[hash] = (vector[hash] ?? 0) + 1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  };
  const embedder = {
    modelId,
    dimension,
    passagesEmbedded: 0,
    embeddedTexts: [] as string[],
    /** While set, passage embedding waits for it: lets a test hold a reindex mid-way. */
    gate: null as Promise<void> | null,
    async embedQueries(texts: string[]) {
      return texts.map(embed);
    },
    async embedPassages(texts: string[]) {
      if (embedder.gate) await embedder.gate;
      embedder.passagesEmbedded += texts.length;
      embedder.embeddedTexts.push(...texts);
      return texts.map(embed);
    },
  };
  return embedder;
}

/** A promise and the function that resolves it. */
export function deferred(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

/** Minimal HTML escaping for building test pages from article text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

/** A project README as moderators might upload it by mistake: code, tables, lists and a little prose. */
export const README_LIKE = [
  "# my-tool",
  "",
  "A small command-line tool that converts files.",
  "",
  "## Install",
  "",
  "```sh",
  "npm install my-tool",
  "npm test",
  "```",
  "",
  "## Options",
  "",
  "| option | default | meaning |",
  "|---|---|---|",
  "| `--out` | `.` | where to write |",
  "| `--force` | false | overwrite files |",
  "",
  "- fast",
  "- small",
  "- [docs](https://example.org/docs)",
  "",
  "Contributions are welcome; open an issue first.",
].join("\n");

/** Options for a lexical-mode service over a fixture's folders (no model, nothing downloaded). */
export function lexicalServiceOptions(fixture: Awaited<ReturnType<typeof contentFixture>>, extra: Partial<QaServiceOptions> = {}): QaServiceOptions {
  return {
    contentDir: fixture.contentDir,
    indexFile: fixture.indexFile,
    auditLogFile: fixture.auditLogFile,
    logger: silentLogger(),
    embeddings: "off",
    ...extra,
  };
}

/** Temporary files and change records left in a folder: an interrupted write or change that nobody cleaned up. */
export async function leftoverFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith(".tmp") || name === INTENT_FILE);
}
