import path from "node:path";
import { createService } from "./app.js";
import { startHealthServer } from "./health-server.js";
import { createTerminalLogger } from "./log.js";
import { BotMetrics } from "./metrics.js";
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
  // The listener starts before the login, so /healthz says "not connected" while the bot connects.
  let connected = (): boolean => false;
  const metrics = config.METRICS_PORT === undefined ? undefined : new BotMetrics();
  const health =
    metrics && config.METRICS_PORT !== undefined
      ? await startHealthServer({
          port: config.METRICS_PORT,
          host: config.METRICS_HOST,
          metrics,
          readiness: () => (connected() ? { ready: true } : { ready: false, reason: "the Discord gateway is not connected" }),
        })
      : null;
  if (health) logger.info({ event: "metrics_listening", host: config.METRICS_HOST, port: health.port }, "serving /healthz and /metrics");
  const bot = await startBot({ config, qa: service, logger, ...(metrics ? { metrics } : {}) });
  connected = () => bot.client.isReady();
  const shutdown = (signal: string): void => {
    logger.info({ event: "shutdown", signal }, "shutting down");
    void bot
      .stop()
      .then(() => health?.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
});
