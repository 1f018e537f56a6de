/** Synthetic articles and the summary invariant checker shared by the summary tests. */
import { createHash } from "node:crypto";
import type { Article, Paragraph } from "../../../src/content/types.js";
import { needsPredecessor, type Summary } from "../../../src/answer/summary/index.js";

// ------------------------------------------------------------ helpers

export interface ArticleSpec {
  id?: string;
  title: string;
  publisher?: string | null;
  date?: string | null;
  /** Paragraphs given as their sentences, so offsets are exact. */
  sections: { heading: string | null; paragraphs: string[][] }[];
  sources?: string[];
}

/** Builds an Article directly (independent of the parser) from sentences. */
export function buildArticle(spec: ArticleSpec): Article {
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
export function locate(article: Article, text: string, paragraphNumber: number): { paragraph: Paragraph; index: number } {
  const paragraph = article.paragraphs.find((candidate) => candidate.number === paragraphNumber);
  if (!paragraph) throw new Error(`no paragraph ${paragraphNumber}`);
  if (!paragraph.text.includes(text)) throw new Error(`not verbatim in ¶${paragraphNumber}: ${text}`);
  const index = paragraph.sentences.findIndex((sentence) => sentence.text === text);
  if (index < 0) throw new Error(`not a sentence of ¶${paragraphNumber}: ${text}`);
  return { paragraph, index };
}

/** The sentence right before (paragraph, index) in reading order, if any. */
export function previousSentence(article: Article, paragraph: Paragraph, index: number): { paragraph: number; text: string } | null {
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
export function checkSummaryInvariants(article: Article, summary: Summary): void {
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

export const BUDGET_HEADING = "Schulen und Brücken im Mittelpunkt";
export const NEXT_STEPS_HEADING = "Wie es weitergeht";
export const TEASER = "Mehr über die Sitzung des Stadtrats lesen Sie hier.";

export const budgetSpec: ArticleSpec = {
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

export const budgetArticle = buildArticle(budgetSpec);
