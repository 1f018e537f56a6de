import { describe, expect, it } from "vitest";
import { countryWords } from "../../src/search/country-words.js";
import { EMPTY_LEXICONS, loadLexicons } from "../../src/search/lexicons.js";

describe("countryWords", () => {
  const countryOf = countryWords(loadLexicons());

  it.each([
    [["sudkorea"], "KR"],
    [["south", "korea"], "KR"],
    [["sudkoreanische"], "KR"],
    [["south", "korean"], "KR"],
    [["chinesischen"], "CN"],
    [["american"], "US"],
    [["russische"], "RU"],
  ])("reads %j as %s", (words, code) => {
    expect(countryOf(words)).toBe(code);
  });

  it.each([[["neue"]], [["former"]], [["defence"]], [[]]])("reads %j as no country", (words) => {
    expect(countryOf(words)).toBeNull();
  });

  it("knows names without lexicons, adjectives only with them", () => {
    const namesOnly = countryWords(EMPTY_LEXICONS);
    expect(namesOnly(["sudkorea"])).toBe("KR");
    expect(namesOnly(["sudkoreanische"])).toBeNull();
  });
});
