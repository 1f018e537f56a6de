import { ConfigError, loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../log.js";

/** An error meant for the person at the terminal: printed as one line, exit code 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Loads `.env` and the configuration, then runs a command; every failure ends as one readable line on stderr. */
export async function runCli(main: (context: { config: Config; logger: Logger }) => Promise<void>): Promise<void> {
  try {
    const { config: loadDotenv } = await import("dotenv");
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
