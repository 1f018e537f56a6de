import type { APIEmbed } from "discord.js";
import type { ArticleFactKind } from "../../answer/article-facts/index.js";
import type { ArticleFacts, ArticleFactSheet } from "../../answer/types.js";
import { formatDate, messages, type FactsMessages, type Lang } from "../i18n/index.js";
import { fitEmbedTotal } from "./embeds.js";
import { escapeDiscordText } from "./escaping.js";
import { LIMITS, EMBED_COLOR, NO_MENTIONS, type MessagePayload } from "./limits.js";
import { fitEscaped, fitEscapedInline, fitPlain } from "./truncation.js";
import { safeLinkUrl } from "./links.js";

/** Each source line's share of the description: a long list is cut, not the article's other details. */
const SOURCE_MAX = 200;

function published(sheet: ArticleFactSheet, lang: Lang, text: FactsMessages): string {
  if (!sheet.date && !sheet.publisher) return text.noPublisher;
  const publisher = sheet.publisher ? fitEscapedInline(sheet.publisher, 100) : null;
  return text.published(sheet.date ? formatDate(sheet.date, lang) : null, publisher);
}

function linkLine(sheet: ArticleFactSheet, text: FactsMessages): string | null {
  const url = safeLinkUrl(sheet.url);
  return url ? text.link(`<${url}>`) : null;
}

/** The line that answers what was asked; null when the details below answer it (the date, the publisher). */
function lead(asked: ArticleFactKind, sheet: ArticleFactSheet, text: FactsMessages): string | null {
  switch (asked) {
    case "author":
      return text.noAuthor;
    case "date":
      return sheet.date ? null : text.noDate;
    case "publisher":
      return sheet.publisher ? null : text.noPublisher;
    case "sources":
      return sheet.sources.length > 0 ? null : text.noSources;
    case "link":
      return linkLine(sheet, text) ?? text.noLink;
    case "title":
      return null;
  }
}

function sheetBlock(asked: ArticleFactKind, sheet: ArticleFactSheet, lang: Lang, text: FactsMessages, budget: number): string {
  const link = asked === "link" ? null : linkLine(sheet, text);
  const lines = [
    `**${fitEscaped(sheet.title, 250)}**`,
    ...(sheet.kicker ? [text.kicker(fitEscapedInline(sheet.kicker, 150))] : []),
    ...[lead(asked, sheet, text)].filter((line): line is string => line !== null),
    // Asked for the publisher of an article that names none, the lead has said so.
    ...(asked === "publisher" && !sheet.publisher && !sheet.date ? [] : [published(sheet, lang, text)]),
    ...(link ? [link] : []),
  ];
  if (sheet.sources.length > 0) {
    lines.push(text.sources(sheet.sources.length));
    for (const source of sheet.sources) lines.push(`• ${fitEscaped(source, SOURCE_MAX)}`);
  }
  // Whole lines only: a list cut mid-line would misquote a source.
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join("\n");
}

/** A question about an article itself ("Wer hat den Artikel geschrieben?"), answered from its details, with the question as the title. */
export function presentArticleFacts(question: string, facts: ArticleFacts, lang: Lang): MessagePayload {
  const text = messages(lang).facts;
  const more = facts.more > 0 ? [text.more(facts.more)] : [];
  const budget = Math.floor(LIMITS.embedDescription / Math.max(1, facts.articles.length)) - 2 - (more[0]?.length ?? 0);
  const blocks = facts.articles.map((sheet) => sheetBlock(facts.asked, sheet, lang, text, budget));
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    // The question as the title, as on every answer: a reply to this message is read as a follow-up to it.
    title: fitEscaped(question, LIMITS.embedTitle),
    description: [...blocks, ...more.map((line) => escapeDiscordText(line))].join("\n\n"),
    footer: { text: fitPlain(text.footer, LIMITS.footer) },
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}
