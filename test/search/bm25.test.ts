import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { FieldedBm25, ScoreBoard } from "../../src/search/bm25.js";
import { ListPool } from "../../src/search/list-pool.js";

/** Deterministic pseudo-random documents over a small vocabulary, so that terms repeat and frequencies vary. */
function documents(count: number): { id: string; title: string; body: string }[] {
  let state = 7;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const word = (): string => `w${Math.floor(next() ** 2 * 60)}`;
  return Array.from({ length: count }, (_, index) => ({
    id: `d${index}`,
    title: Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(" "),
    body: Array.from({ length: 3 + Math.floor(next() * 30) }, word).join(" "),
  }));
}

const split = (text: string): string[] => (text.length === 0 ? [] : text.split(" "));
const parameters = { k: 1.5, b: 0.9, d: 0 };

function ourScores(index: FieldedBm25, ids: readonly string[], query: { term: string; boost: number }[]): Map<string, number> {
  const board = new ScoreBoard();
  board.reset(ids.length);
  index.score(query, [0.5, 1], parameters, board);
  const scores = new Map<string, number>();
  for (let position = 0; position < board.touchedCount; position += 1) {
    const slot = board.touched[position] ?? 0;
    scores.set(ids[slot] ?? "", board.final(slot));
  }
  return scores;
}

describe("FieldedBm25", () => {
  const docs = documents(300);
  const query = [
    { term: "w3", boost: 1 },
    { term: "w17", boost: 0.4 },
    { term: "w41", boost: 1 },
    { term: "w3", boost: 1 },
  ];

  it("scores as MiniSearch's BM25 does (field and term boosts, matched-terms factor, repeated query terms)", () => {
    const mini = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"], tokenize: split, processTerm: (term) => term });
    mini.addAll(docs);
    const boosts = new Map(query.map(({ term, boost }) => [term, boost]));
    const expected = new Map(
      mini
        .search(query.map(({ term }) => term).join(" "), { bm25: parameters, boost: { title: 0.5, body: 1 }, boostTerm: (term) => boosts.get(term) ?? 1 })
        .map((result) => [String(result.id), result.score]),
    );
    const index = new FieldedBm25(2);
    docs.forEach((doc, slot) => index.add(slot, [split(doc.title), split(doc.body)]));
    const ours = ourScores(
      index,
      docs.map((doc) => doc.id),
      query,
    );
    expect(ours.size).toBe(expected.size);
    expect(ours.size).toBeGreaterThan(20);
    for (const [id, score] of expected) expect(ours.get(id)).toBeCloseTo(score, 9);
  });

  it("after adding and removing documents, scores as an index built from the documents left", () => {
    const grown = new FieldedBm25(2);
    docs.forEach((doc, slot) => grown.add(slot, [split(doc.title), split(doc.body)]));
    const removed = new Set([0, 5, 77, 150, 299]);
    for (const slot of removed) grown.remove(slot, [split(docs[slot]?.title ?? ""), split(docs[slot]?.body ?? "")]);
    const fresh = new FieldedBm25(2);
    const kept = docs.filter((_, slot) => !removed.has(slot));
    kept.forEach((doc, slot) => fresh.add(slot, [split(doc.title), split(doc.body)]));
    const grownScores = ourScores(
      grown,
      docs.map((doc, slot) => (removed.has(slot) ? "" : doc.id)),
      query,
    );
    const freshScores = ourScores(
      fresh,
      kept.map((doc) => doc.id),
      query,
    );
    expect(grownScores.has("")).toBe(false);
    expect(grownScores.size).toBe(freshScores.size);
    for (const [id, score] of freshScores) expect(grownScores.get(id)).toBeCloseTo(score, 9);
  });

  it("survives its stored form", () => {
    const index = new FieldedBm25(2);
    docs.forEach((doc, slot) => index.add(slot, [split(doc.title), split(doc.body)]));
    const restored = new FieldedBm25(2, index.stored());
    const ids = docs.map((doc) => doc.id);
    expect(ourScores(restored, ids, query)).toEqual(ourScores(index, ids, query));
    // A restored index keeps growing.
    restored.add(docs.length, [["w3"], ["w3", "w41"]]);
    expect(ourScores(restored, [...ids, "new"], query).has("new")).toBe(true);
  });
});

describe("ListPool", () => {
  it("keeps many growing lists apart, filters them, and packs them back to back", () => {
    const pool = new ListPool();
    for (let value = 0; value < 5_000; value += 1) pool.push(value % 7, value);
    expect(pool.size).toBe(7);
    expect(pool.length(3)).toBe(Math.ceil((5_000 - 3) / 7));
    expect([...pool.view(3).subarray(0, 3)]).toEqual([3, 10, 17]);
    pool.filter(3, (value) => value % 2 === 0);
    expect([...pool.view(3).subarray(0, 3)]).toEqual([10, 24, 38]);
    pool.set(6, [1, 2]);
    const packed = pool.packed();
    expect(packed.data.length).toBe(pool.values);
    const reopened = new ListPool(packed);
    for (let list = 0; list < 7; list += 1) expect([...reopened.view(list)]).toEqual([...pool.view(list)]);
    reopened.push(6, 3);
    expect([...reopened.view(6)]).toEqual([1, 2, 3]);
    expect([...reopened.view(5)]).toEqual([...pool.view(5)]);
    expect(reopened.length(99)).toBe(0);
  });
});
