import type { Article } from "../../content/types.js";
import { articleMeant, type ArticleQuestionContext } from "../article-meant.js";
import type { Answer, RetrievalMode } from "../types.js";
import type { SummaryQuestion } from "./question.js";
import type { SummarizeRequest } from "./request.js";
import { sectionAsked, type ArticleSearch } from "./section-asked.js";
import { sectionLabels } from "./sections.js";
import type { Summary } from "./types.js";

/** Articles offered, at most, when a summary is asked for and several could be meant. */
export const MAX_SUMMARY_CHOICES = 10;

/** Where the question may say which article it means, and how a summary is made. */
export interface SummaryAnswerContext extends ArticleQuestionContext {
  summarize: (request: SummarizeRequest) => Promise<Summary>;
  /** Finds the passages of one article that words name: which section a request for one part means. */
  searchArticle: ArticleSearch;
}

/**
 * The answer to a request for a summary made as a question ("worum geht es?",
 * "tl;dr"). Which article: see articleMeant; else the one an earlier
 * question about articles showed; else none, and the articles are offered to
 * choose from. A request for one part of it is answered with that section's
 * summary, or with its sections to choose from when none answers to the
 * request; null for an article without sections (the passages then take the
 * question, as any other).
 */
export async function summaryAnswer(
  question: string,
  asked: SummaryQuestion,
  articles: readonly Article[],
  mode: RetrievalMode,
  context: SummaryAnswerContext,
): Promise<Answer | null> {
  // After a question about articles themselves ("Wann ist der Artikel erschienen?"), the one it showed.
  const shown = context.history.at(-1)?.factArticles;
  const meant = (await articleMeant(articles, context)) ?? (shown?.length === 1 ? articles.find((article) => article.id === shown[0]) : undefined);
  const base = { question, hedged: false, mode, citations: [], ranking: context.ranking };
  if (!meant) {
    const listed = articles.slice(0, MAX_SUMMARY_CHOICES);
    return {
      ...base,
      answered: false,
      abstainReason: "a summary was asked for, and nothing says which of several articles",
      summaryChoices: { articles: listed.map((article) => ({ articleId: article.id, title: article.title })), more: articles.length - listed.length },
    };
  }
  if (asked.section === null) return { ...base, answered: true, summary: await context.summarize({ articleId: meant.id, length: asked.length }) };
  const section = await sectionAsked(meant, asked.section, context.searchArticle);
  if (section === null) return null;
  if ("missing" in section) {
    return {
      ...base,
      answered: false,
      abstainReason: "a section was asked for, and none of the article's answers to the request",
      sectionChoices: { articleId: meant.id, title: meant.title, sections: sectionLabels(meant) },
    };
  }
  return { ...base, answered: true, summary: await context.summarize({ articleId: meant.id, length: asked.length, section: section.index }) };
}
