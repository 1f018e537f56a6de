/**
 * Kinds of page furniture found on pages pasted whole from news sites
 * (test/fixtures/page-copies-4/, probes in the layouts of t-online, Spiegel,
 * Reuters, n-tv, AP, the Süddeutsche, the RND, the Independent, FOCUS, the Tagesspiegel, Sky News and ZDFheute, and the
 * second set of layouts): each test names the lines a
 * page holds and checks that they are dropped, and why, and that the
 * article around them is read whole.
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

describe("furniture on pasted pages", () => {
  it("drops a video's length ('Beitragslänge: 1 min'), which made a subheading", () => {
    const { article, reasonOf } = readPage("page-copies-4/zdf-bauern.txt");
    expect(reasonOf("Beitragslänge: 1 min")).toBe("site interface");
    expect(article.sections.map((section) => section.heading)).toEqual([null]);
    expect([article.title, article.date, article.publisher]).toEqual(["Landwirte blockieren Autobahnauffahrten in Niedersachsen", "2024-03-12", "ZDF"]);
    expect(article.paragraphs).toHaveLength(4);
  });

  it("reads a date line with the weekday written out, a byline with a role, and drops a player's notice, a trust link and a 'Read more from' teaser", () => {
    const { article, reasonOf } = readPage("page-copies-4/sky-heathrow.txt");
    expect(article.date).toBe("2024-02-07");
    expect(article.kicker).toBeNull();
    expect(reasonOf("Wednesday 7 February 2024")).toBe("date line");
    expect(reasonOf("By Priya Patel, business reporter")).toBe("author line");
    expect(reasonOf("Please use Chrome browser")).toBe("prompt");
    expect(reasonOf("Why you can trust Sky News")).toBe("prompt");
    expect(reasonOf("Gatwick expansion approved")).toBe("teaser");
    expect(article.sections.map((section) => section.heading)).toEqual([null]);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("drops a player's offer to read the article aloud and a share prompt, which made a subheading and a paragraph", () => {
    const { article, reasonOf } = readPage("page-copies-4/tagesspiegel-tram.txt");
    expect(reasonOf("Hören Sie sich den Artikel an")).toBe("prompt");
    expect(reasonOf("Jetzt teilen:")).toBe("site interface");
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Anwohner fürchten Baustellen"]);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("drops a video's slashed providers ('FOCUS online/Wochit') and reads the publisher without the copyright's years", () => {
    const { article, reasonOf } = readPage("page-copies-4/focus-erdbeben.txt");
    expect(reasonOf("FOCUS online/Wochit")).toBe("image credit");
    expect(article.publisher).toBe("FOCUS Online");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual([
      "Ein Erdbeben der",
      "Ein schweres Erdbeben",
      "In Izmir stürzten",
      "Der Leiter der",
      "Die Westtürkei liegt",
    ]);
  });

  it("takes the upper of two title lines for the headline when the lower is a standfirst without a period, and drops a newsletter's consent", () => {
    const { article, reasonOf } = readPage("page-copies-4/independent-bristol.txt");
    expect(article.title).toBe("Council approves new cycle lanes across Bristol city centre despite traders' objections");
    expect(reasonOf("I would like to be emailed")).toBe("consent banner");
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual([
      "Plans will remove",
      "Bristol City Council",
      "The scheme, which",
      "Council leader Tony",
      "Business owners said",
      "The council said",
    ]);
  });

  it("drops a name alone next to the date line as the byline, not a subheading ('Katharina Weber' over '16.01.2024, 07:30 Uhr')", () => {
    const { article, reasonOf } = readPage("page-copies-4/rnd-haushalt.txt");
    expect(reasonOf("Katharina Weber")).toBe("author line");
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Kritik von Verbänden"]);
    expect([article.title, article.kicker, article.date]).toEqual([
      "Haushalt 2025: Ampel einigt sich auf Kürzungen bei Förderprogrammen",
      "Bundestag",
      "2024-01-16",
    ]);
    expect(article.paragraphs).toHaveLength(6);
  });

  it("takes the date from a date line that writes its month ('10. Januar 2024, 18:05 Uhr | Lesezeit: 2 min')", () => {
    const { article, reasonOf } = readPage("page-copies-4/sz-bahn.md");
    expect(reasonOf("10. Januar 2024, 18:05 Uhr")).toBe("date line");
    expect([article.title, article.date]).toEqual(["Bahnstrecke nach Lindau bleibt bis März gesperrt", "2024-01-10"]);
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual([
      "Nach einem Hangrutsch",
      "Der Hang war",
      "Zwischen Kempten und",
      "Der Fahrgastverband Pro",
    ]);
  });

  it("drops a gallery caption opened by its place in the gallery and a bar ('1 of 4 | …')", () => {
    const { article, reasonOf } = readPage("page-copies-4/ap-floods.txt");
    expect(reasonOf("1 of 4 | Residents wade")).toBe("image caption");
    expect([article.title, article.date, article.publisher]).toEqual([
      "Floods force thousands from homes in northern Portugal as rivers burst banks",
      "2024-01-09",
      "The Associated Press",
    ]);
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 3))).toEqual([
      "LISBON, Portugal (AP)",
      "The Cávado and",
      '"We have not',
      "The national weather",
      "Prime Minister António",
    ]);
  });

  it("drops a caption whose credit stands bracketed on the next line, and reads the publisher after a reservation of rights", () => {
    const { article, reasonOf } = readPage("page-copies-4/ntv-hafen.txt");
    expect(reasonOf("Ein Containerschiff am Ostuferhafen")).toBe("image caption");
    expect(reasonOf("(Foto: picture alliance/dpa)")).toBe("image credit");
    expect(article.publisher).toBe("n-tv.de");
    expect([article.kicker, article.title, article.date]).toEqual(["Streit um Hafenausbau", "Kiel stoppt Erweiterung des Ostuferhafens vorerst", "2023-12-08"]);
    expect(article.paragraphs.map((paragraph) => firstWords(paragraph.text, 4))).toEqual([
      "Die Stadt Kiel legt",
      "Die Landeshauptstadt Kiel hat",
      "Hinzu kommt eine Klage",
      "Die Fährreedereien, die den",
      "Die Industrie- und Handelskammer",
    ]);
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
