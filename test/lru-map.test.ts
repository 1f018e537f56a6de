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
