import { describe, expect, it } from "vitest";
import { joinedLetterParts } from "../../src/search/hyphenated-compounds.js";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";

describe("joinedLetterParts", () => {
  it("joins a one-letter part of a hyphenated word to the part after it", () => {
    expect(joinedLetterParts("Waffentechnologie etwa für Atom-U-Boote bitten")).toEqual(["UBoote"]);
    expect(joinedLetterParts("Ein U-Boot und ein E-Auto")).toEqual(["UBoot", "EAuto"]);
  });

  it("leaves alone hyphens between longer parts, truncated lists and initials", () => {
    expect(joinedLetterParts("Der Nordkorea-Experte und die US-Regierung")).toEqual([]);
    expect(joinedLetterParts("Satelliten- und Atomtechnologie")).toEqual([]);
    expect(joinedLetterParts("Kim Jong-un und J. R. R. Tolkien")).toEqual([]);
  });
});

describe("the lexical index", () => {
  const documents: LexicalDocument[] = [
    { id: "subs", title: "Technik", heading: null, text: "Kim bittet um Waffentechnologie etwa für Atom-U-Boote." },
    { id: "boats", title: "Technik", heading: null, text: "Im Hafen liegen Boote und Fähren." },
  ];

  it("finds the joined spelling of a word with a one-letter part as written, and mere boats only by shared letters", () => {
    const result = LexicalIndex.build(documents).search("Uboote", 2);
    expect(result.tokens[0]?.known).toBe(true);
    expect(result.hits.map((hit) => [hit.id, hit.tokenCertain[0]])).toEqual([
      ["subs", true],
      ["boats", false],
    ]);
  });
});
