import { spawnSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCK_FILE, tryLockFolder } from "../../src/content/folder-lock.js";
import { ContentLibrary, recoverInterruptedChange, type ContentActor } from "../../src/content/library/index.js";
import { writeIntent } from "../../src/content/change-intent.js";
import { silentLogger } from "../../src/log.js";
import { contentFixture, readAuditLog, SECOND_ARTICLE, snapshot } from "../helpers/content-fixtures.js";

const MODERATOR: ContentActor = { via: "discord", id: "123456789012345678", name: "mod" };

/** The id of a process that has exited (so a lock naming it is stale). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the content folder's change lock, shared by the processes (shards) serving it", () => {
  it("is held by one taker at a time and released after", async () => {
    const { contentDir } = await contentFixture();
    const first = await tryLockFolder(contentDir);
    expect(first.locked).toBe(true);
    expect(await readFile(path.join(contentDir, LOCK_FILE), "utf8")).toBe(String(process.pid));
    // As another live process holding it would look: refused, with its id.
    await writeFile(path.join(contentDir, LOCK_FILE), String(process.ppid));
    expect(await tryLockFolder(contentDir)).toEqual({ locked: false, heldBy: process.ppid });
    await writeFile(path.join(contentDir, LOCK_FILE), String(process.pid));
    if (first.locked) await first.lock.release();
    expect(await readdir(contentDir)).not.toContain(LOCK_FILE);
  });

  it("refuses a change while another live process holds it, touching nothing", async () => {
    const { contentDir, auditLogFile } = await contentFixture();
    // The parent process runs and is not this one: its lock is live.
    await writeFile(path.join(contentDir, LOCK_FILE), String(process.ppid));
    const before = await snapshot(contentDir);
    const library = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger() });
    const refused = await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "folder-busy", outcome: "refused", problem: { kind: "folder-busy", pid: process.ppid } });
    expect(await snapshot(contentDir)).toEqual(before);
    expect((await readAuditLog(auditLogFile)).at(-1)).toMatchObject({ action: "add", outcome: "refused" });
  });

  it("takes over a lock whose process no longer runs (killed mid-change)", async () => {
    const { contentDir, auditLogFile } = await contentFixture();
    await writeFile(path.join(contentDir, LOCK_FILE), String(deadPid()));
    const library = new ContentLibrary({ contentDir, auditLogFile, logger: silentLogger() });
    const change = await library.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(change.action).toBe("added");
    expect(await readdir(contentDir)).not.toContain(LOCK_FILE);
  });

  it("start-up recovery leaves another live process's change alone, and rolls back a dead one's", async () => {
    const { contentDir, auditLogFile } = await contentFixture();
    await writeIntent(contentDir, { id: "c1", action: "add", article: "zuege", files: [{ name: "zuege.txt", before: null }] });
    await writeFile(path.join(contentDir, "zuege.txt"), SECOND_ARTICLE);
    await writeFile(path.join(contentDir, LOCK_FILE), String(process.ppid));
    const options = { contentDir, auditLogFile, logger: silentLogger() };
    expect(await recoverInterruptedChange(options)).toBe("none");
    expect(await readdir(contentDir)).toContain("zuege.txt");
    await writeFile(path.join(contentDir, LOCK_FILE), String(deadPid()));
    expect(await recoverInterruptedChange(options)).toBe("rolled-back");
    expect(await readdir(contentDir)).not.toContain("zuege.txt");
    expect(await readdir(contentDir)).not.toContain(LOCK_FILE);
  });
});
