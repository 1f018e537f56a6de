import { formatDate, type Lang } from "../i18n/index.js";
import { escapeDiscordText } from "./escaping.js";
import { LIMITS } from "./limits.js";
import { safeLinkUrl } from "./links.js";
import { fitEscaped, fitEscapedInline } from "./truncation.js";

/** The line that names an article under an answer, a paragraph or a summary. */

export interface ArticleReference {
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

/** "[Title](url) · t-online · 5. September 2023", escaped, within `max`. */
export function articleReferenceLine(article: ArticleReference, lang: Lang, max: number = LIMITS.fieldValue): string {
  const details = [article.publisher, article.date ? formatDate(article.date, lang) : null]
    .filter((part): part is string => part !== null && part.trim() !== "")
    .map((part) => escapeDiscordText(part, { inline: true }));
  const tail = details.length > 0 ? ` · ${details.join(" · ")}` : "";
  const url = safeLinkUrl(article.url);
  const linkOverhead = url ? url.length + 4 : 0;
  const titleBudget = Math.max(20, max - tail.length - linkOverhead);
  const title = url ? fitEscapedInline(article.title, titleBudget) : fitEscaped(article.title, titleBudget);
  const line = (url ? `[${title}](${url})` : title) + tail;
  return line.length <= max ? line : fitEscaped(article.title, max);
}
