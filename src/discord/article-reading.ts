/**
 * How an uploaded file was read, as an embed: for `/reindex check` (nothing
 * changes) and below the report of an upload. A moderator sees a bad paste
 * (page furniture taken for paragraphs, a lost headline) before it answers
 * anyone. Pure functions, like content-presentation.ts.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import type { ArticleChange, ArticleCheck } from "../content/library/index.js";
import type { ArticleReading } from "../content/reading.js";
import { commandTexts, contentProblemText, formatDate, messages, type Lang } from "./i18n/index.js";
import {
  EMBED_COLOR,
  LIMITS,
  NO_MENTIONS,
  embedTextLength,
  fitEscaped,
  fitEscapedInline,
  fitPlain,
  singleLine,
  type MessagePayload,
} from "./presentation/index.js";
import { shownId } from "./content-presentation.js";

/** Sections listed with their paragraphs; the rest are counted. */
const MAX_SECTIONS = 6;
/** Characters of one section's paragraph list, and of the list of dropped lines. */
const SECTION_BUDGET = 420;
const DROPPED_BUDGET = 900;
/** Characters of one paragraph's opening or one dropped line. */
const LINE_CHARS = 90;

/** Lines that fit within `budget` characters (joined by newlines), then "… and N more". */
function linesWithin(lines: readonly string[], budget: number, more: (count: number) => string): string {
  const kept: string[] = [];
  let used = 0;
  for (const [index, line] of lines.entries()) {
    const tail = more(lines.length - index);
    const remaining = lines.length - index - 1;
    // Room for the "more" line stays unless this is the last line.
    if (used + line.length + 1 > budget - (remaining > 0 ? tail.length + 1 : 0)) {
      kept.push(tail);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join("\n");
}

/**
 * The embed of a reading within `budget` characters (a message's embeds share
 * 6,000): its heading lines, a field per section, what was left out, and any
 * warnings. Sections go from the end first when it does not fit, so what was
 * left out and the warnings stay longest.
 */
export function readingEmbed(
  reading: ArticleReading,
  title: string,
  lang: Lang,
  /** `warnings`: Discord markdown, escaped already. */
  extra: { warnings?: readonly string[]; footer?: string; budget?: number } = {},
): APIEmbed {
  const text = messages(lang).content;
  const none = `*${text.readingNotFound}*`;
  const description = [
    `**${fitEscaped(singleLine(reading.title), 300)}**`,
    `${text.readingKicker}: ${reading.kicker ? fitEscapedInline(singleLine(reading.kicker), 150) : none}`,
    `${text.readingDate}: ${reading.date ? fitEscapedInline(formatDate(reading.date, lang), 60) : none} · ${text.readingPublisher}: ${
      reading.publisher ? fitEscapedInline(singleLine(reading.publisher), 80) : none
    }`,
    `${text.readingParagraphs(reading.paragraphCount, reading.sections.length)} · ${text.readingSources(reading.sources.length)}`,
  ].join("\n");
  const more = (count: number): string => text.readingMore(count);
  const sectionFields: APIEmbedField[] = reading.sections.map((section) => ({
    name: fitEscaped(singleLine(section.heading ?? text.readingNoHeading), 100),
    value:
      linesWithin(
        section.paragraphs.map((paragraph) => `¶${paragraph.number} ${fitEscapedInline(paragraph.opening, LINE_CHARS)}${paragraph.clipped ? " …" : ""}`),
        SECTION_BUDGET,
        more,
      ) || "–",
  }));
  const tailFields: APIEmbedField[] = [];
  if (reading.format === "html") {
    tailFields.push({ name: text.readingDropped(0), value: text.readingHtmlFurniture });
  } else if (reading.dropped.length === 0) {
    tailFields.push({ name: text.readingDropped(0), value: text.readingNothingDropped });
  } else {
    const lines = reading.dropped.map((line) => `[${text.furnitureReason(line.reason)}] ${fitEscapedInline(singleLine(line.text), LINE_CHARS)}`);
    tailFields.push({ name: text.readingDropped(reading.dropped.length), value: linesWithin(lines, DROPPED_BUDGET, more) });
  }
  for (const warning of extra.warnings ?? []) tailFields.push({ name: "⚠", value: fitPlain(warning, 600) });
  const budget = extra.budget ?? LIMITS.embedTotal;
  const assemble = (sections: number, tail: number): APIEmbed => {
    const hidden = reading.sections.slice(sections).reduce((sum, section) => sum + section.paragraphs.length, 0);
    const fields = [...sectionFields.slice(0, sections), ...(hidden > 0 ? [{ name: "…", value: text.readingMore(hidden) }] : []), ...tailFields.slice(0, tail)];
    return {
      color: EMBED_COLOR,
      title: fitEscapedInline(title, LIMITS.embedTitle),
      description,
      fields,
      ...(extra.footer ? { footer: { text: extra.footer } } : {}),
    };
  };
  let sections = Math.min(MAX_SECTIONS, sectionFields.length);
  let tail = tailFields.length;
  let embed = assemble(sections, tail);
  while (embedTextLength(embed) > budget && (sections > 0 || tail > 0)) {
    if (sections > 0) sections -= 1;
    else tail -= 1;
    embed = assemble(sections, tail);
  }
  return embed;
}

/** `/reindex check`: how the file would be read, whether adding it would be refused or replace an article; nothing changed. */
export function presentArticleCheck(check: ArticleCheck, fileName: string, lang: Lang): MessagePayload {
  const text = messages(lang).content;
  const options = commandTexts.reindex.options;
  const warnings: string[] = [];
  // The reason names the file and the title is the article's: both are escaped before they go into the markdown.
  if (check.notAnArticle) {
    // Told as of a check: "cannot be added", since nobody tried to add it.
    warnings.push(fitEscaped(contentProblemText({ kind: "not-an-article", file: fileName, shape: check.notAnArticle }, lang, "check"), 500));
  }
  if (check.replaces) {
    const title = check.replaces.title === null ? null : fitEscapedInline(singleLine(check.replaces.title), 150);
    warnings.push(text.readingWouldReplace(title, shownId(check.articleId), options.replace[lang].name));
  }
  const embed = readingEmbed(check.reading, text.readingTitle(singleLine(fileName)), lang, {
    warnings,
    footer: text.readingCheckFooter(options.check[lang].name),
  });
  return { content: "", embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** The report of an upload with how the new article was read below it, within the message's 6,000 characters. */
export function withReading(report: MessagePayload, change: ArticleChange | null, lang: Lang): MessagePayload {
  if (!change?.reading) return report;
  const used = report.embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
  const embed = readingEmbed(change.reading, messages(lang).content.readingAddedTitle, lang, { budget: LIMITS.embedTotal - used });
  return embedTextLength(embed) + used <= LIMITS.embedTotal ? { ...report, embeds: [...report.embeds, embed] } : report;
}
