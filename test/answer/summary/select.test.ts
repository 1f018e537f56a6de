import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CENTROID_MMR_TUNING, summarizeArticle } from "../../../src/answer/summary/index.js";
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
});
