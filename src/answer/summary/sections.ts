import type { Article } from "../../content/types.js";
import { foldToken } from "../../search/analyzer.js";

/** Finding the article and the section a summary request names, and the labels that list them. */

/**
 * Which section to summarise: a 0-based index into `Article.sections`, or a
 * string that is a heading (exact, or a unique part of one; case and umlaut
 * spelling ignored) or a 1-based section number ("2").
 */
export type SectionSelector = string | number;

export class UnknownSectionError extends Error {
  override readonly name = "UnknownSectionError";

  constructor(
    readonly selector: string,
    /** One label per section, as `sectionLabels` writes them. */
    readonly available: string[],
    reason = "no such section",
  ) {
    // The selector may have been meant as a length ("huge", "--length short"): say what both accept.
    super(`${reason}: "${selector}". A length is short, medium or long (kurz, mittel, lang); sections: ${available.join("; ")}`);
  }
}

export class UnknownArticleError extends Error {
  override readonly name = "UnknownArticleError";

  constructor(
    readonly articleId: string | null,
    readonly available: string[],
  ) {
    super(
      articleId === null
        ? `several articles are loaded; name one of: ${available.join(", ")}`
        : `no article with id "${articleId}". Available: ${available.join(", ")}`,
    );
  }
}

/** Normalised form for comparing headings, titles and typed names. */
export function comparable(text: string): string {
  return foldToken(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function sectionLabel(heading: string | null, index: number): string {
  return `${index + 1}: ${heading ?? "(opening, no heading)"}`;
}

/** "1: (opening, no heading)", "2: Russland braucht …": the labels error messages and autocomplete show. */
export function sectionLabels(article: Article): string[] {
  return article.sections.map((section, index) => sectionLabel(section.heading, index));
}

/** Resolves a section selector to an index into `Article.sections`; throws `UnknownSectionError`. */
export function resolveSection(article: Article, selector: SectionSelector): number {
  const labels = sectionLabels(article);
  if (typeof selector === "number") {
    if (Number.isInteger(selector) && selector >= 0 && selector < article.sections.length) return selector;
    throw new UnknownSectionError(String(selector), labels);
  }
  const wanted = selector.trim();
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1;
    if (index >= 0 && index < article.sections.length) return index;
    throw new UnknownSectionError(wanted, labels);
  }
  const folded = comparable(wanted);
  if (folded.length === 0) throw new UnknownSectionError(wanted, labels);
  const headings = article.sections.map((section) => (section.heading === null ? null : comparable(section.heading)));
  const exact = headings.findIndex((heading) => heading === folded);
  if (exact >= 0) return exact;
  const partial = headings.flatMap((heading, index) => (heading !== null && heading.includes(folded) ? [index] : []));
  const [only] = partial;
  if (partial.length === 1 && only !== undefined) return only;
  if (partial.length > 1) {
    throw new UnknownSectionError(
      wanted,
      partial.map((index) => sectionLabel(article.sections[index]?.heading ?? null, index)),
      "ambiguous section",
    );
  }
  throw new UnknownSectionError(wanted, labels);
}

/** The article with the given id, or the only one when no id is given; throws `UnknownArticleError`. */
export function findArticle(articles: readonly Article[], articleId?: string): Article {
  const ids = articles.map((article) => article.id);
  if (articleId === undefined) {
    const [only] = articles;
    if (articles.length === 1 && only) return only;
    throw new UnknownArticleError(null, ids);
  }
  const found = articles.find((article) => article.id === articleId);
  if (!found) throw new UnknownArticleError(articleId, ids);
  return found;
}

/** The sections whose label contains what was typed (case and umlaut spelling ignored), with their 1-based numbers. */
export function sectionsMatching(article: Article, typed = ""): { label: string; number: number }[] {
  const wanted = comparable(typed);
  return sectionLabels(article)
    .map((label, index) => ({ label, number: index + 1 }))
    .filter((section) => wanted.length === 0 || comparable(section.label).includes(wanted));
}
