import { describe, expect, it } from "vitest";
import { ArticleScopes, articleOfPassage } from "../../src/search/article-scope.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";
import { PassageVectors } from "../../src/search/passage-vectors.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../../src/search/retriever.js";
import { seededRandom } from "../../src/seeded-random.js";

const SYLLABLES = ["ka", "lor", "men", "tis", "bru", "vel", "dan", "quo", "ser", "mib", "zut", "pol"];

/** Made-up words that no stemmer shortens differently: two or three syllables, and a consonant at the end. */
function vocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const parts = Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? "ka");
    words.add(`${parts.join("")}t`);
  }
  return [...words];
}

/** An article's paragraphs: words drawn from `words`, the first `favoured` of them far more often (they set other articles' statistics apart). */
function article(id: string, paragraphs: number, words: readonly string[], favoured: number, next: () => number): RetrievalPassage[] {
  return Array.from({ length: paragraphs }, (_, index) => {
    const length = 8 + Math.floor(next() * 20);
    const text = Array.from({ length }, () => {
      const pool = next() < 0.5 ? favoured : words.length;
      return words[Math.floor(next() * pool)] ?? "";
    }).join(" ");
    return { id: `${id}#${index + 1}`, title: `Titel ${id}`, heading: null, text: `${text}.`, language: "de" };
  });
}

describe("articleOfPassage", () => {
  it.each([
    ["nordkorea-russland-waffen#12", "nordkorea-russland-waffen"],
    ["a#b#3", "a#b"],
    ["germanquad-17", "germanquad-17"],
  ])("%s is of %s", (id, expected) => {
    expect(articleOfPassage(id)).toBe(expected);
  });
});

describe("ArticleScopes", () => {
  it("groups passages by article and builds each article's index once", () => {
    const passages: RetrievalPassage[] = [
      { id: "a#1", title: "A", heading: null, text: "erster Absatz" },
      { id: "b#1", title: "B", heading: null, text: "anderer Absatz" },
      { id: "a#2", title: "A", heading: null, text: "zweiter Absatz" },
    ];
    let built = 0;
    const scopes = new ArticleScopes(passages, (documents) => {
      built += 1;
      return LexicalIndex.build(documents, {}, EMPTY_LEXICONS);
    });
    expect(scopes.articleCount).toBe(2);
    expect(scopes.positionsOf("a")).toEqual([0, 2]);
    expect(scopes.indexOf("a").size).toBe(2);
    expect(scopes.indexOf("a")).toBe(scopes.indexOf("a"));
    expect(built).toBe(1);
    expect(scopes.positionsOf("c")).toEqual([]);
  });

  it("takes over the indexes of articles whose passages are the same objects, and builds the changed ones again", async () => {
    const first: RetrievalPassage[] = [
      { id: "a#1", title: "A", heading: null, text: "Kim reist nach Moskau" },
      { id: "a#2", title: "A", heading: null, text: "Putin empfängt ihn" },
      { id: "b#1", title: "B", heading: null, text: "Der Hafen ist gesperrt" },
      { id: "b#2", title: "B", heading: null, text: "Die Brücke wird saniert" },
    ];
    const before = new Retriever(first, null, { lexicons: EMPTY_LEXICONS });
    await before.search("Kim Moskau");
    await before.search("Hafen Brücke");
    const [a1, a2, b1] = first as [RetrievalPassage, RetrievalPassage, RetrievalPassage, RetrievalPassage];
    // Article b changed (its second paragraph is a new object), article a did not.
    const second = [a1, a2, b1, { id: "b#2", title: "B", heading: null, text: "Die Brücke bleibt offen" }];
    const after = new Retriever(second, null, { lexicons: EMPTY_LEXICONS, previous: before });
    const built = new Map(before.articleIndexes());
    expect([...built.keys()].sort()).toEqual(["a", "b"]);
    await after.search("Kim Moskau");
    await after.search("Brücke offen");
    const now = new Map(after.articleIndexes());
    expect(now.get("a")?.index).toBe(built.get("a")?.index);
    expect(now.get("b")?.index).not.toBe(built.get("b")?.index);
    expect(now.get("b")?.documents[1]?.text).toBe("Die Brücke bleibt offen");
  });
});

describe("article, then paragraph", () => {
  const next = seededRandom(20261204);
  const words = vocabulary(60, next);
  // Article "a" uses all words evenly; the others lean hard on a few of them, which moves their document frequencies.
  const own = article("a", 12, words, words.length, next);
  const others = [
    ...article("b", 30, words.slice(0, 30), 4, next),
    ...article("c", 6, words.slice(20), 3, next),
    ...article("d", 40, words.slice(10, 50), 6, next),
  ];
  const together = [...others.slice(0, 20), ...own, ...others.slice(20)];
  const questions = own.flatMap((passage) => {
    const terms = passage.text.replace(".", "").split(" ");
    return [0, 1, 2].map((offset) => [terms[offset], terms[offset + 3], terms[offset + 6]].join(" "));
  });

  it("ranks an article's paragraphs as if it stood alone whenever the question is about that article", async () => {
    const alone = new Retriever(own, null, { lexicons: EMPTY_LEXICONS });
    const beside = new Retriever(together, null, { lexicons: EMPTY_LEXICONS });
    let aboutOwn = 0;
    for (const question of questions) {
      const expected = await alone.search(question, 10);
      const result = await beside.search(question, 10);
      if (result.article !== "a") continue;
      aboutOwn += 1;
      const ownHits = result.hits.filter((hit) => articleOfPassage(hit.id) === "a");
      expect(ownHits.map((hit) => hit.id)).toEqual(expected.hits.map((hit) => hit.id));
      expect(result.hits.slice(0, ownHits.length)).toEqual(ownHits);
      expect(result.tokens).toEqual(expected.tokens);
      expect(result.topLexical).toEqual(expected.topLexical);
    }
    expect(aboutOwn).toBeGreaterThan(questions.length / 2);
  });

  it("is needed: ranked on the collection's statistics, the article's paragraphs come in another order", async () => {
    const alone = LexicalIndex.build(own, {}, EMPTY_LEXICONS);
    const everything = LexicalIndex.build(together, {}, EMPTY_LEXICONS);
    const reordered = questions.filter((question) => {
      const ownOrder = alone.search(question, 10).hits.map((hit) => hit.id);
      const sharedOrder = everything
        .search(question, 100)
        .hits.map((hit) => hit.id)
        .filter((id) => articleOfPassage(id) === "a")
        .slice(0, 10);
      return ownOrder.join() !== sharedOrder.join();
    });
    expect(reordered.length).toBeGreaterThan(0);
  });

  it("ranks within the article it is told to (a follow-up's), as that article alone would, when the index holds it", async () => {
    const beside = new Retriever(together, null, { lexicons: EMPTY_LEXICONS });
    const alone = new Retriever(own, null, { lexicons: EMPTY_LEXICONS });
    const bQuestion = others[0]?.text.split(" ").slice(0, 3).join(" ") ?? "";
    expect((await beside.search(bQuestion, 10)).article).toBe("b");
    const told = await beside.search(bQuestion, 10, undefined, "a");
    expect(told.article).toBe("a");
    const expected = (await alone.search(bQuestion, 10)).hits.map((hit) => hit.id);
    expect(told.hits.slice(0, expected.length).map((hit) => hit.id)).toEqual(expected);
    expect((await beside.search(bQuestion, 10, undefined, "gone")).article).toBe("b");
  });

  it("in a collection beyond articleRankingMaxPassages, keeps the collection's order within the article, still article first", async () => {
    const large = new Retriever(together, null, { lexicons: EMPTY_LEXICONS, articleRankingMaxPassages: together.length - 1 });
    const everything = LexicalIndex.build(together, {}, EMPTY_LEXICONS);
    for (const question of questions.slice(0, 6)) {
      const result = await large.search(question, 10);
      const collectionOrder = everything.search(question, 50).hits.map((hit) => hit.id);
      // Which article is the chooser's (see article-choice.test.ts); it is one the collection ranked.
      const article = result.article ?? "";
      expect(collectionOrder.map(articleOfPassage)).toContain(article);
      const own = collectionOrder.filter((id) => articleOfPassage(id) === article);
      expect(result.hits.slice(0, own.length).map((hit) => hit.id)).toEqual(own.slice(0, 10));
    }
  });

  it("judges cosines against the chosen article's passages, as when it stands alone", async () => {
    const dense = (passages: readonly RetrievalPassage[]): DenseChannel => ({
      modelId: "fake",
      vectors: new PassageVectors(2, [
        PassageVectors.block(
          passages.map((passage) => {
            const number = Number(passage.id.split("#")[1]);
            return Float32Array.from(passage.id.startsWith("a#") ? [Math.cos(number), Math.sin(number)] : [1, 0]);
          }),
          2,
        ),
      ]),
      embedQuery: async () => Float32Array.from([0.6, 0.8]),
    });
    const question = questions[0] ?? "";
    const alone = await new Retriever(own, dense(own), { lexicons: EMPTY_LEXICONS }).search(question, 5);
    const beside = await new Retriever(together, dense(together), { lexicons: EMPTY_LEXICONS }).search(question, 5);
    expect(beside.article).toBe("a");
    expect(beside.cosineSpread).toEqual(alone.cosineSpread);
    expect(beside.topCosine).toEqual(alone.topCosine);
    expect(beside.hits.slice(0, 5).map((hit) => hit.id)).toEqual(alone.hits.map((hit) => hit.id));
  });
});
