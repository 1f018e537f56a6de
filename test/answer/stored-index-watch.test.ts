import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexVersionOf } from "../../src/answer/index-state.js";
import { watchStoredIndex } from "../../src/answer/stored-index-watch.js";
import { writeStoredIndex } from "../../src/search/index-store.js";
import { capturingLogger, contentFixture } from "../helpers/content-fixtures.js";

/** Resolves after `ms`, for the watcher to settle. */
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchStoredIndex", () => {
  it("tells the version of a stored index another process writes, once per write, and nothing for other files", async () => {
    const { indexFile, stateDir } = await contentFixture();
    const seen: string[] = [];
    const stop = await watchStoredIndex(indexFile, (version) => seen.push(version), capturingLogger().logger);
    try {
      const files = { "a.txt": "1".repeat(64), "b.txt": "2".repeat(64) };
      await writeStoredIndex(indexFile, { builtAt: new Date(), modelId: null, files, articles: [] });
      await after(600);
      expect(seen).toEqual([indexVersionOf(files)]);
      await writeFile(path.join(stateDir, "feedback.jsonl"), "{}\n");
      await writeFile(`${indexFile}.unrelated`, "x");
      await after(400);
      expect(seen).toHaveLength(1);
      // A broken write (not a stored index) is no version.
      await writeFile(indexFile, "{ truncated");
      await after(400);
      expect(seen).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it("the version does not depend on the order the files are listed in", () => {
    expect(indexVersionOf({ "b.txt": "2", "a.txt": "1" })).toBe(indexVersionOf({ "a.txt": "1", "b.txt": "2" }));
    expect(indexVersionOf({ "a.txt": "1" })).not.toBe(indexVersionOf({ "a.txt": "2" }));
  });
});
