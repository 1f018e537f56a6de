import type { Answer, Citation, ServiceStatus } from "../answer/types.js";
import type { SourceLookup } from "../answer/types.js";
import type { ReindexReport } from "../answer/types.js";
import { describeArticleProblem, describeLoadProblems } from "../content/problem-text.js";
import type { Article } from "../content/types.js";
import type { Language } from "../search/analyzer.js";
import { formatArticleFacts } from "./facts-format.js";
import { formatSummaryText } from "./summary-format.js";

/** Plain-text rendering for the terminal: the quote, then where it comes from. */

function citationLine(citation: Pick<Citation, "articleTitle" | "paragraph" | "heading" | "publisher" | "articleDate">): string {
  const parts = [`¶${citation.paragraph}`];
  if (citation.heading) parts.push(`„${citation.heading}“`);
  parts.push(citation.articleTitle);
  const origin = [citation.publisher, citation.articleDate].filter((part): part is string => Boolean(part)).join(", ");
  if (origin) parts.push(origin);
  return parts.join(" · ");
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `  > ${line}`)
    .join("\n");
}

const LANGUAGE_NAMES: Record<Language, string> = { de: "German", en: "English" };

export function formatAnswer(answer: Answer): string {
  if (answer.articleFacts) return formatArticleFacts(answer.articleFacts);
  if (answer.summary) return formatSummaryText(answer.summary);
  if (answer.summaryChoices) {
    const { articles, more } = answer.summaryChoices;
    return [
      "Several articles are loaded: which one should be summarised? Name it in the question („Zusammenfassung des Artikels über …“), or type /summary ARTICLE-ID.",
      ...articles.map((article) => `  - ${article.articleId}: „${article.title}“`),
      ...(more > 0 ? [`  (and ${more} more: /articles lists them all)`] : []),
    ].join("\n");
  }
  if (answer.sectionChoices) {
    const { title, sections } = answer.sectionChoices;
    return [
      `No section of „${title}“ answers to that. Ask for one by its number („fasse Abschnitt 2 zusammen“), or type /summary SECTION. Its sections:`,
      ...sections.map((label) => `  - ${label}`),
    ].join("\n");
  }
  if (answer.smallTalk === "thanks") return "You're welcome! Ask away if you have more questions.";
  if (answer.smallTalk === "greeting") return "Hi! Ask something about the articles, or type /summary for an overview.";
  if (answer.noSearchWords) {
    return [
      "This question has nothing to search for: it has no words, or only words too common to find a passage by (such as „was“, „ist“, „what“).",
      "Ask about something the articles cover, or ask for /summary to see what they are about.",
    ].join("\n");
  }
  if (answer.otherLanguage) {
    return [
      "This question seems to be in another language: questions in German or English can be answered (quotes stay in the article's language).",
      `(retrieval: ${answer.mode})`,
    ].join("\n");
  }
  if (!answer.answered) {
    return [
      "The articles do not answer this question, so nothing is quoted.",
      "Try rephrasing it, or ask for /summary to see what the article covers.",
      ...(answer.languageMismatch ? ["Without the embedding model, questions are matched word for word: ask in the articles' language for best results."] : []),
      `(retrieval: ${answer.mode})`,
    ].join("\n");
  }
  const blocks = answer.citations.map((citation, position) => {
    const label = answer.hedged ? "Closest passage (it may not answer this)" : position === 0 ? "Answer" : "Also relevant";
    return [`${label}:`, quote(citation.excerpt), `  — ${citationLine(citation)}`].join("\n");
  });
  const notes = [
    ...(answer.followUp ? [`(read as a follow-up to „${answer.followUp.previousQuestion}“)`] : []),
    ...(answer.quoteLanguage ? [`(quoted in ${LANGUAGE_NAMES[answer.quoteLanguage]}, the article's language)`] : []),
  ];
  return [...blocks, [...notes, `(retrieval: ${answer.mode})`].join("\n")].join("\n\n");
}

/** One line for a question over MAX_QUESTION_LENGTH, in the terminal and in `npm run ask`. */
export function questionTooLong(length: number, max: number): string {
  return `The question has ${length} characters; the limit is ${max} (MAX_QUESTION_LENGTH). Please shorten it.`;
}

export function formatSource(lookup: SourceLookup): string {
  const { article, paragraph } = lookup;
  return [
    quote(paragraph.text),
    `  — ${citationLine({ articleTitle: article.title, paragraph: paragraph.number, heading: paragraph.heading, publisher: article.publisher, articleDate: article.date })}`,
  ].join("\n");
}

export function formatStatus(status: ServiceStatus): string {
  const lines = status.articles.map(
    (article) =>
      `  - ${article.kicker ? `${article.kicker}: ` : ""}${article.title} (${[article.publisher, article.date].filter(Boolean).join(", ") || "no source stated"}): ${article.paragraphCount} paragraphs [id: ${article.id}]`,
  );
  const model = status.modelLoaded
    ? `${status.model} (loaded)`
    : status.modelLoading
      ? `${status.model} (loading; answers are lexical until it is ready)`
      : `${status.model} (not loaded: ${status.modelError ?? "unknown"})`;
  const unreadable = status.unreadable.map((file) => `  - ${file.file}: ${describeArticleProblem(file.problem)} (not loaded; fix or remove it)`);
  return [
    `Articles:`,
    ...lines,
    ...(unreadable.length > 0 ? ["Files that do not load:", ...unreadable] : []),
    `Retrieval: ${status.mode}`,
    `Embedding model: ${model}`,
    `Index built: ${status.indexBuiltAt} (version ${status.indexVersion})`,
  ].join("\n");
}

/**
 * The JSON shape promised to scripts: exactly these keys. `citations` is the
 * ranking, best first (up to five passages, also when refused); whether the
 * first one answers is what `answered` and `hedged` say. `followUp` is there
 * only for a question read with its conversation (`--conversation`), and
 * `articleFacts` only for a question about an article itself ("who wrote
 * it?"), answered from its details with no citations; `summary` (or, with
 * several articles and nothing saying which, `summaryChoices`) only for a
 * summary asked for as a question ("worum geht es?"), and `sectionChoices`
 * for one section's summary asked for when none answers to the request. `otherLanguage: true`
 * marks a refused question that reads as neither German nor English.
 */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    hedged: answer.hedged,
    mode: answer.mode,
    citations: answer.ranking.map((citation) => ({
      article: citation.articleTitle,
      paragraph: citation.paragraph,
      heading: citation.heading,
      excerpt: citation.excerpt,
      passage: citation.passage,
      score: citation.score,
    })),
    ...(answer.followUp ? { followUp: { previousQuestion: answer.followUp.previousQuestion, carriedWords: answer.followUp.carriedWords } } : {}),
    ...(answer.articleFacts ? { articleFacts: answer.articleFacts } : {}),
    ...(answer.summary ? { summary: answer.summary } : {}),
    ...(answer.summaryChoices ? { summaryChoices: answer.summaryChoices } : {}),
    ...(answer.sectionChoices ? { sectionChoices: answer.sectionChoices } : {}),
    ...(answer.otherLanguage ? { otherLanguage: true } : {}),
  });
}

/** The indexed articles, one line each, with the id the other commands take. */
export function formatArticleList(articles: readonly Article[]): string {
  if (articles.length === 0) return "No articles are indexed.";
  const lines = articles.map((article) => {
    const origin = [article.publisher, article.date].filter((part): part is string => Boolean(part)).join(", ");
    return `  - ${article.id}: „${article.title}“${origin ? ` (${origin})` : ""} · ${article.paragraphs.length} paragraphs · ${article.format}`;
  });
  return [`${articles.length} article(s) indexed:`, ...lines].join("\n");
}

/** "kaputt.txt: the file is empty", without naming the file twice. */
/** What a reindex did: which articles came, went or changed, and the size and mode of the new index. */
export function formatReindexReport(report: ReindexReport): string {
  const list = (ids: readonly string[]): string => (ids.length === 0 ? "—" : ids.join(", "));
  return [
    `Reindexed: ${report.articles} article(s), ${report.paragraphs} paragraphs in ${report.durationMs} ms (${report.mode} retrieval).`,
    `  added:     ${list(report.added)}`,
    `  changed:   ${list(report.changed)}`,
    `  removed:   ${list(report.removed)}`,
    `  unchanged: ${list(report.unchanged)}`,
    ...(report.storeFailure ? [`Warning: ${report.storeFailure}.`] : []),
    ...(report.skipped ? [`Warning: left out because they cannot be read (fix or remove them): ${describeLoadProblems(report.skipped)}.`] : []),
  ].join("\n");
}
