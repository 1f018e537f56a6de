import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/content/atomic-write.js";
import { failingHalfway } from "../helpers/content-fixtures.js";

describe("writing a file atomically", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qa-atomic-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes pieces one after another, as if joined", async () => {
    const target = path.join(dir, "index.bin");
    const pieces = [Buffer.from("QALX"), new Uint8Array(new Uint32Array([1, 2, 3]).buffer), Buffer.from("ende")];
    await writeFileAtomic(target, pieces);
    expect(await readFile(target)).toEqual(Buffer.concat(pieces));
    expect(await readdir(dir)).toEqual(["index.bin"]);
  });

  it("leaves the old file whole when writing the pieces fails", async () => {
    const target = path.join(dir, "index.bin");
    await writeFileAtomic(target, "alt");
    await expect(
      writeFileAtomic(
        target,
        [Buffer.from("neu"), Buffer.from("er Inhalt")],
        failingHalfway(() => true),
      ),
    ).rejects.toThrow(/ENOSPC/u);
    expect(await readFile(target, "utf8")).toBe("alt");
    expect(await readdir(dir)).toEqual(["index.bin"]);
  });
});
