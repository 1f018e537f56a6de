import { describe, expect, it } from "vitest";
import { expectSentencesVerbatim, parseError, parseText } from "./article-helpers.js";

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
