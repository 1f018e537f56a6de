/**
 * Where a conversation lives in Discord: a thread the bot started, and every
 * answer message (a reply to any of them continues it). The store itself is
 * the core's; this file names the keys and turns a question into a thread name.
 */
import type { Answer } from "../answer/types.js";
import type { Conversation, ConversationLookup } from "../answer/conversation/store.js";
import { addsTurn, turnOf } from "../answer/conversation/turns.js";
import type { BotContext } from "./context.js";
import { singleLine } from "./presentation/index.js";

export const threadKey = (threadId: string): string => `thread:${threadId}`;
export const messageKey = (messageId: string): string => `message:${messageId}`;

/** Discord's limit for a thread name. */
export const THREAD_NAME_MAX = 100;

/** A thread's name: the question on one line, cut at a word within Discord's limit. */
export function threadName(question: string): string {
  const line = singleLine(question).trim();
  if (line.length <= THREAD_NAME_MAX) return line || "?";
  const cut = line.slice(0, THREAD_NAME_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > THREAD_NAME_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Where a question stands: the conversation it continues (if any is live), and whether it tried to continue one that is gone. */
export interface ConversationPlace {
  conversation: Conversation | null;
  /** The question replied to an answer, or was asked in a thread, whose conversation is no longer known. */
  lost: boolean;
}

/**
 * The conversation a question continues, looked up by the answer it replies
 * to and the thread it is asked in (in that order). `continuesBot`: the
 * question replies to a bot message or sits in a bot thread, so not finding
 * the conversation means it was forgotten.
 */
export function placeOf(context: BotContext, keys: readonly string[], continuesBot: boolean): ConversationPlace {
  const found: ConversationLookup = context.conversations.find(keys);
  if (found.state === "active") return { conversation: found.conversation, lost: false };
  return { conversation: null, lost: found.state === "expired" || continuesBot };
}

/** Adds the answer as a turn and makes the conversation reachable by `keys` (the answer message, its thread). */
export function rememberTurn(context: BotContext, place: ConversationPlace, answer: Answer, keys: readonly string[]): void {
  if (!addsTurn(answer)) return;
  context.conversations.record(place.conversation, turnOf(answer), keys);
}
