import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { INDEX_FORMAT_VERSION, readStoredIndex } from "../../src/search/index-store.js";
import { capturingLogger, contentFixture, countingEmbedder, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE } from "../helpers/content-fixtures.js";
import { BUNDLED_FILE, hybridOptions, MODERATOR } from "./reindex-fixtures.js";

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
