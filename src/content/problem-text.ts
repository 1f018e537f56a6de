import type { ArticleLoadProblem, ArticleProblem, ContentProblem, FollowUpFailure, NotArticleShape, SystemDetail } from "./problems.js";

/**
 * The English wording of content problems: for logs, the audit log, the CLI
 * and English-speaking Discord users. The Discord layer words the other
 * locales from the same facts.
 */

/** "1.2 MB", "930 kB", "512 bytes" (decimal units, as limits are configured in bytes). */
export function formatBytesEnglish(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Number((bytes / 1_000).toFixed(1))} kB`;
  return `${Number((bytes / 1_000_000).toFixed(2))} MB`;
}

function systemText(detail: SystemDetail): string {
  return detail.message;
}

const METADATA_RULES: Readonly<Record<Extract<ArticleProblem, { kind: "metadata-value" }>["rule"], string>> = {
  "non-empty": "must not be empty",
  "too-long": "is too long",
  url: "must be an http(s) URL such as https://example.com/article",
  date: "must be a date such as 2023-09-05, 05.09.2023 or 5. September 2023",
  invalid: "is invalid",
};

/** What is wrong with an article file, without the file name ("the file is empty"). */
export function describeArticleProblem(problem: ArticleProblem): string {
  switch (problem.kind) {
    case "empty":
      return problem.whitespaceOnly ? "the file contains only whitespace" : "the file is empty";
    case "html-too-complex":
      return (
        `its HTML is nested ${problem.depth} levels deep with ${problem.elements} elements, more than a news page has ` +
        `(at most ${problem.maxDepth} levels and ${problem.maxElements} elements are read)`
      );
    case "no-article-text":
      return "the web page has no article text: no main text was found besides navigation, scripts or other page furniture";
    case "no-paragraphs":
      return (
        `no paragraphs left after cleaning: of ${problem.blocks} text block(s), ${problem.boilerplate} were publisher boilerplate, ` +
        `${problem.sources} were sources and the rest title or headings`
      );
    case "metadata-value":
      return (
        `${problem.origin === "front-matter" ? "front matter" : "metadata lines"}: "${problem.field}" ` +
        (problem.rule === "too-long" && problem.limit !== null ? `is longer than ${problem.limit} characters` : METADATA_RULES[problem.rule])
      );
    case "front-matter-line":
      return `front matter line ${problem.line} is not "key: value": ${JSON.stringify(problem.text)}`;
    case "charset-unsupported":
      return `the page declares the character set "${problem.charset}", which is not supported; save it as UTF-8`;
    case "charset-mismatch":
      return `the page is not valid ${problem.charset} as it declares; save it as UTF-8`;
    case "utf16":
      return "the file is UTF-16 encoded; save it as UTF-8";
    case "invalid-utf8":
      return `the file is not valid UTF-8 (first bad byte at offset ${problem.offset}, line ${problem.line}); save it as UTF-8`;
    case "nul-bytes":
      return "the file contains NUL bytes: it looks like a binary file, not text";
    case "control-bytes":
      return `the file looks binary: ${problem.count} of ${problem.total} bytes are control characters`;
    case "unsupported-type":
      return `unsupported file type (expected ${problem.formats.join(", ")})`;
    case "read-failed":
      return `cannot read the file (${systemText(problem.detail)})`;
    case "duplicate-id":
      return `has the same article id "${problem.id}" as ${problem.clash}; rename one of them`;
    case "no-article-files":
      return `no article files (${problem.formats.join(", ")})`;
  }
}

/** "file: reason" for each file, joined by "; ". */
export function describeLoadProblems(problems: readonly ArticleLoadProblem[]): string {
  return problems.map((entry) => `${entry.file}: ${describeArticleProblem(entry.problem)}`).join("; ");
}

function describeShape(shape: NotArticleShape): string {
  return shape.kind === "mostly-structure"
    ? `${shape.percent} % of its lines are code, tables, lists, headings or links, where an article is mostly prose`
    : "it has no paragraph of full sentences";
}

function describeFollowUp(cause: FollowUpFailure): string {
  return cause.kind === "reindex-failed"
    ? `the index could not be rebuilt, so the previous one stays in use: ${describeLoadProblems(cause.problems)}`
    : systemText(cause.detail);
}

/**
 * Whether a problem is told of an upload that was refused ("was not added")
 * or of a file only checked, which nobody tried to add ("cannot be added").
 */
export type ProblemOccasion = "change" | "check";

/** Why a content change did not happen (or, on a check, would not), for the moderator or operator who asked for it. */
export function describeContentProblem(problem: ContentProblem, occasion: ProblemOccasion = "change"): string {
  const notAdded = (file: string): string => `"${file}" ${occasion === "check" ? "cannot be added" : "was not added"}`;
  switch (problem.kind) {
    case "invalid-request":
      return `${problem.change === "add" ? "The upload was not accepted" : "Nothing was removed"}: ${problem.field} is missing or invalid.`;
    case "unsupported-type":
      return `${notAdded(problem.file)}: only ${problem.formats.join(", ")} files can be articles.`;
    case "too-large":
      return `${notAdded(problem.file)}: it is ${formatBytesEnglish(problem.bytes)}, more than the limit of ${formatBytesEnglish(problem.limit)}.`;
    case "unreadable-upload":
      return `${notAdded(problem.file)}: ${describeArticleProblem(problem.problem)}.`;
    case "not-an-article":
      return (
        `${notAdded(problem.file)}: it does not look like a news article (${describeShape(problem.shape)}). ` +
        `If it is one, the operator can add it with npm run reindex -- --add FILE --force.`
      );
    case "duplicate-title":
      return (
        `${notAdded(problem.file)}: the article "${problem.title}" is already in the library as "${problem.existingId}" (${problem.existingFile}). ` +
        `Remove that one first, or replace it by uploading under the same file name.`
      );
    case "already-exists":
      return (
        `${notAdded(problem.file)}: an article with the id "${problem.id}" already exists (${problem.existingFile}` +
        `${problem.existingTitle === null ? "" : `, "${problem.existingTitle}"`}). Upload it again with replace to overwrite it, or rename the file.`
      );
    case "not-found":
      return `There is no article with the id "${problem.id}". Articles: ${problem.known.join(", ") || "none"}.`;
    case "last-article":
      return `"${problem.title}" is the only article, so it was not removed: the bot would have nothing to answer from. Add another article first.`;
    case "server-limit":
      return problem.limit === "articles"
        ? `${notAdded(problem.file)}: this server would have ${problem.total} articles of its own, more than the limit of ${problem.max}. Remove one first.`
        : `${notAdded(problem.file)}: this server's articles would take ${formatBytesEnglish(problem.total)}, more than the limit of ${formatBytesEnglish(problem.max)}. Remove one first.`;
    case "shared-clash":
      return (
        `${notAdded(problem.file)}: ${problem.clash === "id" ? `the id "${problem.id}"` : `the title "${problem.title}"`} belongs to "${problem.title}" (${problem.id}), ` +
        `one of the articles every server shares. Rename the file, or ask the bot's operator to change the shared article.`
      );
    case "shared-not-removable":
      return `"${problem.title}" (${problem.id}) is one of the articles every server shares, so it cannot be removed here. Only the bot's operator can remove it.`;
    case "folder-unreadable":
      return `The content folder cannot be read: ${systemText(problem.detail)}`;
    case "folder-busy":
      return `Another process of the bot${problem.pid > 0 ? ` (pid ${problem.pid})` : ""} is changing the articles right now. Try again when it has finished.`;
    case "write-failed":
      return problem.subject === null || problem.verb === null
        ? `The change could not be made (${systemText(problem.detail)}). Nothing was changed.`
        : `"${problem.subject}" was not ${problem.verb}: writing to the content folder failed (${systemText(problem.detail)}). Nothing was changed.`;
    case "not-applied":
      return `"${problem.subject}" was not ${problem.verb}: ${describeFollowUp(problem.cause)}. The file change was undone; the articles and the index are as before.`;
    case "rollback-failed":
      return (
        `"${problem.subject}" was not ${problem.verb} (${systemText(problem.detail)}), and restoring the previous files failed too ` +
        `(${problem.undoFailures.map(systemText).join("; ")}). Check the content folder by hand, then run /reindex.`
      );
  }
}
