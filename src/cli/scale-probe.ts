import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createService } from "../app.js";
import { percentile } from "../search/evaluation.js";
import { argumentError, CliError, runCli } from "./run.js";

/**
 * The process `npm run bench -- scale` starts (compiled, without tsx): it
 * opens the content and state folders of its environment as the bot does,
 * answers one question and says so on stdout (the parent times that as the
 * start), then answers the rest, adds one article and prints its figures as
 * one JSON line.
 */

const USAGE = "usage: node dist/bundle/scale-probe.cjs --questions FILE [--add FILE]";

// Not awaited at the top level: the bundle is CommonJS (see scripts/bundle.mjs); runCli reports every failure itself.
void runCli(async ({ config, logger }) => {
  let values: { questions?: string | undefined; add?: string | undefined };
  try {
    values = parseArgs({ args: process.argv.slice(2), options: { questions: { type: "string" }, add: { type: "string" } } }).values;
  } catch (error) {
    throw argumentError(error, USAGE);
  }
  if (values.questions === undefined) throw new CliError(USAGE, 2);
  const questions = (await readFile(values.questions, "utf8")).split("\n").filter((line) => line.trim().length > 0);
  const service = await createService(config, logger);
  const [first, ...rest] = questions;
  if (first === undefined) throw new CliError("no questions in the file", 2);
  await service.ask(first);
  process.stdout.write(`${JSON.stringify({ event: "first-answer" })}\n`);
  const latencies: number[] = [];
  for (const question of rest) {
    const before = performance.now();
    await service.ask(question);
    latencies.push(performance.now() - before);
  }
  const paragraphs = service.status().paragraphCount;
  let addArticleMs: number | null = null;
  if (values.add !== undefined) {
    const bytes = await readFile(values.add);
    const before = performance.now();
    await service.addArticle({ fileName: path.basename(values.add), bytes, actor: { via: "cli", id: "scale-benchmark" } });
    addArticleMs = performance.now() - before;
  }
  const round = (value: number): number => Math.round(value * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      event: "figures",
      questions: latencies.length,
      p50Ms: round(percentile(latencies, 0.5)),
      p95Ms: round(percentile(latencies, 0.95)),
      addArticleMs: addArticleMs === null ? null : round(addArticleMs),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      paragraphs,
    })}\n`,
  );
});
