import { describe, expect, it } from "vitest";
import { ArticleChooser } from "../../src/search/article-choice.js";
import { articleOfPassage } from "../../src/search/article-scope.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";
import { Retriever, type RetrievalPassage } from "../../src/search/retriever.js";

/** How many passages each article has, as ArticleScopes counts them. */
const passageCounts = (passages: readonly RetrievalPassage[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const entry of passages) counts.set(articleOfPassage(entry.id), (counts.get(articleOfPassage(entry.id)) ?? 0) + 1);
  return counts;
};

const passage = (id: string, text: string): RetrievalPassage => ({ id, title: id.split("#")[0] ?? id, heading: null, text, language: "de" });

/**
 * A report on a zoo, which speaks of its zebra and, elsewhere, of fodder for
 * the winter, and a report on a harbour whose short first paragraph speaks
 * of fodder and winter too: asked about fodder for the zebra in winter, the
 * single best paragraph is the harbour's, while only the zoo holds
 * everything the question asks about.
 */
const ZOO = [
  passage("zoo#1", "Das Zebra Fritz lebt seit Jahren im Tierpark am Stadtrand."),
  passage("zoo#2", "Im Sommer bleiben die Tiere lange draußen."),
  passage("zoo#3", "Das Futter für den Winter kommt aus der Scheune neben dem Eingang."),
  passage("zoo#4", "Ein junges Zebra kam im Frühjahr zur Welt."),
  passage("zoo#5", "Besucher dürfen die Tiere nicht füttern."),
];
const HARBOUR = [
  passage("hafen#1", "Im Winter lädt das Schiff Futter."),
  passage("hafen#2", "Der Hafen liegt an der Mündung des Flusses."),
  passage("hafen#3", "Kräne laden die Container auf Lastwagen."),
  passage("hafen#4", "Die Lotsen arbeiten in drei Schichten."),
];
const QUESTION = "Welches Futter gibt es im Winter für das Zebra?";

describe("ArticleChooser", () => {
  it("takes the article that holds all the question's words over another's paragraph that holds more of some", () => {
    const passages = [...HARBOUR, ...ZOO];
    const index = LexicalIndex.build(passages, {}, EMPTY_LEXICONS);
    const chooser = new ArticleChooser(passageCounts(passages), index);
    const result = index.search(QUESTION, 10);
    const ranked = result.hits.map((hit, position) => ({ id: hit.id, fused: hit.score / (result.hits[0]?.score ?? 1) - position * 1e-9 }));
    // The premise: the best single paragraph is the harbour's.
    expect(ranked[0]?.id).toBe("hafen#1");
    const shares = chooser.wordShares(result.tokens);
    expect(shares.get("zoo")).toBeGreaterThan(shares.get("hafen") ?? 0);
    expect(chooser.choose(result.tokens, ranked)).toBe("zoo");
  });

  it("keeps the ranking's article when the question's words tell the articles apart no better than its best passage", () => {
    const passages = [...HARBOUR, ...ZOO];
    const index = LexicalIndex.build(passages, {}, EMPTY_LEXICONS);
    const chooser = new ArticleChooser(passageCounts(passages), index);
    const result = index.search("Wo liegt der Hafen?", 10);
    const ranked = result.hits.map((hit) => ({ id: hit.id, fused: hit.score / (result.hits[0]?.score ?? 1) }));
    expect(chooser.choose(result.tokens, ranked)).toBe("hafen");
  });

  it("leaves passages that are articles of their own to the ranking, and chooses nothing when nothing was ranked", () => {
    const passages = [passage("a", "Das Zebra frisst Heu."), passage("b", "Das Zebra Zebra Zebra schläft."), passage("c", "Der Hafen liegt am Fluss.")];
    const index = LexicalIndex.build(passages, {}, EMPTY_LEXICONS);
    const chooser = new ArticleChooser(passageCounts(passages), index);
    const tokens = index.analyzeQuery("Was frisst das Zebra?");
    expect(
      chooser.choose(tokens, [
        { id: "a", fused: 1 },
        { id: "b", fused: 0.4 },
      ]),
    ).toBe("a");
    expect(chooser.choose(tokens, [])).toBeNull();
  });

  it("is what the retriever ranks by: the zoo's paragraphs come first, ranked as if the zoo stood alone", async () => {
    const beside = new Retriever([...HARBOUR, ...ZOO], null, { lexicons: EMPTY_LEXICONS });
    const alone = new Retriever(ZOO, null, { lexicons: EMPTY_LEXICONS });
    const question = QUESTION;
    const besideResult = await beside.search(question, 5);
    const aloneResult = await alone.search(question, 5);
    expect(besideResult.article).toBe("zoo");
    const zooHits = besideResult.hits.filter((hit) => hit.id.startsWith("zoo#"));
    expect(zooHits.map((hit) => hit.id)).toEqual(aloneResult.hits.map((hit) => hit.id));
    expect(besideResult.hits.slice(0, zooHits.length)).toEqual(zooHits);
  });
});
