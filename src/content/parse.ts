/**
 * Turns a raw article file (plain text or Markdown) into the typed article
 * model: publisher boilerplate removed, title and metadata recovered,
 * subheadings turned into sections, the trailing source list split off, and
 * every paragraph split into verbatim sentences.
 *
 * All rules are patterns over layout and common publisher phrasing, so they
 * apply to any article, not to one particular text.
 */

export { ArticleParseError, type ArticleParseErrorCode } from "./parse/errors.js";
export { normalizeText } from "./parse/text.js";
export { parseDate } from "./parse/dates.js";
export { findUrlOrDomain, normalizeUrl } from "./parse/urls.js";
export { parseSourceLine } from "./parse/sources.js";
export { isBoilerplateLine, isTeaserSentence, publisherFromBoilerplate, type BoilerplatePosition } from "./parse/boilerplate.js";
export type { ArticleMetadata } from "./parse/metadata.js";
export { stripInlineMarkdown, type ArticleBlock } from "./parse/blocks.js";
export { articleFromBlocks, parseArticle, type ArticleFromBlocksOptions, type ParseArticleOptions } from "./parse/article.js";
