import { describe, expect, it } from "vitest";
import { answerQuality, formatAnswerQuality } from "../../src/answer/evaluation.js";
import type { Answer, Citation } from "../../src/answer/types.js";
import type { DevQuestion } from "../../src/search/dev-questions.js";

const citation = (paragraph: number): Citation => ({
  articleId: "a",
  articleTitle: "A",
  publisher: null,
  articleUrl: null,
  articleDate: null,
  paragraph,
  heading: null,
  excerpt: "x",
  passage: "x",
  score: 1,
});

const question = (id: string, paragraphs: number[]): DevQuestion => ({ id, lang: "de", question: id, article: "a", paragraphs, answerable: true });

const answer = (overrides: Partial<Answer>): Answer => ({
  question: "q",
  answered: true,
  hedged: false,
  mode: "lexical",
  citations: [],
  ranking: [],
  ...overrides,
});

describe("answerQuality", () => {
  it("counts right, wrong and hedged answers by their first passage, and answers from an article's details apart", () => {
    const quality = answerQuality([
      { question: question("right", [2]), answer: answer({ citations: [citation(2)], ranking: [citation(2)] }) },
      { question: question("wrong", [2]), answer: answer({ citations: [citation(3)], ranking: [citation(3)] }) },
      { question: question("hedged", [2]), answer: answer({ hedged: true, citations: [citation(2)], ranking: [citation(2)] }) },
      { question: question("refused", [2]), answer: answer({ answered: false, ranking: [citation(2)] }) },
      {
        question: question("details", [2]),
        answer: answer({ ranking: [citation(2)], articleFacts: { asked: "date", articles: [], more: 0 } }),
      },
      {
        question: question("summary choices", [2]),
        answer: answer({ answered: false, ranking: [citation(3)], summaryChoices: { articles: [], more: 0 } }),
      },
    ]);
    expect(quality.answerable.de).toEqual({ questions: 6, right: 2, rightUnhedged: 1, wrong: 1, wrongHedged: 0, rankedFirst: 4, fromDetails: 2 });
    expect(formatAnswerQuality("t", quality)).toContain("answered from the article's details 2");
  });
});
