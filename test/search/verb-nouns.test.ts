import { describe, expect, it } from "vitest";
import { foldToken, stem } from "../../src/search/analyzer.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";
import { verbNounStems } from "../../src/search/verb-nouns.js";

describe("verbNounStems", () => {
  it.each([
    ["geliefert", "Lieferung"],
    ["liefert", "Lieferung"],
    ["verhandelt", "Verhandlung"],
    ["sanktioniert", "Sanktion"],
    ["kontrolliert", "Kontrolle"],
    ["arbeitet", "Arbeit"],
  ])("reaches the noun of %s (%s)", (form, noun) => {
    expect(verbNounStems(stem(form.toLowerCase(), "de"))).toContain(stem(noun.toLowerCase(), "de"));
  });

  it.each([
    ["verändern", "Veränderung"],
    ["verhandeln", "Verhandlung"],
  ])("reaches the noun of the infinitive %s (%s), whose ending Snowball takes off whole", (infinitive, noun) => {
    const folded = foldToken(infinitive);
    expect(verbNounStems(stem(folded, "de"), folded)).toContain(stem(foldToken(noun), "de"));
  });

  it.each(["russland", "treffen", "2023", "hat"])("gives nothing for %s: no verb form in -t", (word) => {
    expect(verbNounStems(stem(word, "de"))).toEqual([]);
  });
});

describe("a verb asked about a passage that names its noun", () => {
  const index = LexicalIndex.build(
    [
      { id: "delivery", title: "", heading: null, text: "Die Lieferung der Granaten beginnt im Herbst.", language: "de" },
      { id: "talks", title: "", heading: null, text: "Die Verhandlungen ziehen sich hin.", language: "de" },
      { id: "weather", title: "", heading: null, text: "Im Herbst regnet es oft.", language: "de" },
    ],
    {},
    EMPTY_LEXICONS,
  );

  it("holds the verb as written", () => {
    const delivery = index.search("Wann wird geliefert?").hits[0];
    expect(delivery?.id).toBe("delivery");
    expect(delivery?.coverage).toBeCloseTo(1);
    expect(index.search("Worüber wird verhandelt?").hits[0]?.id).toBe("talks");
  });
});
