import type { ArticleFactKind } from "../answer/article-facts/index.js";
import type { ArticleFacts, ArticleFactSheet } from "../answer/types.js";

/** The line that answers what was asked, before the rest of the article's details. */
function leadLine(asked: ArticleFactKind, sheet: ArticleFactSheet): string {
  switch (asked) {
    case "author":
      return "No author is recorded for this article.";
    case "date":
      return sheet.date ? `Published on ${sheet.date}${sheet.publisher ? ` by ${sheet.publisher}` : ""}.` : "The article states no date.";
    case "publisher":
      return sheet.publisher ? `Published by ${sheet.publisher}${sheet.date ? ` on ${sheet.date}` : ""}.` : "The article does not name its publisher.";
    case "sources":
      return sheet.sources.length > 0 ? `The article lists ${sheet.sources.length} source(s).` : "The article lists no sources.";
    case "link":
      return sheet.url ? `Link: ${sheet.url}` : "The article states no link to where it was published.";
    case "title":
      return `Title: „${sheet.title}“${sheet.kicker ? ` (kicker: ${sheet.kicker})` : ""}`;
  }
}

function sheetLines(asked: ArticleFactKind, sheet: ArticleFactSheet): string[] {
  const published = [sheet.publisher, sheet.date].filter((part): part is string => Boolean(part)).join(", ");
  return [
    `„${sheet.title}“ [id: ${sheet.articleId}]`,
    `  ${leadLine(asked, sheet)}`,
    ...(asked !== "date" && asked !== "publisher" ? [`  published: ${published || "no publisher or date stated"}`] : []),
    ...(asked !== "link" && sheet.url ? [`  link: ${sheet.url}`] : []),
    ...(asked !== "sources" && sheet.sources.length > 0 ? [`  sources (${sheet.sources.length}):`] : []),
    ...sheet.sources.map((source) => `    - ${source}`),
  ];
}

/** A question about an article itself, answered from its details: in the terminal and `npm run ask`. */
export function formatArticleFacts(facts: ArticleFacts): string {
  const blocks = facts.articles.map((sheet) => sheetLines(facts.asked, sheet).join("\n"));
  const more = facts.more > 0 ? [`… and ${facts.more} more article(s): name the one you mean, or see /articles.`] : [];
  return [...blocks, ...more, "(from the article's own details, not from its text)"].join("\n\n");
}
