/**
 * Kinds of page furniture found on pages pasted whole from news sites
 * (test/fixtures/page-copies-4/: probes in the layouts of t-online, Spiegel
 * and Reuters, of the second set of layouts, and, in one table, of ten more
 * sites): each test names the lines a page holds and checks that they are
 * dropped, and why, and that the article around them is read whole.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/content/parse.js";
import type { DroppedLine } from "../../src/content/parse/furniture.js";
import type { Article } from "../../src/content/types.js";

const firstWords = (text: string, count: number): string => text.split(/\s+/u).slice(0, count).join(" ");

/** A fixture page as read, and why a line starting so was dropped. */
function readPage(file: string): { article: Article; reasonOf: (start: string) => string | undefined } {
  const dropped: DroppedLine[] = [];
  const format = file.endsWith(".md") ? "md" : "txt";
  const article = parseArticle(readFileSync(path.resolve("test/fixtures", file), "utf8"), { id: "x", format, contentHash: "0", dropped });
  return { article, reasonOf: (start) => dropped.find((line) => line.text.startsWith(start))?.reason };
}

/**
 * Probe pages written in new layouts after the rules: what each showed the reader doing wrong, and how it reads
 * now. `dropped`: lines (by their start) and why they are dropped; `paragraphs`: how many, or their first words.
 */
interface Probe {
  file: string;
  fault: string;
  dropped: readonly (readonly [string, string])[];
  read?: Partial<Pick<Article, "title" | "kicker" | "date" | "publisher">>;
  headings?: readonly (string | null)[];
  paragraphs: number | readonly string[];
}

const PROBES: readonly Probe[] = [
  {
    file: "page-copies-4/dw-wind.txt",
    fault: "'Skip next section' and 'Explore more' made paragraphs and the teaser under them a subheading; 'Date 15.01.2024' gave no date",
    dropped: [
      ["Skip next section Explore more", "prompt"],
      ["Germany's solar boom", "teaser"],
      ["Date 15.01.2024", "date line"],
    ],
    read: { title: "Wind power: Lower Saxony approves 200 new turbines", date: "2024-01-15", publisher: "Deutsche Welle" },
    headings: [null],
    paragraphs: 4,
  },
  {
    file: "page-copies-4/zdf-bauern.txt",
    fault: "a video's length ('Beitragslänge: 1 min') made a subheading",
    dropped: [["Beitragslänge: 1 min", "site interface"]],
    read: { title: "Landwirte blockieren Autobahnauffahrten in Niedersachsen", date: "2024-03-12", publisher: "ZDF" },
    headings: [null],
    paragraphs: 4,
  },
  {
    file: "page-copies-4/sky-heathrow.txt",
    fault: "a date line with the weekday written out made a subheading; a byline with a role, a player's notice and a trust link made paragraphs",
    dropped: [
      ["Wednesday 7 February 2024", "date line"],
      ["By Priya Patel, business reporter", "author line"],
      ["Please use Chrome browser", "prompt"],
      ["Why you can trust Sky News", "prompt"],
      ["Gatwick expansion approved", "teaser"],
    ],
    read: { date: "2024-02-07", kicker: null },
    headings: [null],
    paragraphs: 5,
  },
  {
    file: "page-copies-4/tagesspiegel-tram.txt",
    fault: "an offer to read the article aloud made a subheading, a share prompt a paragraph",
    dropped: [
      ["Hören Sie sich den Artikel an", "prompt"],
      ["Jetzt teilen:", "site interface"],
    ],
    headings: [null, "Anwohner fürchten Baustellen"],
    paragraphs: 5,
  },
  {
    file: "page-copies-4/focus-erdbeben.txt",
    fault: "a video's slashed providers ('FOCUS online/Wochit') made a paragraph, the copyright's years part of the publisher",
    dropped: [["FOCUS online/Wochit", "image credit"]],
    read: { publisher: "FOCUS Online" },
    paragraphs: ["Ein Erdbeben der", "Ein schweres Erdbeben", "In Izmir stürzten", "Der Leiter der", "Die Westtürkei liegt"],
  },
  {
    file: "page-copies-4/independent-bristol.txt",
    fault: "a standfirst without a period under the headline was taken for it; a newsletter's consent made a paragraph",
    dropped: [["I would like to be emailed", "consent banner"]],
    read: { title: "Council approves new cycle lanes across Bristol city centre despite traders' objections" },
    paragraphs: ["Plans will remove", "Bristol City Council", "The scheme, which", "Council leader Tony", "Business owners said", "The council said"],
  },
  {
    file: "page-copies-4/rnd-haushalt.txt",
    fault: "a name alone next to the date line ('Katharina Weber') made a subheading",
    dropped: [["Katharina Weber", "author line"]],
    read: { title: "Haushalt 2025: Ampel einigt sich auf Kürzungen bei Förderprogrammen", kicker: "Bundestag", date: "2024-01-16" },
    headings: [null, "Kritik von Verbänden"],
    paragraphs: 6,
  },
  {
    file: "page-copies-4/sz-bahn.md",
    fault: "a date line that writes its month ('10. Januar 2024, 18:05 Uhr | Lesezeit: 2 min') was taken for the title",
    dropped: [["10. Januar 2024, 18:05 Uhr", "date line"]],
    read: { title: "Bahnstrecke nach Lindau bleibt bis März gesperrt", date: "2024-01-10" },
    paragraphs: ["Nach einem Hangrutsch", "Der Hang war", "Zwischen Kempten und", "Der Fahrgastverband Pro"],
  },
  {
    file: "page-copies-4/ap-floods.txt",
    fault: "a gallery caption opened by its place and a bar ('1 of 4 | …') made the first paragraph",
    dropped: [["1 of 4 | Residents wade", "image caption"]],
    read: { title: "Floods force thousands from homes in northern Portugal as rivers burst banks", date: "2024-01-09", publisher: "The Associated Press" },
    paragraphs: ["LISBON, Portugal (AP)", "The Cávado and", '"We have not', "The national weather", "Prime Minister António"],
  },
  {
    file: "page-copies-4/ntv-hafen.txt",
    fault: "a caption above a bracketed credit made a paragraph; the publisher after 'Alle Rechte vorbehalten ©' was not found",
    dropped: [
      ["Ein Containerschiff am Ostuferhafen", "image caption"],
      ["(Foto: picture alliance/dpa)", "image credit"],
    ],
    read: { kicker: "Streit um Hafenausbau", title: "Kiel stoppt Erweiterung des Ostuferhafens vorerst", date: "2023-12-08", publisher: "n-tv.de" },
    paragraphs: ["Die Stadt Kiel", "Die Landeshauptstadt Kiel", "Hinzu kommt eine", "Die Fährreedereien, die", "Die Industrie- und"],
  },
];

describe("furniture on pasted pages", () => {
  it.each(PROBES)("$file: $fault", (probe) => {
    const { article, reasonOf } = readPage(probe.file);
    for (const [start, reason] of probe.dropped) expect(reasonOf(start), start).toBe(reason);
    const read = probe.read ?? {};
    for (const field of ["title", "kicker", "date", "publisher"] as const) if (field in read) expect(article[field], field).toBe(read[field]);
    if (probe.headings) expect(article.sections.map((section) => section.heading)).toEqual(probe.headings);
    if (typeof probe.paragraphs === "number") expect(article.paragraphs).toHaveLength(probe.paragraphs);
    else expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual(probe.paragraphs);
  });

  it("drops the newsroom lines above a kicker, an agency byline, 'Weiterlesen nach der Anzeige' and a video's credit, each with its reason", () => {
    const { article, reasonOf } = readPage("page-copies-4/tonline-ausland.txt");
    expect(article.title).toBe("Manila wirft Peking gefährliche Manöver vor");
    expect(article.kicker).toBe("Spannungen im Südchinesischen Meer");
    expect(article.date).toBe("2024-03-14");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual([
      "Die Philippinen haben",
      "Verletzt wurde nach",
      "Das chinesische Außenministerium",
      "China beansprucht fast",
      "Die USA stellten",
    ]);
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Peking weist Vorwürfe zurück", "USA sichern Manila Unterstützung zu"]);
    expect(reasonOf("Mehr als 150 Journalistinnen")).toBe("publisher boilerplate");
    expect(reasonOf("Von dpa, afp, mk")).toBe("author line");
    expect(reasonOf("Weiterlesen nach der Anzeige")).toBe("prompt");
    expect(reasonOf("Quelle: Reuters")).toBe("image credit");
    // Below the source list, the site's prompts and labels keep their own reasons.
    expect(reasonOf("Jetzt abonnieren")).toBe("prompt");
    expect(reasonOf("Kommentare")).toBe("site interface");
  });

  it("drops a video's duration and the title under a 'Video' label, and a lone 'Quelle:' or 'Source:' credit", () => {
    const { article, reasonOf } = readPage("page-copies-2/welt-style.txt");
    expect(reasonOf("01:42 Minuten")).toBe("site interface");
    expect(reasonOf("Hochwasser in Niedersachsen: Luftaufnahmen")).toBe("teaser");
    expect(reasonOf("Quelle: WELT TV")).toBe("image credit");
    expect(article.sections.map((section) => section.heading)).not.toContain("01:42 Minuten");
  });

  it("drops an embed's consent placeholder, and keeps the key points above the article out of its paragraphs", () => {
    const { article, reasonOf } = readPage("page-copies-4/tonline-inland.txt");
    expect(article.title).toBe("Pistorius will Musterung für alle jungen Männer");
    expect(article.kicker).toBe("Streit um Wehrpflicht");
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Union fordert mehr Verbindlichkeit"]);
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual([
      "Verteidigungsminister Boris",
      "Den Dienst",
      "Die Opposition",
      "Auch aus",
    ]);
    expect(reasonOf("Externen Inhalt anzeigen")).toBe("site interface");
    expect(reasonOf("Ich bin damit einverstanden")).toBe("consent banner");
  });

  it("drops a 'Meistgelesen' list inside the article but keeps the subheading after it, and a gallery's counter", () => {
    const { article, reasonOf } = readPage("page-copies-4/tonline-berlin.txt");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual(["Ein Brand", "Die Feuerwehr", "Warum das", "Der Verkehr"]);
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Ursache noch unklar"]);
    expect(reasonOf("Meistgelesen")).toBe("prompt");
    expect(reasonOf("Schwerer Unfall auf der A100")).toBe("teaser");
    expect(reasonOf("Hitzewarnung für Berlin")).toBe("teaser");
    expect(reasonOf("Bild 1 von 8")).toBe("site interface");
    expect(reasonOf("Video | Riesige Rauchwolke")).toBe("teaser");
  });

  it("ends the article where readers' comments begin, but not at a comment count by the byline", () => {
    const { article, reasonOf } = readPage("page-copies-4/tonline-sport.txt");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual(["Werder Bremen", "Baumann war", "Ein Nachfolger"]);
    expect(reasonOf("Kommentare (3)")).toBe("reader comments");
    expect(reasonOf("Endlich! Das hätte schon")).toBe("reader comments");
    const zeit = readFileSync(path.resolve("test/fixtures/page-copies/zeit-style.txt"), "utf8");
    expect(parseArticle(zeit, { id: "x", format: "txt", contentHash: "0" }).paragraphs.length).toBeGreaterThan(5);
  });

  it("ends a one-paragraph report where readers' comments begin, told by a comment's time and buttons", () => {
    const { article, reasonOf } = readPage("page-copies-4/tonline-kurzmeldung.txt");
    expect(article.title).toBe("Elbtunnel am Wochenende nur einspurig befahrbar");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual(["Wegen Wartungsarbeiten"]);
    expect(reasonOf("Kommentare (2)")).toBe("reader comments");
    expect(reasonOf("Jedes Wochenende dasselbe")).toBe("reader comments");
  });

  it("drops a gallery's captions, opened by their place in it ('Item 1 of 2', '[1/2]'), and the reporting and editing line", () => {
    const { article, reasonOf } = readPage("page-copies-4/reuters-style.txt");
    expect(article.title).toBe("Dutch port of Rotterdam sees record container volumes despite Red Sea disruption");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual(["ROTTERDAM, Feb", "Container throughput", '"The longer', "The port"]);
    expect(reasonOf("Item 1 of 2 Containers")).toBe("image caption");
    expect(reasonOf("[1/2]Containers")).toBe("image caption");
    expect(reasonOf("Reporting by Anna Vos")).toBe("author line");
  });

  it("keeps the part of a paywalled article it lets through, and drops the paywall's offer", () => {
    const { article, reasonOf } = readPage("page-copies-4/spiegel-paywall.txt");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 2))).toEqual(["Volkswagen will", "Der Autobauer", "Nach Informationen"]);
    expect(reasonOf("Sie haben bereits ein Digital-Abonnement?")).toBe("prompt");
    expect(reasonOf("Jetzt weiterlesen mit SPIEGEL+")).toBe("prompt");
  });

  it("drops pull quotes, contributor lines, glued share buttons, agency codes and newsletter pitches of the second set of layouts", () => {
    const reasonIn = (name: string, start: string): string | undefined => readPage(`page-copies-2/${name}`).reasonOf(start);
    expect(reasonIn("ntv-style.txt", "„Das ist ein Kahlschlag mit Ansage.“")).toBe("pull quote");
    expect(reasonIn("cnn-style.txt", "“We were lucky. Ten minutes later")).toBe("pull quote");
    expect(reasonIn("cnn-style.txt", "CNN’s Tom Ardley contributed to this report.")).toBe("author line");
    expect(reasonIn("welt-style.txt", "FacebookXWhatsAppE-Mail")).toBe("site interface");
    expect(reasonIn("welt-style.txt", "kat/dpa")).toBe("author line");
    expect(reasonIn("aljazeera-style.txt", "Get the week’s biggest stories")).toBe("prompt");
  });
});
