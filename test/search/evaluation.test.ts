import { describe, expect, it } from "vitest";
import { percentile, rankingMetrics, rankOf } from "../../src/search/evaluation.js";

describe("rankingMetrics", () => {
  it("computes MRR@10 and success rates", () => {
    const metrics = rankingMetrics([1, 2, null, 11]);
    expect(metrics.mrr10).toBeCloseTo((1 + 0.5) / 4);
    expect(metrics.success1).toBe(0.25);
    expect(metrics.success5).toBe(0.5);
    expect(metrics.success10).toBe(0.5);
  });
});

describe("percentile and rankOf", () => {
  it("uses nearest rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(rankOf(["x", "y"], "y")).toBe(2);
    expect(rankOf(["x"], "z")).toBeNull();
  });
});
