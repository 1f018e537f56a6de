import { describe, expect, it } from "vitest";
import { chooseDenseWeight, fuseScores } from "../../src/search/fusion.js";

describe("fuseScores", () => {
  const lexical = new Map([
    ["a", 10],
    ["b", 8],
  ]);
  const dense = new Map([
    ["a", 0.8],
    ["b", 0.9],
    ["c", 0.85],
  ]);

  it("is the lexical ranking when the dense channel is off", () => {
    expect(fuseScores({ lexical, dense: null }).map((entry) => entry.id)).toEqual(["a", "b"]);
  });

  it("follows each channel at the extremes of the weight", () => {
    expect(fuseScores({ lexical, dense }, { denseWeight: 0 })[0]?.id).toBe("a");
    expect(fuseScores({ lexical, dense }, { denseWeight: 1 }).map((entry) => entry.id)).toEqual(["b", "c", "a"]);
  });

  it("lets agreement of both channels win in the middle", () => {
    expect(fuseScores({ lexical, dense }, { denseWeight: 0.5 })[0]?.id).toBe("b");
  });

  it("keeps raw scores beside the fused one", () => {
    const entry = fuseScores({ lexical, dense }, { denseWeight: 0.5 }).find((candidate) => candidate.id === "a");
    expect(entry?.lexical).toBe(10);
    expect(entry?.cosine).toBeCloseTo(0.8);
  });
});

describe("chooseDenseWeight", () => {
  it("never picks a fusion worse than the better single channel", () => {
    const scoreByWeight = (weight: number): number => (weight === 1 ? 0.9 : weight === 0 ? 0.7 : 0.6);
    const choice = chooseDenseWeight(scoreByWeight, [0.5]);
    expect(choice.denseWeight).toBe(1);
    expect(choice.score).toBe(0.9);
  });

  it("prefers a mixed weight when it beats both channels", () => {
    const choice = chooseDenseWeight((weight) => 1 - Math.abs(weight - 0.3));
    expect(choice.denseWeight).toBeCloseTo(0.3);
  });
});
