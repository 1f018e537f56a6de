import { describe, expect, it } from "vitest";
import { regionCodesByName, regionNames } from "../../src/search/regions.js";

describe("ICU's region names", () => {
  it("name each country under its current code, not a deprecated one ICU names the same", () => {
    expect(regionCodesByName().get("deutschland")).toBe("DE");
    expect(regionCodesByName().get("russia")).toBe("RU");
    expect(regionNames().map((region) => region.code)).not.toContain("DD");
    expect(regionCodesByName().get("sudkorea")).toBe("KR");
  });
});
