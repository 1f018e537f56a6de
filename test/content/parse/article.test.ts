import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticleFile } from "../../../src/content/load.js";
import { isTeaserSentence } from "../../../src/content/parse/boilerplate.js";
import { ArticleParseError } from "../../../src/content/parse/errors.js";
import type { Article } from "../../../src/content/types.js";
import { expectSentencesVerbatim, parseError, parseText } from "./article-helpers.js";

const BUNDLED = path.resolve("data/articles/nordkorea-russland-waffen.txt");

describe("parseArticle on the bundled t-online article", () => {
  let article: Article;

  beforeAll(async () => {
    article = await loadArticleFile(BUNDLED);
  });

  it("recovers the title glued to the boilerplate", () => {
    expect(article.title).toBe("Waffen aus Nordkorea für Russland Putins letzter Ausweg?");
  });

  it("recognises the publisher and takes the latest source date as article date", () => {
    expect(article.publisher).toBe("t-online");
    expect(article.date).toBe("2023-09-05");
    expect(article.url).toBeNull();
    expect(article.id).toBe("nordkorea-russland-waffen");
    expect(article.format).toBe("txt");
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it("drops the publisher boilerplate", () => {
    for (const paragraph of article.paragraphs) {
      expect(paragraph.text).not.toContain("Journalistinnen");
      expect(paragraph.text).not.toContain("Leitbild");
      expect(paragraph.text).not.toContain("Waffen aus Nordkorea für Russland Putins letzter Ausweg?");
    }
  });

  it("has 16 body paragraphs numbered 1..16, the teaser first", () => {
    expect(article.paragraphs).toHaveLength(16);
    expect(article.paragraphs.map((paragraph) => paragraph.number)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    const first = article.paragraphs[0];
    expect(first?.text.startsWith("Kim Jong Un will wohl noch im September nach Russland reisen.")).toBe(true);
    expect(first?.heading).toBeNull();
    expect(article.paragraphs[15]?.text.startsWith("Der nordkoreanische Diktator begibt sich")).toBe(true);
    for (const paragraph of article.paragraphs) expect(paragraph.articleId).toBe("nordkorea-russland-waffen");
  });

  it("turns exactly the three subheadings into sections", () => {
    expect(article.sections.map((section) => section.heading)).toEqual([
      null,
      "Russland braucht für seinen Krieg dringend Munition",
      "Russland und Nordkorea wollen Einfluss der USA zurückdrängen",
      "Bereits 2019 war Kim Jong Un in Russland",
    ]);
    expect(article.sections.map((section) => section.paragraphNumbers)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12, 13],
      [14, 15, 16],
    ]);
    const headings = new Set(article.sections.map((section) => section.heading));
    for (const paragraph of article.paragraphs) {
      expect(headings.has(paragraph.text)).toBe(false);
      expect(article.sections[paragraph.sectionIndex]?.heading).toBe(paragraph.heading);
      expect(article.sections[paragraph.sectionIndex]?.paragraphNumbers).toContain(paragraph.number);
    }
  });

  it("puts the paragraph 'Eine engere Kooperation beider Länder …' first under the munitions heading", () => {
    const munitions = article.sections.find((section) => section.heading === "Russland braucht für seinen Krieg dringend Munition");
    const firstNumber = munitions?.paragraphNumbers[0];
    const firstParagraph = article.paragraphs.find((paragraph) => paragraph.number === firstNumber);
    expect(firstParagraph?.text.startsWith("Eine engere Kooperation beider Länder")).toBe(true);
    expect(firstParagraph?.heading).toBe("Russland braucht für seinen Krieg dringend Munition");
  });

  it("splits off the four sources with domains and the bafa.de date", () => {
    expect(article.sources).toHaveLength(4);
    expect(article.sources.map((source) => source.url)).toEqual([null, "nytimes.com", "washingtonpost.com", "bafa.de"]);
    expect(article.sources[0]?.text).toBe("Telefonat mit Dr. Eric J. Ballbach");
    const bafa = article.sources.find((source) => source.url === "bafa.de");
    expect(bafa?.date).toBe("2023-09-05");
    expect(bafa?.text).toBe('bafa.de: "Außenwirtschaft Nordkorea" (Stand: 05. September 2023)');
    for (const paragraph of article.paragraphs) {
      expect(paragraph.text).not.toContain("nytimes.com");
      expect(paragraph.text.startsWith("-")).toBe(false);
    }
  });

  it("keeps every sentence verbatim at its offsets", () => {
    expectSentencesVerbatim(article);
  });

  it("keeps quotations and ordinals inside their sentences", () => {
    const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
    expect(sentences).toContain('"Russland würde für seinen Angriffskrieg gegen die Ukraine dringend benötigte Munition erhalten."');
    expect(sentences).toContain("Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.");
    expect(sentences.some((sentence) => sentence.includes("zum 70. Jahrestag des propagandierten"))).toBe(true);
    expect(sentences).not.toContain("Jahrestag");
  });

  it("keeps the inline teaser in the text and flags it as a teaser sentence", () => {
    const paragraph = article.paragraphs.find((candidate) => candidate.text.includes("Mehr über das Gefährt Kims lesen Sie hier."));
    expect(paragraph).toBeDefined();
    const teasers = paragraph?.sentences.filter((sentence) => isTeaserSentence(sentence.text)).map((sentence) => sentence.text);
    expect(teasers).toEqual(["Mehr über das Gefährt Kims lesen Sie hier."]);
    const allTeasers = article.paragraphs.flatMap((candidate) => candidate.sentences).filter((sentence) => isTeaserSentence(sentence.text));
    expect(allTeasers).toHaveLength(1);
  });
});

describe("parseArticle: boilerplate of other sites", () => {
  it("drops ads, bylines, reading time, teasers, newsletter and copyright lines", () => {
    const article = parseText(
      [
        "Anzeige",
        "Von Anna Beispiel",
        "Lesezeit: 3 Minuten",
        "Stadtrat beschließt neuen Radweg",
        "Der Stadtrat hat am Dienstag den Bau eines neuen Radwegs beschlossen. Die Entscheidung fiel einstimmig.",
        "Kosten und Zeitplan",
        "Die Kosten belaufen sich auf ca. 2 Mio. Euro. Das Land übernimmt z. B. die Planung.",
        "Lesen Sie auch: Neue Buslinie ab Mai",
        "Der Bau soll im Herbst beginnen.",
        "Newsletter abonnieren und nichts verpassen!",
        "© 2024 Beispielzeitung. Alle Rechte vorbehalten.",
      ].join("\n"),
    );
    expect(article.title).toBe("Stadtrat beschließt neuen Radweg");
    expect(article.publisher).toBe("Beispielzeitung");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Der Stadtrat hat am Dienstag den Bau eines neuen Radwegs beschlossen. Die Entscheidung fiel einstimmig.",
      "Die Kosten belaufen sich auf ca. 2 Mio. Euro. Das Land übernimmt z. B. die Planung.",
      "Der Bau soll im Herbst beginnen.",
    ]);
    expect(article.sections.map((section) => [section.heading, section.paragraphNumbers])).toEqual([
      [null, [1]],
      ["Kosten und Zeitplan", [2, 3]],
    ]);
    expect(article.sources).toEqual([]);
    expect(article.date).toBeNull();
  });

  it("separates an English newsroom blurb glued to the title and reads an English source list", () => {
    const article = parseText(
      [
        "Sign up for our newsletter to get the latest updates.",
        "Our reporters work around the clock for you.Council approves new bike lane",
        "The city council approved a new bike lane on Tuesday. The vote was unanimous, Mr. Smith said.",
        "Read more: Bus line extended",
        "Construction starts in the fall.",
        "Sources:",
        '- cityhall.gov: "Council minutes" (September 5, 2023)',
        "- Interview with the mayor, 4.9.2023",
      ].join("\n"),
    );
    expect(article.title).toBe("Council approves new bike lane");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "The city council approved a new bike lane on Tuesday. The vote was unanimous, Mr. Smith said.",
      "Construction starts in the fall.",
    ]);
    expect(article.sources).toEqual([
      { text: 'cityhall.gov: "Council minutes" (September 5, 2023)', url: "cityhall.gov", date: "2023-09-05" },
      { text: "Interview with the mayor, 4.9.2023", url: null, date: "2023-09-04" },
    ]);
    expect(article.date).toBe("2023-09-05");
  });

  it("recognises the publisher in a 'Redaktion von X' style line", () => {
    const article = parseText(
      "Die Redaktion von Nordkurier arbeitet unabhängig. Mehr über unsere Grundsätze lesen Sie hier.\n" +
        "Hafen erweitert\nDer Hafen wird größer. Die Arbeiten beginnen 2025.\n",
    );
    expect(article.publisher).toBe("Nordkurier");
    expect(article.title).toBe("Hafen erweitert");
    expect(article.paragraphs).toHaveLength(1);
  });

  it("keeps an article's own last paragraph about journalists", () => {
    const article = parseText(
      "Pressefreiheit unter Druck\nDie Lage ist ernst. Viele Medien sind betroffen.\n" +
        "Mehr als 50 Journalistinnen und Journalisten berichten von Drohungen, sagt der Verband.",
    );
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toContain(
      "Mehr als 50 Journalistinnen und Journalisten berichten von Drohungen, sagt der Verband.",
    );
  });
});

describe("parseArticle: errors", () => {
  it("rejects empty and whitespace-only input", () => {
    const empty = parseError("");
    expect(empty.code).toBe("empty");
    expect(empty.message).toBe("the file is empty");
    const blank = parseError(" \n\t\r\n\u00A0 ");
    expect(blank.code).toBe("empty");
    expect(blank.message).toMatch(/only whitespace/u);
  });

  it("rejects a text with nothing but boilerplate", () => {
    const error = parseError("Mehr als 200 Journalistinnen und Journalisten berichten rund um die Uhr für Sie.\nNewsletter abonnieren!\n© 2024 Beispiel");
    expect(error).toBeInstanceOf(ArticleParseError);
    expect(error.code).toBe("no-paragraphs");
    expect(error.message).toMatch(/^no paragraphs left after cleaning/u);
  });

  it("rejects a text with only a title and sources", () => {
    expect(parseError("Ein Titel\nQuellen:\n- quelle.de\n- andere.de").code).toBe("no-paragraphs");
  });
});
