import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWholeFile } from "../../src/content/read-whole.js";

describe("readWholeFile", () => {
  it("reads every byte of a file, large or empty, and fails on a missing one", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "read-whole-"));
    // Larger than the 512 KB pieces readFile would use, and not a multiple of them.
    const large = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let position = 0; position < large.length; position += 1) large[position] = (position * 31) % 251;
    await writeFile(path.join(folder, "large.bin"), large);
    await writeFile(path.join(folder, "empty.bin"), "");
    expect((await readWholeFile(path.join(folder, "large.bin"))).equals(large)).toBe(true);
    expect(await readWholeFile(path.join(folder, "empty.bin"))).toHaveLength(0);
    await expect(readWholeFile(path.join(folder, "missing.bin"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
