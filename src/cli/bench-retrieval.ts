import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { createServiceFrom, embeddingSettingsFrom } from "../app.js";
import { EmbeddingCache, embedPassagesCached } from "../search/embedding-cache.js";
import { loadEmbedder } from "../search/embeddings.js";
import { percentile, rankingMetrics, rankOf, type RankingMetrics } from "../search/evaluation.js";
import { loadGermanQuad, type BenchmarkQuestion } from "../search/germanquad.js";
import { PassageVectors } from "../search/passage-vectors.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import type { LexicalOptions } from "../search/lexical-options.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { passageId } from "../answer/citation.js";
import { loadDevQuestions } from "../search/dev-questions.js";

/**
 * `npm run bench -- germanquad` and `npm run bench -- article`: retrieval
 * quality and speed, on GermanQuAD's passages and on the bundled articles,
 * each against plain BM25 on the same passages in the same run.
 */

export interface RetrievalBenchArgs {
  json: boolean;
  lexical: boolean;
  /** Overrides of the lexical index's settings (`--options '{"lexical":{…}}'`). */
  lexicalOverrides?: Partial<LexicalOptions>;
}

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

export async function germanQuadSuite(args: RetrievalBenchArgs & { data: string }, config: Config, logger: Logger): Promise<void> {
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
  const retriever = new Retriever(passages, dense, args.lexicalOverrides ? { lexical: args.lexicalOverrides } : {});
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
export async function articleSuite(args: RetrievalBenchArgs & { questionsFile: string }, config: Config, logger: Logger): Promise<void> {
  const questions = await loadDevQuestions(args.questionsFile);
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
