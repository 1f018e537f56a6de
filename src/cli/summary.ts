import { parseArgs } from "node:util";
import { z } from "zod";
import { embeddingSettingsFrom } from "../app.js";
import { loadArticles } from "../content/load.js";
import { describeArticleProblem } from "../content/problem-text.js";
import { loadEmbedder } from "../search/embeddings.js";
import {
  Summarizer,
  summaryLengthSchema,
  summaryRequestSchema,
  summaryEmbeddingFrom,
  UnknownArticleError,
  UnknownSectionError,
  type SummaryEmbedding,
} from "../answer/summary/index.js";
import { argumentError, CliError, runCli } from "./run.js";
import { formatSummaryText, summaryToJson } from "./summary-format.js";

const USAGE = "usage: npm run summary -- [--length short|medium|long] [--article ID] [--section HEADING|NUMBER] [--json] [--embeddings]";

const summaryArgsSchema = summaryRequestSchema.extend({
  json: z.boolean().default(false),
  /** Score sentences with the configured embedding model instead of TF-IDF (falls back to TF-IDF if it cannot load). */
  embeddings: z.boolean().default(false),
});
type SummaryArgs = z.infer<typeof summaryArgsSchema>;

function parseSummaryArgs(argv: string[]): SummaryArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        length: { type: "string", short: "l" },
        article: { type: "string", short: "a" },
        section: { type: "string", short: "s" },
        json: { type: "boolean" },
        embeddings: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values;
  } catch (error) {
    throw argumentError(error, USAGE);
  }
  if (values.help) throw new CliError(USAGE, 0);
  if (values.length !== undefined && !summaryLengthSchema.safeParse(values.length).success) {
    throw new CliError(`invalid --length "${String(values.length)}": expected short, medium or long`, 2);
  }
  const parsed = summaryArgsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`invalid --${issue?.path.join(".") ?? "option"}: ${issue?.message ?? "invalid"}. ${USAGE}`, 2);
  }
  return parsed.data;
}

await runCli(async ({ config, logger }) => {
  const args = parseSummaryArgs(process.argv.slice(2));
  const { articles, errors } = await loadArticles(config.paths.contentDir);
  for (const error of errors) logger.warn({ event: "article_skipped", file: error.file, reason: describeArticleProblem(error.problem) }, "article skipped");
  if (articles.length === 0) throw new CliError(`no readable articles in ${config.paths.contentDir} (.txt or .md files expected)`);

  let embedding: SummaryEmbedding | null = null;
  if (args.embeddings) {
    const settings = embeddingSettingsFrom(config);
    if (settings === "off") {
      logger.warn({ event: "summary_embeddings_off" }, "embeddings disabled by configuration; scoring sentences lexically");
    } else {
      embedding = summaryEmbeddingFrom((await loadEmbedder(settings.options, logger)).embedder);
    }
  }

  const summarizer = new Summarizer(undefined, (error) =>
    logger.warn({ event: "summary_embedding_failed", reason: error instanceof Error ? error.message : String(error) }, "embedding failed; lexical summary"),
  );
  try {
    const request = {
      ...(args.article !== undefined ? { articleId: args.article } : {}),
      ...(args.section !== undefined ? { section: args.section } : {}),
      length: args.length,
    };
    const summary = await summarizer.summarize(articles, request, embedding);
    process.stdout.write(args.json ? `${summaryToJson(summary)}\n` : `${formatSummaryText(summary)}\n`);
  } catch (error) {
    if (error instanceof UnknownArticleError || error instanceof UnknownSectionError) throw new CliError(error.message);
    throw error;
  }
});
