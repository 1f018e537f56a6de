import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { markupShape, MAX_HTML_DEPTH, parseHtmlArticle, withoutSiteName } from "../../src/content/html/index.js";
import { ARTICLE_FILE_FORMATS, loadArticleFile, loadArticles, parseArticleBytes } from "../../src/content/load.js";
import { ArticleParseError } from "../../src/content/parse.js";
import type { Article } from "../../src/content/types.js";
import { BUNDLED_ARTICLE, escapeHtml, tempDir } from "../helpers/content-fixtures.js";

const NEWS_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<title>Kim trifft Putin: Was Russland will - Beispielzeitung</title>
<meta property="og:site_name" content="Beispielzeitung">
<meta property="og:url" content="https://www.beispiel.de/politik/kim-putin-123.html?utm_source=feed">
<link rel="canonical" href="https://www.beispiel.de/politik/kim-putin-123.html">
<meta property="article:published_time" content="2023-09-05T23:12:00-05:00">
<script>window.dataLayer = ["Tracking-Skript darf nie im Artikel landen"];</script>
<style>.teaser { color: red }</style>
</head><body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad ad-top">Anzeige: Jetzt den neuen Kombi probefahren und sparen</div>
<main><article>
<h1>Kim trifft Putin: Was Russland will</h1>
<p class="byline">Von Max Mustermann</p>
<time datetime="2023-09-04T10:00:00+02:00">04.09.2023</time>
<p>Nordkoreas Machthaber Kim Jong Un will nach Angaben aus Washington in den kommenden Tagen nach Russland reisen. Dort soll er Präsident Wladimir Putin treffen und über <a href="/thema/waffen">Waffenlieferungen</a> sprechen.</p>
<p>Russland sucht nach Munition für den Krieg gegen die Ukraine. Nordkorea verfügt über große Bestände an <strong>Artilleriemunition</strong> sowjetischer Bauart, die mit russischen Geschützen kompatibel ist.</p>
<div id="newsletter-box"><p>Newsletter abonnieren und nichts mehr verpassen!</p></div>
<h2>Was Nordkorea im Gegenzug will</h2>
<p>Im Gegenzug hofft Kim auf Technologie für Satelliten und atomgetriebene U-Boote, heißt es in Sicherheitskreisen. Außerdem braucht das Land Lebensmittel.</p>
<p>Genannt werden vor allem zwei Wünsche:</p>
<ul><li>Satellitentechnik für die militärische Aufklärung.</li><li>Lebensmittel und Energie für die Bevölkerung.</li></ul>
<h3>Reaktionen im Westen</h3>
<p>Die USA warnten Nordkorea davor, Waffen an Russland zu liefern. Das verstoße gegen Resolutionen des UN-Sicherheitsrats, sagte ein Sprecher des Weißen Hauses am Montag.</p>
<h2>Quellen</h2>
<ul><li><a href="https://www.reuters.com/world/kim-russia">Reuters: "Kim to visit Russia"</a> (Stand: 05. September 2023)</li><li>Telefonat mit einem Sprecher des Außenministeriums</li></ul>
</article></main>
<aside><h3>Meistgelesen</h3><ul><li><a href="/a">Der Bundestag beschließt das Heizungsgesetz nach langem Streit endgültig</a></li></ul></aside>
<footer><p>© 2023 Beispielzeitung. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a></footer>
</body></html>`;

function parseHtml(html: string, id = "page"): Article {
  return parseHtmlArticle(html, { id, contentHash: "0".repeat(64) });
}

function parseFailure(html: string): ArticleParseError {
  try {
    parseHtml(html);
  } catch (error) {
    if (error instanceof ArticleParseError) return error;
    throw error;
  }
  throw new Error("expected the page to be rejected");
}

describe("HTML articles", () => {
  let article: Article;
  beforeAll(() => {
    article = parseHtml(NEWS_PAGE);
  });

  it("reads title, publisher, canonical url and publication date from the page", () => {
    expect(article.format).toBe("html");
    expect(article.title).toBe("Kim trifft Putin: Was Russland will");
    expect(article.publisher).toBe("Beispielzeitung");
    expect(article.url).toBe("https://www.beispiel.de/politik/kim-putin-123.html");
    // The date as the page states it, not shifted to UTC (which would be the 6th).
    expect(article.date).toBe("2023-09-05");
  });

  it("keeps the paragraphs verbatim and turns <h2>/<h3> into section headings and list items into paragraphs", () => {
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Nordkoreas Machthaber Kim Jong Un will nach Angaben aus Washington in den kommenden Tagen nach Russland reisen. Dort soll er Präsident Wladimir Putin treffen und über Waffenlieferungen sprechen.",
      "Russland sucht nach Munition für den Krieg gegen die Ukraine. Nordkorea verfügt über große Bestände an Artilleriemunition sowjetischer Bauart, die mit russischen Geschützen kompatibel ist.",
      "Im Gegenzug hofft Kim auf Technologie für Satelliten und atomgetriebene U-Boote, heißt es in Sicherheitskreisen. Außerdem braucht das Land Lebensmittel.",
      "Genannt werden vor allem zwei Wünsche:",
      "Satellitentechnik für die militärische Aufklärung.",
      "Lebensmittel und Energie für die Bevölkerung.",
      "Die USA warnten Nordkorea davor, Waffen an Russland zu liefern. Das verstoße gegen Resolutionen des UN-Sicherheitsrats, sagte ein Sprecher des Weißen Hauses am Montag.",
    ]);
    expect(article.sections.map((section) => section.heading)).toEqual([null, "Was Nordkorea im Gegenzug will", "Reaktionen im Westen"]);
    expect(article.paragraphs[6]?.heading).toBe("Reaktionen im Westen");
    expect(article.paragraphs[0]?.sentences).toHaveLength(2);
  });

  it("strips navigation, scripts, ads, newsletter boxes, sidebars, bylines and footers", () => {
    const text = article.paragraphs.map((paragraph) => paragraph.text).join("\n");
    for (const clutter of [
      "Startseite",
      "Tracking-Skript",
      "color: red",
      "Anzeige",
      "Newsletter",
      "Meistgelesen",
      "Heizungsgesetz",
      "Alle Rechte",
      "Impressum",
      "Max Mustermann",
      "04.09.2023",
    ]) {
      expect(text, clutter).not.toContain(clutter);
    }
  });

  it("splits off the closing sources list, with link targets", () => {
    expect(article.sources).toEqual([
      { text: 'Reuters: "Kim to visit Russia" (Stand: 05. September 2023)', url: "https://www.reuters.com/world/kim-russia", date: "2023-09-05" },
      { text: "Telefonat mit einem Sprecher des Außenministeriums", url: null, date: null },
    ]);
  });

  it("reads the bundled article saved as a web page exactly like the text file", async () => {
    const text = await loadArticleFile(BUNDLED_ARTICLE);
    const body = text.sections.flatMap((section) => [
      ...(section.heading ? [`<h2>${escapeHtml(section.heading)}</h2>`] : []),
      ...section.paragraphNumbers.map((number) => `<p>${escapeHtml(text.paragraphs[number - 1]?.text ?? "")}</p>`),
    ]);
    const page = `<!doctype html><html><head><title>${escapeHtml(text.title)} | t-online</title>
      <meta property="og:site_name" content="t-online"><meta property="og:url" content="https://www.t-online.de/nachrichten/ausland/id_100236598/">
      </head><body><nav><a href="/">Home</a> <a href="/politik">Politik</a></nav><div class="ad-slot">Anzeige</div>
      <main><article><h1>${escapeHtml(text.title)}</h1>${body.join("\n")}
      <h2>Quellen</h2><ul>${text.sources.map((source) => `<li>${escapeHtml(source.text)}</li>`).join("")}</ul></article></main>
      <footer>© t-online</footer></body></html>`;
    const html = parseArticleBytes(Buffer.from(page, "utf8"), "nordkorea.html");
    expect(html.title).toBe(text.title);
    expect(html.publisher).toBe("t-online");
    expect(html.url).toBe("https://www.t-online.de/nachrichten/ausland/id_100236598/");
    expect(html.paragraphs.map((paragraph) => [paragraph.heading, paragraph.text])).toEqual(
      text.paragraphs.map((paragraph) => [paragraph.heading, paragraph.text]),
    );
    expect(html.sources).toEqual(text.sources);
  });

  it("falls back to og:url, resolves a relative canonical link, and takes the date from <time datetime>", () => {
    const paragraphs = "<p>Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Die Opposition stimmte dagegen.</p>".repeat(3);
    const withOgUrl = parseHtml(
      `<html><head><title>Haushalt beschlossen</title><meta property="og:url" content="https://news.example.org/a/1"></head><body><article><time datetime="2024-02-29">gestern</time>${paragraphs}</article></body></html>`,
    );
    expect(withOgUrl.url).toBe("https://news.example.org/a/1");
    expect(withOgUrl.date).toBe("2024-02-29");
    const relative = parseHtml(
      `<html><head><title>Haushalt beschlossen</title><meta property="og:url" content="https://news.example.org/a/1"><link rel="canonical" href="/artikel/haushalt"></head><body><article>${paragraphs}</article></body></html>`,
    );
    expect(relative.url).toBe("https://news.example.org/artikel/haushalt");
    expect(relative.date).toBeNull();
  });

  it("keeps an article that a site wraps, page and all, in a <form>", () => {
    const page = parseHtml(
      '<html><head><title>Formularseite</title></head><body><form id="aspnetForm"><nav>Start Archiv Impressum</nav><div class="content"><p>Erster Absatz des Artikels, der in einem Formular steht. Er ist lang genug.</p><p>Zweiter Absatz mit weiteren Informationen zum Thema.</p></div></form></body></html>',
    );
    expect(page.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Erster Absatz des Artikels, der in einem Formular steht. Er ist lang genug.",
      "Zweiter Absatz mit weiteren Informationen zum Thema.",
    ]);
  });

  it("reads a bare fragment without <html> and <body>", () => {
    const fragment = parseHtml("<h1>Ein Fragment</h1><p>Erster Absatz eines Textes ohne Seitengerüst. Er hat zwei Sätze.</p><p>Zweiter Absatz.</p>");
    expect(fragment.title).toBe("Ein Fragment");
    expect(fragment.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      "Erster Absatz eines Textes ohne Seitengerüst. Er hat zwei Sätze.",
      "Zweiter Absatz.",
    ]);
  });

  it("rejects a page without article text, an empty or blank file, and a page with nothing but boilerplate", () => {
    const noText = parseFailure(
      '<html><head><title>Start</title><script>track()</script></head><body><nav><a href="/">Home</a> <a href="/a">Archiv</a></nav></body></html>',
    );
    expect(noText.code).toBe("no-article-text");
    expect(noText.message).toMatch(/no article text/);
    expect(parseFailure("").code).toBe("empty");
    expect(parseFailure(" \n\t ").message).toMatch(/only whitespace/);
    const onlyBoilerplate = parseFailure(
      "<html><head><title>Über uns</title></head><body><h1>Über uns</h1><p>Mehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie über das Geschehen in Deutschland und der Welt.</p></body></html>",
    );
    expect(onlyBoilerplate.code).toBe("no-paragraphs");
    expect(onlyBoilerplate.message).toMatch(/no paragraphs left after cleaning/);
  });

  it("decodes a page in the character set it declares, and rejects invalid UTF-8 otherwise", () => {
    const latin1 = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Gr\u00fc\u00dfe</title></head><body><p>Die B\u00e4ckerei am Marktplatz schlie\u00dft nach 90 Jahren. Viele Kunden bedauern das.</p></body></html>',
      "latin1",
    );
    expect(parseArticleBytes(latin1, "alt.html").paragraphs[0]?.text).toBe("Die Bäckerei am Marktplatz schließt nach 90 Jahren. Viele Kunden bedauern das.");
    const broken = Buffer.concat([Buffer.from("<html><body><p>Gr"), Buffer.from([0xfc]), Buffer.from("ße</p></body></html>")]);
    expect(() => parseArticleBytes(broken, "kaputt.html")).toThrow(/kaputt\.html: the file is not valid UTF-8/);
  });

  it("is loaded from a content folder like .txt and .md files", async () => {
    expect(ARTICLE_FILE_FORMATS.get(".html")).toBe("html");
    expect(ARTICLE_FILE_FORMATS.get(".htm")).toBe("html");
    const dir = await tempDir("html-folder-");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "Kim Putin.HTM"), NEWS_PAGE, "utf8");
    await writeFile(path.join(dir, "notes.json"), "{}", "utf8");
    const loaded = await loadArticles(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.articles.map((entry) => [entry.id, entry.format])).toEqual([["kim-putin", "html"]]);
    expect(Object.keys(loaded.hashes)).toEqual(["Kim Putin.HTM"]);
  });
});

describe("withoutSiteName", () => {
  it("drops the publisher's name from the page title", () => {
    expect(withoutSiteName("Bahnstreik legt Verkehr lahm | Beispielzeitung", null, "Beispielzeitung")).toBe("Bahnstreik legt Verkehr lahm");
    expect(withoutSiteName("SPIEGEL – Kanzler reist nach Paris", null, "SPIEGEL")).toBe("Kanzler reist nach Paris");
  });

  it("falls back to the <h1> when the title only extends it with separators", () => {
    expect(withoutSiteName("Kanzler reist nach Paris - Politik - Zeitung X", "Kanzler reist nach Paris", null)).toBe("Kanzler reist nach Paris");
  });

  it("keeps titles whose dashes and colons belong to them", () => {
    expect(withoutSiteName("Putin-Kim-Treffen: Was bekannt ist", null, "t-online")).toBe("Putin-Kim-Treffen: Was bekannt ist");
    expect(withoutSiteName("Vor- und Nachteile - ein Überblick", null, null)).toBe("Vor- und Nachteile - ein Überblick");
    expect(withoutSiteName(null, "Überschrift", null)).toBeNull();
  });
});

describe("markupShape and the limits on nesting", () => {
  it("counts depth and elements from the tags, with void elements and optional end tags not nesting", () => {
    expect(markupShape("<div><p>a<p>b<br><img src=x><span>c</span></div>")).toEqual({ depth: 2, elements: 6 });
    expect(markupShape("<!-- <div><div> --><ul><li>a<li>b</ul>")).toEqual({ depth: 1, elements: 3 });
  });

  it("refuses a page nested 1,200 levels deep at once, before building a DOM", () => {
    const paragraph = "<p>Die Stadtwerke wollen bis zum Herbst einen großen Wärmespeicher errichten, der Turm soll 42 Meter hoch werden.</p>";
    const deep = `<html><body>${"<div>".repeat(1_200)}${paragraph}${"</div>".repeat(1_200)}</body></html>`;
    expect(() => parseHtmlArticle(deep, { id: "tief", contentHash: "x" })).toThrow(
      expect.objectContaining({ code: "too-complex", reason: expect.stringMatching(/nested 1202 levels deep/) }),
    );
    const shallow = `<html><body>${"<div>".repeat(100)}${paragraph.repeat(3)}${"</div>".repeat(100)}</body></html>`;
    expect(parseHtmlArticle(shallow, { id: "flach", contentHash: "y" }).paragraphs.length).toBeGreaterThan(0);
    expect(MAX_HTML_DEPTH).toBeLessThan(1_200);
  });
});
