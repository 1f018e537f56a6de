import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { embeddingSettingsFrom } from "../app.js";
import { EmbeddingCache, embedPassagesCached } from "../search/embedding-cache.js";
import { loadEmbedder } from "../search/embeddings.js";
import { percentile, rankingMetrics, rankOf, type RankingMetrics } from "../search/evaluation.js";
import { loadGermanQuad, type BenchmarkQuestion } from "../search/germanquad.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import { CliError, runCli } from "./run.js";

const USAGE = "usage: npm run bench -- germanquad --data DIR [--json] [--lexical]";

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

await runCli(async ({ config, logger }) => {
  let parsed: ReturnType<typeof parseArgs<{ options: { data: { type: "string" }; json: { type: "boolean" }; lexical: { type: "boolean" } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { data: { type: "string" }, json: { type: "boolean" }, lexical: { type: "boolean" } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`, 2);
  }
  const [suite] = parsed.positionals;
  if (suite !== "germanquad") throw new CliError(`unknown or missing benchmark${suite ? ` "${suite}"` : ""}. ${USAGE}`, 2);
  if (!parsed.values.data) throw new CliError(`--data DIR is required. ${USAGE}`, 2);
  const { passages, questions } = await loadGermanQuad(parsed.values.data);

  let dense: DenseChannel | null = null;
  const settings = parsed.values.lexical ? "off" : embeddingSettingsFrom(config);
  const indexStarted = performance.now();
  if (settings !== "off") {
    const loaded = await loadEmbedder(settings.options, logger);
    if (loaded.embedder) {
      const embedder = loaded.embedder;
      const cache = await EmbeddingCache.open(settings.cacheFile, logger);
      const passageVectors = await embedPassagesCached(embedder, cache, passages.map((passage) => passage.text));
      dense = {
        modelId: embedder.modelId,
        passageVectors,
        embedQuery: async (question) => (await embedder.embedQueries([question]))[0] ?? new Float32Array(),
      };
    }
  }
  const retriever = new Retriever(passages, dense);
  const indexMs = performance.now() - indexStarted;
  const figures = await measure(questions, passages.length, indexMs, retriever.mode, async (question) =>
    (await retriever.search(question, 10)).hits.map((hit) => hit.id),
  );

  const baselineStarted = performance.now();
  const baselineRank = plainBm25(passages);
  const baselineIndexMs = performance.now() - baselineStarted;
  const baseline = await measure(questions, passages.length, baselineIndexMs, "bm25-plain", baselineRank);

  if (parsed.values.json) process.stdout.write(`${JSON.stringify({ ...figures, baseline })}\n`);
  else printTable(figures, baseline);
});
