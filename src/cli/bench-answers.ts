import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { listArticleFiles } from "../content/load.js";
import { createServiceFrom, embeddingSettingsFrom } from "../app.js";
import { answerQuality, formatAnswerQuality, type AnswerQuality } from "../answer/evaluation.js";
import { historyAfter } from "../answer/conversation/turns.js";
import type { Answer, ConversationTurn } from "../answer/types.js";
import { devQuestionSplit, loadDevQuestions, type DevQuestion, type DevSplit } from "../search/dev-questions.js";
import { percentile } from "../search/evaluation.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { LexicalOptions } from "../search/lexical-options.js";
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
  /**
   * Ask the questions one after another in one conversation, each with the
   * turns before it, as a terminal session without /new does: questions that
   * merely follow each other must not be read as follow-ups to their loss.
   */
  inSession?: boolean;
  /** Article folders to answer from together (copied into one temporary folder); default the configured one. */
  articles?: readonly string[];
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
  const library = args.articles && args.articles.length > 0 ? await combinedArticleFolder(args.articles) : null;
  try {
    return await answerAll(args, questions, library?.dir ?? config.paths.contentDir, config, logger);
  } finally {
    await library?.remove();
  }
}

/** The article files of several folders in one temporary folder (a later folder's file of the same name wins). */
async function combinedArticleFolder(folders: readonly string[]): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "qa-bench-articles-"));
  for (const folder of folders) {
    for (const name of await listArticleFiles(folder)) await copyFile(path.join(folder, name), path.join(dir, name));
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function answerAll(
  args: AnswersBenchArgs,
  questions: readonly DevQuestion[],
  contentDir: string,
  config: Config,
  logger: Logger,
): Promise<AnswersBenchResult> {
  const service = await createServiceFrom({
    contentDir,
    logger,
    embeddings: args.lexical ? "off" : embeddingSettingsFrom(config),
    ...(args.overrides?.lexical ? { lexical: args.overrides.lexical } : {}),
    ...(args.overrides?.thresholds ? { thresholds: args.overrides.thresholds } : {}),
    ...(args.overrides?.answerTypeBoost !== undefined ? { answerTypeBoost: args.overrides.answerTypeBoost } : {}),
  });
  await service.whenModelSettled();
  const items: { question: DevQuestion; answer: Answer }[] = [];
  const latencies: number[] = [];
  let history: ConversationTurn[] = [];
  for (const question of questions) {
    const started = performance.now();
    const answer = await service.ask(question.question, args.inSession ? { history } : {});
    latencies.push(performance.now() - started);
    items.push({ question, answer });
    if (args.inSession) history = historyAfter(history, answer);
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
      `${formatAnswerQuality(`Development questions (${args.split} part${args.inSession ? ", asked one after another in one session" : ""}): ${result.questions} questions, ${result.mode} mode`, result.quality)}\n`,
    );
    process.stdout.write(`  latency p50/p95 ${result.p50Ms} / ${result.p95Ms} ms\n`);
  }
  return result;
}
