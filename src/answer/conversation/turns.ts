import { passageId } from "../citation.js";
import type { Answer, ConversationTurn } from "../types.js";
import { DEFAULT_MAX_TURNS } from "./store.js";

/** The turn an answer adds to its conversation. */
export function turnOf(answer: Answer): ConversationTurn {
  const carried = answer.followUp?.carriedWords ?? [];
  return {
    question: answer.question,
    topic: carried.length > 0 ? `${answer.question} ${carried.join(" ")}` : answer.question,
    answered: answer.answered,
    citedIds: answer.citations.map((citation) => passageId(citation.articleId, citation.paragraph)),
    answerType: answer.answerType ?? null,
    ...(answer.articleFacts ? { factArticles: answer.articleFacts.articles.map((sheet) => sheet.articleId) } : {}),
  };
}

/** Whether an answer continues its conversation: thanks or a greeting ("danke!") says nothing a follow-up could take up. */
export function addsTurn(answer: Answer): boolean {
  return answer.question.length > 0 && answer.smallTalk === undefined;
}

/** A session's history after `answer`: its turn added, the oldest dropped past the turns a conversation keeps. */
export function historyAfter(history: readonly ConversationTurn[], answer: Answer): ConversationTurn[] {
  return addsTurn(answer) ? [...history, turnOf(answer)].slice(-DEFAULT_MAX_TURNS) : [...history];
}
