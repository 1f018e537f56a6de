import path from "node:path";
import { fileURLToPath } from "node:url";
import { createContent } from "./app.js";
import { startHealthServer } from "./health-server.js";
import { createTerminalLogger } from "./log.js";
import { BotMetrics } from "./metrics.js";
import { runTerminal } from "./cli/terminal.js";
import { runCli } from "./cli/run.js";

/** The first shard this process runs, when a ShardingManager started it (discord.js passes SHARDS), else null. */
function firstShardId(): number | null {
  if (process.env.SHARDING_MANAGER === undefined) return null;
  const shards: unknown = JSON.parse(process.env.SHARDS ?? "0");
  const first: unknown = Array.isArray(shards) ? shards[0] : shards;
  return typeof first === "number" && Number.isInteger(first) && first >= 0 ? first : 0;
}

/**
 * `npm start`: the Discord bot when a token is configured, otherwise a terminal
 * session. With SHARD_COUNT other than 1, this process is the shard manager and
 * starts this same program once per shard.
 */
// Not awaited at the top level: the bundle is CommonJS (see scripts/bundle.mjs); runCli reports every failure itself.
void runCli(async ({ config, logger: botLogger }) => {
  const shardId = firstShardId();
  if (config.DISCORD_TOKEN && config.SHARD_COUNT !== 1 && shardId === null) {
    const { startShardManager } = await import("./discord/sharding.js");
    const shards = await startShardManager({
      script: fileURLToPath(import.meta.url),
      execArgv: process.execArgv,
      token: config.DISCORD_TOKEN,
      totalShards: config.SHARD_COUNT,
      logger: botLogger,
    });
    const stopShards = (signal: string): void => {
      botLogger.info({ event: "shutdown", signal }, "stopping the shards");
      void shards.stop().finally(() => process.exit(0));
    };
    process.once("SIGINT", () => stopShards("SIGINT"));
    process.once("SIGTERM", () => stopShards("SIGTERM"));
    return;
  }
  // Without a token this is an interactive session: its logs go to a file, not over the prompt.
  const terminalLog = path.join(config.paths.stateDir, "terminal.log");
  const logger = config.DISCORD_TOKEN ? botLogger : createTerminalLogger(config.LOG_LEVEL, terminalLog);
  const { operator: service, servers } = await createContent(config, logger);
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
  // Each shard process listens on its own port: METRICS_PORT plus its shard id.
  const metricsPort = config.METRICS_PORT === undefined ? undefined : config.METRICS_PORT + (shardId ?? 0);
  const health =
    metrics && metricsPort !== undefined
      ? await startHealthServer({
          port: metricsPort,
          host: config.METRICS_HOST,
          metrics,
          readiness: () => (connected() ? { ready: true } : { ready: false, reason: "the Discord gateway is not connected" }),
        })
      : null;
  if (health) logger.info({ event: "metrics_listening", host: config.METRICS_HOST, port: health.port }, "serving /healthz and /metrics");
  const bot = await startBot({
    config,
    qa: service,
    scopes: servers,
    logger: shardId === null ? logger : logger.child({ shard: shardId }),
    ...(metrics ? { metrics } : {}),
    followIndexFile: config.paths.indexFile,
    ...(config.DISCORD_API_URL ? { clientOptions: { rest: { api: config.DISCORD_API_URL } } } : {}),
  });
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
