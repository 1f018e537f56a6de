import { describe, expect, it } from "vitest";
import { regionInitialisms, spelledOutInitialisms } from "../../src/search/initialisms.js";

const noWords = (): boolean => false;

describe("regionInitialisms", () => {
  it("knows the initials of countries named by two or more words", () => {
    const initialisms = regionInitialisms();
    expect(initialisms.get("nk")?.code).toBe("KP");
    expect(initialisms.get("sk")?.code).toBe("KR");
    expect(initialisms.get("nz")?.code).toBe("NZ");
    // Two codes of one name are one country.
    expect(initialisms.get("uk")?.en).toBe("United Kingdom");
  });

  it("drops initials two countries share, and what is no country", () => {
    const initialisms = regionInitialisms();
    // Saudi Arabia and South Africa; Sri Lanka and Sierra Leone.
    expect(initialisms.has("sa")).toBe(false);
    expect(initialisms.has("sl")).toBe(false);
    // The United Nations and the European Union are no countries ("un" also ends "Kim Jong Un").
    expect(initialisms.has("un")).toBe(false);
    expect(initialisms.has("eu")).toBe(false);
  });
});

describe("spelledOutInitialisms", () => {
  it("spells a country's initials out in the language asked for", () => {
    expect(spelledOutInitialisms("sanktionen gegen nk seit wann", "de", noWords)).toBe("sanktionen gegen Nordkorea seit wann");
    expect(spelledOutInitialisms("is SK worried about NK?", "en", noWords)).toBe("is South Korea worried about North Korea?");
  });

  it("reads the initials as a word of their own, also as a compound's part", () => {
    expect(spelledOutInitialisms("die nk-Delegation", "de", noWords)).toBe("die Nordkorea-Delegation");
    expect(spelledOutInitialisms("nkorea", "en", noWords)).toBe("nkorea");
  });

  it("leaves words in their own right alone", () => {
    const words = new Set(["us", "dr"]);
    expect(spelledOutInitialisms("what does the us want", "en", (folded) => words.has(folded))).toBe("what does the us want");
  });
});
