import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService, type QaServiceOptions } from "../../src/answer/service.js";
import type { ReindexProgress } from "../../src/answer/types.js";
import { ReindexBusyError, ReindexFailedError } from "../../src/answer/errors.js";
import type { ContentActor } from "../../src/content/library/index.js";
import { silentLogger } from "../../src/log.js";
import { INDEX_FORMAT_VERSION, readStoredIndex } from "../../src/search/index-store.js";
import {
  BUNDLED_ID,
  capturingLogger,
  contentFixture,
  countingEmbedder,
  deferred,
  failingHalfway,
  lexicalServiceOptions,
  readAuditLog,
  SECOND_ARTICLE,
  snapshot,
} from "../helpers/content-fixtures.js";

const MODERATOR: ContentActor = { via: "discord", id: "123456789012345678", name: "mod" };
const BUNDLED_FILE = `${BUNDLED_ID}.txt`;
const BUNDLED_PARAGRAPHS = 16;
const SECOND_QUESTION = "Wie viele Kilometer legten die Wasserstoffzüge zurück?";

type Fixture = Awaited<ReturnType<typeof contentFixture>>;

function hybridOptions(fixture: Fixture, embedder: ReturnType<typeof countingEmbedder>, extra: Partial<QaServiceOptions> = {}): QaServiceOptions {
  return lexicalServiceOptions(fixture, {
    embeddings: {
      options: { modelId: embedder.modelId, allowRemote: false, quantized: true, loadTimeoutMs: 1_000 },
      cacheFile: fixture.cacheFile,
      loader: async () => ({ embedder }),
    },
    ...extra,
  });
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function citedArticles(answer: { citations: Array<{ articleId: string }> }): string[] {
  return answer.citations.map((citation) => citation.articleId);
}

describe("adding and removing articles through the service", () => {
  it("adds an upload, reindexes with progress, answers from it, and a restart loads the stored index with it", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    expect(citedArticles(await service.ask(SECOND_QUESTION))).not.toContain("zuege");

    const updates: ReindexProgress[] = [];
    const result = await service.addArticle(
      { fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR },
      { onProgress: (progress) => updates.push(progress) },
    );
    expect(result.change).toMatchObject({ action: "added", articleId: "zuege", paragraphs: 3 });
    expect(result.reindex).toMatchObject({
      added: ["zuege"],
      changed: [],
      removed: [],
      unchanged: [BUNDLED_ID],
      articles: 2,
      paragraphs: BUNDLED_PARAGRAPHS + 3,
      mode: "lexical",
    });
    expect([...new Set(updates.map((update) => update.phase))]).toEqual(["checking", "reading", "embedding", "indexing", "saving"]);
    expect(updates.every((update) => update.task === "add-article")).toBe(true);
    expect(updates.at(-1)).toMatchObject({
      articlesDone: 2,
      articlesTotal: 2,
      paragraphsDone: BUNDLED_PARAGRAPHS + 3,
      paragraphsTotal: BUNDLED_PARAGRAPHS + 3,
    });
    expect(service.reindexProgress()).toBeNull();

    const answer = await service.ask(SECOND_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.articleId).toBe("zuege");
    expect(answer.citations[0]?.excerpt).toMatch(/mehr als eine Million Kilometer/);

    const stored = await readStoredIndex(fixture.indexFile, silentLogger());
    expect(stored?.articles.map((article) => article.id).sort()).toEqual([BUNDLED_ID, "zuege"]);
    const restarted = await QaService.create(lexicalServiceOptions(fixture));
    expect(restarted.status().indexBuiltAt).toBe(service.status().indexBuiltAt);
    expect(restarted.status().articles).toHaveLength(2);
    expect((await readAuditLog(fixture.auditLogFile)).map((entry) => [entry.action, entry.article, entry.outcome])).toEqual([["add", "zuege", "success"]]);
  });

  it("replaces an article when asked to, and removes one (but never the last)", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    const edited = SECOND_ARTICLE.replace("in Bremervörde", "in Bremerhaven");
    await expect(service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(edited), actor: MODERATOR })).rejects.toMatchObject({ code: "already-exists" });
    const replaced = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(edited), actor: MODERATOR, replace: true });
    expect(replaced.change.action).toBe("replaced");
    expect(replaced.reindex).toMatchObject({ changed: ["zuege"], unchanged: [BUNDLED_ID] });
    expect(service.source(2, "zuege")?.paragraph.text).toMatch(/Wasserstofftankstelle in Bremerhaven/);

    const removed = await service.removeArticle({ articleId: "zuege", actor: MODERATOR });
    expect(removed.reindex).toMatchObject({ removed: ["zuege"], articles: 1 });
    expect(service.status().articles.map((article) => article.id)).toEqual([BUNDLED_ID]);
    await expect(service.removeArticle({ articleId: BUNDLED_ID, actor: MODERATOR })).rejects.toMatchObject({ code: "last-article" });
    expect(service.status().articles).toHaveLength(1);
  });

  it("a broken file holds up nothing: an upload goes live, a reindex serves the rest, and both name the broken file", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await writeFile(path.join(fixture.contentDir, "kaputt.txt"), "");
    const added = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(added.reindex).toMatchObject({
      added: ["zuege"],
      articles: 2,
      skipped: [{ file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }],
    });
    expect(
      service
        .status()
        .articles.map((article) => article.id)
        .sort(),
    ).toEqual([BUNDLED_ID, "zuege"].sort());
    expect(service.status().unreadable).toEqual([{ articleId: "kaputt", file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }]);
    expect((await readAuditLog(fixture.auditLogFile)).at(-1)).toMatchObject({ action: "add", outcome: "success" });
    const reindexed = await service.reindex();
    expect(reindexed).toMatchObject({ articles: 2, unchanged: expect.arrayContaining([BUNDLED_ID, "zuege"]), skipped: [{ file: "kaputt.txt" }] });
    // Fixed, it is read again and the warning goes.
    await writeFile(path.join(fixture.contentDir, "kaputt.txt"), SECOND_ARTICLE.replace("Wasserstoffzüge", "Akkuzüge"));
    const fixed = await service.reindex();
    expect(fixed.skipped).toBeUndefined();
    expect(fixed.added).toEqual(["kaputt"]);
    expect(service.status().unreadable).toEqual([]);
  });

  it("a reindex with no readable article at all fails and keeps the previous index", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const builtAt = service.status().indexBuiltAt;
    await writeFile(path.join(fixture.contentDir, `${BUNDLED_ID}.txt`), "");
    await expect(service.reindex()).rejects.toBeInstanceOf(ReindexFailedError);
    expect(service.status().indexBuiltAt).toBe(builtAt);
    expect(service.status().articles.map((article) => article.id)).toEqual([BUNDLED_ID]);
  });
});

describe("reindex", () => {
  it("keeps answering from the old index while a reindex runs and swaps only when it is complete", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    expect(service.status().mode).toBe("hybrid");
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);

    const gate = deferred();
    embedder.gate = gate.promise;
    const running = service.reindex();
    await until(() => service.reindexProgress()?.phase === "embedding");
    // Mid-reindex: the old index answers, and does not know the new article yet.
    expect(service.status().articles).toHaveLength(1);
    const during = await service.ask("Welche Waffen will Russland von Nordkorea?");
    expect(during.answered).toBe(true);
    expect(citedArticles(await service.ask(SECOND_QUESTION))).not.toContain("zuege");

    embedder.gate = null;
    gate.release();
    const report = await running;
    expect(report).toMatchObject({ added: ["zuege"], mode: "hybrid" });
    expect(service.status().articles).toHaveLength(2);
    expect((await service.ask(SECOND_QUESTION)).citations[0]?.articleId).toBe("zuege");
  });

  it("refuses a second reindex (and uploads, and removals) while one runs, with the running progress", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    const gate = deferred();
    embedder.gate = gate.promise;
    const first = service.reindex({ actor: MODERATOR });
    await until(() => service.reindexProgress()?.phase === "embedding");

    const second = await service.reindex({ actor: { via: "discord", id: "999999999999999999" } }).catch((caught: unknown) => caught);
    expect(second).toBeInstanceOf(ReindexBusyError);
    const busy = second as ReindexBusyError;
    expect(busy.progress).toMatchObject({ task: "reindex", phase: "embedding", articlesDone: 2, articlesTotal: 2, paragraphsTotal: BUNDLED_PARAGRAPHS + 3 });
    // The unchanged bundled article's vectors are reused: only the new article's three paragraphs are left to embed.
    expect(busy.message).toBe(
      `A reindex is already running (reindexing: embedding paragraphs ${BUNDLED_PARAGRAPHS}/${BUNDLED_PARAGRAPHS + 3}). Try again when it has finished.`,
    );
    await expect(service.addArticle({ fileName: "neu.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR })).rejects.toBeInstanceOf(ReindexBusyError);
    await expect(service.removeArticle({ articleId: "zuege", actor: MODERATOR })).rejects.toBeInstanceOf(ReindexBusyError);

    embedder.gate = null;
    gate.release();
    await expect(first).resolves.toMatchObject({ added: ["zuege"] });
    await expect(service.reindex()).resolves.toMatchObject({ unchanged: [BUNDLED_ID, "zuege"] });
    const audit = await readAuditLog(fixture.auditLogFile);
    expect(audit.map((entry) => [entry.action, entry.outcome])).toEqual([
      ["reindex", "refused"],
      ["add", "refused"],
      ["remove", "refused"],
      ["reindex", "success"],
    ]);
    expect(String(audit[0]?.detail)).toMatch(/already running/);
  });

  it("re-embeds only the paragraphs whose text changed (the cache is keyed by model and text)", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS);

    await service.reindex();
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS);

    const file = path.join(fixture.contentDir, BUNDLED_FILE);
    const original = await readFile(file, "utf8");
    expect(original).toContain("Millionen Nordkoreanerinnen und Nordkoreaner gelten als mangelernährt.");
    await writeFile(file, original.replace("Millionen Nordkoreanerinnen", "Viele Millionen Nordkoreanerinnen"));
    const changed = await service.reindex();
    expect(changed.changed).toEqual([BUNDLED_ID]);
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 1);
    expect(embedder.embeddedTexts.at(-1)).toMatch(/^Zudem könnte Moskau .*Viele Millionen Nordkoreanerinnen/);

    await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 1 + 3);

    // A restart with the same model reuses every cached vector; another model embeds everything anew.
    const again = countingEmbedder();
    await (await QaService.create(hybridOptions(fixture, again))).whenModelSettled();
    expect(again.passagesEmbedded).toBe(0);
    const otherModel = countingEmbedder("test/other-model");
    await (await QaService.create(hybridOptions(fixture, otherModel))).whenModelSettled();
    expect(otherModel.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 3);
  });

  it("writes an audit line for a reindex run by a moderator", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await service.reindex({ actor: MODERATOR });
    await service.reindex();
    const audit = await readAuditLog(fixture.auditLogFile);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: MODERATOR, action: "reindex", article: null, outcome: "success" });
    expect(String(audit[0]?.detail)).toMatch(/1 article\(s\), 16 paragraphs \(lexical\); added 0, changed 0, removed 0, unchanged 1/);
  });
});

describe("the stored index", () => {
  it("is loaded at start-up when files and model match, and rebuilt when the content or the model changed", async () => {
    const fixture = await contentFixture();
    const first = await QaService.create(lexicalServiceOptions(fixture));
    const builtAt = first.status().indexBuiltAt;
    expect((await readStoredIndex(fixture.indexFile, silentLogger()))?.builtAt).toBe(builtAt);

    const capture = capturingLogger();
    const loaded = await QaService.create(lexicalServiceOptions(fixture, { logger: capture.logger }));
    expect(loaded.status().indexBuiltAt).toBe(builtAt);
    expect(capture.records.some((record) => record.event === "index_loaded")).toBe(true);

    const file = path.join(fixture.contentDir, BUNDLED_FILE);
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("Das Enfant terrible der Weltpolitik", "Der Außenseiter der Weltpolitik"));
    const rebuilt = await QaService.create(lexicalServiceOptions(fixture));
    expect(rebuilt.status().indexBuiltAt).not.toBe(builtAt);
    expect(rebuilt.source(2)?.paragraph.text).toMatch(/^Der Außenseiter der Weltpolitik/);
    expect((await readStoredIndex(fixture.indexFile, silentLogger()))?.builtAt).toBe(rebuilt.status().indexBuiltAt);

    const embedder = countingEmbedder();
    const capture2 = capturingLogger();
    const withModel = await QaService.create(hybridOptions(fixture, embedder, { logger: capture2.logger }));
    expect(capture2.records.some((record) => record.event === "index_loaded")).toBe(false);
    expect(withModel.status().indexBuiltAt).not.toBe(rebuilt.status().indexBuiltAt);
    expect((await readStoredIndex(fixture.indexFile, silentLogger()))?.modelId).toBe(embedder.modelId);
  });

  it("opens its lexical index from disk, kept up to date by every change, and rebuilds it when it is damaged", async () => {
    const fixture = await contentFixture();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    const first = await QaService.create(lexicalServiceOptions(fixture));
    const question = "Welche Waffen will Russland von Nordkorea?";
    const coldRanking = (await first.search(question)).hits.map((hit) => [hit.id, hit.fused]);
    const lexicalFile = path.join(fixture.stateDir, "index.lexical.bin");
    const journal = path.join(fixture.stateDir, "index.lexical-journal.json");
    const opened = async (): Promise<{ service: QaService; lexical: unknown }> => {
      const capture = capturingLogger();
      const service = await QaService.create(lexicalServiceOptions(fixture, { logger: capture.logger }));
      return { service, lexical: capture.records.find((record) => record.event === "index_loaded")?.lexical };
    };
    const brought = /^stored \(([1-9]\d*) paragraphs brought up to date\)$/u;
    const warm = await opened();
    expect(warm.lexical).toBe("stored (0 paragraphs brought up to date)");
    expect((await warm.service.search(question)).hits.map((hit) => [hit.id, hit.fused])).toEqual(coldRanking);

    // A change does not rewrite the stored index (that would cost the whole collection): the next start takes out
    // the paragraphs the file holds in excess (their text read from the journal beside it) and adds the new ones.
    const written = await readFile(lexicalFile);
    const replaced = SECOND_ARTICLE.replace("Bremervörde", "Cuxhaven am Meer");
    await warm.service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(replaced), actor: MODERATOR, replace: true });
    const afterReplace = await opened();
    expect(afterReplace.lexical).toMatch(brought);
    expect((await afterReplace.service.search("Cuxhaven")).hits[0]?.id.startsWith("zuege#")).toBe(true);
    expect((await afterReplace.service.search("Bremervörde")).hits.some((hit) => hit.id.startsWith("zuege#"))).toBe(false);

    await afterReplace.service.addArticle({ fileName: "dritter.txt", bytes: Buffer.from(replaced.replace("Wasserstoffzüge", "Akkuzüge")), actor: MODERATOR });
    await afterReplace.service.removeArticle({ articleId: "zuege", actor: MODERATOR });
    const afterRemoval = await opened();
    expect(afterRemoval.lexical).toMatch(brought);
    expect((await afterRemoval.service.search("Wasserstoff Bremervörde Cuxhaven")).hits.every((hit) => !hit.id.startsWith("zuege#"))).toBe(true);
    expect((await afterRemoval.service.search("Cuxhaven")).hits[0]?.id.startsWith("dritter#")).toBe(true);
    expect((await readFile(lexicalFile)).equals(written)).toBe(true);

    // Without the journal the paragraphs cannot be taken out: the index is built from the articles and stored whole.
    await writeFile(journal, "{}");
    expect(String((await opened()).lexical)).toMatch(/^built \(.*journal/u);
    expect((await opened()).lexical).toBe("stored (0 paragraphs brought up to date)");

    // A damaged file is rebuilt from the articles, and stored again.
    const bytes = await readFile(lexicalFile);
    await writeFile(lexicalFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const repaired = await opened();
    expect(String(repaired.lexical)).toMatch(/^built \(.*truncated/);
    expect((await repaired.service.search("Cuxhaven")).hits[0]?.id.startsWith("dritter#")).toBe(true);
    expect((await opened()).lexical).toBe("stored (0 paragraphs brought up to date)");
  });

  it("detects a corrupt or truncated index file, logs it, rebuilds it and keeps working", async () => {
    const fixture = await contentFixture();
    await QaService.create(lexicalServiceOptions(fixture));
    const valid = await readFile(fixture.indexFile, "utf8");
    const damaged: Array<[string, string | Buffer]> = [
      ["truncated", valid.slice(0, Math.floor(valid.length / 2))],
      ["empty", ""],
      ["binary garbage", Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00])],
      ["wrong shape", JSON.stringify({ version: 1, articles: "none" })],
      ["other version", valid.replace(`"version":${INDEX_FORMAT_VERSION}`, '"version":99')],
    ];
    for (const [label, content] of damaged) {
      await writeFile(fixture.indexFile, content);
      const capture = capturingLogger();
      const service = await QaService.create(lexicalServiceOptions(fixture, { logger: capture.logger }));
      expect(
        capture.records.some((record) => record.event === "index_corrupt" && record.level === 40),
        label,
      ).toBe(true);
      expect((await service.ask("Welche Waffen will Russland von Nordkorea?")).answered, label).toBe(true);
      expect(await readStoredIndex(fixture.indexFile, silentLogger()), label).not.toBeNull();
    }
  });

  it("an index path that cannot be written (its parent is a file) is logged; changes still go live and say the index was not saved", async () => {
    const fixture = await contentFixture();
    const notADirectory = path.join(fixture.stateDir, "plain-file");
    await writeFile(notADirectory, "x");
    const capture = capturingLogger();
    const options = lexicalServiceOptions(fixture, { indexFile: path.join(notADirectory, "index.json"), logger: capture.logger });
    const service = await QaService.create(options);
    expect(capture.records.some((record) => record.event === "index_write_failed")).toBe(true);
    const added = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(added.change.action).toBe("added");
    expect(added.reindex.storeFailure).toMatch(/^the index could not be saved \(.*(EEXIST|ENOTDIR).*\); it is served anyway/);
    expect(service.status().articles).toHaveLength(2);
    expect(await readdir(fixture.contentDir)).toContain("zuege.txt");
    expect((await readAuditLog(fixture.auditLogFile)).at(-1)).toMatchObject({ action: "add", outcome: "success" });
    await expect(service.reindex()).resolves.toMatchObject({ storeFailure: expect.stringMatching(/could not be saved/) });
  });
});

describe("a disk failing halfway through a write", () => {
  async function serviceOverStoredIndex(): Promise<{ fixture: Fixture; service: QaService; disk: ReturnType<typeof failingHalfway>; index: string }> {
    const fixture = await contentFixture();
    await QaService.create(lexicalServiceOptions(fixture));
    const index = await readFile(fixture.indexFile, "utf8");
    const disk = failingHalfway((file) => path.basename(file).includes("index.json"));
    const service = await QaService.create(lexicalServiceOptions(fixture, { fileOperations: disk }));
    return { fixture, service, disk, index };
  }

  it("while saving the index: the new index is served, the previous file stays whole, and the next change tries again", async () => {
    const { fixture, service, disk, index } = await serviceOverStoredIndex();
    const lexicalFile = path.join(fixture.stateDir, "index.lexical.bin");
    const lexical = await readFile(lexicalFile);
    const storedFiles = await readdir(fixture.stateDir);
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    const report = await service.reindex();
    expect(report.storeFailure).toMatch(/ENOSPC/);
    expect(disk.failures).toBe(1);
    // The stored files are the old ones, whole (no half-written index, no temp file left).
    expect(await readFile(fixture.indexFile, "utf8")).toBe(index);
    expect((await readFile(lexicalFile)).equals(lexical)).toBe(true);
    expect(await readdir(fixture.stateDir)).toEqual(storedFiles);
    expect(storedFiles.filter((name) => /^index\.pack-[0-9a-f]{16}\.json$/u.test(name))).toHaveLength(1);
    expect(service.status().articles).toHaveLength(2);
    expect((await service.ask("Welche Waffen will Russland von Nordkorea?")).answered).toBe(true);
    expect(service.reindexProgress()).toBeNull();
    // The next change tries to store it again.
    await service.reindex();
    expect(disk.failures).toBe(2);
  });

  it("while saving the index after an upload: the upload stands and is answered, with the failure reported", async () => {
    const { fixture, service, index } = await serviceOverStoredIndex();
    const result = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(result.change.action).toBe("added");
    expect(result.reindex.storeFailure).toMatch(/ENOSPC/);
    expect(await readdir(fixture.contentDir)).toContain("zuege.txt");
    expect(await readFile(fixture.indexFile, "utf8")).toBe(index);
    expect(service.status().articles).toHaveLength(2);
    expect((await readAuditLog(fixture.auditLogFile)).at(-1)).toMatchObject({ action: "add", outcome: "success" });
    // A restart sees files that the stored index does not match, and rebuilds from them.
    const restarted = await QaService.create(lexicalServiceOptions(fixture));
    expect(restarted.status().articles).toHaveLength(2);
  });

  it("while writing the uploaded file: nothing on disk changes and the index is not touched", async () => {
    const fixture = await contentFixture();
    const disk = failingHalfway((file) => path.basename(file).includes("zuege"));
    const service = await QaService.create(lexicalServiceOptions(fixture, { fileOperations: disk }));
    const before = await snapshot(fixture.contentDir);
    const index = await readFile(fixture.indexFile, "utf8");
    await expect(service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR })).rejects.toMatchObject({
      code: "write-failed",
    });
    expect(disk.failures).toBe(1);
    expect(await snapshot(fixture.contentDir)).toEqual(before);
    expect(await readFile(fixture.indexFile, "utf8")).toBe(index);
  });
});

describe("temporary files left by a killed process", () => {
  it("are removed at start-up, unless their process still runs", async () => {
    const fixture = await contentFixture();
    // A pid that no process has (Linux pids stay far below 2^22).
    const dead = 4_194_000;
    const stale = [path.join(fixture.contentDir, `.zuege.txt.${dead}.0a1b2c3d.tmp`), path.join(fixture.stateDir, `.index.json.${dead}.deadbeef.tmp`)];
    const alive = path.join(fixture.stateDir, `.index.json.${process.pid}.00ff00ff.tmp`);
    for (const file of [...stale, alive]) await writeFile(file, "half");
    const capture = capturingLogger();
    await QaService.create(lexicalServiceOptions(fixture, { logger: capture.logger }));
    expect(await readdir(fixture.contentDir)).not.toContain(path.basename(stale[0] ?? ""));
    expect(await readdir(fixture.stateDir)).not.toContain(path.basename(stale[1] ?? ""));
    expect(await readdir(fixture.stateDir)).toContain(path.basename(alive));
    expect(capture.records.filter((record) => record.event === "temporaries_removed")).toHaveLength(2);
  });
});

describe("parsing once per change", () => {
  it("a reindex reuses the articles whose files did not change, and re-parses everything after a start from the stored index", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const [before] = service.articles();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    await service.reindex();
    expect(service.articles().find((article) => article.id === before?.id)).toBe(before);
    const restarted = await QaService.create(lexicalServiceOptions(fixture));
    const [stored] = restarted.articles();
    await restarted.reindex();
    // Read from index.json (perhaps written by an older parser): a reindex parses the files again.
    expect(restarted.articles().find((article) => article.id === stored?.id)).not.toBe(stored);
    expect(restarted.articles().find((article) => article.id === stored?.id)).toEqual(stored);
  });
});
