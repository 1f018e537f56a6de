import type { Summary } from "../answer/summary/index.js";

/** Summaries as text for the terminal and `npm run summary`, and as JSON for scripts. */

/** The JSON shape promised to scripts: exactly these keys, sentences in article order. */
export function summaryToJson(summary: Summary): string {
  return JSON.stringify({
    article: summary.articleTitle,
    length: summary.length,
    sentences: summary.sentences.map((sentence) => ({ text: sentence.text, paragraph: sentence.paragraph, section: sentence.heading })),
  });
}

/** "t-online, 2023-09-05", or a note that the article names neither. */
export function summaryOrigin(summary: Pick<Summary, "publisher" | "date">): string {
  return [summary.publisher, summary.date].filter((part): part is string => Boolean(part)).join(", ") || "publisher and date not stated";
}

/** Plain text for the terminal: header naming article, publisher and date, then one cited sentence per line. */
export function formatSummaryText(summary: Summary): string {
  const scope = summary.sectionNumber === null ? "" : ` of section ${summary.sectionNumber}${summary.section ? ` „${summary.section}“` : " (opening)"}`;
  const header = [
    `Summary${scope}: „${summary.articleTitle}“ — ${summaryOrigin(summary)}`,
    `(${summary.length}: ${summary.sentences.length} sentence${summary.sentences.length === 1 ? "" : "s"} quoted verbatim, in article order; ${summary.scoring} scoring)`,
  ];
  if (summary.sentences.length === 0) return [...header, "  (nothing in this part of the article can be quoted as a summary)"].join("\n");
  // A whole article with headings reads as points under their section's heading.
  const grouped = summary.sectionNumber === null && summary.sentences.some((sentence) => sentence.heading !== null);
  const lines = summary.sentences.flatMap((sentence, index) => {
    const line = `  [¶${sentence.paragraph}] ${sentence.text}`;
    const previous = summary.sentences[index - 1];
    if (!grouped || (previous && previous.heading === sentence.heading)) return [line];
    return [`  § ${sentence.heading ?? "Opening"}`, line];
  });
  return [...header, ...lines, ...(summary.url ? [`Source: ${summary.url}`] : [])].join("\n");
}
