import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticleFile } from "../../src/content/load.js";
import {
  ArticleParseError,
  isBoilerplateLine,
  isTeaserSentence,
  normalizeText,
  parseArticle,
  parseDate,
  parseSourceLine,
  stripInlineMarkdown,
} from "../../src/content/parse.js";
import type { Article } from "../../src/content/types.js";

const BUNDLED = path.resolve("data/articles/nordkorea-russland-waffen.txt");

function parseText(raw: string, format: "txt" | "md" = "txt"): Article {
  return parseArticle(raw, { id: "test-article", format, contentHash: "0".repeat(64) });
}

function parseError(raw: string, format: "txt" | "md" = "txt"): ArticleParseError {
  try {
    parseText(raw, format);
  } catch (error) {
    if (error instanceof ArticleParseError) return error;
    throw error;
  }
  throw new Error("expected an ArticleParseError");
}

function expectSentencesVerbatim(article: Article): void {
  for (const paragraph of article.paragraphs) {
    expect(paragraph.sentences.length).toBeGreaterThan(0);
    paragraph.sentences.forEach((sentence, index) => {
      expect(sentence.index).toBe(index);
      expect(paragraph.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    });
  }
}

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

describe("parseArticle: Markdown", () => {
  const markdown = [
    "---",
    'title: "Neue Brücke eröffnet"',
    "source: Beispiel-Kurier",
    "url: https://WWW.Beispiel-Kurier.de/lokal/bruecke#top",
    "date: 2024-03-12",
    "tags:",
    "  - lokal",
    "---",
    "",
    "# Neue Brücke eröffnet",
    "",
    "Die **neue Brücke** über den Fluss ist seit Montag _offiziell_ geöffnet. Sie wurde in",
    "nur zwei Jahren gebaut, wie die [Stadt](https://example.org) mitteilt.",
    "",
    "## Verkehr",
    "",
    "Ab sofort fahren auch Busse über die Brücke. Die Linie 5 hält direkt davor.",
    "",
    "## Quellen",
    "",
    "- [Pressemitteilung der Stadt](https://example.org/pm), 12.03.2024",
    "- dpa",
    "",
  ].join("\n");

  it("reads front matter, headings, joined paragraph lines and stripped inline markup", () => {
    const article = parseText(markdown, "md");
    expect(article.title).toBe("Neue Brücke eröffnet");
    expect(article.publisher).toBe("Beispiel-Kurier");
    expect(article.url).toBe("https://www.beispiel-kurier.de/lokal/bruecke");
    expect(article.date).toBe("2024-03-12");
    expect(article.format).toBe("md");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Die neue Brücke über den Fluss ist seit Montag offiziell geöffnet. Sie wurde in nur zwei Jahren gebaut, wie die Stadt mitteilt.",
      "Ab sofort fahren auch Busse über die Brücke. Die Linie 5 hält direkt davor.",
    ]);
    expect(article.sections.map((section) => [section.heading, section.paragraphNumbers])).toEqual([
      [null, [1]],
      ["Verkehr", [2]],
    ]);
    expectSentencesVerbatim(article);
  });

  it("turns the list under a 'Quellen' heading into sources, keeping link targets", () => {
    const article = parseText(markdown, "md");
    expect(article.sources).toEqual([
      { text: "Pressemitteilung der Stadt, 12.03.2024", url: "https://example.org/pm", date: "2024-03-12" },
      { text: "dpa", url: null, date: null },
    ]);
  });

  it("takes '# Title' as the title when there is no front matter", () => {
    const article = parseText("# Ein Titel\n\nErster Absatz mit *Betonung*.\n\nZweiter Absatz.\n", "md");
    expect(article.title).toBe("Ein Titel");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Erster Absatz mit Betonung.", "Zweiter Absatz."]);
  });

  it("reports malformed front matter", () => {
    expect(parseError("---\ntitle: X\ndate: gestern\n---\n\nText hier.", "md").message).toMatch(/front matter: "date" must be a date/u);
    expect(parseError("---\ntitle: X\nurl: nicht-da\n---\n\nText hier.", "md").message).toMatch(/"url" must be an http\(s\) URL/u);
    const syntax = parseError("---\ntitle: X\nthis is not yaml\n---\n\nText hier.", "md");
    expect(syntax.code).toBe("metadata");
    expect(syntax.message).toMatch(/front matter line 3 is not "key: value"/u);
  });

  it("strips inline markdown but keeps literal characters", () => {
    expect(stripInlineMarkdown("**fett**, __auch__, *kursiv*, _so_, `code`, ~~weg~~ und [Link](https://a.de/x_(y))")).toBe(
      "fett, auch, kursiv, so, code, weg und Link",
    );
    expect(stripInlineMarkdown("snake_case_name bleibt, 2 * 3 * 4 auch, \\*kein\\* Stern")).toBe("snake_case_name bleibt, 2 * 3 * 4 auch, *kein* Stern");
    expect(stripInlineMarkdown("Bild ![alt](bild.png) weg")).toBe("Bild  weg");
  });
});

describe("parseArticle: plain-text layouts and metadata lines", () => {
  const wrapped = [
    "Titel: Hochwasser in der Altstadt",
    "Quelle: Lokalblatt",
    "Datum: 5. März 2024",
    "URL: https://lokalblatt.example/hochwasser",
    "",
    "Das Hochwasser hat in der Nacht die Altstadt erreicht. Die Feuerwehr",
    "war mit mehr als hundert Kräften im Einsatz, wie ein Sprecher am",
    "Morgen mitteilte.",
    "",
    "Schäden an Gebäuden",
    "Nach ersten Schätzungen sind rund vierzig Häuser betroffen. Die Stadt",
    "hat eine Hotline eingerichtet, die rund um die Uhr erreichbar ist.",
    "",
    "Die Forderungen der Anwohner:",
    "- bessere Deiche",
    "- schnellere Warnungen",
  ].join("\n");

  it("joins hand-wrapped lines and reads leading metadata lines", () => {
    const article = parseText(wrapped);
    expect(article.title).toBe("Hochwasser in der Altstadt");
    expect(article.publisher).toBe("Lokalblatt");
    expect(article.date).toBe("2024-03-05");
    expect(article.url).toBe("https://lokalblatt.example/hochwasser");
    expect(article.paragraphs[0]?.text).toBe(
      "Das Hochwasser hat in der Nacht die Altstadt erreicht. Die Feuerwehr war mit mehr als hundert Kräften im Einsatz, wie ein Sprecher am Morgen mitteilte.",
    );
    expect(article.paragraphs[1]?.text).toBe(
      "Nach ersten Schätzungen sind rund vierzig Häuser betroffen. Die Stadt hat eine Hotline eingerichtet, die rund um die Uhr erreichbar ist.",
    );
    expect(article.sections[1]?.heading).toBe("Schäden an Gebäuden");
    expectSentencesVerbatim(article);
  });

  it("keeps a list introduced by a colon as content, one paragraph per item", () => {
    const article = parseText(wrapped);
    expect(article.sources).toEqual([]);
    expect(article.paragraphs.slice(2).map((paragraph) => paragraph.text)).toEqual(["Die Forderungen der Anwohner:", "bessere Deiche", "schnellere Warnungen"]);
  });

  it("keeps a list in the middle of the article as paragraphs, not sources", () => {
    const article = parseText("Ein Titel\nEinleitung zum Thema.\n- erster Punkt\n- zweiter Punkt\nDanach geht der Text weiter.\n- quelle.de (Stand: 1.2.2024)");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Einleitung zum Thema.",
      "erster Punkt",
      "zweiter Punkt",
      "Danach geht der Text weiter.",
    ]);
    expect(article.sources).toEqual([{ text: "quelle.de (Stand: 1.2.2024)", url: "quelle.de", date: "2024-02-01" }]);
  });

  it("reads a trailing 'Quellen:' line as sources", () => {
    const article = parseText("Ein Titel\nDer Text steht hier.\nQuellen: dpa; AFP");
    expect(article.sources.map((source) => source.text)).toEqual(["dpa", "AFP"]);
    expect(article.paragraphs).toHaveLength(1);
  });

  it("handles CRLF, BOM, no-break spaces, soft hyphens and zero-width characters", () => {
    const article = parseText("\uFEFFTitel\u00A0eins\r\nDer Text ist hier\u00AD und da\u200B.  Noch \u202F ein Satz.\r\n");
    expect(article.title).toBe("Titel eins");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Der Text ist hier und da. Noch ein Satz."]);
    expect(article.paragraphs[0]?.sentences.map((sentence) => sentence.text)).toEqual(["Der Text ist hier und da.", "Noch ein Satz."]);
  });

  it("does not take a heading-like line at the end for a heading", () => {
    const article = parseText("Titel\nErster Absatz hier.\nKurze Zeile am Ende");
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Erster Absatz hier.", "Kurze Zeile am Ende"]);
    expect(article.sections).toHaveLength(1);
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

  it("names the file when attributed", () => {
    expect(new ArticleParseError({ kind: "empty", whitespaceOnly: false }).withFile("a.txt").message).toBe("a.txt: the file is empty");
  });
});

describe("helpers", () => {
  it.each([
    ["Stand: 05. September 2023", "2023-09-05"],
    ["5.9.2023", "2023-09-05"],
    ["am 05.09.23", "2023-09-05"],
    ["2023-09-05", "2023-09-05"],
    ["September 5, 2023", "2023-09-05"],
    ["Sept. 5th 2023", "2023-09-05"],
    ["5 September 2023", "2023-09-05"],
    ["1. März 2024", "2024-03-01"],
    ["31.02.2023", null],
    ["keine Angabe", null],
  ])("parseDate(%s)", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it("parses source lines with URLs and domains", () => {
    expect(parseSourceLine("- Bericht unter https://Example.com/a/b?x=1. (Stand: 2023-09-05)")).toEqual({
      text: "Bericht unter https://Example.com/a/b?x=1. (Stand: 2023-09-05)",
      url: "https://example.com/a/b?x=1",
      date: "2023-09-05",
    });
    expect(parseSourceLine("www.Tagesschau.de: Bericht").url).toBe("tagesschau.de");
    expect(parseSourceLine("Telefonat mit Dr. Eric J. Ballbach").url).toBeNull();
    expect(parseSourceLine("Studie.pdf der Universität").url).toBeNull();
  });

  it("classifies boilerplate lines", () => {
    expect(isBoilerplateLine("Mehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie über das Geschehen.")).toBe(true);
    expect(isBoilerplateLine("Zum journalistischen Leitbild von t-online.")).toBe(true);
    expect(isBoilerplateLine("Alle Rechte vorbehalten.")).toBe(true);
    expect(isBoilerplateLine("Wir verwenden Cookies. Bitte akzeptieren Sie die Einstellungen.")).toBe(true);
    expect(isBoilerplateLine("Das Leitbild der Partei wurde überarbeitet.")).toBe(false);
    expect(isBoilerplateLine("Anmelden können sich Interessierte bis Mai.")).toBe(false);
    expect(isBoilerplateLine("Mehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie.", "tail")).toBe(false);
  });

  it("recognises teaser sentences", () => {
    expect(isTeaserSentence("Mehr über das Gefährt Kims lesen Sie hier.")).toBe(true);
    expect(isTeaserSentence("Lesen Sie auch: Die neue Buslinie")).toBe(true);
    expect(isTeaserSentence("Read more about the plan here.")).toBe(true);
    expect(isTeaserSentence("Kim Jong Un will wohl noch im September nach Russland reisen.")).toBe(false);
    expect(isTeaserSentence("Die Leser finden hier kaum Antworten.")).toBe(false);
  });

  it("normalises encoding artefacts only", () => {
    expect(normalizeText("\uFEFFa\r\nb\rc\u00ADd\u200Be\u00A0f")).toBe("a\nb\ncde f");
    expect(normalizeText("Mu\u0308nchen")).toBe("München");
  });
});
