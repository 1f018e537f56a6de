import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadArticles } from "../../src/content/load.js";
import type { Article } from "../../src/content/types.js";
import { silentLogger } from "../../src/log.js";
import { readStoredIndex, readStoredIndexFiles, writeStoredIndex, type IndexToStore } from "../../src/search/index-store.js";
import { capturingLogger, failingHalfway } from "../helpers/content-fixtures.js";

/** The stored index as a manifest and packs: changes write only what changed, and a damaged store is never served. */

let folder: string;
let indexFile: string;
let bundled: Article;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "qa-index-store-"));
  indexFile = path.join(folder, "index.json");
  const loaded = await loadArticles(path.resolve("data/articles"));
  const first = loaded.articles[0];
  if (!first) throw new Error("the bundled article did not load");
  bundled = first;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A distinct article per number (its own id, hash and first paragraph). */
function variant(number: number, version = 1): Article {
  const id = `artikel-${number}`;
  return {
    ...bundled,
    id,
    title: `${bundled.title} (${number})`,
    contentHash: `${"0".repeat(56)}${String(number).padStart(4, "0")}${String(version).padStart(4, "0")}`,
    paragraphs: bundled.paragraphs.map((paragraph) => ({ ...paragraph, articleId: id })),
  };
}

function indexOf(articles: Article[], modelId: string | null = null): IndexToStore {
  return { builtAt: new Date(), modelId, files: Object.fromEntries(articles.map((article) => [`${article.id}.txt`, article.contentHash])), articles };
}

const packsIn = async (): Promise<string[]> => (await readdir(folder)).filter((name) => /^index\.pack-[0-9a-f]{16}\.json$/u.test(name)).sort();

describe("the stored index", () => {
  it("gives back the articles as written, in order, sentences and all", async () => {
    const articles = [variant(2), bundled, variant(1)];
    await writeStoredIndex(indexFile, { ...indexOf(articles), files: { ...indexOf(articles).files, [`${bundled.id}.txt`]: bundled.contentHash } });
    const stored = await readStoredIndex(indexFile, silentLogger());
    expect(stored?.articles).toEqual(articles);
    expect(stored?.articles[1]?.paragraphs[0]?.sentences[0]?.text).toBe(bundled.paragraphs[0]?.sentences[0]?.text);
    expect(await readStoredIndexFiles(indexFile)).toEqual(stored?.files);
  });

  it("stores only the added article on a change, and leaves the other pack untouched", async () => {
    const first = Array.from({ length: 20 }, (_, number) => variant(number));
    await writeStoredIndex(indexFile, indexOf(first));
    const [basePack] = await packsIn();
    const baseBytes = await readFile(path.join(folder, basePack ?? ""));
    const next = [...first, variant(20)];
    await writeStoredIndex(indexFile, indexOf(next));
    const packs = await packsIn();
    expect(packs).toHaveLength(2);
    expect((await readFile(path.join(folder, basePack ?? ""))).equals(baseBytes)).toBe(true);
    const added = packs.find((name) => name !== basePack) ?? "";
    expect((await readFile(path.join(folder, added))).length).toBeLessThan(baseBytes.length / 10);
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual(next);
  });

  it("after many replacements and removals keeps few packs and still reads the current versions", async () => {
    let articles = Array.from({ length: 10 }, (_, number) => variant(number));
    await writeStoredIndex(indexFile, indexOf(articles));
    for (let change = 0; change < 30; change += 1) {
      const target = change % 10;
      articles = articles.map((article, position) => (position === target ? variant(target, change + 2) : article));
      if (change % 7 === 6) articles = articles.filter((_, position) => position !== (change + 3) % articles.length);
      await writeStoredIndex(indexFile, indexOf(articles));
      const manifest = JSON.parse(await readFile(indexFile, "utf8")) as { packs: unknown[] };
      expect(manifest.packs.length).toBeLessThanOrEqual(8);
    }
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual(articles);
  });

  it("writes everything anew for another model", async () => {
    const articles = [variant(1), variant(2)];
    await writeStoredIndex(indexFile, indexOf(articles));
    await writeStoredIndex(indexFile, indexOf(articles, "some/model"));
    const manifest = JSON.parse(await readFile(indexFile, "utf8")) as { packs: Array<{ name: string }>; modelId: string };
    expect(manifest.packs).toHaveLength(1);
    expect((await readStoredIndex(indexFile, silentLogger()))?.modelId).toBe("some/model");
  });

  it("is not served when a pack is missing or an article in it is damaged, and says why", async () => {
    await writeStoredIndex(indexFile, indexOf([variant(1)]));
    await writeStoredIndex(indexFile, indexOf([variant(1), variant(2)]));
    const manifest = JSON.parse(await readFile(indexFile, "utf8")) as { packs: Array<{ name: string }> };
    const lastPack = path.join(folder, manifest.packs.at(-1)?.name ?? "");
    const pack = await readFile(lastPack, "utf8");

    await writeFile(lastPack, pack.replace(/"sentences":\[\d+,/u, '"sentences":[99999,'));
    const damaged = capturingLogger();
    expect(await readStoredIndex(indexFile, damaged.logger)).toBeNull();
    expect(damaged.records.find((record) => record.event === "index_corrupt")?.issue).toMatch(/sentence outside its text/u);

    await rm(lastPack);
    const missing = capturingLogger();
    expect(await readStoredIndex(indexFile, missing.logger)).toBeNull();
    expect(missing.records.find((record) => record.event === "index_corrupt")?.issue).toMatch(/ENOENT/u);

    await writeFile(indexFile, '{"version":4,"files":');
    expect(await readStoredIndex(indexFile, silentLogger())).toBeNull();
  });

  it("checks every field of a pack whose bytes are not those its manifest recorded, and serves one whose are", async () => {
    await writeStoredIndex(indexFile, indexOf([variant(1)]));
    const manifest = JSON.parse(await readFile(indexFile, "utf8")) as { packs: Array<{ name: string; entries: number; sha256?: string }> };
    expect(manifest.packs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const packFile = path.join(folder, manifest.packs[0]?.name ?? "");
    const pack = await readFile(packFile, "utf8");
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual([variant(1)]);

    // Edited after writing (a paragraph number made a string): the digest differs, so zod checks it, and refuses it.
    await writeFile(packFile, pack.replace(/"number":1,/u, '"number":"1",'));
    const edited = capturingLogger();
    expect(await readStoredIndex(indexFile, edited.logger)).toBeNull();
    expect(edited.records.find((record) => record.event === "index_corrupt")?.issue).toMatch(/does not match the expected format/u);

    // A manifest of an older writer (no digests): checked with zod, and served when sound.
    await writeFile(packFile, pack);
    await writeFile(indexFile, JSON.stringify({ ...manifest, packs: manifest.packs.map(({ name, entries }) => ({ name, entries })) }));
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual([variant(1)]);
  });

  it("keeps the previous index whole when the manifest cannot be written, without a pack left over", async () => {
    await writeStoredIndex(indexFile, indexOf([variant(1)]));
    const before = await readdir(folder);
    const disk = failingHalfway((file) => path.basename(file).includes("index.json"));
    await expect(writeStoredIndex(indexFile, indexOf([variant(1), variant(2)]), disk)).rejects.toThrow(/ENOSPC/u);
    expect(disk.failures).toBe(1);
    expect((await readdir(folder)).sort()).toEqual(before.sort());
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual([variant(1)]);
  });

  it("keeps the previous index whole when a pack cannot be written", async () => {
    await writeStoredIndex(indexFile, indexOf([variant(1)]));
    const manifest = await readFile(indexFile, "utf8");
    const disk = failingHalfway((file) => path.basename(file).includes(".pack-"));
    await expect(writeStoredIndex(indexFile, indexOf([variant(1), variant(2)]), disk)).rejects.toThrow(/ENOSPC/u);
    expect(await readFile(indexFile, "utf8")).toBe(manifest);
    expect(await packsIn()).toHaveLength(1);
    expect((await readStoredIndex(indexFile, silentLogger()))?.articles).toEqual([variant(1)]);
  });
});
