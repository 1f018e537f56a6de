import { performance } from "node:perf_hooks";
import { createServiceFrom, embeddingSettingsFrom } from "../app.js";
import { answerQuality, formatAnswerQuality, type AnswerQuality } from "../answer/evaluation.js";
import type { Answer } from "../answer/types.js";
import { devQuestionSplit, loadDevQuestions, type DevQuestion, type DevSplit } from "../search/dev-questions.js";
import { percentile } from "../search/evaluation.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { LexicalOptions } from "../search/lexical.js";
import type { AbstentionThresholds } from "../answer/abstention.js";

export interface AnswerOverrides {
  lexical?: Partial<LexicalOptions>;
  thresholds?: Partial<AbstentionThresholds>;
  answerTypeBoost?: number;
}

export interface AnswersBenchArgs {
  questions: string[];
  split: DevSplit | "all";
  lexical: boolean;
  json: boolean;
  /** Settings to try instead of the defaults, for calibration. */
  overrides?: AnswerOverrides;
}

export interface AnswersBenchResult {
  split: DevSplit | "all";
  questions: number;
  quality: AnswerQuality;
  p50Ms: number;
  p95Ms: number;
  mode: string;
}

/**
 * Answer quality on the development questions, as the goals are stated
 * (right / wrong / hedged per language, refusals of unanswerable ones), on
 * the calibration part, the sealed part or both.
 */
export async function answersSuite(args: AnswersBenchArgs, config: Config, logger: Logger): Promise<AnswersBenchResult> {
  const all: DevQuestion[] = [];
  for (const file of args.questions) all.push(...(await loadDevQuestions(file)));
  const questions = all.filter((question) => args.split === "all" || devQuestionSplit(question) === args.split);
  const service = await createServiceFrom({
    contentDir: config.paths.contentDir,
    logger,
    embeddings: args.lexical ? "off" : embeddingSettingsFrom(config),
    ...(args.overrides?.lexical ? { lexical: args.overrides.lexical } : {}),
    ...(args.overrides?.thresholds ? { thresholds: args.overrides.thresholds } : {}),
    ...(args.overrides?.answerTypeBoost !== undefined ? { answerTypeBoost: args.overrides.answerTypeBoost } : {}),
  });
  await service.whenModelSettled();
  const items: { question: DevQuestion; answer: Answer }[] = [];
  const latencies: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    const answer = await service.ask(question.question);
    latencies.push(performance.now() - started);
    items.push({ question, answer });
  }
  const result: AnswersBenchResult = {
    split: args.split,
    questions: questions.length,
    quality: answerQuality(items),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(3)),
    p95Ms: Number(percentile(latencies, 0.95).toFixed(3)),
    mode: service.status().mode,
  };
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      `${formatAnswerQuality(`Development questions (${args.split} part): ${result.questions} questions, ${result.mode} mode`, result.quality)}\n`,
    );
    process.stdout.write(`  latency p50/p95 ${result.p50Ms} / ${result.p95Ms} ms\n`);
  }
  return result;
}
