import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashArticleFiles } from "../../src/content/file-hashes.js";
import { sha256Hex } from "../../src/content/load.js";

describe("hashing the article files at a start", () => {
  let dir: string;
  let cacheFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qa-file-hashes-"));
    cacheFile = path.join(dir, "state", "index.file-hashes.json");
    await mkdir(path.join(dir, "articles"));
    await mkdir(path.dirname(cacheFile));
    for (const name of ["a.md", "b.txt", "c.md"]) await writeFile(path.join(dir, "articles", name), `# Titel ${name}\n\nText von ${name}.\n`);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const expected = async (): Promise<Record<string, string>> => {
    const hashes: Record<string, string> = {};
    for (const name of ["a.md", "b.txt", "c.md"]) hashes[name] = sha256Hex(await readFile(path.join(dir, "articles", name)));
    return hashes;
  };
  // The cache said to be written well after the files, so their stamps are past the window in which a change could hide.
  const later = (): number => Date.now() + 10_000;

  it("reads every file once, then only the files whose stamp changed", async () => {
    const first = await hashArticleFiles(path.join(dir, "articles"), cacheFile, { now: later });
    expect(first.hashes).toEqual(await expected());
    expect(first.read).toBe(3);

    const second = await hashArticleFiles(path.join(dir, "articles"), cacheFile);
    expect(second.hashes).toEqual(await expected());
    expect(second.read).toBe(0);

    // Same size, modification time put back: the change time still tells.
    const file = path.join(dir, "articles", "b.txt");
    const before = await stat(file);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("Text", "Test"));
    await utimes(file, before.atime, before.mtime);
    const third = await hashArticleFiles(path.join(dir, "articles"), cacheFile, { now: later });
    expect(third.read).toBe(1);
    expect(third.hashes).toEqual(await expected());
  });

  it("does not trust a stamp taken right after the file changed", async () => {
    await hashArticleFiles(path.join(dir, "articles"), cacheFile);
    // The files were written just before: a change within the clock's resolution could hide behind the same stamp.
    expect((await hashArticleFiles(path.join(dir, "articles"), cacheFile)).read).toBe(3);
  });

  it("hashes everything when the cache is damaged, and skips entries that are not files", async () => {
    await writeFile(cacheFile, "{ not json");
    await mkdir(path.join(dir, "articles", "ordner.md"));
    const hashed = await hashArticleFiles(path.join(dir, "articles"), cacheFile, { now: later });
    expect(hashed.hashes).toEqual(await expected());
    expect(hashed.errors).toEqual([]);
    expect((await hashArticleFiles(path.join(dir, "articles"), cacheFile)).read).toBe(0);
  });

  it("creates the state folder for its cache at a first start", async () => {
    const fresh = path.join(dir, "neu", "state", "index.file-hashes.json");
    await hashArticleFiles(path.join(dir, "articles"), fresh, { now: later });
    expect((await hashArticleFiles(path.join(dir, "articles"), fresh)).read).toBe(0);
  });

  it("sees files added and removed since the cache was written", async () => {
    await hashArticleFiles(path.join(dir, "articles"), cacheFile, { now: later });
    await rm(path.join(dir, "articles", "a.md"));
    await writeFile(path.join(dir, "articles", "d.md"), "# Neu\n\nNeuer Text.\n");
    const hashed = await hashArticleFiles(path.join(dir, "articles"), cacheFile);
    expect(Object.keys(hashed.hashes)).toEqual(["b.txt", "c.md", "d.md"]);
    expect(hashed.read).toBe(1);
    expect(hashed.hashes["d.md"]).toBe(sha256Hex(await readFile(path.join(dir, "articles", "d.md"))));
  });
});
