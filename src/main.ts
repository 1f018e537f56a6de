import path from "node:path";
import { createService } from "./app.js";
import { createTerminalLogger } from "./log.js";
import { runTerminal } from "./cli/terminal.js";
import { runCli } from "./cli/run.js";

/** `npm start`: the Discord bot when a token is configured, otherwise a terminal session. */
await runCli(async ({ config, logger: botLogger }) => {
  // Without a token this is an interactive session: its logs go to a file, not over the prompt.
  const terminalLog = path.join(config.paths.stateDir, "terminal.log");
  const logger = config.DISCORD_TOKEN ? botLogger : createTerminalLogger(config.LOG_LEVEL, terminalLog);
  const service = await createService(config, logger);
  if (!config.DISCORD_TOKEN) {
    logger.info({ event: "terminal_mode" }, "no DISCORD_TOKEN configured: answering in the terminal");
    await runTerminal({
      logFile: terminalLog,
      qa: service,
      input: process.stdin,
      output: process.stdout,
      prompt: process.stdin.isTTY === true,
      maxQuestionLength: config.MAX_QUESTION_LENGTH,
    });
    return;
  }
  const { startBot } = await import("./discord/bot.js");
  const bot = await startBot({ config, qa: service, logger });
  const shutdown = (signal: string): void => {
    logger.info({ event: "shutdown", signal }, "shutting down");
    void bot.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
});
