import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { INTENT_FILE, newIntentId, writeIntent } from "../../src/content/change-intent.js";
import { recoverInterruptedChange } from "../../src/content/library/index.js";
import { silentLogger } from "../../src/log.js";
import { contentFixture, readAuditLog, SECOND_ARTICLE, snapshot, leftoverFiles, lexicalServiceOptions } from "../helpers/content-fixtures.js";

describe("recoverInterruptedChange", () => {
  it("rolls back an add that a killed process left without its audit line, and says so in the audit log", async () => {
    const fixture = await contentFixture();
    const before = await snapshot(fixture.contentDir);
    const id = newIntentId();
    await writeIntent(fixture.contentDir, { id, action: "add", article: "zuege", files: [{ name: "zuege.txt", before: null }] });
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    expect(await recoverInterruptedChange({ contentDir: fixture.contentDir, auditLogFile: fixture.auditLogFile, logger: silentLogger() })).toBe("rolled-back");
    expect(await snapshot(fixture.contentDir)).toEqual(before);
    expect((await readAuditLog(fixture.auditLogFile)).at(-1)).toMatchObject({ action: "add", article: "zuege", outcome: "failed", change: id });
  });

  it("restores a removed article, and keeps a change whose success the audit log records", async () => {
    const fixture = await contentFixture();
    const bundled = (await readdir(fixture.contentDir))[0] ?? "";
    const bytes = await readFile(path.join(fixture.contentDir, bundled));
    const removal = newIntentId();
    await writeIntent(fixture.contentDir, { id: removal, action: "remove", article: "x", files: [{ name: bundled, before: bytes }] });
    await writeFile(path.join(fixture.contentDir, bundled), "");
    expect(await recoverInterruptedChange({ contentDir: fixture.contentDir, auditLogFile: fixture.auditLogFile, logger: silentLogger() })).toBe("rolled-back");
    expect(await readFile(path.join(fixture.contentDir, bundled))).toEqual(bytes);

    const done = newIntentId();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    await writeIntent(fixture.contentDir, { id: done, action: "add", article: "zuege", files: [{ name: "zuege.txt", before: null }] });
    await writeFile(
      fixture.auditLogFile,
      `${JSON.stringify({ time: "t", actor: null, action: "add", article: "zuege", outcome: "success", detail: "Added", change: done })}\n`,
      { flag: "a" },
    );
    expect(await recoverInterruptedChange({ contentDir: fixture.contentDir, auditLogFile: fixture.auditLogFile, logger: silentLogger() })).toBe("completed");
    expect(await readdir(fixture.contentDir)).toContain("zuege.txt");
    expect(await readdir(fixture.contentDir)).not.toContain(INTENT_FILE);
  });
});

/** Runs `npm run reindex -- ARGS` in a child and kills it with SIGKILL as soon as `changed` sees the folder change. */
async function runAndKill(fixture: Awaited<ReturnType<typeof contentFixture>>, args: string[], changed: (files: string[]) => boolean): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("src/cli/reindex.ts"), ...args], {
    env: { ...process.env, CONTENT_DIR: fixture.contentDir, STATE_DIR: fixture.stateDir, EMBEDDINGS_ENABLED: "false", LOG_LEVEL: "error" },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (;;) {
    if (changed(await readdir(fixture.contentDir))) break;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill("SIGKILL");
  await exited;
}

async function addAndKill(fixture: Awaited<ReturnType<typeof contentFixture>>, file: string): Promise<void> {
  await runAndKill(fixture, ["--add", file], (files) => files.includes(path.basename(file)));
}

describe("kill -9 in the middle of an add", () => {
  it("leaves, after the next start, articles, index and audit log that agree, and no temporary or intent file", async () => {
    const fixture = await contentFixture();
    const upload = path.join(fixture.root, "zuege.txt");
    await writeFile(upload, SECOND_ARTICLE);
    await addAndKill(fixture, upload);
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const files = await readdir(fixture.contentDir);
    const audit = await readAuditLog(fixture.auditLogFile);
    const added = audit.some((line) => line.action === "add" && line.outcome === "success");
    // Either the add completed (and is audited) or it was rolled back (and that is audited): never live without a line.
    expect(files.includes("zuege.txt")).toBe(added);
    expect(service.articles().some((article) => article.id === "zuege")).toBe(added);
    if (!added) expect(audit.at(-1)).toMatchObject({ action: "add", outcome: "failed", detail: expect.stringMatching(/interrupted/) });
    for (const folder of [fixture.contentDir, fixture.stateDir]) {
      expect(await leftoverFiles(folder)).toEqual([]);
    }
  }, 30_000);
});

describe("kill -9 in the middle of a removal", () => {
  it("restores the article at the next start, with an audit line saying so", async () => {
    const fixture = await contentFixture();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    await QaService.create(lexicalServiceOptions(fixture));
    await runAndKill(fixture, ["--remove", "zuege"], (files) => !files.includes("zuege.txt"));
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const audit = await readAuditLog(fixture.auditLogFile);
    const removed = audit.some((line) => line.action === "remove" && line.outcome === "success");
    expect((await readdir(fixture.contentDir)).includes("zuege.txt")).toBe(!removed);
    expect(service.articles().some((article) => article.id === "zuege")).toBe(!removed);
    if (!removed) expect(audit.at(-1)).toMatchObject({ action: "remove", outcome: "failed", detail: expect.stringMatching(/interrupted/) });
    expect(await leftoverFiles(fixture.contentDir)).toEqual([]);
  }, 30_000);
});
