import { describe, expect, it } from "vitest";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";
import { PassageVectors } from "../../src/search/passage-vectors.js";
import { cosineStandout, Retriever, type DenseChannel, type RetrievalPassage } from "../../src/search/retriever.js";

/**
 * The retriever on its own, with a fake dense channel: vectors over three
 * "topics" (weapons, food, travel), so each case says which passage the model
 * would find closest without loading one.
 */

const PASSAGES: RetrievalPassage[] = [
  { id: "a#1", title: "Artikel", heading: null, text: "Russland braucht Artilleriemunition und Panzerabwehrraketen für den Krieg." },
  { id: "a#2", title: "Artikel", heading: null, text: "Nordkorea fehlen Lebensmittel, Millionen Menschen gelten als mangelernährt." },
  { id: "a#3", title: "Artikel", heading: null, text: "Kim reist mit einem gepanzerten Zug nach Wladiwostok." },
  { id: "a#4", title: "Artikel", heading: null, text: "Die Sanktionen des Sicherheitsrats gelten seit 2006." },
];
const VECTORS: Record<string, [number, number, number]> = { "a#1": [1, 0, 0], "a#2": [0, 1, 0], "a#3": [0, 0, 1], "a#4": [0.5, 0.5, 0.5] };

function denseChannel(queryVector: (question: string) => [number, number, number], seen: string[] = []): DenseChannel {
  return {
    modelId: "fake",
    // Two blocks, as two articles would give: positions run through both.
    vectors: new PassageVectors(3, [
      PassageVectors.block(
        PASSAGES.slice(0, 1).map((passage) => Float32Array.from(VECTORS[passage.id] ?? [0, 0, 0])),
        3,
      ),
      PassageVectors.block(
        PASSAGES.slice(1).map((passage) => Float32Array.from(VECTORS[passage.id] ?? [0, 0, 0])),
        3,
      ),
    ]),
    embedQuery: async (question) => {
      seen.push(question);
      return Float32Array.from(queryVector(question));
    },
  };
}

const options = { lexicons: EMPTY_LEXICONS };

describe("Retriever", () => {
  it.each([
    { question: "Welche Munition braucht Russland?", first: "a#1" },
    { question: "Lebensmittel für Nordkorea", first: "a#2" },
    { question: "Zug nach Wladiwostok", first: "a#3" },
  ])("lexical mode ranks by words: $question → $first", async ({ question, first }) => {
    const result = await new Retriever(PASSAGES, null, options).search(question, 3);
    expect(result.mode).toBe("lexical");
    expect(result.hits[0]?.id).toBe(first);
    expect(result.cosineSpread).toBeNull();
    expect(result.hits.every((hit) => hit.cosine === null)).toBe(true);
  });

  it("hybrid mode finds a paraphrase the words miss, and says how far it stands out", async () => {
    // "Hunger" is in no passage; the fake model puts it next to the food passage.
    const retriever = new Retriever(
      PASSAGES,
      denseChannel(() => [0, 1, 0]),
      options,
    );
    const result = await retriever.search("Essen knapp?", 3);
    expect(result.mode).toBe("hybrid");
    expect(result.hits[0]?.id).toBe("a#2");
    expect(result.topCosine).toBeCloseTo(1);
    const spread = result.cosineSpread;
    if (!spread) throw new Error("no cosine spread in hybrid mode");
    expect(spread.mean).toBeCloseTo((0 + 1 + 0 + 0.5) / 4);
    expect(cosineStandout(result.hits[0]?.cosine ?? 0, spread)).toBeGreaterThan(1);
  });

  it("judges cosines relative to the question's own: a model with smaller cosines ranks and stands out the same", async () => {
    const full = await new Retriever(
      PASSAGES,
      denseChannel(() => [0.2, 1, 0.1]),
      options,
    ).search("Hungersnot im Land?", 4);
    const damped = await new Retriever(
      PASSAGES,
      denseChannel(() => [0.06, 0.3, 0.03]),
      options,
    ).search("Hungersnot im Land?", 4);
    expect(damped.hits.map((hit) => hit.id)).toEqual(full.hits.map((hit) => hit.id));
    const standout = (result: typeof full): number[] =>
      result.hits.map((hit) => cosineStandout(hit.cosine ?? 0, result.cosineSpread ?? { mean: 0, deviation: 0 }));
    standout(damped).forEach((value, i) => expect(value).toBeCloseTo(standout(full)[i] ?? Number.NaN, 6));
  });

  it("reads a follow-up with its conversation: the model sees the earlier words first", async () => {
    const seen: string[] = [];
    const retriever = new Retriever(
      PASSAGES,
      denseChannel(() => [0, 0, 1], seen),
      options,
    );
    await retriever.search("Und wann?", 3, { text: "Kim Zug Wladiwostok", weight: 0.7, maxWords: 6 });
    expect(seen).toEqual(["Kim Zug Wladiwostok Und wann?"]);
  });

  it("gives lexical candidates their true cosine, and refuses a dense channel with the wrong number of vectors", async () => {
    const result = await new Retriever(
      PASSAGES,
      denseChannel(() => [0, 0, 1]),
      { ...options, candidates: 1 },
    ).search("Munition für Russland", 4);
    expect(result.hits.find((hit) => hit.id === "a#1")?.cosine).toBeCloseTo(0);
    const broken: DenseChannel = { ...denseChannel(() => [1, 0, 0]), vectors: PassageVectors.fromRows([Float32Array.from([1, 0, 0])]) };
    expect(() => new Retriever(PASSAGES, broken, options)).toThrow(/1 vectors for 4 passages/);
  });
});
