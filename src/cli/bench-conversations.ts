import { performance } from "node:perf_hooks";
import { createServiceFrom, embeddingSettingsFrom } from "../app.js";
import type { ConversationSettings } from "../answer/conversation/follow-up.js";
import { historyAfter } from "../answer/conversation/turns.js";
import { answerOutcome } from "../answer/evaluation.js";
import type { Answer, ConversationTurn } from "../answer/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { devConversationSplit, loadDevConversations, type DevConversation, type DevTurn } from "../search/dev-conversations.js";
import type { DevSplit } from "../search/dev-questions.js";
import { percentile } from "../search/evaluation.js";

export interface ConversationsBenchArgs {
  files: string[];
  split: DevSplit | "all";
  lexical: boolean;
  json: boolean;
  /** Settings to try instead of the defaults, for calibration. */
  overrides?: Partial<ConversationSettings>;
}

/** Tally of one kind of turn (follow-ups, or changes of topic), asked in the conversation or alone. */
export interface TurnTally {
  turns: number;
  /** Answerable turns whose first shown passage is right (answered or hedged). */
  right: number;
  rightUnhedged: number;
  /** Answered without a hedge from a wrong passage. */
  wrong: number;
  /** Unanswerable turns, how many were refused, and how many were answered without a hedge (the failure that matters). */
  unanswerable: number;
  refused: number;
  unanswerableUnhedged: number;
}

const emptyTally = (): TurnTally => ({ turns: 0, right: 0, rightUnhedged: 0, wrong: 0, unanswerable: 0, refused: 0, unanswerableUnhedged: 0 });

function tally(into: TurnTally, turn: DevTurn, answer: Answer): void {
  into.turns += 1;
  const outcome = answerOutcome(answer);
  if (turn.paragraphs.length === 0) {
    into.unanswerable += 1;
    if (outcome === "refused") into.refused += 1;
    if (outcome === "answered") into.unanswerableUnhedged += 1;
    return;
  }
  if (outcome === "refused") return;
  const first = answer.citations[0]?.paragraph;
  if (first !== undefined && turn.paragraphs.includes(first)) {
    into.right += 1;
    if (outcome === "answered") into.rightUnhedged += 1;
  } else if (outcome === "answered") into.wrong += 1;
}

export interface ConversationsBenchResult {
  split: DevSplit | "all";
  conversations: number;
  mode: string;
  /** Each later turn asked after the earlier ones of its conversation. */
  inConversation: Record<"followUp" | "switch", TurnTally>;
  /** The same turns asked on their own: the baseline. */
  alone: Record<"followUp" | "switch", TurnTally>;
  /** Per-question time of the later turns, in the conversation and alone (median of several rounds). */
  p50Ms: { inConversation: number; alone: number; ratio: number };
  meanMs: { inConversation: number; alone: number; ratio: number };
  /** The conversations' first questions (single questions as members ask them), against which a follow-up's time is also set. */
  firstTurnP50Ms: number;
  /** Later turns in conversation over first questions (p50). */
  firstTurnRatio: number;
}

const ROUNDS = 5;

/**
 * Follow-up quality and cost on the development conversations: each later
 * turn asked within its conversation (with the history of what the bot
 * answered before) against the same turn asked alone, in the same run.
 */
export async function conversationsSuite(args: ConversationsBenchArgs, config: Config, logger: Logger): Promise<ConversationsBenchResult> {
  const all: DevConversation[] = [];
  for (const file of args.files) all.push(...(await loadDevConversations(file)));
  const conversations = all.filter((conversation) => args.split === "all" || devConversationSplit(conversation) === args.split);
  const service = await createServiceFrom({
    contentDir: config.paths.contentDir,
    logger,
    embeddings: args.lexical ? "off" : embeddingSettingsFrom(config),
    ...(args.overrides ? { conversation: args.overrides } : {}),
  });
  await service.whenModelSettled();
  const inConversation = { followUp: emptyTally(), switch: emptyTally() };
  const alone = { followUp: emptyTally(), switch: emptyTally() };
  const conversationMs: number[] = [];
  const aloneMs: number[] = [];
  const firstMs: number[] = [];
  // Conversations and single questions run in separate passes, so neither warms the other's caches; the first round only warms up.
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const conversation of conversations) {
      let history: ConversationTurn[] = [];
      for (const turn of conversation.turns) {
        const started = performance.now();
        const answer = await service.ask(turn.question, { history });
        const elapsed = performance.now() - started;
        history = historyAfter(history, answer);
        if (turn.kind === "first") {
          if (round > 0) firstMs.push(elapsed);
          continue;
        }
        if (round > 0) conversationMs.push(elapsed);
        else tally(inConversation[turn.kind === "switch" ? "switch" : "followUp"], turn, answer);
      }
    }
    for (const conversation of conversations) {
      for (const turn of conversation.turns) {
        if (turn.kind === "first") continue;
        const started = performance.now();
        const answer = await service.ask(turn.question);
        if (round > 0) aloneMs.push(performance.now() - started);
        else tally(alone[turn.kind === "switch" ? "switch" : "followUp"], turn, answer);
      }
    }
  }
  const round3 = (value: number): number => Number(value.toFixed(3));
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const p50 = { inConversation: percentile(conversationMs, 0.5), alone: percentile(aloneMs, 0.5) };
  const means = { inConversation: mean(conversationMs), alone: mean(aloneMs) };
  const result: ConversationsBenchResult = {
    split: args.split,
    conversations: conversations.length,
    mode: service.status().mode,
    inConversation,
    alone,
    p50Ms: { inConversation: round3(p50.inConversation), alone: round3(p50.alone), ratio: round3(p50.inConversation / Math.max(1e-9, p50.alone)) },
    meanMs: { inConversation: round3(means.inConversation), alone: round3(means.alone), ratio: round3(means.inConversation / Math.max(1e-9, means.alone)) },
    firstTurnP50Ms: round3(percentile(firstMs, 0.5)),
    firstTurnRatio: round3(p50.inConversation / Math.max(1e-9, percentile(firstMs, 0.5))),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${formatConversationsResult(result)}\n`);
  return result;
}

function formatTally(label: string, tallied: TurnTally): string {
  const answerable = tallied.turns - tallied.unanswerable;
  return (
    `  ${label.padEnd(28)} right ${tallied.right}/${answerable}, unhedged right ${tallied.rightUnhedged}, wrong ${tallied.wrong}` +
    (tallied.unanswerable > 0
      ? `; unanswerable ${tallied.unanswerable}: refused ${tallied.refused}, answered without a hedge ${tallied.unanswerableUnhedged}`
      : "")
  );
}

export function formatConversationsResult(result: ConversationsBenchResult): string {
  return [
    `Development conversations (${result.split} part): ${result.conversations} conversations, ${result.mode} mode`,
    formatTally("follow-ups in conversation", result.inConversation.followUp),
    formatTally("follow-ups alone", result.alone.followUp),
    formatTally("topic switches in conversation", result.inConversation.switch),
    formatTally("topic switches alone", result.alone.switch),
    `  time per later turn p50 ${result.p50Ms.inConversation} ms in conversation vs ${result.p50Ms.alone} ms for the same words alone (ratio ${result.p50Ms.ratio}; mean ratio ${result.meanMs.ratio})`,
    `  first questions p50 ${result.firstTurnP50Ms} ms: a follow-up costs ${result.firstTurnRatio}× a first question`,
  ].join("\n");
}
