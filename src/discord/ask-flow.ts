/**
 * The steps /ask and mentions share: screen the question (length, emptiness,
 * rate limits), ask the service, log, and present the answer.
 */
import type { Answer, ConversationTurn } from "../answer/types.js";
import type { BotContext } from "./context.js";
import { displayCommandName, messages, type Lang } from "./i18n/index.js";
import { presentAnswer, type MessagePayload } from "./presentation/index.js";
import { checkQuestion } from "../answer/question-check.js";
import { questionForLog, stripDiscordMarkup } from "./question-text.js";
import { answerOutcome } from "../answer/evaluation.js";

export type Screening =
  | { ok: true; question: string; /** The question for the log: mentions as placeholders. */ logged: string }
  | { ok: false; reason: "empty" | "too_long" | "user_cooldown" | "global_cap"; notice: string };

/** Validation first, so a refused question does not use up the user's cooldown. */
export function screenQuestion(raw: string, userId: string, context: BotContext, lang: Lang): Screening {
  const text = messages(lang);
  const checked = checkQuestion(stripDiscordMarkup(raw), context.config.MAX_QUESTION_LENGTH);
  if (!checked.ok) {
    if (checked.reason === "empty") return { ok: false, reason: "empty", notice: text.emptyQuestion(commandDisplay(context, "ask", lang)) };
    return { ok: false, reason: "too_long", notice: text.questionTooLong(checked.length, checked.max) };
  }
  const decision = context.limiter.tryAcquire(userId);
  if (!decision.allowed) {
    context.metrics?.limited(decision.reason);
    const notice = decision.reason === "user_cooldown" ? text.userCooldown(decision.retryAfterSeconds) : text.globalCap(decision.retryAfterSeconds);
    return { ok: false, reason: decision.reason, notice };
  }
  return { ok: true, question: checked.question, logged: questionForLog(raw).slice(0, context.config.MAX_QUESTION_LENGTH) };
}

export interface QuestionOrigin {
  guild: string | null;
  /** "ask" for the slash command, "mention" for @Bot messages. */
  command: string;
  /** The question as logged (`Screening.logged`); the analyzed text when absent. */
  logged?: string;
}

/** Asks the service (after the earlier turns of its conversation, if any) and logs the outcome (the question, never who asked). */
export async function askService(question: string, context: BotContext, origin: QuestionOrigin, history: readonly ConversationTurn[] = []): Promise<Answer> {
  const started = performance.now();
  const answer = await context.qa.ask(question, history.length > 0 ? { history } : {});
  context.metrics?.question(answerOutcome(answer), origin.command, (performance.now() - started) / 1000);
  context.logger.info(
    {
      event: "question",
      guild: origin.guild,
      command: origin.command,
      latencyMs: Math.round(performance.now() - started),
      answered: answer.answered,
      hedged: answer.hedged,
      mode: answer.mode,
      paragraphs: answer.citations.map((citation) => citation.paragraph),
      abstainReason: answer.abstainReason,
      hedgeReason: answer.hedgeReason,
      followUp: answer.followUp !== undefined,
      question: origin.logged ?? question,
    },
    "question answered",
  );
  return answer;
}

/**
 * The answer as a message in the user's language, pointing to /summary (as
 * that user sees it) when unanswered; `conversationLost` says above it that
 * the conversation it continued is forgotten.
 */
export function answerMessage(answer: Answer, context: BotContext, lang: Lang, conversationLost = false): MessagePayload {
  return presentAnswer(answer, {
    lang,
    summaryCommand: commandDisplay(context, "summary", lang),
    ...(conversationLost ? { conversationLostMinutes: context.config.CONVERSATION_IDLE_MINUTES } : {}),
  });
}

/** "/frage" for German users, "/ask" otherwise; falls back to "/name" for commands not registered (yet). */
export function commandDisplay(context: BotContext, name: string, lang: Lang): string {
  const command = context.commands.get(name);
  return command ? displayCommandName(command.data.toJSON(), lang) : `/${name}`;
}
