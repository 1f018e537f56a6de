import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/content/parse/text.js";

describe("helpers", () => {
  it("normalises encoding artefacts only", () => {
    expect(normalizeText("\uFEFFa\r\nb\rc\u00ADd\u200Be\u00A0f")).toBe("a\nb\ncde f");
    expect(normalizeText("Mu\u0308nchen")).toBe("München");
  });
});
