import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { collectCandidates, scopeOf } from "../../../src/answer/summary/candidates.js";
import { factOverlap, sentenceFacts } from "../../../src/answer/summary/facts.js";
import { CENTROID_MMR_TUNING, DEFAULT_SELECTION_TUNING, PREVIOUS_SELECTION_TUNING, summarizeArticle } from "../../../src/answer/summary/index.js";
import { selectSentences } from "../../../src/answer/summary/select.js";
import { parseArticle } from "../../../src/content/parse.js";
import { analyze } from "../../../src/search/analyzer.js";

/** A small news article in four parts: standfirst and opening, then three sections that each carry their own point. */
const FERRY = `# Elektrische Fähre für Kelm

Die Hafenstadt Kelm bekommt ab Mai eine elektrische Fähre über die Förde. Die Stadtwerke investieren dafür neun Millionen Euro.

Ab Mai fährt in Kelm eine elektrische Fähre über die Förde, wie die Stadtwerke am Montag mitteilten. Die bisherige Dieselfähre wird nach vierzig Jahren ausgemustert und verkauft.

Bürgermeisterin Anke Sörensen sprach von einem wichtigen Schritt für den Klimaschutz der Stadt. Die Verbindung zwischen Altstadt und Nordufer nutzen täglich rund 3000 Menschen.

## Technik

Die neue Fähre fährt mit zwei Batterien, die am Anleger in zwanzig Minuten geladen werden. Sie bietet Platz für 200 Fahrgäste und vierzig Fahrräder.

Gebaut wird das Schiff von einer Werft in Flensburg, die bereits drei ähnliche Fähren geliefert hat. Der Rumpf besteht aus Aluminium und ist dadurch deutlich leichter als der alte Stahlrumpf.

## Kritik

Der Fahrgastverband bemängelt, dass die Fähre nachts zwischen Mitternacht und fünf Uhr nicht verkehrt. Schichtarbeiter aus dem Hafen müssten dann weiterhin einen Umweg von zwölf Kilometern fahren.

Auch der Preis für Einzelfahrten steigt nach Angaben des Verbandes von zwei auf drei Euro. Die Stadtwerke begründen die Erhöhung mit den Kosten für die Ladestation.

## Zeitplan

Der Bau der Ladestation am Nordufer beginnt im Februar und soll acht Wochen dauern. Probefahrten ohne Passagiere sind für April geplant.

Sollte sich die Auslieferung verzögern, bleibt die alte Dieselfähre bis zum Herbst im Einsatz. Ein Fest zur Einweihung ist für den ersten Samstag im Mai angesetzt.
`;

const ferry = parseArticle(FERRY, { id: "faehre", format: "md", contentHash: createHash("sha256").update(FERRY).digest("hex") });

function stems(text: string): Set<string> {
  return new Set(analyze(text, "de").map((token) => token.term));
}

/** Share of the smaller sentence's stems that the other one also has: an independent check for "says the same thing". */
function containment(a: string, b: string): number {
  const [small, large] = [stems(a), stems(b)].sort((x, y) => x.size - y.size);
  if (!small || !large || small.size === 0) return 0;
  return [...small].filter((stem) => large.has(stem)).length / small.size;
}

describe("summary selection", () => {
  it("reads the article as intended: an opening and three sections", () => {
    expect(ferry.sections.map((section) => section.heading)).toEqual([null, "Technik", "Kritik", "Zeitplan"]);
  });

  it("a medium summary draws on every section, not only the lead", () => {
    const summary = summarizeArticle(ferry, { length: "medium" });
    const sections = new Set(summary.sentences.map((sentence) => sentence.heading));
    expect([...sections].sort()).toEqual([null, "Kritik", "Technik", "Zeitplan"].sort());
    // The previous selection, by centrality and the article-wide lead prior alone, stayed near the top.
    const before = summarizeArticle(ferry, { length: "medium", tuning: CENTROID_MMR_TUNING });
    expect(new Set(before.sentences.map((sentence) => sentence.heading)).size).toBeLessThan(sections.size);
  });

  it("never quotes a sentence that repeats one already quoted", () => {
    for (const length of ["short", "medium", "long"] as const) {
      const texts = summarizeArticle(ferry, { length }).sentences.map((sentence) => sentence.text);
      for (const [i, a] of texts.entries()) for (const b of texts.slice(i + 1)) expect(containment(a, b), `${a} | ${b}`).toBeLessThan(0.6);
    }
    // The repeat exists and would otherwise be a strong candidate: it sits at the top and shares the topic words.
    const repeat = "Ab Mai fährt in Kelm eine elektrische Fähre über die Förde, wie die Stadtwerke am Montag mitteilten.";
    expect(ferry.paragraphs[1]?.sentences[0]?.text).toBe(repeat);
    expect(containment(repeat, "Die Hafenstadt Kelm bekommt ab Mai eine elektrische Fähre über die Förde.")).toBeGreaterThanOrEqual(0.6);
  });

  it("short, medium and long agree: a longer summary keeps most of a shorter one's sentences", () => {
    const keys = (length: "short" | "medium" | "long"): Set<string> =>
      new Set(summarizeArticle(ferry, { length }).sentences.map((sentence) => `${sentence.paragraph}:${sentence.sentenceIndex}`));
    const [short, medium, long] = [keys("short"), keys("medium"), keys("long")];
    const kept = (from: Set<string>, into: Set<string>): number => [...from].filter((key) => into.has(key)).length / from.size;
    expect(kept(short, medium)).toBeGreaterThanOrEqual(2 / 3);
    expect(kept(medium, long)).toBeGreaterThanOrEqual(0.6);
  });

  it("short, medium and long are nested: a longer summary adds to the shorter one", () => {
    const keys = (length: "short" | "medium" | "long"): string[] =>
      summarizeArticle(ferry, { length }).sentences.map((sentence) => `${sentence.paragraph}:${sentence.sentenceIndex}`);
    expect(keys("medium")).toEqual(expect.arrayContaining(keys("short")));
    expect(keys("long")).toEqual(expect.arrayContaining(keys("medium")));
  });
});

/** Four statements about a bridge: two quoted already, a third that restates them together, a fourth with a new point. */
const BRIDGE = `# Lindenbrücke gesperrt

Die Lindenbrücke in Ostwald ist seit Montag für Lastwagen über 7,5 Tonnen gesperrt.

Ein Gutachten hatte Risse in zwei Stahlträgern der Lindenbrücke gefunden.

Wegen der Risse in zwei Stahlträgern ist die Brücke in Ostwald seit Montag für Lastwagen gesperrt.

Für Autos, Busse und Radfahrer bleibt die Brücke vorerst offen.
`;

describe("fact-level redundancy", () => {
  const bridge = parseArticle(BRIDGE, { id: "bruecke", format: "md", contentHash: createHash("sha256").update(BRIDGE).digest("hex") });
  const candidates = collectCandidates(bridge, scopeOf(bridge, undefined));
  // No article-wide subject here: every word counts as a fact.
  const facts = sentenceFacts(bridge, candidates, 1);
  const [closure, cause, restatement, newPoint] = [0, 1, 2, 3];
  const select = (tuning: typeof DEFAULT_SELECTION_TUNING): Set<number> =>
    selectSentences(
      {
        candidates,
        // The restatement is the most central sentence, as a summary of the two before it would be.
        centrality: [0.8, 0.8, 1, 0.4],
        redundancy: factOverlap(facts),
        redundancyKind: "overlap",
        facts,
        budget: 3,
        chosenBefore: new Set([closure, cause]),
      },
      { ...tuning, sectionCoverage: 0, openingWeight: 0, leadWeight: 0 },
    );

  it("reads the four statements as candidates", () => {
    expect(candidates.map((candidate) => candidate.paragraph.number)).toEqual([1, 2, 3, 4]);
  });

  it("a sentence whose facts are already quoted loses to one that adds a new point", () => {
    // Pair by pair the restatement is no near-duplicate of either quoted sentence; together they already say all of it.
    const overlap = factOverlap(facts);
    expect(overlap(restatement, closure)).toBeLessThan(DEFAULT_SELECTION_TUNING.nearDuplicate);
    expect(overlap(restatement, cause)).toBeLessThan(DEFAULT_SELECTION_TUNING.nearDuplicate);
    expect([...select(DEFAULT_SELECTION_TUNING)].sort()).toEqual([closure, cause, newPoint]);
    // Judged pair by pair, as the previous selection did, the restatement wins for being central.
    expect([...select({ ...PREVIOUS_SELECTION_TUNING, lexicalRedundancy: "facts" })].sort()).toEqual([closure, cause, restatement]);
  });
});
