import type { Article } from "../content/types.js";
import type { DroppedLine } from "../content/parse/furniture.js";

/** Words of each paragraph shown by `--check`: enough to recognise it. */
const FIRST_WORDS = 10;
const MAX_DROPPED_LINE = 90;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * How a file was read, for a moderator who wants to see a bad paste before
 * it goes live: title, kicker, date, publisher, each section with the first
 * words of its paragraphs, the sources, and what was dropped as the site's
 * furniture, with why.
 */
export function formatArticleCheck(file: string, article: Article, dropped: readonly DroppedLine[]): string {
  const lines = [
    `${file} would be read as the article "${article.id}":`,
    `  title:     ${article.title}`,
    `  kicker:    ${article.kicker ?? "none"}`,
    `  date:      ${article.date ?? "none found"}`,
    `  publisher: ${article.publisher ?? "none found"}`,
    `  ${article.paragraphs.length} paragraph(s) in ${article.sections.length} section(s):`,
  ];
  for (const section of article.sections) {
    lines.push(`  § ${section.heading ?? "(no heading)"}`);
    for (const number of section.paragraphNumbers) {
      const paragraph = article.paragraphs[number - 1];
      if (!paragraph) continue;
      const words = paragraph.text.split(/\s+/u);
      lines.push(`    ¶${number} ${words.slice(0, FIRST_WORDS).join(" ")}${words.length > FIRST_WORDS ? " …" : ""}`);
    }
  }
  lines.push(`  ${article.sources.length} source(s)${article.sources.length > 0 ? ":" : ""}`);
  for (const source of article.sources) lines.push(`    - ${clip(source.text, MAX_DROPPED_LINE)}`);
  if (article.format === "html") {
    lines.push("  Web page: its navigation and furniture were left out by the HTML reader.");
  } else if (dropped.length === 0) {
    lines.push("  Nothing was dropped as page furniture.");
  } else {
    lines.push(`  Dropped as the site's page furniture (${dropped.length} line(s)):`);
    for (const line of dropped) lines.push(`    - [${line.reason}] ${clip(line.text, MAX_DROPPED_LINE)}`);
  }
  lines.push("Nothing was changed. Add it with npm run reindex -- --add FILE.");
  return lines.join("\n");
}
