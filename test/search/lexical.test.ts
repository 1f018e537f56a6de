import { describe, expect, it } from "vitest";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";
import { loadLexicons } from "../../src/search/lexicons.js";

const documents: LexicalDocument[] = [
  { id: "a", title: "Krieg", heading: null, text: "Die Kremltruppen klagen seit Monaten über Munitionsmangel an der Front." },
  { id: "b", title: "Krieg", heading: "Technik", text: "Nordkoreas Atomprogramm hat seinen Ursprung in der Sowjetunion." },
  { id: "c", title: "Krieg", heading: "Reise", text: "Kim Jong Un reist mit einem Panzerzug nach Wladiwostok." },
  { id: "d", title: "Küche", heading: null, text: "Brot wird aus Mehl, Wasser, Salz und Hefe gebacken." },
];

describe("LexicalIndex", () => {
  const index = LexicalIndex.build(documents);

  it("ranks the paragraph that contains the question's words first", () => {
    expect(index.search("Wie reist Kim nach Wladiwostok?").hits[0]?.id).toBe("c");
    expect(index.search("Woraus wird Brot gebacken?").hits[0]?.id).toBe("d");
  });

  it("matches compound parts in both directions", () => {
    expect(index.search("Munition").hits[0]?.id).toBe("a");
    expect(index.search("Atom").hits[0]?.id).toBe("b");
    expect(index.search("Mangel an Munition").hits[0]?.id).toBe("a");
  });

  it("reports raw coverage of the question by each hit", () => {
    const result = index.search("Panzerzug Wladiwostok Fußball");
    const top = result.hits[0];
    expect(top?.id).toBe("c");
    expect(result.tokens.find((token) => token.surface === "Fußball")?.known).toBe(false);
    expect(top?.coverage ?? 1).toBeLessThan(1);
    expect(top?.coverage ?? 0).toBeGreaterThan(0.4);
  });

  it("returns nothing for a question made only of stop words", () => {
    const result = index.search("Was ist das denn?");
    expect(result.tokens).toHaveLength(0);
    expect(result.hits).toHaveLength(0);
  });

  it("does not depend on umlaut spelling", () => {
    expect(index.search("Kueche Brot").hits[0]?.id).toBe("d");
  });
});

describe("coverage in the ranking", () => {
  // One passage repeats one word of the question; the other holds both, in a longer text.
  const documents = [
    {
      id: "stiftung#1",
      title: "Stiftung",
      heading: null,
      text: "Frau Ballbach leitet seit vielen Jahren in Leipzig die große Stiftung Kinderhilfe, eine Organisation mit über zweihundert Mitarbeiterinnen und Mitarbeitern in ganz Sachsen und Thüringen, die Familien in Not berät und begleitet.",
    },
    { id: "verein#1", title: "Verein", heading: null, text: "Organisation ist alles: Organisation, Organisation!" },
    { id: "wetter#1", title: "Wetter", heading: null, text: "Morgen regnet es im Norden, im Süden bleibt es trocken." },
    { id: "markt#1", title: "Markt", heading: null, text: "Der Wochenmarkt öffnet am Samstag um acht Uhr." },
  ];

  it("puts the passage holding more of the question first, where BM25 alone prefers one word repeated", () => {
    const bm25Only = LexicalIndex.build(documents, { coverageWeight: 0 }).search("Organisation von Ballbach", 4);
    expect(bm25Only.hits.map((hit) => hit.id)).toEqual(["verein#1", "stiftung#1"]);
    const withCoverage = LexicalIndex.build(documents).search("Organisation von Ballbach", 4);
    expect(withCoverage.hits.map((hit) => hit.id)).toEqual(["stiftung#1", "verein#1"]);
    // The raw match strength stays as BM25 measured it: the margin for abstention is taken from it.
    const [first, second] = withCoverage.hits;
    expect(first?.coverage).toBe(1);
    expect(second?.bm25).toBeGreaterThan(first?.bm25 ?? Infinity);
    expect(second?.score).toBeLessThan(first?.score ?? 0);
  });

  it("leaves a follow-up's order to BM25 (its context weights were set on that order)", () => {
    const index = LexicalIndex.build(documents);
    const followUp = index.search("Organisation von Ballbach", 4, { text: "Wie viele Mitarbeiter gibt es?", weight: 0.5, maxWords: 6 });
    expect(followUp.hits.every((hit) => hit.score === hit.bm25)).toBe(true);
  });
});

describe("LexicalIndex letter-gram pruning", () => {
  it("leaves grams that most paragraphs share out of the question, so a compound scores only the paragraphs it can match", () => {
    const documents = Array.from({ length: 120 }, (_, index) => ({
      id: `p${index}`,
      title: "Stadt",
      heading: null,
      text: `Das Haus Nummer ${index} steht am Fluss.`,
    }));
    documents.push({ id: "boot", title: "Stadt", heading: null, text: "Ein Hausboot liegt seit Jahren im Hafen." });
    const pruned = LexicalIndex.build(documents).search("Hausboot", 200).hits;
    expect(pruned[0]?.id).toBe("boot");
    expect(pruned).toHaveLength(1);
    const unpruned = LexicalIndex.build(documents, { ngramMaxShare: 1 }).search("Hausboot", 200).hits;
    expect(unpruned[0]?.id).toBe("boot");
    expect(unpruned.length).toBeGreaterThan(100);
  });
});

describe("LexicalIndex, changed paragraph by paragraph", () => {
  const extra: LexicalDocument[] = [
    { id: "e", title: "Bahn", heading: null, text: "Der Panzerzug fährt langsam durch die Nacht nach Wladiwostok." },
    { id: "f", title: "Bahn", heading: "Fahrplan", text: "Züge nach Moskau fahren zweimal am Tag, im Winter seltener." },
  ];
  const questions = ["Wie reist Kim nach Wladiwostok?", "Munitionsmangel", "Wann fahren Züge nach Moskau?", "Brot backen", "Atomprogramm Sowjetunion"];
  const ranking = (index: LexicalIndex, question: string): [string, number][] => index.search(question, 10).hits.map((hit) => [hit.id, hit.score]);

  it("ranks exactly as an index built at once from the paragraphs it holds", () => {
    const grown = LexicalIndex.build(documents.slice(0, 2));
    grown.add([...documents.slice(2), ...extra]);
    grown.remove([documents[1] as LexicalDocument, extra[0] as LexicalDocument]);
    const fresh = LexicalIndex.build([documents[0], ...documents.slice(2), extra[1]] as LexicalDocument[]);
    expect(grown.size).toBe(fresh.size);
    for (const question of questions) {
      const expected = ranking(fresh, question);
      const actual = ranking(grown, question);
      expect(actual.map(([id]) => id)).toEqual(expected.map(([id]) => id));
      actual.forEach(([, score], position) => expect(score).toBeCloseTo(expected[position]?.[1] ?? NaN, 9));
    }
    // A removed paragraph's words are gone from the vocabulary: "Atomprogramm" is unknown now.
    expect(grown.search("Atomprogramm").tokens[0]?.known).toBe(false);
  });

  it("opens from its stored form and ranks the same, and keeps changing", () => {
    const built = LexicalIndex.build([...documents, ...extra]);
    const restored = LexicalIndex.restore(built.stored());
    for (const question of questions) expect(ranking(restored, question)).toEqual(ranking(built, question));
    restored.remove([extra[1] as LexicalDocument]);
    expect(restored.search("Wann fahren Züge nach Moskau?").hits.map((hit) => hit.id)).not.toContain("f");
    expect(() => restored.add([documents[0] as LexicalDocument])).toThrow(/already indexed/);
  });
});

describe("LexicalIndex letter grams of a question in another language", () => {
  const documents: LexicalDocument[] = [
    { id: "visite", title: "Reise", heading: null, text: "Die Visite des Ministers in Warschau dauerte zwei Tage." },
    { id: "besuch", title: "Reise", heading: null, text: "Der Minister besuchte im Mai die Hauptstadt Polens." },
    { id: "wetter", title: "Reise", heading: null, text: "In Warschau regnete es während der ganzen Woche." },
  ];
  const index = LexicalIndex.build(documents, {}, loadLexicons());

  it("leaves out the grams of an everyday word the articles have as written: its letters meet them by chance", () => {
    const english = index.search("when did the minister visit warsaw", 3);
    expect(english.questionLanguage).toBe("en");
    expect(english.tokens.find((token) => token.surface === "visit")?.known).toBe(true);
    const gramsOfVisite = (question: string): number => index.search(question, 3).hits.find((hit) => hit.id === "visite")?.ngramScore ?? -1;
    // "visit" meets "Visite" as a word; by its letters it would add to the letter-gram channel too.
    expect(gramsOfVisite("when did the minister visit warsaw")).toBeCloseTo(gramsOfVisite("when did the minister reach warsaw"), 9);
  });

  it("keeps the grams of a German question's words", () => {
    const german = index.search("wann war die Visite", 3);
    expect(german.hits[0]?.id).toBe("visite");
    expect(german.hits[0]?.ngramScore ?? 0).toBeGreaterThan(0);
  });
});

describe("LexicalIndex of English paragraphs", () => {
  const index = LexicalIndex.build([
    { id: "mill", title: "Fire", heading: null, text: "The fire destroyed the old mill; nobody died.", language: "en" },
    { id: "brigade", title: "Fire", heading: null, text: "The fire brigade arrived within ten minutes.", language: "en" },
    { id: "war", title: "Fire", heading: null, text: "The mill had survived the war and two floods.", language: "en" },
  ]);

  it("finds words that only the German stop list holds ('die', 'war')", () => {
    expect(index.search("did anyone there die", 3).hits.map((hit) => hit.id)).toEqual(["mill"]);
    expect(index.search("the war", 3).hits[0]?.id).toBe("war");
  });
});

describe("LexicalIndex reading a German question's English words", () => {
  it("takes the English word list's frequency class for a word the German one lacks ('ich check das nicht')", () => {
    const index = LexicalIndex.build(documents, {}, loadLexicons());
    const tokens = index.analyzeQuery("warum check ich das mit der Munition nicht");
    const check = tokens.find((token) => token.surface === "check");
    // An everyday word, not a rare one the articles lack: it does not make the question look like one about something else.
    expect(check?.known).toBe(false);
    expect(check?.commonness).toBeGreaterThanOrEqual(11);
  });
});
