import { articleOfPassage } from "../../search/article-scope.js";
import { isKnown, isSpecific } from "../abstention.js";
import type { QueryToken } from "../../search/query-analysis.js";
import { answerQuestion, type AskIndex, type AskSettings, type FollowUpFocus } from "../ask.js";
import type { Answer } from "../types.js";
import { refersBack, textBeforeOnlyPronoun } from "./cues.js";
import type { ConversationTurn } from "../types.js";

/** How a follow-up is read with the conversation before it. */
export interface ConversationSettings {
  /** Weight of the words carried over from earlier turns, against the follow-up's own (0..1). */
  contextWeight: number;
  /** Carried-over words kept, at most (the most distinctive ones). */
  maxCarriedWords: number;
  /** How much the passages the previous answer cited gain in the ranking. */
  priorBoost: number;
}

export const DEFAULT_CONVERSATION_SETTINGS: ConversationSettings = {
  contextWeight: 0.7,
  maxCarriedWords: 6,
  priorBoost: 0.2,
};

/** A question of this many words or fewer ("Und Putin?", "seit wann genau?") leans on what was asked before. */
const ELLIPTIC_WORDS = 3;
const isElliptic = (analyzed: string): boolean => analyzed.split(/\s+/).length <= ELLIPTIC_WORDS;

/** Words of its own (after stop words) from which a question that does not point back stands on its own. */
const STANDALONE_WORDS = 2;

function focusOn(previous: ConversationTurn, conversation: ConversationSettings, analyzed: string): FollowUpFocus {
  // A bare "Und Putin?" asks for the same kind of thing as the question it continues.
  const elliptic = isElliptic(analyzed);
  return {
    context: { text: previous.topic, weight: conversation.contextWeight, maxWords: conversation.maxCarriedWords },
    priorIds: new Set(previous.answered ? previous.citedIds : []),
    priorBoost: conversation.priorBoost,
    inheritedType: elliptic ? previous.answerType : null,
    previousQuestion: previous.question,
    article: previous.answered && previous.citedIds[0] !== undefined ? articleOfPassage(previous.citedIds[0]) : null,
  };
}

/** Whether the question (its `own` words) names something specific that the conversation has not been about: a new topic. */
function namesNewTopic(own: readonly QueryToken[], previous: ConversationTurn, index: AskIndex): boolean {
  const earlier = new Set(index.retriever.lexicalIndex.analyzeQuery(previous.topic).flatMap((token) => token.terms));
  return own.some((token) => token.known && isSpecific(token) && !token.terms.some((term) => earlier.has(term)));
}

/** Whether the question's only pointer back is a pronoun after a specific word of its own that the articles have: "Woher hat Kirby seine Infos?". */
function namesBeforePronoun(analyzed: string, own: readonly QueryToken[]): boolean {
  const before = textBeforeOnlyPronoun(analyzed)?.toLowerCase();
  if (before === undefined) return false;
  return own.some((token) => isKnown(token) && isSpecific(token) && before.includes(token.surface.toLowerCase()));
}

/**
 * Whether the question has words of its own and none of them occurs in the
 * articles, not even through a synonym, translation or spelling. Read with
 * the conversation's words it would borrow their answer: unless it points
 * back, it is about something else ("wie ist das wetter morgen"), and if it
 * does ("how old is he?"), the articles may well not say.
 */
function sharesNothing(own: readonly QueryToken[]): boolean {
  return own.length > 0 && !own.some(isKnown);
}

/**
 * Answers a question asked after `history` (oldest first). A question that
 * points back ("Und wo treffen sie sich?") is read with the words of the
 * previous turn, whose cited passages are favoured. A question that names
 * something specific the conversation has not been about is a change of
 * topic and is answered on its own, never dragged back to the earlier one,
 * and so is one that does not point back and whose own words the articles
 * lack altogether. A question that does not point back but is a few words
 * only ("wie lange?", "seit wann genau?") stays with the conversation; a
 * longer one is answered on its own, unless it has a single word of its own
 * and that finds nothing. Each reading has the same answer types, hedging
 * and abstention as a single question.
 */
export async function answerInConversation(
  question: string,
  analyzed: string,
  history: readonly ConversationTurn[],
  index: AskIndex,
  settings: AskSettings,
  conversation: ConversationSettings,
): Promise<Answer> {
  const previous = history.at(-1);
  if (!previous) return answerQuestion(question, analyzed, index, settings);
  const focus = focusOn(previous, conversation, analyzed);
  const own = index.retriever.lexicalIndex.analyzeQuery(analyzed);
  const unrelated = sharesNothing(own);
  if (refersBack(analyzed) && !namesBeforePronoun(analyzed, own))
    return answerQuestion(question, analyzed, index, settings, unrelated ? { ...focus, ownWordsUnknown: true } : focus);
  if (unrelated) return answerQuestion(question, analyzed, index, settings);
  if (namesNewTopic(own, previous, index)) return answerQuestion(question, analyzed, index, settings);
  // Nothing points back. A bare "wie lange?" still leans on what was asked before; a longer question is read on its own
  // words (a terminal session or a thread also holds questions that merely follow each other), unless it has only one
  // word of its own and that finds nothing ("Für wen war die bestimmt?").
  if (!isElliptic(analyzed)) {
    const alone = await answerQuestion(question, analyzed, index, settings);
    if (alone.answered || own.length >= STANDALONE_WORDS) return alone;
  }
  return answerQuestion(question, analyzed, index, settings, focus);
}
