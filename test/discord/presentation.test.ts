import { makeCitation } from "../../src/answer/citation.js";
import { describe, expect, it } from "vitest";
import type { Summary, SummarySentence } from "../../src/answer/summary/index.js";
import type { Answer, Citation, ServiceStatus } from "../../src/answer/types.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import {
  LIMITS,
  NO_MENTIONS,
  articleChoices,
  embedLimitViolations,
  embedTextLength,
  escapeDiscordText,
  fitEmbedTotal,
  paragraphChoiceName,
  paragraphChoices,
  presentAbout,
  presentAnswer,
  presentHelp,
  presentNotice,
  presentParagraph,
  presentSummary,
  questionFromAnswerEmbed,
  shareBudget,
  safeLinkUrl,
  truncateText,
  unescapeDiscordText,
} from "../../src/discord/presentation/index.js";
import { fixtureArticle } from "../helpers/fake-qa.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function citation(overrides: Partial<Citation> = {}): Citation {
  const article = fixtureArticle();
  const paragraph = article.paragraphs[5];
  if (!paragraph) throw new Error("fixture has fewer paragraphs than expected");
  return { ...makeCitation(article, paragraph, paragraph.sentences[0]?.text ?? paragraph.text, 0.9), ...overrides };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "Warum braucht Russland Munition?",
    answered: true,
    hedged: false,
    mode: "hybrid",
    citations: [citation()],
    ranking: [citation()],
    ...overrides,
  };
}

/** A deterministic pseudo-random generator, so the fuzz cases are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const FUZZ_PIECES = [
  "Wort",
  " ",
  ". ",
  "😀",
  "👨‍👩‍👧",
  "*",
  "_",
  "\\",
  "`",
  "|",
  "~",
  "[x](http://evil)",
  "@everyone",
  "<@123456789012345678>",
  "\n",
  "# ",
  "- ",
  "1. ",
  "ä",
  "e\u0301",
  "Munition",
  "„Zitat“",
];

function fuzzText(random: () => number, pieces: number): string {
  let text = "";
  for (let index = 0; index < pieces; index++) text += FUZZ_PIECES[Math.floor(random() * FUZZ_PIECES.length)] ?? "";
  return text;
}

describe("escapeDiscordText", () => {
  it("escapes inline markdown so it renders literally", () => {
    expect(escapeDiscordText("**bold** [x](http://evil) _it_ ~~s~~ `c` ||spoiler||")).toBe(
      "\\*\\*bold\\*\\* \\[x\\](http://evil) \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|",
    );
  });

  it("neutralises @everyone, @here and mention-like tokens with a zero-width space", () => {
    const escaped = escapeDiscordText("@everyone @here @Everyone <@123> <@!123> <@&456> <#789> </ask:1> <t:1700000000:R> <:kim:1> <a:kim:2>");
    expect(escaped).not.toMatch(/@(everyone|here)/i);
    expect(escaped).not.toMatch(/<[@#/:]|<a:|<t:/);
    expect(escaped).toContain("@\u200beveryone");
    expect(escaped).toContain("<\u200b@123>");
  });

  it("escapes block markers only at the start of a line", () => {
    expect(escapeDiscordText("# Titel\n> Zitat\n- Punkt\n-# klein\n12. Liste\nmitten - drin # und > so")).toBe(
      "\\# Titel\n\\> Zitat\n\\- Punkt\n\\-# klein\n12\\. Liste\nmitten - drin # und > so",
    );
    expect(escapeDiscordText("5. September", { inline: true })).toBe("5. September");
    expect(escapeDiscordText("a\n# b", { inline: true })).toBe("a\n\\# b");
  });

  it("leaves ordinary German article text as it is (verbatim)", () => {
    const paragraph = fixtureArticle().paragraphs[5]?.text ?? "";
    expect(escapeDiscordText(paragraph)).toBe(paragraph);
  });

  it("is reversed exactly by unescapeDiscordText", () => {
    const random = seededRandom(7);
    const samples = ["a\\*b", "\\\\", "<\\@1>", "**@here**", "# x\n1. y", ...Array.from({ length: 200 }, () => fuzzText(random, 12))];
    for (const sample of samples) expect(unescapeDiscordText(escapeDiscordText(sample))).toBe(sample);
  });
});

describe("truncateText", () => {
  const sentences =
    "Kim Jong Un will wohl noch im September nach Russland reisen. Dort soll er mit Kremlchef Putin eine Waffenkooperation beschließen. Nordkorea-Experte Eric Ballbach erklärt, was dahinter steckt.";

  it("returns short text unchanged", () => {
    expect(truncateText("kurz", 10)).toBe("kurz");
  });

  it("cuts at a sentence end when that keeps most of the text", () => {
    const cut = truncateText(sentences, 140);
    expect(cut).toBe("Kim Jong Un will wohl noch im September nach Russland reisen. Dort soll er mit Kremlchef Putin eine Waffenkooperation beschließen. …");
    expect(cut.length).toBeLessThanOrEqual(140);
  });

  it("falls back to a word end, without dangling punctuation", () => {
    const cut = truncateText(sentences, 40);
    expect(cut).toBe("Kim Jong Un will wohl noch im September…");
    expect(truncateText("Eins, zwei, drei, vier", 13)).toBe("Eins, zwei…");
  });

  it("never splits a surrogate pair or an emoji sequence", () => {
    const emoji = "😀".repeat(100);
    for (const max of [1, 2, 3, 50, 51, 52]) {
      const cut = truncateText(emoji, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
    }
    const family = "👨‍👩‍👧";
    const cut = truncateText(family.repeat(20), 30);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.slice(0, -1).split(family).join("")).toBe("");
  });

  it("never cuts inside a markdown escape", () => {
    for (const max of [10, 11, 12, 101]) {
      const cut = truncateText("*".repeat(300), max, { render: (raw) => escapeDiscordText(raw) });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.slice(0, -1)).toMatch(/^(\\\*)*$/);
    }
  });

  it("holds its limit on fuzzed hostile text, and the kept part is a clean prefix", () => {
    const random = seededRandom(42);
    for (let round = 0; round < 300; round++) {
      const raw = fuzzText(random, 1 + Math.floor(random() * 60));
      const max = 1 + Math.floor(random() * 120);
      const cut = truncateText(raw, max, { render: (text) => escapeDiscordText(text) });
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      const kept = unescapeDiscordText(cut.replace(/ ?…$/, ""));
      expect(raw.startsWith(kept.replace(/\s+$/, "")) || raw.replace(/\s+/g, " ").startsWith(kept)).toBe(true);
    }
  });
});

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
      "In deiner Frage steht nichts, wonach ich suchen kann: alle ihre Wörter sind zu häufig (wie „was“ oder „ist“). Frag nach etwas aus dem Artikel, oder probiere /zusammenfassung für einen Überblick.",
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

  it("adds a hint when the question's language differs from the article's and only words were matched", () => {
    const payload = presentAnswer(answer({ answered: false, languageMismatch: true }), { lang: "en" });
    expect(payload.content).toMatch(/only match words/);
    expect(presentAnswer(answer({ answered: false }), { lang: "en" }).content).not.toMatch(/only match words/);
  });
});

describe("links", () => {
  it("accepts only http(s), adds https to bare domains and encodes parentheses", () => {
    expect(safeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl("t-online.de")).toBe("https://t-online.de/");
    expect(safeLinkUrl("https://example.org/a_(b)")).toBe("https://example.org/a_%28b%29");
    expect(safeLinkUrl(null)).toBeNull();
    expect(safeLinkUrl("http://[invalid")).toBeNull();
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

describe("presentAbout and presentHelp", () => {
  const status: ServiceStatus = {
    mode: "lexical",
    model: "Xenova/multilingual-e5-small",
    modelLoaded: false,
    modelLoading: false,
    modelError: "embeddings disabled by configuration",
    articles: [
      {
        id: "a",
        origin: "operator",
        title: "Waffen aus Nordkorea für Russland",
        kicker: null,
        publisher: "t-online",
        url: "https://www.t-online.de/x",
        date: "2023-09-05",
        paragraphCount: 17,
        sourceCount: 4,
      },
    ],
    paragraphCount: 17,
    indexBuiltAt: "2024-05-01T12:00:00.000Z",
    indexVersion: "0123456789ab",
    unreadable: [],
  };

  it("lists articles, retrieval mode, model and index time", () => {
    const embed = presentAbout(status, "de").embeds[0];
    const text = JSON.stringify(embed);
    expect(embed?.fields?.[0]?.name).toBe("Waffen aus Nordkorea für Russland");
    expect(embed?.fields?.[0]?.value).toContain("17 Absätze");
    expect(embed?.fields?.[0]?.value).toContain("5. September 2023");
    expect(text).toContain("lexikalisch");
    expect(text).toContain("Xenova/multilingual-e5-small – nicht aktiv: embeddings disabled by configuration");
    expect(text).toContain(`<t:${Date.parse(status.indexBuiltAt) / 1000}:f>`);
  });

  it("says when the model is still loading", () => {
    const text = JSON.stringify(presentAbout({ ...status, modelLoading: true, modelError: null }, "en").embeds[0]);
    expect(text).toContain("loading (lexical search until it is ready)");
  });

  it("stays within limits with many long articles", () => {
    const many: ServiceStatus = {
      ...status,
      mode: "hybrid",
      modelLoaded: true,
      modelError: null,
      articles: Array.from({ length: 40 }, (_, index) => ({
        ...status.articles[0]!,
        id: `a${index}`,
        title: `Artikel ${index} `.repeat(40),
        url: `https://example.org/${"x".repeat(500)}`,
      })),
    };
    const embed = presentAbout(many, "en").embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(JSON.stringify(embed)).toContain("more articles");
    expect(JSON.stringify(embed)).toContain("(loaded)");
  });

  it("lists the given commands in help", () => {
    const options = { askCommand: "/frage", conversationIdleMinutes: 30, threadMessagesWithoutMention: false };
    const embed = presentHelp([{ command: "/frage", description: "Stell eine Frage" }], "de", options).embeds[0];
    expect(embed?.fields?.[0]?.value).toBe("**/frage** – Stell eine Frage");
    expect(embed?.fields?.[1]?.value).toContain("@Bot Wann reist Kim nach Russland?");
  });

  it("explains follow-ups in help: how long a conversation lasts, that a restart forgets it, and whether threads need a mention", () => {
    const options = { askCommand: "/ask", conversationIdleMinutes: 45, threadMessagesWithoutMention: false };
    const withMention = presentHelp([], "en", options).embeds[0]?.fields?.[2]?.value ?? "";
    expect(withMention).toContain("45 minutes");
    expect(withMention).toContain("restart");
    expect(withMention).toContain("`/ask thread: True`");
    expect(withMention).toContain("mention me");
    const withoutMention = presentHelp([], "de", { ...options, askCommand: "/frage", threadMessagesWithoutMention: true }).embeds[0]?.fields?.[2]?.value ?? "";
    expect(withoutMention).toContain("jede Nachricht als Nachfrage");
    expect(withoutMention).toContain("Neustart");
  });

  it("keeps notices within the content limit", () => {
    const notice = presentNotice("x ".repeat(3_000));
    expect(notice.content?.length).toBeLessThanOrEqual(LIMITS.content);
    expect(notice.allowedMentions).toEqual(NO_MENTIONS);
  });

  it("fitEmbedTotal drops trailing fields when shortening the description is not enough", () => {
    const fields = Array.from({ length: 10 }, (_, index) => ({ name: `f${index}`, value: "v".repeat(1_000) }));
    const fitted = fitEmbedTotal({ title: "t", description: "d".repeat(300), fields });
    expect(embedTextLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitted.fields?.length).toBeLessThan(10);
  });
});

describe("autocomplete choices", () => {
  const article = fixtureArticle();

  it("names a paragraph by ¶, section and opening words within 100 characters", () => {
    const paragraph = article.paragraphs[5];
    if (!paragraph) throw new Error("missing fixture paragraph");
    const name = paragraphChoiceName(paragraph);
    expect(name.startsWith("¶6 · Russland braucht für seinen… · Eine engere Kooperation beider Länder")).toBe(true);
    expect(name.endsWith("…")).toBe(true);
    expect(name.length).toBeLessThanOrEqual(100);
    for (const each of article.paragraphs) expect(paragraphChoiceName(each).length).toBeLessThanOrEqual(100);
  });

  it("filters by number prefix or by words, accent-insensitively", () => {
    expect(paragraphChoices(article, "").map((choice) => choice.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paragraphChoices(article, "1").map((choice) => choice.value)).toEqual([1, 10]);
    expect(paragraphChoices(article, "¶7").map((choice) => choice.value)).toEqual([7]);
    expect(paragraphChoices(article, "munition").map((choice) => choice.value)).toEqual([3, 5, 6, 7, 8]);
    expect(paragraphChoices(article, "Ruestung").map((choice) => choice.value)).toEqual([]);
    expect(paragraphChoices(article, "rustungsguter").map((choice) => choice.value)).toEqual([8]);
  });

  it("offers at most 25 choices", () => {
    const big = { ...article, paragraphs: Array.from({ length: 60 }, (_, index) => ({ ...article.paragraphs[0]!, number: index + 1 })) };
    expect(paragraphChoices(big, "")).toHaveLength(25);
  });

  it("suggests articles by title with their key as value", () => {
    const choices = articleChoices([article, fixtureArticle({ id: "zweiter", title: "Etwas ganz anderes" })], "nordkorea");
    expect(choices).toEqual([{ name: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? (2023-09-05)", value: "nordkorea-russland-waffen" }]);
  });
});

describe("presentSummary", () => {
  function summary(sentences: SummarySentence[], overrides: Partial<Summary> = {}): Summary {
    return {
      articleId: "nordkorea-russland-waffen",
      articleTitle: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
      publisher: "t-online",
      date: "2023-09-05",
      url: "https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html",
      length: "long",
      section: null,
      sectionNumber: null,
      scoring: "lexical",
      sentences,
      ...overrides,
    };
  }
  const sentence = (text: string, paragraph: number, sentenceIndex = 0): SummarySentence => ({ text, paragraph, sentenceIndex, heading: null });

  /** Quoted lines and their citations, read back as the user would see them. */
  function entries(description: string): Array<{ text: string; paragraph: number }> {
    const lines = description.split("\n");
    return lines.flatMap((line, index) => {
      const citation = /^— \*\*¶(\d+)\*\*$/.exec(lines[index + 1] ?? "");
      return line.startsWith("> ") && citation ? [{ text: unescapeDiscordText(line.slice(2)), paragraph: Number(citation[1]) }] : [];
    });
  }

  it("fits eight very long, markdown-heavy sentences: every one appears, cut fairly, within every limit", () => {
    const long = (seed: number) => `Satz ${seed}: ` + "Munition *und* Waffen_aus [Nordkorea] für Russland. ".repeat(40);
    const input = Array.from({ length: 8 }, (_, index) => sentence(long(index), index + 1));
    const payload = presentSummary(summary(input), "de");
    const embed = payload.embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const shown = entries(embed.description ?? "");
    expect(shown.map((entry) => entry.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    shown.forEach((entry, index) => {
      expect(entry.text.endsWith("…")).toBe(true);
      expect(input[index]?.text.startsWith(entry.text.replace(/ ?…$/, ""))).toBe(true);
      // A fair share each: no sentence is squeezed to a stub.
      expect(entry.text.length).toBeGreaterThan(250);
    });
    expect(payload.allowedMentions).toEqual(NO_MENTIONS);
  });

  it("groups a whole-article summary under its section headings, each heading once, within the limits", () => {
    const withHeading = (text: string, paragraph: number, heading: string | null): SummarySentence => ({ ...sentence(text, paragraph), heading });
    const long = (seed: number) => `Satz ${seed}: ` + "Munition und Waffen aus Nordkorea für Russland. ".repeat(40);
    const input = [
      withHeading(long(1), 1, null),
      withHeading(long(2), 6, "Russland braucht **Munition**"),
      withHeading(long(3), 9, "Russland braucht **Munition**"),
      withHeading(long(4), 14, "Bereits 2019 war Kim in Russland"),
    ];
    const embed = presentSummary(summary(input), "en").embeds[0];
    const description = embed?.description ?? "";
    const headings = description.split("\n").filter((line) => /^\*\*[^¶]/.test(line));
    expect(headings).toEqual(["**Opening (no heading)**", "**Russland braucht \\*\\*Munition\\*\\***", "**Bereits 2019 war Kim in Russland**"]);
    expect(entries(description).map((entry) => entry.paragraph)).toEqual([1, 6, 9, 14]);
    if (embed) expect(embedLimitViolations(embed)).toEqual([]);
    // A one-section summary has its heading in the title, so none in the body.
    const single = presentSummary(summary(input.slice(1, 3), { sectionNumber: 2, section: "Russland braucht Munition" }), "en").embeds[0];
    expect((single?.description ?? "").split("\n").filter((line) => /^\*\*[^¶]/.test(line))).toEqual([]);
  });

  it("keeps short sentences whole and gives long ones the rest", () => {
    const short = "Kim Jong Un will wohl noch im September nach Russland reisen.";
    const input = [sentence(short, 1), sentence("Lang ".repeat(2_000).trim() + ".", 2), sentence(short, 3)];
    const shown = entries(presentSummary(summary(input), "en").embeds[0]?.description ?? "");
    expect(shown[0]?.text).toBe(short);
    expect(shown[2]?.text).toBe(short);
    expect(shown[1]?.text.length).toBeGreaterThan(3_000);
  });

  it("escapes article text: no pings, no markup, no mention tokens", () => {
    const hostile = "@everyone **fett** <@123456789012345678> [Link](http://evil) # Überschrift sagt er.";
    const payload = presentSummary(summary([sentence(hostile, 4)]), "de");
    const description = payload.embeds[0]?.description ?? "";
    expect(description).not.toMatch(/@everyone/);
    expect(description).not.toMatch(/<@\d/);
    expect(description).toContain("\\*\\*fett\\*\\*");
    expect(entries(description)).toEqual([{ text: hostile, paragraph: 4 }]);
  });

  it("heads the summary with the linked article, publisher and date in the user's language", () => {
    const payload = presentSummary(
      summary([sentence("Ein Satz, der lang genug ist, um zitiert zu werden.", 1)], {
        length: "short",
        section: "Russland braucht Munition",
        sectionNumber: 2,
      }),
      "en",
    );
    const embed = payload.embeds[0];
    expect(embed?.title).toBe("Summary (short) · section 2: Russland braucht Munition");
    expect(embed?.description?.split("\n")[0]).toBe(
      "[Waffen aus Nordkorea für Russland: Putins letzter Ausweg?](https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html) · t-online · 5 September 2023",
    );
    expect(embed?.footer?.text).toBe("1 sentence verbatim from the article, in its order · selection: lexical");
  });

  it("says so when nothing could be quoted", () => {
    const payload = presentSummary(summary([], { publisher: null, date: null, url: null, sectionNumber: 1, section: null }), "de");
    expect(payload.embeds[0]?.title).toBe("Zusammenfassung (lang) · Abschnitt 1 (Einleitung)");
    expect(payload.embeds[0]?.description).toBe(
      "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? · *Herausgeber und Datum nicht angegeben*\n\nIn diesem Teil des Artikels steht kein Satz, der sich für sich allein als Zusammenfassung zitieren lässt.",
    );
  });

  it("shareBudget meets small wants in full and splits the rest equally", () => {
    expect(shareBudget([10, 1_000, 1_000], 900)).toEqual([10, 445, 445]);
    expect(shareBudget([100, 200], 1_000)).toEqual([100, 200]);
    expect(shareBudget([], 100)).toEqual([]);
  });
});
