import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm start` runs the compiled build: scripts/start.mjs compiles src/ into
 * dist/ and bundles it when the bundle is missing or older than the sources,
 * then runs dist/bundle/main.cjs with plain Node (no tsx). Here it answers a question in terminal mode.
 */

const run = promisify(execFile);
const ENTRY = path.resolve("dist/bundle/main.cjs");

async function start(stateDir: string, input: string): Promise<{ stdout: string; stderr: string }> {
  const child = run(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: { ...process.env, DISCORD_TOKEN: "", EMBEDDINGS_ENABLED: "false", STATE_DIR: stateDir, LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 90_000,
  });
  child.child.stdin?.end(input);
  return child;
}

/** The newest modification time among what the bundle is made from (as scripts/start.mjs reads them). */
async function newestSource(): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(path.resolve("src"), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  for (const file of ["scripts/build.mjs", "scripts/bundle.mjs", "scripts/bundle-loader.cjs", "tsconfig.json", "tsconfig.build.json"]) {
    newest = Math.max(newest, (await stat(path.resolve(file))).mtimeMs);
  }
  return newest;
}

describe("the compiled build", () => {
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), "build-test-"));
  });
  afterAll(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it("npm start compiles when needed and answers from dist/ with plain Node", { timeout: 120_000 }, async () => {
    // Make whatever dist/ there is older than the sources, so this start must compile.
    const past = new Date("2001-01-01T00:00:00Z");
    await stat(ENTRY).then(
      () => utimes(ENTRY, past, past),
      () => undefined,
    );
    const first = await start(stateDir, "Welche Waffen will Russland von Nordkorea?\n/quit\n");
    expect(first.stdout).toMatch(/— ¶\d+ · Waffen aus Nordkorea/);
    const built = await stat(ENTRY);
    expect(built.mtimeMs).toBeGreaterThan(past.getTime() + 1000);
    // Strict code, whose imports of ES module packages go through the loader (an import() from the code cache would fail).
    const bundled = await readFile(path.resolve("dist/bundle/main.code.cjs"), "utf8");
    expect(bundled.startsWith('"use strict";\n')).toBe(true);
    expect(bundled).not.toMatch(/\bimport\("/u);
    expect(bundled).toMatch(/__loaderImport\(/u);

    // A fresh dist/ is used as it is: the second start compiles nothing.
    const second = await start(stateDir, "Wann reist Kim nach Russland?\n/quit\n");
    expect(second.stdout).toMatch(/— ¶\d+ · /);
    expect((await stat(ENTRY)).mtimeMs).toBe(built.mtimeMs);

    // Packages installed after the build (the bundle holds some of them): built again, though no source changed.
    const installed = path.resolve("node_modules/.package-lock.json");
    const before = await stat(installed);
    const bundledAt = new Date(built.mtimeMs - 2000);
    try {
      await utimes(ENTRY, bundledAt, bundledAt);
      const sourcesNewest = await newestSource();
      // Only when no source is newer than the bundle's new stamp can the packages alone be what calls for the build.
      if (sourcesNewest < bundledAt.getTime()) {
        await utimes(installed, before.atime, new Date(built.mtimeMs - 1000));
        const third = await start(stateDir, "Wann reist Kim nach Russland?\n/quit\n");
        expect(third.stdout).toMatch(/— ¶\d+ · /);
        expect((await stat(ENTRY)).mtimeMs).toBeGreaterThan(built.mtimeMs - 1000);
      }
    } finally {
      await utimes(installed, before.atime, before.mtime);
    }
  });
});
