import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * scripts/bundle-loader.cjs runs a bundle through V8's code cache. A cache
 * must never make a changed bundle run as the old one: V8 checks little more
 * than the source's length, so the cache is keyed by the bundle's content.
 */

const run = promisify(execFile);
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "bundle-loader-"));
  await copyFile(path.resolve("scripts/bundle-loader.cjs"), path.join(folder, "loader.cjs"));
  await writeFile(path.join(folder, "entry.cjs"), 'require("./loader.cjs").run("demo");\n');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A bundle printing `word` (always of the same length, so only its content differs). */
const bundle = (word: string): string =>
  `"use strict";\nconst answer = () => ${JSON.stringify(word)};\nprocess.stdout.write(answer() + " " + __filename.endsWith("demo.code.cjs"));\n`;

async function start(): Promise<string> {
  return (await run(process.execPath, [path.join(folder, "entry.cjs")], { encoding: "utf8" })).stdout;
}

describe("the bundle loader", () => {
  it("runs the bundle as a CommonJS module, with a build cache and then a run cache, and a changed bundle as changed", async () => {
    await writeFile(path.join(folder, "demo.code.cjs"), bundle("alpha"));
    const loader = (await import(path.join(folder, "loader.cjs"))) as { compiledCache: (file: string) => void };
    loader.compiledCache(path.join(folder, "demo.code.cjs"));
    expect(await readdir(path.join(folder, "cache"))).toEqual([expect.stringMatching(/^demo-[0-9a-f]{16}\.compiled$/u)]);
    expect(await start()).toBe("alpha true");
    // The first run wrote the run cache (at exit); the second runs from it.
    const caches = await readdir(path.join(folder, "cache"));
    expect(caches.filter((name) => name.endsWith(".run"))).toHaveLength(1);
    expect(await start()).toBe("alpha true");
    // Same length, other content: not served from the old caches.
    await writeFile(path.join(folder, "demo.code.cjs"), bundle("omega"));
    expect(await start()).toBe("omega true");
    // A damaged cache is refused by V8 and costs only its time.
    for (const name of await readdir(path.join(folder, "cache"))) await writeFile(path.join(folder, "cache", name), "not a code cache");
    expect(await start()).toBe("omega true");
  });

  it("lets the bundle import ES modules, also from the run cache, without the loader's experimental notice but with every other warning", async () => {
    await writeFile(path.join(folder, "esm.mjs"), "export const value = 42;\n");
    // An import() restored from the code cache finds no module loader on Node 20: imports through the loader's importPackage do.
    await writeFile(
      path.join(folder, "demo.code.cjs"),
      [
        '"use strict";',
        'process.emitWarning("a warning of the bundle");',
        'async function later(loader) { return loader === "own" ? import("./esm.mjs") : require("./loader.cjs").importPackage("./esm.mjs"); }',
        "later(process.env.IMPORT_WITH).then((module) => process.stdout.write(String(module.value)), (error) => process.stdout.write(error.message));",
        "",
      ].join("\n"),
    );
    const started = (how: string): Promise<{ stdout: string; stderr: string }> =>
      run(process.execPath, [path.join(folder, "entry.cjs")], { encoding: "utf8", env: { ...process.env, IMPORT_WITH: how } });
    const first = await started("loader");
    expect(first.stdout).toBe("42");
    expect(first.stderr).toMatch(/a warning of the bundle/u);
    expect(first.stderr).not.toMatch(/USE_MAIN_CONTEXT_DEFAULT_LOADER|ExperimentalWarning/u);
    // Now from the run cache the first start wrote.
    expect((await readdir(path.join(folder, "cache"))).filter((name) => name.endsWith(".run"))).toHaveLength(1);
    expect((await started("loader")).stdout).toBe("42");
  });
});
