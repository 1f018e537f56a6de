import { describe, expect, it } from "vitest";
import type { Summary } from "../../../src/answer/summary/index.js";
import { parseCustomId } from "../../../src/discord/custom-ids.js";
import {
  LIMITS,
  NO_MENTIONS,
  embedLimitViolations,
  embedTextLength,
  presentAnswer,
  presentParagraph,
  presentSummary,
  questionFromAnswerEmbed,
  unescapeDiscordText,
} from "../../../src/discord/presentation/index.js";
import { fixtureArticle } from "../../helpers/fake-qa.js";
import { answer, citation, LONE_SURROGATE } from "./builders.js";

describe("presentAnswer", () => {
  it("quotes the excerpt verbatim and cites title, ¶, heading, publisher, date and link", () => {
    const payload = presentAnswer(answer(), { lang: "de" });
    const embed = payload.embeds[0];
    expect(embed).toBeDefined();
    expect(embed?.title).toBe("Warum braucht Russland Munition?");
    expect(embed?.description).toContain(`> ${citation().excerpt}`);
    expect(embed?.description).toContain("— **¶6** · Russland braucht für seinen Krieg dringend Munition");
    expect(embed?.fields?.[0]).toEqual({
      name: "Quelle",
      value:
        "[Waffen aus Nordkorea für Russland: Putins letzter Ausweg?](https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html) · t-online · 5. September 2023",
    });
    expect(embed?.footer?.text).toContain("hybrid");
    expect(payload.allowedMentions).toEqual(NO_MENTIONS);
  });

  it("adds a read-paragraph button per citation and 👍/👎 that carry the cited paragraphs", () => {
    const payload = presentAnswer(answer({ citations: [citation(), citation({ paragraph: 7, excerpt: "Russland könne Nordkorea einiges bieten." })] }), {
      lang: "en",
    });
    const [paragraphRow, feedbackRow] = payload.components;
    expect(paragraphRow?.components.map((button) => button.label)).toEqual(["Read ¶6", "Read ¶7"]);
    expect(parseCustomId(paragraphRow?.components[1]?.custom_id ?? "")).toEqual({ kind: "paragraph", articleKey: "nordkorea-russland-waffen", paragraph: 7 });
    expect(feedbackRow?.components.map((button) => parseCustomId(button.custom_id))).toEqual([
      { kind: "feedback", vote: "up", cited: [{ articleKey: "nordkorea-russland-waffen", paragraphs: [6, 7] }] },
      { kind: "feedback", vote: "down", cited: [{ articleKey: "nordkorea-russland-waffen", paragraphs: [6, 7] }] },
    ]);
  });

  it("says before the quote that a hedged answer is only the closest passage, and marks it apart", () => {
    const plain = presentAnswer(answer(), { lang: "de" });
    const hedged = presentAnswer(answer({ hedged: true }), { lang: "de" });
    expect(plain.content).toBeUndefined();
    expect(hedged.content).toMatch(/nächstliegende Stelle/);
    expect(presentAnswer(answer({ hedged: true }), { lang: "en" }).content).toMatch(/closest passage – it may not answer/);
    expect(hedged.embeds[0]?.color).not.toBe(plain.embeds[0]?.color);
    expect(hedged.embeds[0]?.description).toBe(plain.embeds[0]?.description);
  });

  it("notes under an English question's answer that the quote is the German original", () => {
    const embed = presentAnswer(answer({ question: "What weapons does Russia want?", quoteLanguage: "de" }), { lang: "en" }).embeds[0];
    expect(embed?.footer?.text).toMatch(/Quoted in the original German/);
    expect(presentAnswer(answer(), { lang: "en" }).embeds[0]?.footer?.text).not.toMatch(/original/);
  });

  it("writes the frame in English for English users and formats the date accordingly", () => {
    const embed = presentAnswer(answer(), { lang: "en" }).embeds[0];
    expect(embed?.fields?.[0]?.name).toBe("Source");
    expect(embed?.fields?.[0]?.value).toContain("5 September 2023");
    expect(embed?.footer?.text).toBe("Verbatim excerpts from the article · retrieval: hybrid");
  });

  it("neutralises a hostile question: nothing pings, markdown is shown literally", () => {
    const hostile = "@everyone **bold** [x](http://evil) <@123456789012345678> wann reist Kim?";
    const payload = presentAnswer(answer({ question: hostile }), { lang: "de" });
    const title = payload.embeds[0]?.title ?? "";
    expect(title).not.toMatch(/@everyone/);
    expect(title).not.toMatch(/<@\d/);
    expect(title).toContain("\\*\\*bold\\*\\*");
    expect(title).toContain("\\[x\\](http://evil)");
    expect(questionFromAnswerEmbed({ title })).toBe(hostile);
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("escapes hostile article text inside quotes, headings and titles", () => {
    const payload = presentAnswer(
      answer({ citations: [citation({ excerpt: "@here seht `das` an <#123>", heading: "# **Laut**", articleTitle: "[Klick](http://evil)" })] }),
      { lang: "de" },
    );
    const embed = payload.embeds[0];
    expect(embed?.description).toContain("> @\u200bhere seht \\`das\\` an <\u200b#123>");
    expect(embed?.description).toContain("# \\*\\*Laut\\*\\*");
    expect(embed?.fields?.[0]?.value).toContain("[\\[Klick\\](http://evil)](https://www.t-online.de/");
  });

  it("shows no bidi overrides or zero-width characters in public titles and names", () => {
    const spoofed = "Wer ist \u202eKim\u202c\u200b Jong\u2066 Un\u2069?\ufeff";
    const payload = presentAnswer(answer({ question: spoofed, citations: [citation({ articleTitle: "Waffen\u202e aus Nordkorea" })] }), { lang: "de" });
    const shown = JSON.stringify(payload.embeds[0]);
    expect(shown).not.toMatch(/[\u061c\u200c-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u);
    expect(payload.embeds[0]?.title).toBe("Wer ist Kim Jong Un?");
  });

  it("names the article per citation when an answer cites several articles", () => {
    const other = citation({ articleId: "zweiter-artikel", articleTitle: "Ein zweiter Artikel", paragraph: 2, articleUrl: null, publisher: "Spiegel" });
    const embed = presentAnswer(answer({ citations: [citation(), other] }), { lang: "de" }).embeds[0];
    expect(embed?.description).toContain("· *Ein zweiter Artikel*");
    expect(embed?.fields?.[0]?.name).toBe("Quellen");
    expect(embed?.fields?.[0]?.value.split("\n")).toHaveLength(2);
  });

  it("stays within every Discord limit for absurdly long input", () => {
    const long = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const huge = citation({
      excerpt: long("Sehr langer Satz mit *Sternchen* und 😀. ", 9_000),
      heading: long("Überschrift ", 2_000),
      articleTitle: long("Titel [x] ", 3_000),
      articleUrl: `https://example.org/${"a".repeat(2_000)}`,
      publisher: long("Verlag ", 500),
    });
    const citations = [1, 2, 3, 4, 5, 6].map((paragraph) => ({ ...huge, paragraph, articleId: `artikel-${paragraph}` }));
    const payload = presentAnswer(answer({ question: long("Frage? ", 5_000), citations }), { lang: "de" });
    const embed = payload.embeds[0];
    expect(embed).toBeDefined();
    if (!embed) return;
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(JSON.stringify(embed)).not.toMatch(LONE_SURROGATE);
    for (const row of payload.components) {
      expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      for (const button of row.components) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    }
  });

  it("keeps custom ids under 100 characters for long article ids", () => {
    const longId = "ein-sehr-langer-artikel-name-der-nicht-in-eine-custom-id-passt-weil-er-so-lang-ist.v2";
    const payload = presentAnswer(answer({ citations: [citation({ articleId: longId, paragraph: 12345 })] }), { lang: "de" });
    for (const row of payload.components) {
      for (const button of row.components) {
        expect(button.custom_id.length).toBeLessThanOrEqual(100);
        expect(parseCustomId(button.custom_id)).not.toBeNull();
      }
    }
  });

  it("answers honestly without quotes when the article does not answer", () => {
    const payload = presentAnswer(answer({ answered: false, abstainReason: "low score" }), { lang: "de", summaryCommand: "/zusammenfassung" });
    expect(payload.embeds).toEqual([]);
    expect(payload.components).toEqual([]);
    expect(payload.content).toContain("/zusammenfassung");
    expect(payload.content).not.toContain(citation().excerpt);
    expect(presentAnswer(answer({ answered: false }), { lang: "en" }).content).toBe(
      "The article doesn't answer that reliably, so I'd rather not quote anything. For an overview, try /summary.",
    );
  });

  it("tells a question with nothing to search for apart from one the article does not answer", () => {
    expect(presentAnswer(answer({ answered: false, noSearchWords: true }), { lang: "de", summaryCommand: "/zusammenfassung" }).content).toBe(
      "In deiner Frage steht nichts, wonach ich suchen kann: sie hat keine Wörter, oder nur zu häufige (wie „was“ oder „ist“). Frag nach etwas aus dem Artikel, oder probiere /zusammenfassung für einen Überblick.",
    );
  });

  it("replies in kind to a message that only thanks or greets", () => {
    expect(presentAnswer(answer({ answered: false, noSearchWords: true, smallTalk: "thanks" }), { lang: "de" }).content).toBe(
      "Gern geschehen! Frag gern weiter.",
    );
    expect(presentAnswer(answer({ answered: false, noSearchWords: true, smallTalk: "greeting" }), { lang: "en", summaryCommand: "/summary" }).content).toBe(
      "Hi! Ask me something about the articles, or try /summary for an overview.",
    );
  });

  it("answers a question about the article itself from its details, the question as the title, within the limits", () => {
    const sheet = {
      articleId: "a",
      title: "Ein *Titel*",
      kicker: null,
      publisher: "t-online",
      date: "2023-09-05",
      url: "https://www.t-online.de/a",
      sources: ["Telefonat mit Dr. Eric J. Ballbach", "nytimes.com: **fett**"],
    };
    const facts = { asked: "author" as const, articles: [sheet], more: 0 };
    const payload = presentAnswer(answer({ question: "Wer hat den Artikel geschrieben?", citations: [], ranking: [], articleFacts: facts }), { lang: "de" });
    const embed = payload.embeds[0];
    expect(embed?.title).toBe("Wer hat den Artikel geschrieben?");
    expect(embed?.description?.split("\n")).toEqual([
      "**Ein \\*Titel\\***",
      "Für diesen Artikel ist kein Autor erfasst.",
      "Erschienen am 5. September 2023 bei t-online.",
      "Link: <https://www.t-online.de/a>",
      "Im Artikel genannte Quellen (2):",
      "• Telefonat mit Dr. Eric J. Ballbach",
      "• nytimes.com: \\*\\*fett\\*\\*",
    ]);
    expect(embed?.footer?.text).toBe("Aus den Angaben des Artikels, nicht aus seinem Text");
    expect(payload.components).toEqual([]);
    // Five articles with 300 long source lines each stay within Discord's limits, and no source line is cut in half.
    const many = Array.from({ length: 5 }, (_, index) => ({
      ...sheet,
      articleId: `a${index}`,
      sources: Array.from({ length: 300 }, (_, line) => `Quelle ${line} ${"x".repeat(150)}`),
    }));
    const big = presentAnswer(answer({ citations: [], ranking: [], articleFacts: { asked: "sources", articles: many, more: 7 } }), { lang: "en" }).embeds[0];
    expect(big?.description?.length).toBeLessThanOrEqual(4096);
    expect(big?.description).toMatch(/… and 7 more article\(s\): name the one you mean in your question\.$/u);
    for (const line of big?.description?.split("\n").filter((text) => text.startsWith("• ")) ?? []) expect(line).toMatch(/^• Quelle \d+ x{150}$/u);
  });

  it("shows a summary asked for as a question as /summary shows it, and asks which article when several could be meant", () => {
    const summary: Summary = {
      articleId: "a",
      articleTitle: "Ein Titel",
      publisher: "t-online",
      date: "2023-09-05",
      url: null,
      length: "short",
      section: null,
      sectionNumber: null,
      scoring: "lexical",
      sentences: [{ text: "Ein *wichtiger* Satz.", paragraph: 2, sentenceIndex: 0, heading: null }],
    };
    const shown = presentAnswer(answer({ question: "tl;dr", citations: [], ranking: [], summary }), { lang: "de" });
    expect(shown).toEqual(presentSummary(summary, "de"));
    const choices = { articles: [{ articleId: "kim-putin", title: "Kim *und* Putin" }], more: 3 };
    const asked = presentAnswer(answer({ answered: false, citations: [], ranking: [], summaryChoices: choices }), { lang: "en", summaryCommand: "/summary" });
    expect(asked.embeds).toEqual([]);
    expect(asked.content).toMatch(/^Several articles are loaded: which one should I summarise\?/u);
    expect(asked.content).toContain("„Kim \\*und\\* Putin“ (kim-putin); …");
    expect(asked.content).toContain("/summary with its article option");
  });

  it("lists the article's sections when one section's summary was asked for and none answers to the request", () => {
    const sectionChoices = { articleId: "a", title: "Kim *und* Putin", sections: ["1: (opening, no heading)", "2: Die *Waffen*"] };
    const payload = presentAnswer(answer({ answered: false, citations: [], ranking: [], sectionChoices }), { lang: "de", summaryCommand: "/zusammenfassung" });
    expect(payload.embeds).toEqual([]);
    expect(payload.content).toMatch(/^Keiner der Abschnitte von „Kim \\\*und\\\* Putin“ passt dazu\./u);
    expect(payload.content).toContain("/zusammenfassung mit der Option abschnitt. Abschnitte: 1: (opening, no heading); 2: Die \\*Waffen\\*");
  });

  it("says which languages it reads when an unanswered question is in another one", () => {
    const payload = presentAnswer(answer({ answered: false, otherLanguage: true }), { lang: "de" });
    expect(payload.content).toMatch(/^Ich verstehe nur Fragen auf Deutsch oder Englisch/u);
    expect(payload.embeds).toEqual([]);
  });

  it("adds a hint when the question's language differs from the article's and only words were matched", () => {
    const payload = presentAnswer(answer({ answered: false, languageMismatch: true }), { lang: "en" });
    expect(payload.content).toMatch(/only match words/);
    expect(presentAnswer(answer({ answered: false }), { lang: "en" }).content).not.toMatch(/only match words/);
  });
});

describe("presentParagraph", () => {
  it("shows the whole paragraph with ¶, heading and citation", () => {
    const article = fixtureArticle();
    const paragraph = article.paragraphs[5];
    if (!paragraph) throw new Error("missing fixture paragraph");
    const embed = presentParagraph({ article, paragraph }, "de").embeds[0];
    expect(embed?.title).toBe("¶6 · Russland braucht für seinen Krieg dringend Munition");
    expect(unescapeDiscordText(embed?.description ?? "").replace(/^> /, "")).toBe(paragraph.text);
    expect(embed?.footer?.text).toBe("Absatz 6 von 10 · wörtlich aus dem Artikel");
  });

  it("shortens a paragraph longer than an embed allows", () => {
    const article = fixtureArticle();
    const base = article.paragraphs[0];
    if (!base) throw new Error("missing fixture paragraph");
    const paragraph = { ...base, text: `${base.text} `.repeat(60), heading: "Ü".repeat(400) };
    const embed = presentParagraph({ article, paragraph }, "en").embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(embed.description?.endsWith("…")).toBe(true);
  });
});
