import { z } from "zod";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../log.js";
import { config as loadDotenv } from "dotenv";

/** An error meant for the person at the terminal: printed as one line, exit code 1 (2 for usage). */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const PARSE_ARGS_ERROR = z.object({ code: z.string(), message: z.string() });

/**
 * Node's parseArgs errors as one plain line ("unknown option --bogus"),
 * instead of its advice on quoting, followed by the command's usage.
 */
export function argumentError(error: unknown, usage: string): CliError {
  const parsed = PARSE_ARGS_ERROR.safeParse(error);
  if (!parsed.success) return new CliError(`${error instanceof Error ? error.message : String(error)}. ${usage}`, 2);
  const named =
    /'([^']+)'/
      .exec(parsed.data.message)?.[1]
      ?.replace(/\s*<value>$/, "")
      .replace(/^-\w,\s*/, "") ?? "";
  switch (parsed.data.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new CliError(`unknown option ${named}. ${usage}`, 2);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new CliError(/argument missing/.test(parsed.data.message) ? `${named} needs a value. ${usage}` : `${named} takes no value. ${usage}`, 2);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new CliError(`unexpected argument "${named}". ${usage}`, 2);
    default:
      return new CliError(`${parsed.data.message.split(".")[0] ?? "bad arguments"}. ${usage}`, 2);
  }
}

/** Loads `.env` and the configuration, then runs a command; every failure ends as one readable line on stderr. */
export async function runCli(main: (context: { config: Config; logger: Logger }) => Promise<void>): Promise<void> {
  try {
    loadDotenv({ quiet: true });
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL);
    await main({ config, logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
