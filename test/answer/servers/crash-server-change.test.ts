import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../../src/answer/service.js";
import { silentLogger } from "../../../src/log.js";
import { contentFixture, leftoverFiles, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE } from "../../helpers/content-fixtures.js";

/**
 * `kill -9` after every file-system change of `npm run reindex -- --server ID
 * --add FILE` (test/helpers/crash-after.mjs): the server's folder is recovered
 * when the server is next opened, serving the old or the new state as its audit
 * line says, and the operator's articles are never touched.
 */

type Fixture = Awaited<ReturnType<typeof contentFixture>>;
const SERVER = "333333333333333333";
const CRASH_AFTER = path.resolve("test/helpers/crash-after.mjs");

async function addInServer(fixture: Fixture, env: Record<string, string>): Promise<void> {
  const upload = path.join(fixture.root, "zuege.txt");
  await writeFile(upload, SECOND_ARTICLE);
  const child = spawn(process.execPath, ["--import", "tsx", "--import", CRASH_AFTER, path.resolve("src/cli/reindex.ts"), "--server", SERVER, "--add", upload], {
    env: { ...process.env, CONTENT_DIR: fixture.contentDir, STATE_DIR: fixture.stateDir, EMBEDDINGS_ENABLED: "false", LOG_LEVEL: "error", ...env },
    stdio: "ignore",
  });
  await new Promise<void>((resolve) => child.once("exit", () => resolve()));
}

/** Opens the server as the bot would after a restart and checks folder, index and audit log agree. */
async function expectConsistent(fixture: Fixture, label: string): Promise<"old" | "new"> {
  const operator = await QaService.create(lexicalServiceOptions(fixture));
  const folder = path.join(fixture.stateDir, "servers", SERVER);
  // A crash before the folder existed leaves nothing to open; otherwise opening it recovers any interrupted change.
  const exists = await readdir(folder).then(
    () => true,
    () => false,
  );
  const server = exists ? await openServer(fixture, operator, folder) : null;
  const audit = await readAuditLog(fixture.auditLogFile);
  const succeeded = audit.some((line) => line.action === "add" && line.outcome === "success" && line.server === SERVER);
  const onDisk = (await readdir(folder).catch((): string[] => [])).includes("zuege.txt") ? await readFile(path.join(folder, "zuege.txt"), "utf8") : null;
  expect(onDisk, label).toBe(succeeded ? SECOND_ARTICLE : null);
  expect(server?.articles().some((article) => article.id === "zuege") ?? false, label).toBe(succeeded);
  expect(await readdir(fixture.contentDir), label).toEqual(["nordkorea-russland-waffen.txt"]);
  expect(await leftoverFiles(folder).catch((): string[] => []), label).toEqual([]);
  return succeeded ? "new" : "old";
}

function openServer(fixture: Fixture, operator: QaService, folder: string): Promise<QaService> {
  return QaService.create({
    contentDir: folder,
    logger: silentLogger(),
    embeddings: "off",
    auditLogFile: fixture.auditLogFile,
    server: { serverId: SERVER, maxArticles: 5, maxBytes: 100_000, shared: operator.sharedLayer() },
  });
}

describe("kill -9 during a change of one server's articles", () => {
  it("after every file-system change, the server's next opening agrees with the audit log", async () => {
    const dry = await contentFixture();
    const countFile = path.join(dry.root, "changes");
    await addInServer(dry, { CRASH_COUNT_FILE: countFile });
    const total = Number(await readFile(countFile, "utf8"));
    expect(total).toBeGreaterThanOrEqual(4);
    expect(await expectConsistent(dry, "no crash")).toBe("new");

    const outcomes: string[] = [];
    for (let crashAfter = 1; crashAfter <= total; crashAfter += 1) {
      const fixture = await contentFixture();
      await addInServer(fixture, { CRASH_AFTER_CHANGES: String(crashAfter) });
      outcomes.push(await expectConsistent(fixture, `killed after change ${crashAfter}`));
    }
    expect(outcomes[0]).toBe("old");
    expect(outcomes.at(-1)).toBe("new");
  }, 120_000);
});
