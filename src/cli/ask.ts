import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Answer, ConversationTurn } from "../answer/types.js";
import { historyAfter } from "../answer/conversation/turns.js";
import { checkQuestion } from "../answer/question-check.js";
import { answerToJson, formatAnswer, questionTooLong } from "./format.js";
import { argumentError, CliError, runCli } from "./run.js";
import { contentScopeFor, parseServerId } from "./server-scope.js";

const USAGE =
  'usage: npm run ask -- [--server ID] [--json] "question"  |  npm run ask -- [--server ID] [--json] [--conversation] --batch FILE|-' +
  "  (--conversation: consecutive lines are one conversation, a blank line starts the next; --server: answer as in that Discord server)";

interface AskArgs {
  json: boolean;
  batch: string | undefined;
  conversation: boolean;
  question: string;
  server: string | null;
}

function parseAskArgs(argv: string[]): AskArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: "boolean", default: false },
        batch: { type: "string" },
        conversation: { type: "boolean", default: false },
        server: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) throw new CliError(USAGE, 0);
    const question = positionals.join(" ").trim();
    if (values.batch === undefined && question.length === 0) throw new CliError(`no question given. ${USAGE}`, 2);
    if (values.batch !== undefined && question.length > 0) throw new CliError(`give either a question or --batch, not both. ${USAGE}`, 2);
    if (values.conversation && values.batch === undefined) throw new CliError(`--conversation reads its questions from --batch FILE|-. ${USAGE}`, 2);
    const server = parseServerId(values.server, USAGE);
    return { json: values.json ?? false, batch: values.batch, conversation: values.conversation ?? false, question, server };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw argumentError(error, USAGE);
  }
}

/** The batch's lines; blank ones come through as "" (they separate conversations). */
async function* batchLines(source: string): AsyncGenerator<string> {
  if (source !== "-") {
    try {
      await access(source);
    } catch {
      throw new CliError(`cannot read batch file ${source}`);
    }
  }
  const input = source === "-" ? process.stdin : createReadStream(source, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

await runCli(async ({ config, logger }) => {
  const args = parseAskArgs(process.argv.slice(2));
  const service = (await contentScopeFor(config, logger, args.server)).qa;
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
  // In --conversation mode, the turns of the current conversation (a blank line ends it).
  let history: ConversationTurn[] = [];
  for await (const question of batchLines(args.batch)) {
    if (question.trim().length === 0) {
      history = [];
      continue;
    }
    if (!args.json && !first) process.stdout.write("\n");
    first = false;
    if (!args.json) process.stdout.write(`Q: ${question.trim()}\n`);
    const refusal = tooLong(question);
    // A batch goes on past an overlong line: one line per question stays true in --json too.
    if (refusal && args.json) process.stdout.write(`${JSON.stringify({ question: question.trim().slice(0, 200), error: refusal })}\n`);
    else if (refusal) process.stdout.write(`${refusal}\n`);
    else if (!args.conversation) print(await service.ask(question));
    else {
      const answer = await service.ask(question, history.length > 0 ? { history } : {});
      history = historyAfter(history, answer);
      print(answer);
    }
  }
});
