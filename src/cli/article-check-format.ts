import type { ArticleReading } from "../content/reading.js";

const MAX_SHOWN_LINE = 90;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `npm run reindex -- --check FILE`: how the file would be read (see ArticleReading), as text. */
export function formatArticleCheck(file: string, articleId: string, reading: ArticleReading): string {
  const lines = [
    `${file} would be read as the article "${articleId}":`,
    `  title:     ${reading.title}`,
    `  kicker:    ${reading.kicker ?? "none"}`,
    `  date:      ${reading.date ?? "none found"}`,
    `  publisher: ${reading.publisher ?? "none found"}`,
    `  ${reading.paragraphCount} paragraph(s) in ${reading.sections.length} section(s):`,
  ];
  for (const section of reading.sections) {
    lines.push(`  § ${section.heading ?? "(no heading)"}`);
    for (const paragraph of section.paragraphs) lines.push(`    ¶${paragraph.number} ${paragraph.opening}${paragraph.clipped ? " …" : ""}`);
  }
  lines.push(`  ${reading.sources.length} source(s)${reading.sources.length > 0 ? ":" : ""}`);
  for (const source of reading.sources) lines.push(`    - ${clip(source, MAX_SHOWN_LINE)}`);
  if (reading.format === "html") {
    lines.push("  Web page: its navigation and furniture were left out by the HTML reader.");
  } else if (reading.dropped.length === 0) {
    lines.push("  Nothing was dropped as page furniture.");
  } else {
    lines.push(`  Dropped as the site's page furniture (${reading.dropped.length} line(s)):`);
    for (const line of reading.dropped) lines.push(`    - [${line.reason}] ${clip(line.text, MAX_SHOWN_LINE)}`);
  }
  lines.push("Nothing was changed. Add it with npm run reindex -- --add FILE.");
  return lines.join("\n");
}
