import { describe, expect, it } from "vitest";
import { LruMap } from "../src/lru-map.js";

describe("LruMap", () => {
  it("forgets the least recently used entry first, counting reads as use", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.keys()).toEqual(["a", "c"]);
    expect(map.peek("b")).toBeUndefined();
  });

  it("peeks without refreshing, and rejects a capacity below one", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.peek("a")).toBe(1);
    map.set("c", 3);
    expect(map.keys()).toEqual(["b", "c"]);
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});

describe("LruMap with entries held back", () => {
  it("skips entries that may not be evicted, stays over capacity while it must, and trims once they are free", () => {
    const held = new Set(["a"]);
    const map = new LruMap<string, number>(1, (key) => !held.has(key));
    map.set("a", 1);
    map.set("b", 2);
    expect(map.keys()).toEqual(["a", "b"]);
    map.set("c", 3);
    expect(map.keys()).toEqual(["a", "c"]);
    held.clear();
    map.trim();
    expect(map.keys()).toEqual(["c"]);
  });
});
