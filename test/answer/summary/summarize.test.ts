import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticleFile } from "../../../src/content/load.js";
import { isTeaserSentence, parseArticle } from "../../../src/content/parse.js";
import type { Article, Paragraph } from "../../../src/content/types.js";
import {
  needsPredecessor,
  parseSummaryCommand,
  parseSummaryRequest,
  sectionsMatching,
  resolveSection,
  SENTENCES_PER_LENGTH,
  sectionLabels,
  summarizeArticle,
  summarizeArticleWithEmbeddings,
  Summarizer,
  summaryCandidateSentences,
  summaryRequestSchema,
  UnknownArticleError,
  UnknownSectionError,
  type Summary,
  type SummaryLength,
} from "../../../src/answer/summary/index.js";
import { SummaryCache } from "../../../src/answer/summary/index.js";
import { formatSummaryText, summaryToJson } from "../../../src/cli/summary-format.js";
import { localizedSectionChoices } from "../../../src/discord/commands/summary.js";

// ------------------------------------------------------------ helpers

interface ArticleSpec {
  id?: string;
  title: string;
  publisher?: string | null;
  date?: string | null;
  /** Paragraphs given as their sentences, so offsets are exact. */
  sections: { heading: string | null; paragraphs: string[][] }[];
  sources?: string[];
}

/** Builds an Article directly (independent of the parser) from sentences. */
function buildArticle(spec: ArticleSpec): Article {
  const id = spec.id ?? "synthetic";
  const paragraphs: Paragraph[] = [];
  const sections = spec.sections.map((section, sectionIndex) => {
    const numbers: number[] = [];
    for (const sentenceTexts of section.paragraphs) {
      const number = paragraphs.length + 1;
      let offset = 0;
      const sentences = sentenceTexts.map((text, index) => {
        const start = offset;
        offset += text.length + 1;
        return { index, text, start, end: start + text.length };
      });
      paragraphs.push({ articleId: id, number, sectionIndex, heading: section.heading, text: sentenceTexts.join(" "), sentences });
      numbers.push(number);
    }
    return { heading: section.heading, paragraphNumbers: numbers };
  });
  return {
    id,
    title: spec.title,
    kicker: null,
    publisher: spec.publisher ?? null,
    url: null,
    date: spec.date ?? null,
    sections,
    paragraphs,
    sources: (spec.sources ?? []).map((text) => ({ text, url: null, date: null })),
    format: "txt",
    contentHash: createHash("sha256").update(JSON.stringify(spec)).digest("hex"),
  };
}

/** Position of a summary sentence in the article: [paragraph, sentence index]; throws when it is not there verbatim. */
function locate(article: Article, text: string, paragraphNumber: number): { paragraph: Paragraph; index: number } {
  const paragraph = article.paragraphs.find((candidate) => candidate.number === paragraphNumber);
  if (!paragraph) throw new Error(`no paragraph ${paragraphNumber}`);
  if (!paragraph.text.includes(text)) throw new Error(`not verbatim in ¶${paragraphNumber}: ${text}`);
  const index = paragraph.sentences.findIndex((sentence) => sentence.text === text);
  if (index < 0) throw new Error(`not a sentence of ¶${paragraphNumber}: ${text}`);
  return { paragraph, index };
}

/** The sentence right before (paragraph, index) in reading order, if any. */
function previousSentence(article: Article, paragraph: Paragraph, index: number): { paragraph: number; text: string } | null {
  const sameParagraph = paragraph.sentences[index - 1];
  if (sameParagraph) return { paragraph: paragraph.number, text: sameParagraph.text };
  const before = article.paragraphs.find((candidate) => candidate.number === paragraph.number - 1);
  const last = before?.sentences[before.sentences.length - 1];
  return before && last ? { paragraph: before.number, text: last.text } : null;
}

/**
 * Every invariant a summary must keep: verbatim sentences of their cited
 * paragraph, article order without repeats, and no sentence that leans on a
 * predecessor unless that predecessor is quoted right before it.
 */
function checkSummaryInvariants(article: Article, summary: Summary): void {
  let lastPosition = -1;
  summary.sentences.forEach((sentence, position) => {
    const { paragraph, index } = locate(article, sentence.text, sentence.paragraph);
    const globalPosition = article.paragraphs.indexOf(paragraph) * 1000 + index;
    if (globalPosition <= lastPosition) throw new Error(`out of article order: ${sentence.text}`);
    lastPosition = globalPosition;
    if (sentence.sentenceIndex !== index) throw new Error(`wrong sentence index for: ${sentence.text}`);
    if (sentence.heading !== paragraph.heading) throw new Error(`wrong heading for: ${sentence.text}`);
    if (needsPredecessor(sentence.text)) {
      const before = previousSentence(article, paragraph, index);
      const quotedBefore = summary.sentences[position - 1];
      if (!before || !quotedBefore || quotedBefore.text !== before.text || quotedBefore.paragraph !== before.paragraph) {
        throw new Error(`dangling sentence without its predecessor: ${sentence.text}`);
      }
    }
  });
  const first = summary.sentences[0];
  if (first && needsPredecessor(first.text)) throw new Error(`summary starts with a dangling sentence: ${first.text}`);
}

// ------------------------------------------------------------ synthetic article

const BUDGET_HEADING = "Schulen und Brücken im Mittelpunkt";
const NEXT_STEPS_HEADING = "Wie es weitergeht";
const TEASER = "Mehr über die Sitzung des Stadtrats lesen Sie hier.";

const budgetSpec: ArticleSpec = {
  id: "haushalt-neustadt",
  title: "Stadtrat beschließt Haushalt mit Rekordinvestitionen",
  publisher: "Neustädter Rundschau",
  date: "2024-03-12",
  sections: [
    {
      heading: null,
      paragraphs: [
        [
          "Der Stadtrat von Neustadt hat am Dienstag den Haushalt für das kommende Jahr mit großer Mehrheit beschlossen.",
          "Er sieht Investitionen von 120 Millionen Euro in Schulen, Brücken und den Nahverkehr vor.",
          TEASER,
        ],
        [
          "Die Opposition im Stadtrat kritisierte die hohe Neuverschuldung der Stadt scharf.",
          "Sie warnte vor steigenden Zinsen und forderte Einsparungen bei teuren Prestigeprojekten.",
          "Foto: Archiv.",
        ],
        [
          "Oberbürgermeisterin Anna Berg verteidigte den Haushalt in der Sitzung des Stadtrats.",
          '"Wer heute nicht in Schulen investiert, zahlt morgen doppelt", sagte Berg.',
          "Damals, vor zehn Jahren, habe die Stadt die Sanierung der Schulen versäumt.",
        ],
        ["Wie teuer wird der Haushalt für die Bürger?"],
      ],
    },
    {
      heading: BUDGET_HEADING,
      paragraphs: [
        [BUDGET_HEADING],
        [
          "Der größte Teil der Investitionen im Haushalt fließt in die Sanierung von zwölf Schulen.",
          "Dafür sind allein 70 Millionen Euro im Haushalt eingeplant.",
          "Zudem sollen drei marode Brücken über den Fluss erneuert werden.",
        ],
        [
          "Die Sanierung der Schulen soll im Frühjahr beginnen und etwa drei Jahre dauern.",
          "Für den Nahverkehr plant die Stadt neue Buslinien in die wachsenden Vororte.",
          "Die Verkehrsbetriebe erhalten dafür zusätzlich zwölf Millionen Euro aus dem Haushalt.",
        ],
        [
          "Auch die Feuerwehr bekommt zwei neue Löschfahrzeuge und eine modernisierte Wache.",
          "Die Kosten dafür liegen nach Angaben der Stadtverwaltung bei rund acht Millionen Euro.",
        ],
      ],
    },
    {
      heading: NEXT_STEPS_HEADING,
      paragraphs: [
        [
          "Der Haushalt muss nun noch von der Kommunalaufsicht des Landes genehmigt werden.",
          "Das gilt unter Fachleuten in der Verwaltung als reine Formsache.",
          "Im Anschluss können die ersten Aufträge für die Schulen vergeben werden.",
        ],
      ],
    },
  ],
  sources: ["Sitzungsprotokoll des Stadtrats Neustadt vom 12. März 2024"],
};

const budgetArticle = buildArticle(budgetSpec);

describe("needsPredecessor", () => {
  it.each([
    "Er sieht Investitionen von 120 Millionen Euro vor.",
    "Sie warnte vor steigenden Zinsen.",
    "Dies zeigt, wie knapp das Geld ist.",
    "Diese Hilfe würde sich Nordkorea entlohnen lassen.",
    "Damals schaute sich der Minister die Anlage an.",
    "Zudem erhoffe sich Kim Lebensmittelhilfen.",
    "Aber auch der Bürgermeister will nicht mit leeren Händen zurückkehren.",
    "Denn das Land sei eine regionale Bedrohung.",
    "Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.",
    "Dabei soll es insbesondere um Munition gehen.",
    "Im Anschluss sollen beide Briefe ausgetauscht haben.",
    "Im Gegenzug soll eine Delegation Gespräche fortgesetzt haben.",
    "Aus diesem Grund lehnte der Rat den Antrag ab.",
    "Kurz darauf trat der Minister zurück.",
    "Das gilt als Formsache.",
    "Gleichzeitig seien beide Länder stark isoliert.",
    "Nicht zuletzt habe das Land einen hohen strategischen Wert.",
    "„Man darf nicht vergessen, dass das Programm seinen Ursprung in der Sowjetunion nahm.“",
    "However, the council rejected the plan.",
    "He said the plan would cost more.",
    "This means the budget is balanced.",
    "In addition, three bridges will be repaired.",
    "und danach ging es weiter.",
    "Am Dienstag sagte er, der Haushalt sei solide.",
    "In 2019 traf er sich in Hanoi abermals mit Trump.",
  ])("flags %s", (sentence) => {
    expect(needsPredecessor(sentence)).toBe(true);
  });

  it.each([
    "Das Enfant terrible der Weltpolitik geht auf Reisen.",
    "Die nordkoreanische Landwirtschaft sollte ihre Produktion steigern.",
    "Das wohl bevorstehende Treffen käme nicht überraschend, sagt der Experte.",
    "Der Stadtrat hat den Haushalt beschlossen.",
    "Es gibt keine neuen Resolutionen gegen das Land.",
    "Bereits im vergangenen Jahr haben die USA dem Land Lieferungen vorgeworfen.",
    '"Nordkorea würde sich diese Hilfe entlohnen lassen", sagt Ballbach.',
    "There are three bridges in the city.",
    "The mayor defended the budget on Tuesday.",
    "Kim Jong Un will wohl noch im September nach Russland reisen.",
    "Putin sagte, er wolle im Herbst reisen.",
    "Seit 2017 gab es keine neuen Resolutionen gegen das Land.",
    "Die Beschränkungen umfassen den Verkauf von Rüstungsgütern.",
  ])("accepts %s", (sentence) => {
    expect(needsPredecessor(sentence)).toBe(false);
  });
});

describe("summary invariant checker", () => {
  // The checker must be able to fail, or every test built on it proves nothing.
  const valid = summarizeArticle(budgetArticle, { length: "medium" });
  it("accepts a real summary", () => {
    expect(() => checkSummaryInvariants(budgetArticle, valid)).not.toThrow();
  });
  it("rejects an altered sentence", () => {
    const [first, ...rest] = valid.sentences;
    if (!first) throw new Error("empty summary");
    const altered = { ...valid, sentences: [{ ...first, text: first.text.replace(/\.$/, "!") }, ...rest] };
    expect(() => checkSummaryInvariants(budgetArticle, altered)).toThrow(/not verbatim|not a sentence/);
  });
  it("rejects sentences out of order", () => {
    // Sentences that stand on their own, so that only their order is wrong.
    const standalone = valid.sentences.filter((sentence) => !needsPredecessor(sentence.text));
    expect(standalone.length).toBeGreaterThan(1);
    expect(() => checkSummaryInvariants(budgetArticle, { ...valid, sentences: [...standalone].reverse() })).toThrow(/order/);
  });
  it("rejects a dangling sentence without its predecessor", () => {
    const dangling = { text: "Dafür sind allein 70 Millionen Euro im Haushalt eingeplant.", paragraph: 6, sentenceIndex: 1, heading: BUDGET_HEADING };
    expect(() => checkSummaryInvariants(budgetArticle, { ...valid, sentences: [dangling] })).toThrow(/dangling/);
  });
});

describe("summarizeArticle on a synthetic article", () => {
  const lengths: SummaryLength[] = ["short", "medium", "long"];

  it.each(lengths)("%s: verbatim sentences, article order, no orphaned dangling sentence, exact length", (length) => {
    const summary = summarizeArticle(budgetArticle, { length });
    checkSummaryInvariants(budgetArticle, summary);
    expect(summary.sentences).toHaveLength(SENTENCES_PER_LENGTH[length]);
    expect(summary.scoring).toBe("lexical");
  });

  it("has the lengths 3, 5 and 8", () => {
    expect(SENTENCES_PER_LENGTH).toEqual({ short: 3, medium: 5, long: 8 });
  });

  it("never quotes teasers, headings, questions, fragments or source lines", () => {
    const all = lengths.flatMap((length) => summarizeArticle(budgetArticle, { length }).sentences.map((sentence) => sentence.text));
    // The long summary must have had the chance to pick them: it draws from most of the article.
    expect(all).not.toContain(TEASER);
    expect(all).not.toContain(BUDGET_HEADING);
    expect(all).not.toContain("Foto: Archiv.");
    expect(all).not.toContain("Wie teuer wird der Haushalt für die Bürger?");
    expect(all.some((text) => text.includes("Sitzungsprotokoll"))).toBe(false);
    const candidates = summaryCandidateSentences(budgetArticle).map((candidate) => candidate.text);
    expect(candidates).not.toContain(TEASER);
    expect(candidates).not.toContain(BUDGET_HEADING);
    expect(candidates).not.toContain("Foto: Archiv.");
  });

  it("leaves out a dangling sentence whose predecessor cannot be quoted", () => {
    // "Im Anschluss …" follows a quotable sentence here, but in this variant its predecessor is a teaser.
    const variant = buildArticle({
      ...budgetSpec,
      sections: [
        ...budgetSpec.sections.slice(0, 2),
        {
          heading: NEXT_STEPS_HEADING,
          paragraphs: [
            [
              "Der Haushalt muss nun noch von der Kommunalaufsicht des Landes genehmigt werden.",
              TEASER,
              "Im Anschluss können die ersten Aufträge für die Schulen vergeben werden.",
            ],
          ],
        },
      ],
    });
    const candidates = summaryCandidateSentences(variant).map((candidate) => candidate.text);
    expect(candidates).not.toContain("Im Anschluss können die ersten Aufträge für die Schulen vergeben werden.");
    const section = summarizeArticle(variant, { length: "long", section: NEXT_STEPS_HEADING });
    checkSummaryInvariants(variant, section);
    expect(section.sentences.map((sentence) => sentence.text)).toEqual(["Der Haushalt muss nun noch von der Kommunalaufsicht des Landes genehmigt werden."]);
  });

  it("quotes a bare quotation only together with the sentence naming its speaker", () => {
    const quotation = "„Wir haben keine andere Wahl, wenn die Abfuhr zuverlässig bleiben soll.“";
    const withSpeaker = "Der Kämmerer begründete die Erhöhung am Montag mit gestiegenen Kosten für Personal.";
    const withoutSpeaker = "Die Kosten für Personal und Fahrzeuge sind zuletzt stark gestiegen.";
    const articleWith = (second: string): Article =>
      buildArticle({
        title: "Müllgebühren steigen",
        sections: [{ heading: null, paragraphs: [["Die Stadt erhöht die Gebühren für die Müllabfuhr im kommenden Jahr um zehn Prozent.", second, quotation]] }],
      });
    const attributed = articleWith(withSpeaker);
    expect(summaryCandidateSentences(attributed).map((candidate) => candidate.text)).toContain(quotation);
    const unattributed = articleWith(withoutSpeaker);
    expect(summaryCandidateSentences(unattributed).map((candidate) => candidate.text)).not.toContain(quotation);
    const summary = summarizeArticle(attributed, { length: "long" });
    checkSummaryInvariants(attributed, summary);
  });

  it("quotes a dangling sentence together with its predecessor, counted in the length", () => {
    const summary = summarizeArticle(budgetArticle, { length: "long", section: NEXT_STEPS_HEADING });
    checkSummaryInvariants(budgetArticle, summary);
    // The section has three quotable sentences, two of them dangling: all three, in order.
    expect(summary.sentences.map((sentence) => sentence.sentenceIndex)).toEqual([0, 1, 2]);
    const short = summarizeArticle(budgetArticle, { length: "short", section: BUDGET_HEADING });
    checkSummaryInvariants(budgetArticle, short);
    expect(short.sentences).toHaveLength(3);
  });

  it("filters by section heading, partial heading, number and index", () => {
    const byHeading = summarizeArticle(budgetArticle, { length: "medium", section: BUDGET_HEADING });
    const sectionParagraphs = budgetArticle.sections[1]?.paragraphNumbers ?? [];
    expect(byHeading.section).toBe(BUDGET_HEADING);
    expect(byHeading.sectionNumber).toBe(2);
    expect(byHeading.sentences.length).toBe(5);
    for (const sentence of byHeading.sentences) expect(sectionParagraphs).toContain(sentence.paragraph);
    checkSummaryInvariants(budgetArticle, byHeading);
    expect(summarizeArticle(budgetArticle, { length: "medium", section: "schulen und bruecken" }).sentences).toEqual(byHeading.sentences);
    expect(summarizeArticle(budgetArticle, { length: "medium", section: "2" }).sentences).toEqual(byHeading.sentences);
    expect(summarizeArticle(budgetArticle, { length: "medium", section: 1 }).sentences).toEqual(byHeading.sentences);
  });

  it("returns fewer sentences when the section is shorter", () => {
    const summary = summarizeArticle(budgetArticle, { length: "long", section: "3" });
    expect(summary.sentences).toHaveLength(3);
    const opening = summarizeArticle(budgetArticle, { length: "long", section: "1" });
    checkSummaryInvariants(budgetArticle, opening);
    // ¶1–¶4 hold 7 quotable sentences (teaser, fragment and question are not): fewer than 8.
    expect(opening.sentences).toHaveLength(7);
    expect(opening.section).toBeNull();
    expect(opening.sectionNumber).toBe(1);
  });

  it("rejects unknown or ambiguous sections with the list of sections", () => {
    expect(() => resolveSection(budgetArticle, "Sport")).toThrow(UnknownSectionError);
    expect(() => resolveSection(budgetArticle, "9")).toThrow(/Wie es weitergeht/);
    expect(() => resolveSection(budgetArticle, 7)).toThrow(UnknownSectionError);
    expect(() => resolveSection(budgetArticle, "i")).toThrow(/ambiguous/);
    expect(sectionLabels(budgetArticle)).toEqual(["1: (opening, no heading)", `2: ${BUDGET_HEADING}`, `3: ${NEXT_STEPS_HEADING}`]);
  });

  it("does not quote two near-identical sentences", () => {
    const duplicate = "Der neue Radweg entlang des Flusses zum Bahnhof soll zwei Millionen Euro kosten.";
    const nearDuplicate = "Der neue Radweg entlang des Flusses zum Bahnhof soll rund zwei Millionen Euro kosten.";
    const article = buildArticle({
      title: "Neuer Radweg zum Bahnhof",
      sections: [
        {
          heading: null,
          paragraphs: [
            ["Die Stadt plant einen neuen Radweg entlang des Flusses zum Bahnhof.", duplicate],
            [nearDuplicate, "Der Bau des Radwegs soll im Herbst beginnen."],
            ["Anwohner fürchten den Verlust von Parkplätzen am Fluss.", "Der Radweg zum Bahnhof soll auch nachts beleuchtet werden."],
            ["Die Kosten trägt zur Hälfte das Land."],
          ],
        },
      ],
    });
    const summary = summarizeArticle(article, { length: "short" });
    checkSummaryInvariants(article, summary);
    const texts = summary.sentences.map((sentence) => sentence.text);
    expect(texts.includes(duplicate) && texts.includes(nearDuplicate)).toBe(false);
  });

  it("prefers central sentences over an off-topic one near the top", () => {
    const aside = "Am Morgen regnete es in der Innenstadt bei kühlen zwölf Grad.";
    const article = buildArticle({
      title: "Stadtwerke erhöhen Preise für Strom und Gas",
      sections: [
        {
          heading: null,
          paragraphs: [
            ["Die Stadtwerke erhöhen zum Januar die Preise für Strom und Gas deutlich."],
            [aside],
            [
              "Der Strompreis steigt für einen durchschnittlichen Haushalt um rund 15 Prozent.",
              "Beim Gas erhöhen die Stadtwerke den Preis um etwa 20 Prozent.",
            ],
            ["Als Grund für die höheren Preise nennen die Stadtwerke gestiegene Einkaufskosten für Strom und Gas."],
            ["Verbraucherschützer raten Kunden, die Preise der Stadtwerke mit anderen Anbietern zu vergleichen."],
          ],
        },
      ],
    });
    const summary = summarizeArticle(article, { length: "short" });
    checkSummaryInvariants(article, summary);
    expect(summary.sentences.map((sentence) => sentence.text)).not.toContain(aside);
  });

  it("returns an empty summary when nothing is quotable", () => {
    const article = buildArticle({ title: "Kurz", sections: [{ heading: null, paragraphs: [["Foto: dpa."], ["Was nun?"]] }] });
    const summary = summarizeArticle(article, { length: "medium" });
    expect(summary.sentences).toEqual([]);
    expect(formatSummaryText(summary)).toContain("nothing");
  });
});

describe("embedding scoring", () => {
  it("uses sentence vectors when every candidate has one, and stays faithful", async () => {
    const seen: string[][] = [];
    // Nearly parallel vectors, as sentence encoders produce: redundancy must be judged relative to that.
    const summary = await summarizeArticleWithEmbeddings(budgetArticle, { length: "medium" }, async (texts) => {
      seen.push(texts);
      return texts.map((text, i) => [1, 0.05 * Math.sin(i + text.length), 0.05 * Math.cos(i)]);
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(summaryCandidateSentences(budgetArticle).map((candidate) => candidate.text));
    expect(summary.scoring).toBe("embeddings");
    // Near-parallel synthetic vectors make some pairs near-duplicates, so the summary may stop short of five.
    expect(summary.sentences.length).toBeGreaterThanOrEqual(3);
    expect(summary.sentences.length).toBeLessThanOrEqual(5);
    checkSummaryInvariants(budgetArticle, summary);
  });

  it("follows the vectors: the sentence nearest the centroid comes in", () => {
    const candidates = summaryCandidateSentences(budgetArticle);
    // At medium length: a short summary's three places go to the standfirst and the sections' shares first.
    const lexical = summarizeArticle(budgetArticle, { length: "medium" });
    const lexicalTexts = new Set(lexical.sentences.map((sentence) => sentence.text));
    // Put a sentence the lexical summary leaves out at the centre of the embedding space, every other one on a ring around it.
    const central = candidates.find((candidate) => !lexicalTexts.has(candidate.text) && !needsPredecessor(candidate.text));
    if (!central) throw new Error("no sentence left out of the lexical summary");
    const vectors = new Map(
      candidates.map((candidate, i) => [candidate.key, candidate.key === central.key ? [1, 0, 0] : [1, Math.cos(i) * 2, Math.sin(i) * 2]]),
    );
    const embedded = summarizeArticle(budgetArticle, { length: "medium", sentenceVectors: vectors });
    expect(embedded.scoring).toBe("embeddings");
    expect(embedded.sentences.map((sentence) => sentence.text)).toContain(central.text);
  });

  it("falls back to lexical scoring when a vector is missing", () => {
    const [first] = summaryCandidateSentences(budgetArticle);
    const vectors = new Map(first ? [[first.key, [1, 0]]] : []);
    expect(summarizeArticle(budgetArticle, { sentenceVectors: vectors }).scoring).toBe("lexical");
  });
});

describe("SummaryCache and Summarizer", () => {
  it("returns the same object without recomputing, per length", () => {
    const cache = new SummaryCache();
    let computations = 0;
    const compute = (length: SummaryLength) => () => {
      computations += 1;
      return summarizeArticle(budgetArticle, { length });
    };
    const key = { length: "medium" as const, sectionIndex: null, scoring: "lexical" };
    const first = cache.get(budgetArticle, key, compute("medium"));
    const second = cache.get(budgetArticle, key, compute("medium"));
    expect(second).toBe(first);
    expect(computations).toBe(1);
    cache.get(budgetArticle, { ...key, length: "short" }, compute("short"));
    cache.get(budgetArticle, { ...key, sectionIndex: 1 }, compute("medium"));
    cache.get(budgetArticle, { ...key, scoring: "embeddings:model" }, compute("medium"));
    expect(computations).toBe(4);
    expect(cache.stats).toEqual({ hits: 1, misses: 4, entries: 4 });
  });

  it("invalidates when the article text changes", () => {
    const cache = new SummaryCache();
    let computations = 0;
    const key = { length: "medium" as const, sectionIndex: null, scoring: "lexical" };
    const summarize = (article: Article) =>
      cache.get(article, key, () => {
        computations += 1;
        return summarizeArticle(article, { length: "medium" });
      });
    const before = summarize(budgetArticle);
    cache.get(budgetArticle, { ...key, length: "short" }, () => summarizeArticle(budgetArticle, { length: "short" }));
    const edited = buildArticle({
      ...budgetSpec,
      sections: [
        {
          heading: null,
          paragraphs: [
            ["Der Stadtrat von Neustadt hat am Mittwoch einen Sparhaushalt für das kommende Jahr knapp beschlossen."],
            ...(budgetSpec.sections[0]?.paragraphs.slice(1) ?? []),
          ],
        },
        ...budgetSpec.sections.slice(1),
      ],
    });
    expect(edited.id).toBe(budgetArticle.id);
    const after = summarize(edited);
    expect(computations).toBe(2);
    expect(after).not.toBe(before);
    // The old version's entries are gone, not just shadowed.
    expect(cache.size).toBe(1);
    checkSummaryInvariants(edited, after);
  });

  it("evicts the least recently used entry", () => {
    const cache = new SummaryCache(2);
    const key = { length: "short" as const, sectionIndex: null, scoring: "lexical" };
    let computations = 0;
    const get = (sectionIndex: number | null) =>
      cache.get(budgetArticle, { ...key, sectionIndex }, () => {
        computations += 1;
        return summarizeArticle(budgetArticle, sectionIndex === null ? { length: "short" } : { length: "short", section: sectionIndex });
      });
    get(null);
    get(1);
    get(null); // refreshes null
    get(2); // evicts 1
    get(null);
    expect(computations).toBe(3);
    get(1);
    expect(computations).toBe(4);
  });

  it("shares one async computation between concurrent requests and does not cache failures", async () => {
    const cache = new SummaryCache();
    const key = { length: "medium" as const, sectionIndex: null, scoring: "embeddings:test" };
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return summarizeArticle(budgetArticle);
    };
    const [a, b] = await Promise.all([cache.getAsync(budgetArticle, key, compute), cache.getAsync(budgetArticle, key, compute)]);
    expect(a).toBe(b);
    expect(computations).toBe(1);
    const failingKey = { ...key, scoring: "embeddings:broken" };
    await expect(cache.getAsync(budgetArticle, failingKey, () => Promise.reject(new Error("model gone")))).rejects.toThrow("model gone");
    expect(await cache.getAsync(budgetArticle, failingKey, compute)).toBeDefined();
  });

  it("Summarizer: resolves article and section, caches across equivalent selectors, falls back to lexical", async () => {
    const other = buildArticle({ ...budgetSpec, id: "zweiter-artikel" });
    const errors: unknown[] = [];
    const summarizer = new Summarizer(new SummaryCache(), (error) => errors.push(error));
    await expect(summarizer.summarize([budgetArticle, other], {})).rejects.toThrow(UnknownArticleError);
    await expect(summarizer.summarize([budgetArticle, other], { articleId: "nope" })).rejects.toThrow(/haushalt-neustadt, zweiter-artikel/);
    const only = await summarizer.summarize([budgetArticle], {});
    expect(only.articleId).toBe("haushalt-neustadt");
    expect(only.length).toBe("medium");
    const byNumber = await summarizer.summarize([budgetArticle, other], { articleId: budgetArticle.id, section: "2" });
    const byHeading = await summarizer.summarize([budgetArticle, other], { articleId: budgetArticle.id, section: BUDGET_HEADING });
    expect(byHeading).toBe(byNumber);
    const broken = { modelId: "broken", embed: () => Promise.reject(new Error("no model")) };
    const fallback = await summarizer.summarize([budgetArticle], {}, broken);
    expect(fallback.scoring).toBe("lexical");
    expect(fallback).toBe(only);
    expect(errors).toHaveLength(1);
  });
});

describe("output", () => {
  it("summaryToJson has exactly the promised keys", () => {
    const summary = summarizeArticle(budgetArticle, { length: "short" });
    const parsed: unknown = JSON.parse(summaryToJson(summary));
    expect(parsed).toEqual({
      article: budgetArticle.title,
      length: "short",
      sentences: summary.sentences.map((sentence) => ({ text: sentence.text, paragraph: sentence.paragraph, section: sentence.heading })),
    });
    expect(Object.keys(parsed as object)).toEqual(["article", "length", "sentences"]);
  });

  it("formatSummaryText names article, publisher and date and cites every sentence", () => {
    const summary = summarizeArticle(budgetArticle, { length: "short" });
    const text = formatSummaryText(summary);
    expect(text).toContain(budgetArticle.title);
    expect(text).toContain("Neustädter Rundschau, 2024-03-12");
    for (const sentence of summary.sentences) expect(text).toContain(`[¶${sentence.paragraph}] ${sentence.text}`);
  });

  it("formatSummaryText groups a whole article's points under section headings, each once, and a section summary not at all", () => {
    const summary = summarizeArticle(budgetArticle, { length: "long" });
    const lines = formatSummaryText(summary).split("\n");
    const headingLines = lines.filter((line) => line.startsWith("  § "));
    const expected = [...new Set(summary.sentences.map((sentence) => sentence.heading ?? "Opening"))].map((heading) => `  § ${heading}`);
    expect(expected.length).toBeGreaterThan(1);
    expect(headingLines).toEqual(expected);
    // Each heading stands right above the first sentence of its section.
    for (const heading of headingLines) expect(lines[lines.indexOf(heading) + 1]).toMatch(/^ {2}\[¶\d+\] /);
    const section = formatSummaryText(summarizeArticle(budgetArticle, { length: "long", section: 1 }));
    expect(section).not.toContain("  § ");
  });

  it("parses typed /summary commands and raw options", () => {
    expect(parseSummaryCommand(["long", "2"], ["a"])).toEqual({ length: "long", section: "2" });
    expect(parseSummaryCommand(["a", "Einfluss", "der", "USA"], ["a", "b"])).toEqual({ articleId: "a", section: "Einfluss der USA" });
    expect(parseSummaryCommand([], ["a"])).toEqual({});
    expect(parseSummaryRequest({ length: "short", article: "a", section: "2" })).toEqual({ length: "short", articleId: "a", section: "2" });
    expect(() => parseSummaryRequest({ length: "endless" })).toThrow();
  });

  it("finds sections by what was typed, and offers them for autocomplete in the user's language", () => {
    expect(sectionsMatching(budgetArticle)).toEqual([
      { label: "1: (opening, no heading)", number: 1 },
      { label: `2: ${BUDGET_HEADING}`, number: 2 },
      { label: `3: ${NEXT_STEPS_HEADING}`, number: 3 },
    ]);
    expect(sectionsMatching(budgetArticle, "brucken").map((section) => section.number)).toEqual([2]);
    expect(localizedSectionChoices(budgetArticle, "", "de")).toEqual([
      { name: "1: Einleitung (ohne Überschrift)", value: "1" },
      { name: `2: ${BUDGET_HEADING}`, value: "2" },
      { name: `3: ${NEXT_STEPS_HEADING}`, value: "3" },
    ]);
  });

  it("the request schema defaults to medium and rejects bad lengths", () => {
    expect(summaryRequestSchema.parse({})).toEqual({ length: "medium" });
    expect(summaryRequestSchema.safeParse({ length: "huge" }).success).toBe(false);
    expect(summaryRequestSchema.parse({ article: " a ", section: " Intro " })).toEqual({ article: "a", section: "Intro", length: "medium" });
  });
});

// ------------------------------------------------------------ the bundled article

const BUNDLED = path.resolve("data/articles/nordkorea-russland-waffen.txt");

describe("the bundled article", () => {
  let article: Article;
  let raw: string;
  beforeAll(async () => {
    article = await loadArticleFile(BUNDLED);
    raw = await readFile(BUNDLED, "utf8");
  });

  it.each(["short", "medium", "long"] as const)("%s summary keeps every invariant and its length", (length) => {
    const summary = summarizeArticle(article, { length });
    checkSummaryInvariants(article, summary);
    expect(summary.sentences).toHaveLength(SENTENCES_PER_LENGTH[length]);
    expect(summary.articleTitle).toBe(article.title);
  });

  it("never quotes headings, boilerplate, sources or teasers", () => {
    const quoted = (["short", "medium", "long"] as const).flatMap((length) => summarizeArticle(article, { length }).sentences.map((sentence) => sentence.text));
    const headings = article.sections.flatMap((section) => (section.heading ? [section.heading] : []));
    expect(headings.length).toBeGreaterThan(0);
    for (const text of quoted) {
      expect(headings.some((heading) => text.includes(heading))).toBe(false);
      expect(isTeaserSentence(text)).toBe(false);
      expect(text).not.toMatch(
        /lesen Sie hier|journalistischen Leitbild|Journalistinnen und Journalisten berichten|nytimes\.com|washingtonpost\.com|bafa\.de|Telefonat mit/,
      );
    }
    // Even the full candidate pool excludes them.
    const pool = summaryCandidateSentences(article).map((candidate) => candidate.text);
    expect(pool).not.toContain("Mehr über das Gefährt Kims lesen Sie hier.");
  });

  it("summarises one section only, with fewer sentences when it is short", () => {
    for (const [index, section] of article.sections.entries()) {
      const summary = summarizeArticle(article, { length: "long", section: index });
      checkSummaryInvariants(article, summary);
      for (const sentence of summary.sentences) expect(section.paragraphNumbers).toContain(sentence.paragraph);
      const available = summaryCandidateSentences(article, index).length;
      expect(summary.sentences.length).toBeLessThanOrEqual(Math.min(8, available));
      expect(summary.sentences.length).toBeGreaterThan(0);
    }
    const heading = article.sections.find((section) => section.heading?.includes("2019"))?.heading;
    expect(heading).toBeDefined();
    const last = summarizeArticle(article, { length: "long", section: heading ?? "" });
    expect(last.section).toBe(heading);
  });

  it("is cached per version: a modified copy is summarised anew", async () => {
    const summarizer = new Summarizer();
    const before = await summarizer.summarize([article], { length: "short" });
    expect(await summarizer.summarize([article], { length: "short" })).toBe(before);
    const firstSentence = before.sentences[0]?.text ?? "";
    expect(firstSentence.length).toBeGreaterThan(0);
    const modifiedRaw = raw.replace(firstSentence, firstSentence.replace(/\.$/, " – so hieß es am Dienstag in Washington."));
    expect(modifiedRaw).not.toBe(raw);
    const contentHash = createHash("sha256").update(modifiedRaw).digest("hex");
    const modified = parseArticle(modifiedRaw, { id: article.id, format: "txt", contentHash });
    expect(modified.contentHash).not.toBe(article.contentHash);
    const after = await summarizer.summarize([modified], { length: "short" });
    expect(after).not.toBe(before);
    expect(after.sentences.map((sentence) => sentence.text)).not.toContain(firstSentence);
    checkSummaryInvariants(modified, after);
    expect(summarizer.cache.stats.misses).toBe(2);
    expect(summarizer.cache.size).toBe(1);
  });
});
