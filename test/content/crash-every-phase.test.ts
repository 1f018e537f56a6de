import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { contentFixture, readAuditLog, SECOND_ARTICLE, leftoverFiles, lexicalServiceOptions } from "../helpers/content-fixtures.js";

/**
 * `kill -9` at every phase of an add, a replace, a removal and a reindex: the child
 * (`npm run reindex -- …`) is killed right after its 1st, 2nd, … file-system
 * change (test/helpers/crash-after.mjs), for every change the operation makes.
 * After each crash the next start must serve the old or the new state, with
 * files, index and audit log agreeing, and no temporary or intent file left.
 */

type Fixture = Awaited<ReturnType<typeof contentFixture>>;

const CRASH_AFTER = path.resolve("test/helpers/crash-after.mjs");
const REPLACEMENT = `${SECOND_ARTICLE}\n\nDie Strecke soll bis zum Jahresende auf stündliche Fahrten ausgebaut werden, teilte der Verkehrsverbund am Montag mit.\n`;

async function runReindex(fixture: Fixture, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", CRASH_AFTER, path.resolve("src/cli/reindex.ts"), ...args], {
    env: { ...process.env, CONTENT_DIR: fixture.contentDir, STATE_DIR: fixture.stateDir, EMBEDDINGS_ENABLED: "false", LOG_LEVEL: "error", ...env },
    stdio: "ignore",
  });
  await new Promise<void>((resolve) => child.once("exit", () => resolve()));
}

const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

interface Scenario {
  action: "add" | "replace" | "remove" | "reindex";
  /** Prepares the fixture and returns the reindex arguments. */
  prepare(fixture: Fixture): Promise<string[]>;
  /** Runs after the first start (which stored the index of the prepared state). */
  afterStart?(fixture: Fixture): Promise<void>;
  /** The article file's content before and after the operation (null: no file). */
  before: string | null;
  after: string | null;
}

const scenarios: Scenario[] = [
  {
    action: "add",
    before: null,
    after: SECOND_ARTICLE,
    async prepare(fixture) {
      const upload = path.join(fixture.root, "zuege.txt");
      await writeFile(upload, SECOND_ARTICLE);
      return ["--add", upload];
    },
  },
  {
    action: "replace",
    before: SECOND_ARTICLE,
    after: REPLACEMENT,
    async prepare(fixture) {
      await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
      const upload = path.join(fixture.root, "zuege.txt");
      await writeFile(upload, REPLACEMENT);
      return ["--add", upload, "--replace"];
    },
  },
  {
    action: "remove",
    before: SECOND_ARTICLE,
    after: null,
    async prepare(fixture) {
      await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
      return ["--remove", "zuege"];
    },
  },
  {
    // The operator edits a file and reindexes: whenever the reindex dies, the next start serves the file as it is now.
    action: "reindex",
    before: REPLACEMENT,
    after: REPLACEMENT,
    async prepare(fixture) {
      await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
      return [];
    },
    async afterStart(fixture) {
      await writeFile(path.join(fixture.contentDir, "zuege.txt"), REPLACEMENT);
    },
  },
];

async function prepared(scenario: Scenario): Promise<{ fixture: Fixture; args: string[] }> {
  const fixture = await contentFixture();
  const args = await scenario.prepare(fixture);
  // A first start writes the stored index of the state before the change, as a running bot would have.
  await QaService.create(lexicalServiceOptions(fixture));
  await scenario.afterStart?.(fixture);
  return { fixture, args };
}

/** After a crash and a restart: one consistent state, the old or the new one, as the audit log says. */
async function expectConsistent(scenario: Scenario, fixture: Fixture, crashAfter: number): Promise<"old" | "new"> {
  const label = `${scenario.action}, killed after change ${crashAfter}`;
  const service = await QaService.create(lexicalServiceOptions(fixture));
  const audit = await readAuditLog(fixture.auditLogFile);
  const succeeded = audit.some((line) => line.action === scenario.action && line.outcome === "success");
  const expected = succeeded ? scenario.after : scenario.before;
  const files = await readdir(fixture.contentDir);
  const onDisk = files.includes("zuege.txt") ? await readFile(path.join(fixture.contentDir, "zuege.txt"), "utf8") : null;
  expect(onDisk, label).toBe(expected);
  const served = service.articles().find((article) => article.id === "zuege");
  expect(served?.contentHash ?? null, label).toBe(expected === null ? null : sha256(expected));
  // The bundled article is never touched.
  expect(files.filter((name) => name.endsWith(".txt")).sort(), label).toEqual(
    expected === null ? ["nordkorea-russland-waffen.txt"] : ["nordkorea-russland-waffen.txt", "zuege.txt"],
  );
  for (const folder of [fixture.contentDir, fixture.stateDir]) {
    expect(await leftoverFiles(folder), label).toEqual([]);
  }
  // A change that did not complete but had begun is audited as interrupted.
  const started = audit.filter((line) => line.action === scenario.action);
  if (!succeeded && started.length > 0) expect(started.at(-1), label).toMatchObject({ outcome: "failed", detail: expect.stringMatching(/interrupted/) });
  return succeeded ? "new" : "old";
}

describe("kill -9 at every phase", () => {
  it.each(scenarios)(
    "$action: after every file-system change, the next start agrees with the audit log",
    async (scenario) => {
      // How many changes the operation makes when nothing goes wrong.
      const dry = await prepared(scenario);
      const countFile = path.join(dry.fixture.root, "changes");
      await runReindex(dry.fixture, dry.args, { CRASH_COUNT_FILE: countFile });
      const total = Number(await readFile(countFile, "utf8"));
      expect(total).toBeGreaterThanOrEqual(4);
      await expectConsistent(scenario, dry.fixture, 0);
      expect((await readAuditLog(dry.fixture.auditLogFile)).at(-1)).toMatchObject({ action: scenario.action, outcome: "success" });

      const outcomes: string[] = [];
      for (let crashAfter = 1; crashAfter <= total; crashAfter += 1) {
        const { fixture, args } = await prepared(scenario);
        await runReindex(fixture, args, { CRASH_AFTER_CHANGES: String(crashAfter) });
        outcomes.push(await expectConsistent(scenario, fixture, crashAfter));
      }
      // The crashes really interrupted it: early ones leave the old state, the last ones the new one.
      if (scenario.action !== "reindex") expect(outcomes[0]).toBe("old");
      expect(outcomes.at(-1)).toBe("new");
    },
    120_000,
  );
});
