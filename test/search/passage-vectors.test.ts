import { describe, expect, it } from "vitest";
import { PassageVectors, topPositions } from "../../src/search/passage-vectors.js";

const rows = [
  [1, 0, 0],
  [0, 1, 0],
  [0.6, 0.8, 0],
  [0, 0, 1],
  [0.6, 0, 0.8],
].map((row) => Float32Array.from(row));

describe("passage vectors in blocks", () => {
  it("numbers positions through the blocks and scores each as its own vector", () => {
    const vectors = new PassageVectors(3, [PassageVectors.block(rows.slice(0, 2), 3), new Float32Array(0), PassageVectors.block(rows.slice(2), 3)]);
    expect(vectors.count).toBe(5);
    const query = Float32Array.from([0.6, 0.8, 0]);
    const expected = rows.map((row) => row.reduce((sum, value, index) => sum + value * (query[index] ?? 0), 0));
    expect([...vectors.scores(query)].map((score) => Number(score.toFixed(5)))).toEqual(expected.map((score) => Number(score.toFixed(5))));
    expect(vectors.scores(query)).toHaveLength(5);
  });

  it("refuses blocks that do not hold whole vectors, and vectors of another dimension", () => {
    expect(() => new PassageVectors(3, [new Float32Array(4)])).toThrow(/whole vectors/u);
    expect(() => PassageVectors.block([Float32Array.from([1, 0])], 3)).toThrow(/expected 3/u);
  });
});

describe("the best positions", () => {
  it("are those a full sort would put first, ties in position order", () => {
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const scores = Float64Array.from({ length: 500 }, () => Math.round(random() * 40) / 40);
    const sorted = [...scores.keys()].sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0) || left - right);
    for (const limit of [0, 1, 7, 50, 500, 600]) expect(topPositions(scores, limit)).toEqual(sorted.slice(0, limit));
  });
});
