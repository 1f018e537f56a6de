/**
 * Whole news pages copied from a browser (select all, copy, paste) in the
 * layouts of six sites, with invented text (test/fixtures/page-copies/): the
 * reader keeps the article and drops the site around it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseArticleBytes } from "../../src/content/load.js";
import { parseArticle } from "../../src/content/parse.js";
import type { DroppedLine } from "../../src/content/parse/furniture.js";

const FOLDER = path.resolve("test/fixtures/page-copies");
const expectedSchema = z.object({
  language: z.enum(["de", "en"]),
  headline: z.string(),
  kicker: z.string().nullable(),
  date: z.string().nullable(),
  paragraphs: z.array(z.string()).min(1),
  subheadings: z.array(z.string()),
  furniture: z.array(z.string()).min(10),
});

const pages = readdirSync(FOLDER)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => ({
    name,
    bytes: readFileSync(path.join(FOLDER, name)),
    expected: expectedSchema.parse(JSON.parse(readFileSync(path.join(FOLDER, name.replace(/\.txt$/u, ".expected.json")), "utf8"))),
  }));

/** The pages of a fixture folder, each with its expected reading. */
function pageFiles(folder: string): { name: string; text: string; expected: z.infer<typeof expectedSchema> }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({
      name,
      text: readFileSync(path.join(folder, name), "utf8"),
      expected: expectedSchema.parse(JSON.parse(readFileSync(path.join(folder, name.replace(/\.txt$/u, ".expected.json")), "utf8"))),
    }));
}

const firstWords = (text: string, count: number): string => text.split(/\s+/u).slice(0, count).join(" ");

describe("whole-page copies", () => {
  it("has the six layouts", () => {
    expect(pages.map((page) => page.name).sort()).toEqual([
      "bbc-style.txt",
      "guardian-style.txt",
      "spiegel-style.txt",
      "tagesschau-style.txt",
      "tonline-style.txt",
      "zeit-style.txt",
    ]);
  });

  for (const page of pages) {
    describe(page.name, () => {
      const article = parseArticleBytes(page.bytes, page.name);

      it("takes the headline as title, the kicker apart, and the date from the date line", () => {
        expect(article.title).toBe(page.expected.headline);
        expect(article.kicker).toBe(page.expected.kicker);
        expect(article.date).toBe(page.expected.date);
      });

      it("keeps exactly the article's paragraphs, in order, under its subheadings", () => {
        expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 5))).toEqual(page.expected.paragraphs.map((start) => firstWords(start, 5)));
        expect(article.sections.map((section) => section.heading).filter((heading) => heading !== null)).toEqual(page.expected.subheadings);
      });

      it("quotes no furniture line in any paragraph", () => {
        // Lines of a few words ("Teilen", "News") may be words of the text too; longer ones may not appear in it.
        const distinctive = page.expected.furniture.filter((line) => line.split(/\s+/u).length >= 4);
        for (const paragraph of article.paragraphs) {
          for (const line of distinctive) expect(paragraph.text, line).not.toContain(line);
        }
      });
    });
  }

  it("reports what it dropped and why", () => {
    const page = pages.find((candidate) => candidate.name === "tagesschau-style.txt");
    if (!page) throw new Error("fixture missing");
    const dropped: DroppedLine[] = [];
    parseArticle(page.bytes.toString("utf8"), { id: "x", format: "txt", contentHash: "0", dropped });
    const reasons = new Set(dropped.map((line) => line.reason));
    for (const reason of ["icon labels", "breadcrumb", "image caption", "image credit", "teaser", "page chrome"] as const) expect(reasons).toContain(reason);
    expect(dropped.find((line) => line.text.startsWith("Stand:"))?.reason).toBe("date line");
  });

  it("splits a kicker pasted with a space before the headline, and leaves names and genitives together", () => {
    const page = readFileSync(path.resolve("test/fixtures/ukraine-pages/ukraine-munition.txt"), "utf8");
    const glued = "Granaten für die FrontRussland fehlt trotz Kriegswirtschaft die Artilleriemunition";
    expect(page).toContain(glued);
    const read = (headLine: string) => {
      const article = parseArticle(page.replace(glued, headLine), { id: "x", format: "txt", contentHash: "0" });
      return { kicker: article.kicker, title: article.title };
    };
    expect(read("Granaten für die Front Russland fehlt trotz Kriegswirtschaft die Artilleriemunition")).toEqual({
      kicker: "Granaten für die Front",
      title: "Russland fehlt trotz Kriegswirtschaft die Artilleriemunition",
    });
    // "Putins Armee" is one phrase: the cut is before it, not inside it.
    expect(read("Russische Truppen in der Ukraine Putins Armee hat ein Problem")).toEqual({
      kicker: "Russische Truppen in der Ukraine",
      title: "Putins Armee hat ein Problem",
    });
    // A title and a name are not a kicker and a headline; neither is a headline with no such place.
    expect(read("Kanzler Olaf Scholz verspricht der Ukraine neue Munition")).toEqual({
      kicker: null,
      title: "Kanzler Olaf Scholz verspricht der Ukraine neue Munition",
    });
    expect(read("Verbündete sagen Kiew neue Panzer und Flugabwehr zu")).toEqual({ kicker: null, title: "Verbündete sagen Kiew neue Panzer und Flugabwehr zu" });
  });

  it("leaves a clean article alone: no page copy, nothing dropped", () => {
    const dropped: DroppedLine[] = [];
    const text = readFileSync(path.resolve("data/articles/nordkorea-russland-waffen.txt"), "utf8");
    const article = parseArticle(text, { id: "nordkorea-russland-waffen", format: "txt", contentHash: "0", dropped });
    expect(dropped).toEqual([]);
    expect(article.kicker).toBeNull();
    expect(article.paragraphs).toHaveLength(16);
  });

  describe("a third set: four war reports pasted whole from t-online, written after the rules", () => {
    const reports = pageFiles("test/fixtures/ukraine-pages");

    it("has the four reports", () => {
      expect(reports).toHaveLength(4);
    });

    for (const report of reports) {
      it(`${report.name}: headline, kicker, date and exactly the article's paragraphs, no furniture`, () => {
        const article = parseArticleBytes(Buffer.from(report.text), report.name);
        expect(article.title).toBe(report.expected.headline);
        expect(article.kicker).toBe(report.expected.kicker);
        expect(article.date).toBe(report.expected.date);
        expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 5))).toEqual(report.expected.paragraphs.map((start) => firstWords(start, 5)));
        // The sources are the article's; the author box below them (name, role, "Mehr von …") and the footer are the site's.
        const author = report.expected.furniture.find((line) => line.startsWith("Mehr von "))?.slice("Mehr von ".length);
        expect(article.sources.length).toBeGreaterThan(0);
        for (const source of article.sources) {
          expect(source.text).not.toBe(author);
          expect(source.text).not.toMatch(/^(?:Redakteur|Mehr von|Artikel teilen)|Meinung ist gefragt|Kommentare|Meistgelesen|Impressum/u);
        }
      });
    }

    it("keeps a paragraph whole where its prose says 'Stand' before a number ('nach heutigem Stand etwa 130 Milliarden')", () => {
      const report = reports.find((candidate) => candidate.name === "ukraine-munition.txt");
      if (!report) throw new Error("fixture missing");
      const second = report.expected.paragraphs[1] ?? "";
      const start = firstWords(second, 3);
      const text = report.text.replace(start, `Fachleute schätzen nach heutigem Stand etwa 130 Milliarden Euro. ${start}`);
      expect(text).not.toBe(report.text);
      const article = parseArticleBytes(Buffer.from(text), report.name);
      expect(article.paragraphs).toHaveLength(report.expected.paragraphs.length);
      expect(article.paragraphs[1]?.text).toMatch(/^Fachleute schätzen nach heutigem Stand etwa 130 Milliarden Euro\. /u);
    });

    it("drops an author box whose role is a compound ('Auslandskorrespondent'), that repeats the name and opens lines with it", () => {
      const report = reports.find((candidate) => candidate.name === "ukraine-munition.txt");
      if (!report) throw new Error("fixture missing");
      const box = "Jonas Reichwald\nRedakteur Politik\nMehr von Jonas Reichwald";
      expect(report.text).toContain(box);
      const text = report.text.replace(
        box,
        "Jonas Reichwald\nJonas Reichwald\nAuslandskorrespondent\nJonas Reichwald schreibt für das Politikressort über Sicherheitspolitik.\nJonas Reichwald folgen",
      );
      const dropped: DroppedLine[] = [];
      const article = parseArticle(text, { id: "x", format: "txt", contentHash: "0", dropped });
      expect(article.sources.map((source) => source.text)).toEqual([
        "Gespräch mit Prof. Dr. Carsten Thielmann",
        "Nachrichtenagenturen dpa und Reuters",
        "Eigene Recherche",
      ]);
      expect(dropped.filter((line) => line.text.startsWith("Jonas Reichwald")).length).toBeGreaterThanOrEqual(4);
      expect(dropped.find((line) => line.text === "Auslandskorrespondent")?.reason).toBeDefined();
    });

    it("drops the site's calls to follow, its video links and the author box, each with its reason", () => {
      const report = reports.find((candidate) => candidate.name === "ukraine-munition.txt");
      if (!report) throw new Error("fixture missing");
      const dropped: DroppedLine[] = [];
      parseArticle(report.text, { id: "x", format: "txt", contentHash: "0", dropped });
      const reasonOf = (start: string): string | undefined => dropped.find((line) => line.text.startsWith(start))?.reason;
      expect(reasonOf("Folgen Sie unserem WhatsApp-Kanal")).toBe("prompt");
      expect(reasonOf("Video | Haubitzen")).toBe("teaser");
      expect(reasonOf("Redakteur Politik")).toBe("author line");
      expect(reasonOf("Mehr von Jonas Reichwald")).toBe("author line");
    });
  });

  describe("a fourth set: four more t-online pages (Panorama, Wirtschaft, Sport, Digital), written after the rules, then used to refine them", () => {
    const pages3 = pageFiles("test/fixtures/page-copies-3");
    const read = (name: string): { article: ReturnType<typeof parseArticle>; dropped: DroppedLine[] } => {
      const page = pages3.find((candidate) => candidate.name === name);
      if (!page) throw new Error(`fixture ${name} missing`);
      const dropped: DroppedLine[] = [];
      return { article: parseArticle(page.text, { id: "x", format: "txt", contentHash: "0", dropped }), dropped };
    };

    it("reads every headline, kicker and date, nearly every paragraph, and no furniture", () => {
      expect(pages3).toHaveLength(4);
      // A numbered step keeps its words without its number; a list of figures under a sentence ending in ':' stays in that paragraph.
      const opening = (text: string): string => firstWords(text.replace(/^\d+\.\s+/u, ""), 5);
      let kept = 0;
      let expected = 0;
      for (const page of pages3) {
        const article = parseArticleBytes(Buffer.from(page.text), page.name);
        expect(article.title, page.name).toBe(page.expected.headline);
        expect(article.kicker, page.name).toBe(page.expected.kicker);
        expect(article.date, page.name).toBe(page.expected.date);
        const starts = article.paragraphs.map((paragraph) => opening(paragraph.text));
        kept += page.expected.paragraphs.filter((start) => starts.includes(opening(start))).length;
        expected += page.expected.paragraphs.length;
        const distinctive = page.expected.furniture.filter((line) => line.split(/\s+/u).length >= 4);
        for (const paragraph of article.paragraphs) for (const line of distinctive) expect(paragraph.text, `${page.name}: ${line}`).not.toContain(line);
      }
      // Measured: 44 of 49 (the five lines of bank figures are read into the sentence that introduces them).
      expect(kept).toBeGreaterThanOrEqual(44);
      expect(expected).toBe(49);
    });

    it("ends the article at an author box that no source list precedes, whose role may be a compound ('Sportredakteur')", () => {
      const { article, dropped } = read("tonline-sport.txt");
      expect(article.sources).toEqual([]);
      expect(dropped.find((line) => line.text === "Sportredakteur")?.reason).toBe("author line");
      expect(article.sections.map((section) => section.heading)).not.toContain("Sportredakteur");
      // The matchday's other results below the article are the site's.
      expect(article.paragraphs.some((paragraph) => paragraph.text.startsWith("SC Mühlbach"))).toBe(false);
    });

    it("takes the last source list for the sources even when the author's biography below it is a sentence", () => {
      const { article } = read("tonline-panorama.txt");
      expect(article.sources.map((source) => source.text)).toEqual([
        "Polizeipräsidium Osthessen: Pressemitteilung vom 18. September 2024",
        "Gespräche mit Anwohnern vor Ort",
        "Deutscher Wetterdienst: Unwetterwarnungen für Hessen",
      ]);
    });

    it("drops the teasers under 'Mehr zum Thema' and the line an 'Anzeige' or 'Newsletter' label stands over, but keeps a subheading under a lone label", () => {
      const panorama = read("tonline-panorama.txt");
      expect(panorama.dropped.find((line) => line.text.startsWith("Starkregen und Hagel:"))?.reason).toBe("teaser");
      expect(panorama.dropped.find((line) => line.text.startsWith("Wetter in Deutschland:"))).toBeDefined();
      const digital = read("tonline-digital.txt");
      expect(digital.dropped.find((line) => line.text.startsWith("Smartphone-Deals:"))?.reason).toBe("teaser");
      expect(digital.dropped.find((line) => line.text.startsWith("Digital-Newsletter:"))).toBeDefined();
      expect(digital.article.sections.map((section) => section.heading)).toContain("Welche Geräte betroffen sind");
      expect(digital.article.sections.map((section) => section.heading)).not.toContain("Info");
    });
  });

  it("a second set of layouts (Welt, n-tv, CNN, Al Jazeera), written after the rules: most headlines, and far less furniture than lines", () => {
    const folder = path.resolve("test/fixtures/page-copies-2");
    let headlines = 0;
    let kept = 0;
    let expectedParagraphs = 0;
    let furnitureLines = 0;
    let furnitureParagraphs = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".txt"))) {
      const expected = expectedSchema.parse(JSON.parse(readFileSync(path.join(folder, name.replace(/\.txt$/u, ".expected.json")), "utf8")));
      const article = parseArticleBytes(readFileSync(path.join(folder, name)), name);
      if (article.title === expected.headline) headlines += 1;
      const starts = article.paragraphs.map((paragraph) => firstWords(paragraph.text, 5));
      kept += expected.paragraphs.filter((start) => starts.includes(firstWords(start, 5))).length;
      expectedParagraphs += expected.paragraphs.length;
      furnitureLines += expected.furniture.length;
      const distinctive = expected.furniture.filter((line) => line.split(/\s+/u).length >= 4);
      furnitureParagraphs += article.paragraphs.filter((paragraph) => distinctive.some((line) => paragraph.text.includes(line))).length;
    }
    // Measured: 4 of 4 headlines, 39 of 40 paragraphs kept, 11 paragraphs holding some of the 342 furniture lines.
    expect(headlines).toBeGreaterThanOrEqual(3);
    expect(kept / expectedParagraphs).toBeGreaterThanOrEqual(0.8);
    expect(furnitureParagraphs).toBeLessThanOrEqual(furnitureLines / 10);
  });
});
