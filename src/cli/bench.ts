import { parseArgs } from "node:util";
import { argumentError, CliError, runCli } from "./run.js";
import type { DevSplit } from "../search/dev-questions.js";
import { z } from "zod";
import { answersSuite, type AnswerOverrides, type AnswersBenchArgs } from "./bench-answers.js";
import { conversationsSuite, type ConversationsBenchArgs } from "./bench-conversations.js";
import { summariesSuite, type SummariesBenchArgs } from "./bench-summaries.js";
import { selectionTuningSchema } from "../answer/summary/index.js";
import { serversSuite, type ServersBenchArgs } from "./bench-servers.js";
import { printScaleFigures, scaleSuite, type ScaleBenchArgs } from "./bench-scale.js";
import { denseSuite, printDenseFigures, type DenseBenchArgs } from "./bench-dense.js";
import { articleSuite, germanQuadSuite, type RetrievalBenchArgs } from "./bench-retrieval.js";

const USAGE =
  "usage: npm run bench -- germanquad --data DIR [--json] [--lexical]  |  npm run bench -- article [--questions FILE] [--json] [--lexical]" +
  "  |  npm run bench -- answers [--questions FILE]... [--articles DIR]... [--split calibrate|sealed|all] [--in-session] [--json] [--lexical]" +
  "  |  npm run bench -- conversations [--questions FILE]... [--split calibrate|sealed|all] [--json] [--lexical]" +
  "  |  npm run bench -- summaries [--articles DIR]... [--split calibrate|sealed|all] [--json] [--verbose]" +
  "  |  npm run bench -- servers [--servers N] [--max-loaded N] [--json]" +
  "  |  npm run bench -- scale --paragraphs N --data DIR [--json]  |  npm run bench -- dense [--paragraphs N] [--json]";

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
  "in-session"?: boolean;
};

function germanQuadArgs(values: BenchArgs): RetrievalBenchArgs & { data: string } {
  if (!values.data) throw new CliError(`--data DIR is required. ${USAGE}`, 2);
  const lexicalOverrides = parseOverrides(values.options)?.lexical;
  return { data: values.data, json: values.json ?? false, lexical: values.lexical ?? false, ...(lexicalOverrides ? { lexicalOverrides } : {}) };
}

function articleArgs(values: BenchArgs): RetrievalBenchArgs & { questionsFile: string } {
  return { questionsFile: values.questions?.[0] ?? "test/fixtures/dev-questions.jsonl", json: values.json ?? false, lexical: values.lexical ?? false };
}

const DEFAULT_ANSWER_QUESTIONS = [
  "test/fixtures/dev-questions.jsonl",
  "test/fixtures/dev-questions-2.jsonl",
  "test/fixtures/dev-questions-3.jsonl",
  "test/fixtures/dev-questions-4.jsonl",
  "test/fixtures/dev-questions-offtopic.jsonl",
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
    inSession: values["in-session"] ?? false,
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
      compoundPartShare: z.number().min(0).max(1),
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
        "in-session": { type: "boolean" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw argumentError(error, USAGE);
  }
  const [suite] = parsed.positionals;
  if (suite === "germanquad") await germanQuadSuite(germanQuadArgs(parsed.values), config, logger);
  else if (suite === "article") await articleSuite(articleArgs(parsed.values), config, logger);
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
