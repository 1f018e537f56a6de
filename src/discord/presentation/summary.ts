/** Summaries as message payloads: quoted sentences grouped by section, within the limits. */
import type { APIEmbed } from "discord.js";
import type { Summary } from "../../answer/summary/index.js";
import { messages, type Lang } from "../i18n/index.js";
import { LIMITS, NO_MENTIONS, EMBED_COLOR, type MessagePayload } from "./limits.js";
import { escapeDiscordText, quoteBlock } from "./escaping.js";
import { truncateText, fitEscapedInline, fitPlain } from "./truncation.js";
import { fitEmbedTotal } from "./embeds.js";
import { articleReferenceLine } from "./article-reference.js";

const SUMMARY_REFERENCE_MAX = 400;

/**
 * `/summary`: the frame (length, section) as the title, then the article
 * reference (linked title, publisher, date), then each sentence verbatim as a
 * quote followed by its ¶, in article order. Long sentences share the
 * description fairly, so every selected sentence appears (eight of Discord's
 * longest still fit); a cut sentence ends in an ellipsis.
 */
/** An article as an entry of a list to choose from, when a summary does not say which: „Title“ (id). */
export function articleChoiceEntry(title: string, id: string): string {
  return `„${fitEscapedInline(title, 90)}“ (${fitEscapedInline(id, 60)})`;
}

export function presentSummary(summary: Summary, lang: Lang): MessagePayload {
  const text = messages(lang).summary;
  const section =
    summary.sectionNumber === null ? "" : text.sectionTitle(summary.sectionNumber, summary.section === null ? null : fitEscapedInline(summary.section, 150));
  const title = fitPlain(text.title(summary.length), 60) + section;

  const origin = summary.publisher || summary.date ? "" : ` · *${text.originUnknown}*`;
  const reference =
    articleReferenceLine(
      { title: summary.articleTitle, publisher: summary.publisher, url: summary.url, date: summary.date },
      lang,
      SUMMARY_REFERENCE_MAX - origin.length,
    ) + origin;

  const citationLines = summary.sentences.map((sentence) => `— **¶${sentence.paragraph}**`);
  // A whole-article summary of an article with sections reads as points under their section's heading.
  const headingLines = summaryHeadingLines(summary, text.openingSection);
  // Every block is "[heading]\nquote\ncitation", blocks are separated by a blank line, and the reference line comes first.
  const overhead =
    reference.length +
    citationLines.reduce((sum, line) => sum + line.length + 1 + 2, 0) +
    headingLines.reduce((sum, line) => sum + (line === null ? 0 : line.length + 1), 0);
  const quotes = fitQuotes(
    summary.sentences.map((sentence) => sentence.text),
    LIMITS.embedDescription - overhead,
  );
  const blocks = quotes.map((quote, index) => {
    const heading = headingLines[index];
    return `${heading === null || heading === undefined ? "" : `${heading}\n`}${quote}\n${citationLines[index] ?? ""}`;
  });
  const body = blocks.length > 0 ? blocks.join("\n\n") : text.empty;

  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: truncateText(title, LIMITS.embedTitle),
    description: `${reference}\n\n${body}`,
    footer: { text: text.footer(summary.sentences.length, summary.scoring) },
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * For each summary sentence, the bold section heading to show above it, or
 * null: a heading starts each section's run of sentences when a whole article
 * with headings is summarised; a one-section summary has its heading in the title.
 */
function summaryHeadingLines(summary: Summary, openingLabel: string): (string | null)[] {
  const grouped = summary.sectionNumber === null && summary.sentences.some((sentence) => sentence.heading !== null);
  return summary.sentences.map((sentence, index) => {
    if (!grouped) return null;
    const previous = summary.sentences[index - 1];
    if (previous && previous.heading === sentence.heading) return null;
    return `**${sentence.heading === null ? openingLabel : fitEscapedInline(sentence.heading, 150)}**`;
  });
}

/** Each sentence escaped and quoted, sharing `budget` characters: short ones whole, long ones cut to an equal share. */
function fitQuotes(sentences: readonly string[], budget: number): string[] {
  const render = (raw: string): string => quoteBlock(escapeDiscordText(raw));
  const allowance = shareBudget(
    sentences.map((sentence) => render(sentence).length),
    budget,
  );
  return sentences.map((sentence, index) => truncateText(sentence, allowance[index] ?? 0, { render }));
}

/** Splits `budget` so that small wants are met in full and the rest is divided equally among the larger ones. */
export function shareBudget(wanted: readonly number[], budget: number): number[] {
  const shares = new Array<number>(wanted.length).fill(0);
  const smallestFirst = wanted.map((_, index) => index).sort((left, right) => (wanted[left] ?? 0) - (wanted[right] ?? 0));
  let remaining = Math.max(0, budget);
  let left = wanted.length;
  for (const index of smallestFirst) {
    const share = Math.min(wanted[index] ?? 0, Math.floor(remaining / left));
    shares[index] = share;
    remaining -= share;
    left -= 1;
  }
  return shares;
}
