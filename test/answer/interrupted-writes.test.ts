import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { capturingLogger, contentFixture, failingHalfway, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE, snapshot } from "../helpers/content-fixtures.js";
import { MODERATOR, type Fixture } from "./reindex-fixtures.js";

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
