import { describe, expect, it } from "vitest";
import { stem } from "../../src/search/analyzer.js";
import { genderCounterparts } from "../../src/search/gender-forms.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";

describe("genderCounterparts", () => {
  it.each([
    ["sprecher", "sprecherin"],
    ["sprecherin", "sprecher"],
    ["sprecherinnen", "sprecher"],
    ["experte", "expertin"],
    ["expertin", "experte"],
    ["prasidenten", "prasidentin"],
    ["chefin", "chef"],
    ["biologin", "biologe"],
  ])("pairs %s with %s", (word, other) => {
    expect(genderCounterparts(word)).toContain(stem(other, "de"));
  });

  it.each(["benzin", "termin", "berlin", "magazin", "medizin", "vitamin", "2023", "zug"])("leaves %s alone: no noun for a person", (word) => {
    expect(genderCounterparts(word)).toEqual([]);
  });
});

describe("a question in the other gender than the article", () => {
  const index = LexicalIndex.build(
    [
      { id: "spokeswoman", title: "", heading: null, text: "Die Sprecherin der Stadtwerke kündigte neue Preise an.", language: "de" },
      { id: "mayor", title: "", heading: null, text: "Der Bürgermeister will die Preise der Stadtwerke prüfen.", language: "de" },
      { id: "minister", title: "", heading: null, text: "Der Minister besuchte die Stadtwerke im Mai.", language: "de" },
      { id: "ministerin", title: "", heading: null, text: "Die Ministerin blieb in Berlin.", language: "de" },
    ],
    {},
    EMPTY_LEXICONS,
  );

  it("holds the word as written", () => {
    const hit = index.search("Wer ist der Sprecher der Stadtwerke?").hits[0];
    expect(hit?.id).toBe("spokeswoman");
    expect(hit?.coverage).toBeCloseTo(1);
    expect(index.search("Was sagt die Bürgermeisterin?").hits[0]?.id).toBe("mayor");
  });

  it("keeps to the form asked for when the articles have it", () => {
    const token = index.analyzeQuery("Welcher Minister kam?").find((candidate) => candidate.surface === "Minister");
    expect(token?.terms).not.toContain(stem("ministerin", "de"));
  });
});
