import { describe, expect, it } from "vitest";
import { escapeDiscordText, truncateText, unescapeDiscordText } from "../../../src/discord/presentation/index.js";
import { fuzzText, LONE_SURROGATE, seededRandom } from "./builders.js";

describe("truncateText", () => {
  const sentences =
    "Kim Jong Un will wohl noch im September nach Russland reisen. Dort soll er mit Kremlchef Putin eine Waffenkooperation beschließen. Nordkorea-Experte Eric Ballbach erklärt, was dahinter steckt.";

  it("returns short text unchanged", () => {
    expect(truncateText("kurz", 10)).toBe("kurz");
  });

  it("cuts at a sentence end when that keeps most of the text", () => {
    const cut = truncateText(sentences, 140);
    expect(cut).toBe("Kim Jong Un will wohl noch im September nach Russland reisen. Dort soll er mit Kremlchef Putin eine Waffenkooperation beschließen. …");
    expect(cut.length).toBeLessThanOrEqual(140);
  });

  it("falls back to a word end, without dangling punctuation", () => {
    const cut = truncateText(sentences, 40);
    expect(cut).toBe("Kim Jong Un will wohl noch im September…");
    expect(truncateText("Eins, zwei, drei, vier", 13)).toBe("Eins, zwei…");
  });

  it("never splits a surrogate pair or an emoji sequence", () => {
    const emoji = "😀".repeat(100);
    for (const max of [1, 2, 3, 50, 51, 52]) {
      const cut = truncateText(emoji, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
    }
    const family = "👨‍👩‍👧";
    const cut = truncateText(family.repeat(20), 30);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.slice(0, -1).split(family).join("")).toBe("");
  });

  it("never cuts inside a markdown escape", () => {
    for (const max of [10, 11, 12, 101]) {
      const cut = truncateText("*".repeat(300), max, { render: (raw) => escapeDiscordText(raw) });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.slice(0, -1)).toMatch(/^(\\\*)*$/);
    }
  });

  it("holds its limit on fuzzed hostile text, and the kept part is a clean prefix", () => {
    const random = seededRandom(42);
    for (let round = 0; round < 300; round++) {
      const raw = fuzzText(random, 1 + Math.floor(random() * 60));
      const max = 1 + Math.floor(random() * 120);
      const cut = truncateText(raw, max, { render: (text) => escapeDiscordText(text) });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      const kept = unescapeDiscordText(cut.replace(/ ?…$/, ""));
      expect(raw.startsWith(kept.replace(/\s+$/, "")) || raw.replace(/\s+/g, " ").startsWith(kept)).toBe(true);
    }
  });
});
