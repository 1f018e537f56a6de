import { describe, expect, it } from "vitest";
import { maxOf, minOf } from "../src/extremes.js";

describe("maxOf and minOf", () => {
  it("agree with Math.max and Math.min, also on empty lists", () => {
    expect(maxOf([3, -1, 7])).toBe(7);
    expect(minOf([3, -1, 7])).toBe(-1);
    expect(maxOf([])).toBe(Math.max());
    expect(minOf([])).toBe(Math.min());
  });

  it("take lists far longer than a call's arguments", () => {
    const many = Array.from({ length: 500_000 }, (_, index) => index % 1000);
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(maxOf(many)).toBe(999);
    expect(minOf(many)).toBe(0);
  });
});
