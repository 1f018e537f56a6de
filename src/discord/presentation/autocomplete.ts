/** Autocomplete choices for paragraphs and articles. */
import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { Article, Paragraph } from "../../content/types.js";
import { articleKeyFor } from "../custom-ids.js";
import { LIMITS } from "./limits.js";
import { fitPlain, singleLine } from "./truncation.js";

// ---------------------------------------------------------------------------
// Autocomplete

/** Lower case, without diacritics, ß as ss: so "offentlich" finds "öffentlich". */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").toLowerCase();
}

/** "¶7 · Russland braucht … · Eine engere Kooperation …": number, section, opening words; at most 100 characters. */
export function paragraphChoiceName(paragraph: Paragraph): string {
  const number = `¶${paragraph.number}`;
  const separator = " · ";
  const text = singleLine(paragraph.text);
  if (!paragraph.heading) return fitPlain(`${number}${separator}${text}`, LIMITS.choiceName);
  const heading = fitPlain(singleLine(paragraph.heading), 32);
  const remaining = LIMITS.choiceName - number.length - heading.length - 2 * separator.length;
  return `${number}${separator}${heading}${separator}${fitPlain(text, remaining)}`;
}

/**
 * Up to 25 paragraph suggestions for what the user typed: digits match paragraph
 * numbers by prefix, words match heading and text (case and accent insensitive).
 */
export function paragraphChoices(article: Article, typed: string): APIApplicationCommandOptionChoice<number>[] {
  const query = typed.trim();
  let matches: Paragraph[];
  if (query === "") {
    matches = article.paragraphs;
  } else if (/^¶?\s*\d+$/.test(query)) {
    const digits = query.replace(/\D/g, "");
    matches = article.paragraphs.filter((paragraph) => String(paragraph.number).startsWith(digits));
  } else {
    const words = foldForSearch(query)
      .split(/\s+/)
      .filter((word) => word.length > 0);
    matches = article.paragraphs.filter((paragraph) => {
      const haystack = foldForSearch(`${paragraph.heading ?? ""} ${paragraph.text}`);
      return words.every((word) => haystack.includes(word));
    });
  }
  return matches.slice(0, LIMITS.choices).map((paragraph) => ({ name: paragraphChoiceName(paragraph), value: paragraph.number }));
}

/** Up to 25 article suggestions matching title or id; the value is the article key used in custom ids. */
export function articleChoices(
  articles: readonly Pick<Article, "id" | "title" | "publisher" | "date">[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const words = foldForSearch(typed.trim())
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return articles
    .filter((article) => {
      const haystack = foldForSearch(`${article.title} ${article.id} ${article.publisher ?? ""}`);
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, LIMITS.choices)
    .map((article) => {
      const date = article.date ? ` (${article.date})` : "";
      return { name: fitPlain(singleLine(`${article.title}${date}`), LIMITS.choiceName), value: articleKeyFor(article.id) };
    });
}
