import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createService } from "../app.js";
import type { Answer } from "../answer/types.js";
import { checkQuestion } from "../answer/question-check.js";
import { answerToJson, formatAnswer, questionTooLong } from "./format.js";
import { argumentError, CliError, runCli } from "./run.js";

const USAGE = 'usage: npm run ask -- [--json] "question"  |  npm run ask -- [--json] --batch FILE|-';

function parseAskArgs(argv: string[]): { json: boolean; batch: string | undefined; question: string } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: "boolean", default: false }, batch: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) throw new CliError(USAGE, 0);
    const question = positionals.join(" ").trim();
    if (values.batch === undefined && question.length === 0) throw new CliError(`no question given. ${USAGE}`, 2);
    if (values.batch !== undefined && question.length > 0) throw new CliError(`give either a question or --batch, not both. ${USAGE}`, 2);
    return { json: values.json ?? false, batch: values.batch, question };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw argumentError(error, USAGE);
  }
}

async function* batchQuestions(source: string): AsyncGenerator<string> {
  if (source !== "-") {
    try {
      await access(source);
    } catch {
      throw new CliError(`cannot read batch file ${source}`);
    }
  }
  const input = source === "-" ? process.stdin : createReadStream(source, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length > 0) yield line;
  }
}

await runCli(async ({ config, logger }) => {
  const args = parseAskArgs(process.argv.slice(2));
  const service = await createService(config, logger);
  await service.whenModelSettled();
  const print = (answer: Answer): void => {
    process.stdout.write(args.json ? `${answerToJson(answer)}\n` : `${formatAnswer(answer)}\n`);
  };
  const tooLong = (question: string): string | null => {
    const checked = checkQuestion(question, config.MAX_QUESTION_LENGTH);
    return checked.ok || checked.reason !== "too_long" ? null : questionTooLong(checked.length, checked.max);
  };
  if (args.batch === undefined) {
    const refusal = tooLong(args.question);
    if (refusal) throw new CliError(refusal, 2);
    print(await service.ask(args.question));
    return;
  }
  let first = true;
  for await (const question of batchQuestions(args.batch)) {
    if (!args.json && !first) process.stdout.write("\n");
    first = false;
    if (!args.json) process.stdout.write(`Q: ${question.trim()}\n`);
    const refusal = tooLong(question);
    // A batch goes on past an overlong line: one line per question stays true in --json too.
    if (refusal && args.json) process.stdout.write(`${JSON.stringify({ question: question.trim().slice(0, 200), error: refusal })}\n`);
    else if (refusal) process.stdout.write(`${refusal}\n`);
    else print(await service.ask(question));
  }
});
