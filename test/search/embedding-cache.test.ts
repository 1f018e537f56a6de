import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddingCache, embedPassagesCached, encodeVector, passageHash } from "../../src/search/embedding-cache.js";
import type { Embedder } from "../../src/search/embeddings.js";
import { capturingLogger } from "./capturing-logger.js";

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "embedding-cache-test-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("EmbeddingCache", () => {
  let cacheDir: string;
  let fileCounter = 0;
  const nextCacheFile = () => path.join(cacheDir, `nested-${(fileCounter += 1)}`, "embeddings.jsonl");

  beforeAll(async () => {
    cacheDir = path.join(workDir, "vector-cache");
  });

  const vectorOf = (...values: number[]) => Float32Array.from(values);

  it("misses, then hits for the same model and text only", async () => {
    const cache = await EmbeddingCache.open(nextCacheFile(), capturingLogger().logger);
    expect(cache.size).toBe(0);
    expect(await cache.get("m1", "alpha")).toBeUndefined();
    await cache.putMany("m1", [{ text: "alpha", vector: vectorOf(0.6, 0.8) }]);
    expect(Array.from((await cache.get("m1", "alpha")) ?? [])).toEqual(Array.from(vectorOf(0.6, 0.8)));
    expect(await cache.get("m2", "alpha")).toBeUndefined();
    expect(await cache.get("m1", "alpha ")).toBeUndefined();
    expect(await cache.get("m1", "alpha", 3)).toBeUndefined(); // wrong dimension counts as a miss
    expect(cache.size).toBe(1);
  });

  it("persists across reopen, bit for bit, creating the directory", async () => {
    const file = nextCacheFile();
    const first = await EmbeddingCache.open(file, capturingLogger().logger);
    const vector = vectorOf(0.1, -0.2, 0.3, Math.fround(1 / 3));
    await first.putMany("m", [
      { text: "one", vector },
      { text: "two", vector: vectorOf(1, 0, 0, 0) },
    ]);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(2);
    expect(await reopened.get("m", "one")).toEqual(vector);
    const [line] = (await readFile(file, "utf8")).split("\n");
    expect(JSON.parse(line ?? "")).toEqual({ model: "m", hash: passageHash("one"), dim: 4, vector: encodeVector(vector) });
  });

  it("skips corrupt, truncated and inconsistent lines with one warning, and appends after a torn last line", async () => {
    const file = nextCacheFile();
    await mkdir(path.dirname(file), { recursive: true });
    const good = (text: string, vector: Float32Array) =>
      JSON.stringify({ model: "m", hash: passageHash(text), dim: vector.length, vector: encodeVector(vector) });
    const lines = [
      good("kept", vectorOf(1, 0)),
      "this is not json",
      JSON.stringify({ model: "m", hash: passageHash("wrong-dim"), dim: 3, vector: encodeVector(vectorOf(1, 0)) }),
      JSON.stringify({ model: "m", hash: "not-a-hash", dim: 2, vector: encodeVector(vectorOf(1, 0)) }),
      "",
      good("also kept", vectorOf(0, 1)),
      good("torn", vectorOf(0.5, 0.5)).slice(0, 40), // a crash mid-append: no closing brace, no newline
    ];
    await writeFile(file, lines.join("\n"));
    const { logger, warnings } = capturingLogger();
    const cache = await EmbeddingCache.open(file, logger);
    expect(cache.size).toBe(2);
    expect(await cache.get("m", "kept")).toEqual(vectorOf(1, 0));
    expect(await cache.get("m", "wrong-dim")).toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ event: "embedding_cache_corrupt_lines", count: 4, lines: [2, 3, 4, 7] });

    await cache.putMany("m", [{ text: "after tear", vector: vectorOf(0.25, 0.75) }]);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(await reopened.get("m", "after tear")).toEqual(vectorOf(0.25, 0.75));
    expect(reopened.size).toBe(3);
  });

  it("treats an unreadable path as an empty cache and logs failed writes instead of throwing", async () => {
    const directoryInsteadOfFile = path.join(cacheDir, "is-a-directory");
    await mkdir(directoryInsteadOfFile, { recursive: true });
    const { logger, warnings } = capturingLogger();
    const cache = await EmbeddingCache.open(directoryInsteadOfFile, logger);
    expect(cache.size).toBe(0);
    await expect(cache.putMany("m", [{ text: "x", vector: vectorOf(1) }])).resolves.toBeUndefined();
    expect(await cache.get("m", "x")).toEqual(vectorOf(1)); // still served from memory
    expect(warnings().map((record) => record.event)).toEqual(["embedding_cache_unreadable", "embedding_cache_write_failed"]);
  });

  it("reads vectors back from lines across the file's read chunks, and never a vector another line now holds", async () => {
    const file = nextCacheFile();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    // 300 vectors of 384 dimensions: about 600 KB, read at open in several chunks.
    const texts = Array.from({ length: 300 }, (_, index) => `passage ${index}`);
    const vectorFor = (index: number): Float32Array => Float32Array.from({ length: 384 }, (_, position) => Math.fround(Math.sin(index * 384 + position)));
    await cache.putMany(
      "m",
      texts.slice(0, 150).map((text, index) => ({ text, vector: vectorFor(index) })),
    );
    await cache.putMany(
      "m",
      texts.slice(150).map((text, index) => ({ text, vector: vectorFor(150 + index) })),
    );
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(300);
    const vectors = await reopened.getMany("m", [...texts].reverse(), 384);
    vectors.forEach((vector, position) => expect(vector).toEqual(vectorFor(299 - position)));
    // Another process rewrote the file meanwhile (its lines in another order): what no longer lies where it did is missing, not wrong.
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    await writeFile(file, `${[...lines].reverse().join("\n")}\n`);
    const afterRewrite = await reopened.getMany("m", texts, 384);
    expect(afterRewrite.filter((vector) => vector !== undefined).length).toBeLessThan(300);
    afterRewrite.forEach((vector, index) => {
      if (vector !== undefined) expect(vector).toEqual(vectorFor(index));
    });
  });

  it("compacts atomically, dropping superseded lines and, on request, passages no longer wanted", async () => {
    const file = nextCacheFile();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    await cache.putMany("m", [
      { text: "a", vector: vectorOf(1, 0) },
      { text: "b", vector: vectorOf(0, 1) },
    ]);
    await cache.putMany("m", [{ text: "a", vector: vectorOf(0.6, 0.8) }]);
    await cache.putMany("other-model", [{ text: "a", vector: vectorOf(1, 0) }]);
    expect(cache.staleLineCount).toBe(1);

    expect(await cache.compact()).toBe(1);
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(3);
    expect(await cache.get("m", "a")).toEqual(vectorOf(0.6, 0.8));

    expect(await cache.compact({ modelId: "m", texts: ["a"] })).toBe(2);
    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    expect(reopened.size).toBe(1);
    expect(await reopened.get("m", "a")).toEqual(vectorOf(0.6, 0.8));
    expect(await reopened.get("m", "b")).toBeUndefined();
    expect(reopened.staleLineCount).toBe(0);
  });
});

describe("embedPassagesCached", () => {
  /** Records every call; the vector encodes the text length so results are checkable. */
  function countingEmbedder(dimension = 2): Embedder & { passageCalls: string[][] } {
    const passageCalls: string[][] = [];
    const vectorFor = (text: string) => {
      const vector = new Float32Array(dimension);
      vector[0] = text.length;
      return vector;
    };
    return {
      modelId: "fake/e5",
      dimension,
      passageCalls,
      embedQueries: async (texts) => texts.map(vectorFor),
      embedPassages: async (texts) => {
        passageCalls.push([...texts]);
        return texts.map(vectorFor);
      },
    };
  }

  it("embeds only misses, each distinct text once, and keeps the input order", async () => {
    const file = path.join(workDir, "cached-embedding", "embeddings.jsonl");
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);

    const first = await embedPassagesCached(embedder, cache, ["aa", "b", "aa", "cccc"]);
    expect(embedder.passageCalls).toEqual([["aa", "b", "cccc"]]);
    expect(first.map((vector) => vector[0])).toEqual([2, 1, 2, 4]);

    const reopened = await EmbeddingCache.open(file, capturingLogger().logger);
    const second = await embedPassagesCached(embedder, reopened, ["cccc", "new text", "b"]);
    expect(embedder.passageCalls).toEqual([["aa", "b", "cccc"], ["new text"]]);
    expect(second.map((vector) => vector[0])).toEqual([4, 8, 1]);

    await embedPassagesCached(embedder, reopened, ["aa", "b", "cccc", "new text"]);
    expect(embedder.passageCalls).toHaveLength(2);
    expect(await embedPassagesCached(embedder, reopened, [])).toEqual([]);
  });

  it("re-embeds cached vectors of the wrong dimension", async () => {
    const file = path.join(workDir, "cached-embedding-dimension", "embeddings.jsonl");
    const cache = await EmbeddingCache.open(file, capturingLogger().logger);
    await cache.putMany("fake/e5", [{ text: "stale", vector: Float32Array.from([1, 2, 3]) }]);
    const embedder = countingEmbedder(2);
    const [vector] = await embedPassagesCached(embedder, cache, ["stale"]);
    expect(embedder.passageCalls).toEqual([["stale"]]);
    expect(vector?.length).toBe(2);
    expect((await cache.get("fake/e5", "stale"))?.length).toBe(2);
  });
});
