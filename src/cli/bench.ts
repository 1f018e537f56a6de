import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { createServiceFrom, embeddingSettingsFrom } from "../app.js";
import { EmbeddingCache, embedPassagesCached } from "../search/embedding-cache.js";
import { loadEmbedder } from "../search/embeddings.js";
import { percentile, rankingMetrics, rankOf, type RankingMetrics } from "../search/evaluation.js";
import { loadGermanQuad, type BenchmarkQuestion } from "../search/germanquad.js";
import { PassageVectors } from "../search/passage-vectors.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import { argumentError, CliError, runCli } from "./run.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { passageId } from "../answer/citation.js";
import { loadDevQuestions, type DevSplit } from "../search/dev-questions.js";
import { z } from "zod";
import { answersSuite, type AnswerOverrides, type AnswersBenchArgs } from "./bench-answers.js";
import { conversationsSuite, type ConversationsBenchArgs } from "./bench-conversations.js";
import { summariesSuite, type SummariesBenchArgs } from "./bench-summaries.js";
import { selectionTuningSchema } from "../answer/summary/index.js";
import { serversSuite, type ServersBenchArgs } from "./bench-servers.js";
import { printScaleFigures, scaleSuite, type ScaleBenchArgs } from "./bench-scale.js";
import { denseSuite, printDenseFigures, type DenseBenchArgs } from "./bench-dense.js";

const USAGE =
  "usage: npm run bench -- germanquad --data DIR [--json] [--lexical]  |  npm run bench -- article [--questions FILE] [--json] [--lexical]" +
  "  |  npm run bench -- answers [--questions FILE]... [--articles DIR]... [--split calibrate|sealed|all] [--json] [--lexical]" +
  "  |  npm run bench -- conversations [--questions FILE]... [--split calibrate|sealed|all] [--json] [--lexical]" +
  "  |  npm run bench -- summaries [--articles DIR]... [--split calibrate|sealed|all] [--json] [--verbose]" +
  "  |  npm run bench -- servers [--servers N] [--max-loaded N] [--json]" +
  "  |  npm run bench -- scale --paragraphs N --data DIR [--json]  |  npm run bench -- dense [--paragraphs N] [--json]";

interface BenchFigures extends RankingMetrics {
  passages: number;
  indexMs: number;
  p50Ms: number;
  p95Ms: number;
  qps: number;
  mode: string;
}

async function measure(
  questions: readonly BenchmarkQuestion[],
  passages: number,
  indexMs: number,
  mode: string,
  rank: (question: string) => Promise<string[]>,
): Promise<BenchFigures> {
  const ranks: (number | null)[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  for (const question of questions) {
    const before = performance.now();
    const ranked = await rank(question.question);
    latencies.push(performance.now() - before);
    ranks.push(rankOf(ranked, question.passage_id));
  }
  const totalMs = performance.now() - started;
  const round = (value: number, digits = 4): number => Number(value.toFixed(digits));
  const metrics = rankingMetrics(ranks);
  return {
    mrr10: round(metrics.mrr10),
    success1: round(metrics.success1),
    success5: round(metrics.success5),
    success10: round(metrics.success10),
    queries: metrics.queries,
    passages,
    indexMs: round(indexMs, 1),
    p50Ms: round(percentile(latencies, 0.5), 3),
    p95Ms: round(percentile(latencies, 0.95), 3),
    qps: round(questions.length / (totalMs / 1000), 1),
    mode,
  };
}

/** The reference point: plain BM25 (k1=1.5, b=0.75) over lowercase word tokens, no stemming or stop words. */
function plainBm25(passages: readonly RetrievalPassage[]): (question: string) => Promise<string[]> {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ["text"],
    tokenize: (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
    processTerm: (term) => term,
  });
  index.addAll(passages.map((passage) => ({ id: passage.id, text: [passage.title, passage.heading ?? "", passage.text].join("\n") })));
  return async (question) =>
    index
      .search(question, { bm25: { k: 1.5, b: 0.75, d: 0 } })
      .slice(0, 10)
      .map((result) => String(result.id));
}

function printTable(figures: BenchFigures, baseline: BenchFigures): void {
  const rows: [string, keyof BenchFigures, number][] = [
    ["MRR@10", "mrr10", 3],
    ["Success@1", "success1", 3],
    ["Success@5", "success5", 3],
    ["Success@10", "success10", 3],
    ["index build (ms)", "indexMs", 1],
    ["latency p50 (ms)", "p50Ms", 3],
    ["latency p95 (ms)", "p95Ms", 3],
    ["queries per second", "qps", 0],
  ];
  const out: string[] = [
    `GermanQuAD test split: ${figures.queries} questions, ${figures.passages} passages`,
    `${"".padEnd(20)}${`this (${figures.mode})`.padStart(18)}${"plain BM25".padStart(14)}${"ratio".padStart(9)}`,
  ];
  for (const [label, key, digits] of rows) {
    const mine = Number(figures[key]);
    const theirs = Number(baseline[key]);
    const ratio = theirs === 0 ? "–" : (mine / theirs).toFixed(2);
    out.push(`${label.padEnd(20)}${mine.toFixed(digits).padStart(18)}${theirs.toFixed(digits).padStart(14)}${ratio.padStart(9)}`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

type BenchArgs = {
  data?: string;
  questions?: string[];
  json?: boolean;
  lexical?: boolean;
  split?: string;
  options?: string;
  articles?: string[];
  verbose?: boolean;
  servers?: string;
  "max-loaded"?: string;
  paragraphs?: string;
};

async function germanQuadSuite(args: BenchArgs, config: Config, logger: Logger): Promise<void> {
  if (!args.data) throw new CliError(`--data DIR is required. ${USAGE}`, 2);
  const { passages, questions } = await loadGermanQuad(args.data);

  let dense: DenseChannel | null = null;
  const settings = args.lexical ? "off" : embeddingSettingsFrom(config);
  const indexStarted = performance.now();
  if (settings !== "off") {
    const loaded = await loadEmbedder(settings.options, logger);
    if (loaded.embedder) {
      const embedder = loaded.embedder;
      const cache = await EmbeddingCache.open(settings.cacheFile, logger);
      const passageVectors = await embedPassagesCached(
        embedder,
        cache,
        passages.map((passage) => passage.text),
      );
      dense = {
        modelId: embedder.modelId,
        vectors: PassageVectors.fromRows(passageVectors, embedder.dimension),
        embedQuery: async (question) => (await embedder.embedQueries([question]))[0] ?? new Float32Array(),
      };
    }
  }
  const overrides = parseOverrides(args.options);
  const retriever = new Retriever(passages, dense, overrides?.lexical ? { lexical: overrides.lexical } : {});
  const indexMs = performance.now() - indexStarted;
  const figures = await measure(questions, passages.length, indexMs, retriever.mode, async (question) =>
    (await retriever.search(question, 10)).hits.map((hit) => hit.id),
  );

  const baselineStarted = performance.now();
  const baselineRank = plainBm25(passages);
  const baselineIndexMs = performance.now() - baselineStarted;
  const baseline = await measure(questions, passages.length, baselineIndexMs, "bm25-plain", baselineRank);

  if (args.json) process.stdout.write(`${JSON.stringify({ ...figures, baseline })}\n`);
  else printTable(figures, baseline);
}

/**
 * The bundled articles: startup to first answer, index build, per-question
 * latency over the development questions and retrieval quality (answer quality:
 * the `answers` suite),
 * against plain BM25 on the same paragraphs in the same run.
 */
async function articleSuite(args: BenchArgs, config: Config, logger: Logger): Promise<void> {
  const questionsFile = args.questions?.[0] ?? "test/fixtures/dev-questions.jsonl";
  const questions = await loadDevQuestions(questionsFile);
  const settings = args.lexical ? "off" : embeddingSettingsFrom(config);

  const startupStarted = performance.now();
  const service = await createServiceFrom({ contentDir: config.paths.contentDir, logger, embeddings: settings });
  await service.whenModelSettled();
  await service.ask(questions[0]?.question ?? "Worum geht es?");
  const startupMs = performance.now() - startupStarted;

  const articles = service.articles();
  const passages = articles.flatMap((article) =>
    article.paragraphs.map((paragraph) => ({
      id: passageId(article.id, paragraph.number),
      title: article.title,
      heading: paragraph.heading,
      text: paragraph.text,
    })),
  );
  const buildTimes: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    const started = performance.now();
    new Retriever(passages, null);
    buildTimes.push(performance.now() - started);
  }

  const rounds = 5;
  const latencies: number[] = [];
  const ranks: (number | null)[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const started = performance.now();
      await service.ask(question.question);
      latencies.push(performance.now() - started);
      if (round > 0 || !question.answerable) continue;
      const ranked = (await service.search(question.question, 10)).hits.map((hit) => hit.id);
      const first = ranked.findIndex((id) => question.paragraphs.some((paragraph) => id.endsWith(`#${paragraph}`)));
      ranks.push(first === -1 ? null : first + 1);
    }
  }

  const baselineRank = plainBm25(passages);
  const baselineLatencies: number[] = [];
  const baselineRanks: (number | null)[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const started = performance.now();
      const ranked = await baselineRank(question.question);
      baselineLatencies.push(performance.now() - started);
      if (round > 0 || !question.answerable) continue;
      const first = ranked.findIndex((id) => question.paragraphs.some((paragraph) => id.endsWith(`#${paragraph}`)));
      baselineRanks.push(first === -1 ? null : first + 1);
    }
  }

  const answerable = questions.filter((question) => question.answerable).length;
  const metrics = rankingMetrics(ranks);
  const baselineMetrics = rankingMetrics(baselineRanks);
  const result = {
    mode: service.status().mode,
    articles: articles.length,
    paragraphs: passages.length,
    questions: questions.length,
    startupMs: Number(startupMs.toFixed(1)),
    indexMs: Number(percentile(buildTimes, 0.5).toFixed(2)),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(3)),
    p95Ms: Number(percentile(latencies, 0.95).toFixed(3)),
    mrr10: Number(metrics.mrr10.toFixed(4)),
    success1: Number(metrics.success1.toFixed(4)),
    baseline: {
      mode: "bm25-plain",
      p50Ms: Number(percentile(baselineLatencies, 0.5).toFixed(3)),
      p95Ms: Number(percentile(baselineLatencies, 0.95).toFixed(3)),
      mrr10: Number(baselineMetrics.mrr10.toFixed(4)),
      success1: Number(baselineMetrics.success1.toFixed(4)),
    },
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [
    `Bundled articles: ${result.articles} article(s), ${result.paragraphs} paragraphs, ${result.questions} development questions (${answerable} answerable), ${result.mode} mode`,
    `startup to first answer   ${result.startupMs.toFixed(1)} ms`,
    `index build (median)      ${result.indexMs.toFixed(2)} ms`,
    `question latency p50/p95  ${result.p50Ms.toFixed(3)} / ${result.p95Ms.toFixed(3)} ms   (plain BM25 ranking only: ${result.baseline.p50Ms.toFixed(3)} / ${result.baseline.p95Ms.toFixed(3)} ms)`,
    `MRR@10 / Success@1        ${result.mrr10.toFixed(3)} / ${result.success1.toFixed(3)}   (plain BM25: ${result.baseline.mrr10.toFixed(3)} / ${result.baseline.success1.toFixed(3)})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

const DEFAULT_ANSWER_QUESTIONS = [
  "test/fixtures/dev-questions.jsonl",
  "test/fixtures/dev-questions-2.jsonl",
  "test/fixtures/dev-questions-3.jsonl",
  "test/fixtures/dev-questions-4.jsonl",
];

/** `--options`: settings to try instead of the defaults, for calibration. */
function parseOverrides(text: string | undefined): AnswerOverrides | undefined {
  if (text === undefined) return undefined;
  try {
    return answerOverridesSchema.parse(JSON.parse(text));
  } catch {
    throw new CliError(
      `--options takes a JSON object such as '{"lexical":{"ngramWeight":0.3},"thresholds":{"answerCoverage":0.5},"answerTypeBoost":0.3}'. ${USAGE}`,
      2,
    );
  }
}

/** `--split`: which part of the development questions to score (default: calibration). */
function parseSplit(value: string | undefined): DevSplit | "all" {
  const split = z.enum(["calibrate", "sealed", "all"]).safeParse(value ?? "calibrate");
  if (!split.success) throw new CliError(`--split takes calibrate, sealed or all, not "${value ?? ""}". ${USAGE}`, 2);
  return split.data;
}

function answersArgs(values: BenchArgs): AnswersBenchArgs {
  const split = parseSplit(values.split);
  const overrides = parseOverrides(values.options);
  return {
    questions: values.questions ?? DEFAULT_ANSWER_QUESTIONS,
    split,
    lexical: values.lexical ?? false,
    json: values.json ?? false,
    ...(values.articles ? { articles: values.articles } : {}),
    ...(overrides ? { overrides } : {}),
  };
}

const DEFAULT_CONVERSATION_FILES = ["test/fixtures/dev-conversations.jsonl", "test/fixtures/dev-conversations-2.jsonl"];

const conversationOverridesSchema = z.object({ contextWeight: z.number(), maxCarriedWords: z.number().int(), priorBoost: z.number() }).partial().strict();

function conversationsArgs(values: BenchArgs): ConversationsBenchArgs {
  const split = parseSplit(values.split);
  let overrides: ConversationsBenchArgs["overrides"];
  if (values.options !== undefined) {
    try {
      overrides = conversationOverridesSchema.parse(JSON.parse(values.options));
    } catch {
      throw new CliError(`--options takes a JSON object such as '{"contextWeight":0.5,"maxCarriedWords":6,"priorBoost":0.2}'. ${USAGE}`, 2);
    }
  }
  return {
    files: values.questions ?? DEFAULT_CONVERSATION_FILES,
    split,
    lexical: values.lexical ?? false,
    json: values.json ?? false,
    ...(overrides ? { overrides } : {}),
  };
}

const DEFAULT_SUMMARY_FOLDERS = ["test/fixtures/summary-articles", "data/articles"];

function summariesArgs(values: BenchArgs): SummariesBenchArgs {
  let tuning: SummariesBenchArgs["tuning"];
  if (values.options !== undefined) {
    try {
      tuning = selectionTuningSchema.parse(JSON.parse(values.options));
    } catch {
      throw new CliError(`--options takes a JSON object such as '{"sectionCoverage":0.3,"nearDuplicate":0.6}'. ${USAGE}`, 2);
    }
  }
  return {
    folders: values.articles ?? DEFAULT_SUMMARY_FOLDERS,
    split: parseSplit(values.split),
    json: values.json ?? false,
    verbose: values.verbose ?? false,
    ...(tuning ? { tuning } : {}),
  };
}

function serversArgs(values: BenchArgs, contentDir: string): ServersBenchArgs {
  const count = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const parsed = z.coerce.number().int().min(1).max(100_000).safeParse(value);
    if (!parsed.success) throw new CliError(`${name} takes a whole number from 1 to 100000. ${USAGE}`, 2);
    return parsed.data;
  };
  return {
    servers: count(values.servers, 1_000, "--servers"),
    maxLoaded: count(values["max-loaded"], 50, "--max-loaded"),
    contentDir,
    json: values.json ?? false,
  };
}

/** `--paragraphs`: a whole number from `min` to 200,000 (`fallback` when not given). */
function paragraphsArg(values: BenchArgs, min: number, fallback = ""): number {
  const paragraphs = z.coerce
    .number()
    .int()
    .min(min)
    .max(200_000)
    .safeParse(values.paragraphs ?? fallback);
  if (!paragraphs.success) throw new CliError(`--paragraphs takes a whole number from ${min} to 200000. ${USAGE}`, 2);
  return paragraphs.data;
}

function scaleArgs(values: BenchArgs): ScaleBenchArgs {
  if (!values.data) throw new CliError(`--data DIR (the GermanQuAD folder) is required. ${USAGE}`, 2);
  return { paragraphs: paragraphsArg(values, 20), dataDir: values.data, json: values.json ?? false, questions: 300 };
}

function denseArgs(values: BenchArgs): DenseBenchArgs {
  return { paragraphs: paragraphsArg(values, 1, "50000"), json: values.json ?? false };
}

const lexicalOverridesSchema = z
  .object({
    k1: z.number(),
    b: z.number(),
    titleBoost: z.number(),
    headingBoost: z.number(),
    ngramSize: z.number().int(),
    ngramWeight: z.number(),
    coverageWeight: z.number().min(0).max(1),
    ngramMaxShare: z.number().min(0).max(1),
    ngramMinPrunedCount: z.number().int().min(0),
    expansion: z.object({
      synonymWeight: z.number(),
      unknownSynonymWeight: z.number(),
      translationWeight: z.number(),
      compoundWeight: z.number(),
      knownCompoundWeight: z.number(),
      spellingWeight: z.number(),
      roundTripWeight: z.number(),
    }),
  })
  .partial()
  .strict();

const answerOverridesSchema = z
  .object({
    lexical: lexicalOverridesSchema,
    thresholds: z.record(z.string(), z.number()),
    answerTypeBoost: z.number(),
  })
  .partial()
  .strict();

await runCli(async ({ config, logger }) => {
  let parsed: { values: BenchArgs; positionals: string[] };
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        data: { type: "string" },
        questions: { type: "string", multiple: true },
        json: { type: "boolean" },
        lexical: { type: "boolean" },
        split: { type: "string" },
        options: { type: "string" },
        articles: { type: "string", multiple: true },
        verbose: { type: "boolean" },
        servers: { type: "string" },
        "max-loaded": { type: "string" },
        paragraphs: { type: "string" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw argumentError(error, USAGE);
  }
  const [suite] = parsed.positionals;
  if (suite === "germanquad") await germanQuadSuite(parsed.values, config, logger);
  else if (suite === "article") await articleSuite(parsed.values, config, logger);
  else if (suite === "answers") await answersSuite(answersArgs(parsed.values), config, logger);
  else if (suite === "conversations") await conversationsSuite(conversationsArgs(parsed.values), config, logger);
  else if (suite === "summaries") await summariesSuite(summariesArgs(parsed.values));
  else if (suite === "servers") await serversSuite(serversArgs(parsed.values, config.paths.contentDir), logger);
  else if (suite === "scale") {
    const args = scaleArgs(parsed.values);
    printScaleFigures(await scaleSuite(args), args.json);
  } else if (suite === "dense") {
    const args = denseArgs(parsed.values);
    printDenseFigures(denseSuite(args), args.json);
  } else throw new CliError(`unknown or missing benchmark${suite ? ` "${suite}"` : ""}. ${USAGE}`, 2);
});
