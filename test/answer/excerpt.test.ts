import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chooseExcerpt, sentenceScore } from "../../src/answer/excerpt.js";
import { parseArticle } from "../../src/content/parse.js";
import type { Paragraph } from "../../src/content/types.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import { EMPTY_LEXICONS } from "../../src/search/lexicons.js";

const GERMAN = { english: false };

/** Which sentences of a paragraph are quoted for a question, case by case. */

const TEXT = `# Ein Wärmespeicher für Lindau

Die Stadtwerke stellten am Montag ihre Pläne für das kommende Jahr vor. Geplant ist ein großer Wärmespeicher am Hafen, der das Fernwärmenetz im Winter stützen soll. Der Turm soll 42 Meter hoch werden.

Der Bau beginnt im März am Nordufer. Dort stand bis 2019 ein Kohlekraftwerk. Die Kosten liegen bei rund zwölf Millionen Euro.

Mehr über das Fernwärmenetz lesen Sie hier. Das Fernwärmenetz versorgt 9000 Haushalte.

Mehr über den Turm lesen Sie hier. Im Anschluss soll am Hafen ein Café eröffnen.
`;

const article = parseArticle(TEXT, { id: "speicher", format: "md", contentHash: createHash("sha256").update(TEXT).digest("hex") });
const index = LexicalIndex.build(
  article.paragraphs.map((paragraph) => ({ id: String(paragraph.number), title: article.title, heading: paragraph.heading, text: paragraph.text })),
  {},
  EMPTY_LEXICONS,
);
const tokens = (question: string) => index.search(question, 3).tokens;
const paragraph = (number: number): Paragraph => {
  const found = article.paragraphs.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no ¶${number}`);
  return found;
};

describe("chooseExcerpt", () => {
  it.each([
    {
      question: "Wo soll der Wärmespeicher gebaut werden?",
      number: 1,
      quoted: ["Geplant ist ein großer Wärmespeicher am Hafen, der das Fernwärmenetz im Winter stützen soll."],
      max: 1,
    },
    // The best sentence lacks "hoch"; the next one carries it, so both are quoted.
    {
      question: "Wie hoch wird der Wärmespeicher?",
      number: 1,
      quoted: ["Geplant ist ein großer Wärmespeicher am Hafen, der das Fernwärmenetz im Winter stützen soll.", "Der Turm soll 42 Meter hoch werden."],
      max: 2,
    },
    // "Dort …" is quoted with the sentence that says where "dort" is.
    {
      question: "Was stand früher am Kohlekraftwerk?",
      number: 2,
      quoted: ["Der Bau beginnt im März am Nordufer.", "Dort stand bis 2019 ein Kohlekraftwerk."],
      max: 2,
    },
    { question: "Wie hoch sind die Kosten?", number: 2, quoted: ["Die Kosten liegen bei rund zwölf Millionen Euro."], max: 1 },
  ])("$question → ¶$number", ({ question, number, quoted, max }) => {
    const excerpt = chooseExcerpt(paragraph(number), tokens(question), { maxSentences: max, languages: GERMAN });
    expect(excerpt.sentences.map((sentence) => sentence.text)).toEqual(quoted);
    // Verbatim: the quoted text is a slice of the paragraph.
    expect(paragraph(number).text).toContain(excerpt.text);
    expect(excerpt.score).toBeGreaterThan(0);
  });

  it("never quotes a skipped sentence, and a preferred one wins among matching sentences", () => {
    const teaser = /lesen Sie hier/;
    const excerpt = chooseExcerpt(paragraph(3), tokens("Fernwärmenetz"), { maxSentences: 1, skipSentence: (text) => teaser.test(text), languages: GERMAN });
    expect(excerpt.text).toBe("Das Fernwärmenetz versorgt 9000 Haushalte.");
    // Nor as the context a sentence opening with "Im Anschluss" would otherwise get.
    const withContext = chooseExcerpt(paragraph(4), tokens("Café Hafen"), { maxSentences: 2, skipSentence: (text) => teaser.test(text), languages: GERMAN });
    expect(withContext.text).toBe("Im Anschluss soll am Hafen ein Café eröffnen.");
    const preferred = chooseExcerpt(paragraph(1), tokens("Wärmespeicher Turm Meter"), {
      maxSentences: 1,
      preferSentence: (text) => /\d/.test(text),
      languages: GERMAN,
    });
    expect(preferred.text).toBe("Der Turm soll 42 Meter hoch werden.");
  });

  it("scores a sentence by the question words it holds", () => {
    const words = tokens("Kosten Millionen Euro");
    expect(sentenceScore("Die Kosten liegen bei rund zwölf Millionen Euro.", words, GERMAN)).toBeGreaterThan(
      sentenceScore("Der Bau beginnt im März am Nordufer.", words, GERMAN),
    );
    expect(sentenceScore("Der Bau beginnt im März am Nordufer.", words, GERMAN)).toBe(0);
  });

  it("matches English stems only when asked to (an English question, or an English paragraph)", () => {
    // Snowball's English stemmer makes "rising" "rise"; the German one leaves it (and no letter gram of "rise" is in it).
    const english = [{ surface: "rise", terms: ["rise"], idf: 1, known: true, expansions: [], commonness: 0, spread: 0.1 }];
    expect(sentenceScore("Housing costs are rising.", english, { english: true })).toBeGreaterThan(0);
    expect(sentenceScore("Housing costs are rising.", english, GERMAN)).toBe(0);
  });
});
