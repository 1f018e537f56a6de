// Chooses the dense-channel weight of the fusion on the development questions.
// Needs the embedding model (EMBEDDING_LOCAL_MODEL_DIR or a machine that can download it):
//   npx tsx scripts/tune-fusion.ts --data ../shared/benchmarks/germanquad
// The grid includes 0 and 1, so the chosen weight is never worse on these
// questions than the better single channel. Put the result in DEFAULT_FUSION.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { embeddingSettingsFrom } from "../src/app.js";
import { CliError, runCli } from "../src/cli/run.js";
import { EmbeddingCache, embedPassagesCached } from "../src/search/embedding-cache.js";
import { loadEmbedder } from "../src/search/embeddings.js";
import { rankingMetrics, rankOf } from "../src/search/evaluation.js";
import { chooseDenseWeight } from "../src/search/fusion.js";
import { loadGermanQuad } from "../src/search/germanquad.js";
import { PassageVectors } from "../src/search/passage-vectors.js";
import { Retriever } from "../src/search/retriever.js";

const devQuestion = z.object({ question: z.string(), passage_id: z.string() });

await runCli(async ({ config, logger }) => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { data: { type: "string" }, questions: { type: "string", multiple: true } },
  });
  if (!values.data) throw new CliError("--data DIR (the GermanQuAD folder with passages.jsonl) is required", 2);
  const questionFiles = values.questions ?? [
    "test/fixtures/dev-germanquad.jsonl",
    "test/fixtures/dev-germanquad-2.jsonl",
    "test/fixtures/dev-germanquad-hard.jsonl",
  ];
  const settings = embeddingSettingsFrom(config);
  if (settings === "off") throw new CliError("embeddings are disabled (EMBEDDINGS_ENABLED=false)", 2);
  const loaded = await loadEmbedder(settings.options, logger);
  if (!loaded.embedder) throw new CliError(`the embedding model is not available: ${loaded.reason}`);
  const embedder = loaded.embedder;

  const { passages } = await loadGermanQuad(values.data);
  const questions = (await Promise.all(questionFiles.map(async (file) => (await readFile(file, "utf8")).split("\n").filter((line) => line.trim()))))
    .flat()
    .map((line) => devQuestion.parse(JSON.parse(line)));
  const cache = await EmbeddingCache.open(settings.cacheFile, logger);
  const passageVectors = await embedPassagesCached(
    embedder,
    cache,
    passages.map((passage) => passage.text),
  );
  const queryVectors = await embedder.embedQueries(questions.map((question) => question.question));
  const vectorByQuestion = new Map(questions.map((question, index) => [question.question, queryVectors[index] ?? new Float32Array()]));
  const dense = {
    modelId: embedder.modelId,
    vectors: PassageVectors.fromRows(passageVectors, embedder.dimension),
    embedQuery: async (question: string) => vectorByQuestion.get(question) ?? new Float32Array(),
  };

  const rankings = new Map<number, number>();
  for (const weight of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
    const retriever = new Retriever(passages, dense, { fusion: { denseWeight: weight } });
    const ranks: (number | null)[] = [];
    for (const question of questions)
      ranks.push(
        rankOf(
          (await retriever.search(question.question, 10)).hits.map((hit) => hit.id),
          question.passage_id,
        ),
      );
    rankings.set(weight, rankingMetrics(ranks).mrr10);
  }
  const choice = chooseDenseWeight((weight) => rankings.get(weight) ?? 0, [...rankings.keys()]);
  for (const entry of choice.byWeight) process.stdout.write(`denseWeight ${entry.denseWeight.toFixed(1)}  MRR@10 ${entry.score.toFixed(4)}\n`);
  process.stdout.write(`chosen denseWeight: ${choice.denseWeight} (MRR@10 ${choice.score.toFixed(4)} on ${questions.length} development questions)\n`);
});
