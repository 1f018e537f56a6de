import { describe, expect, it } from "vitest";
import { asciiJson } from "../../src/search/index-store.js";

describe("asciiJson", () => {
  it("writes only ASCII, and reads back as the value it was made from", () => {
    const value = { text: "Größe \u007f, Kremlchef „Putin“ – 😀, \u2028 and a lone \ud800", list: ["ß", "é", 1, null] };
    const json = asciiJson(value);
    expect(json).toMatch(/^[\x20-\x7e]*$/u);
    expect(JSON.parse(json)).toEqual(value);
  });
});
