import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticleFile } from "../../../src/content/load.js";
import { isTeaserSentence, parseArticle } from "../../../src/content/parse.js";
import type { Article } from "../../../src/content/types.js";
import {
  needsPredecessor,
  resolveSection,
  SENTENCES_PER_LENGTH,
  sectionLabels,
  summarizeArticle,
  Summarizer,
  summaryCandidateSentences,
  UnknownSectionError,
  type SummaryLength,
} from "../../../src/answer/summary/index.js";
import { formatSummaryText } from "../../../src/cli/summary-format.js";
import { BUDGET_HEADING, budgetArticle, budgetSpec, buildArticle, checkSummaryInvariants, NEXT_STEPS_HEADING, TEASER } from "./fixtures.js";

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
