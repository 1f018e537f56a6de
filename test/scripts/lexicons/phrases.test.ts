import { describe, expect, it } from "vitest";
import { phraseTerms, wordTerm } from "../../../scripts/lexicons/phrases.js";

describe("phraseTerms", () => {
  it("reads a headword into its terms, without the leading function words", () => {
    expect(phraseTerms("sich treffen", "de")).toBe("treff");
    expect(phraseTerms("nuclear submarine", "en")).toBe("nuclear submarin");
  });

  it("keeps no phrase holding a digit: numbers and chemical names cut at their commas are nothing a question says in words", () => {
    expect(phraseTerms("1,4-Dichlorbenzol", "de")).toBeNull();
    expect(phraseTerms("20er", "de")).toBeNull();
    expect(phraseTerms("2nd", "en")).toBeNull();
    expect(wordTerm("1st", "en")).toBeNull();
  });
});
