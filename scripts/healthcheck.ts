/**
 * `npm run healthcheck`: exits 0 when the running bot's /healthz says it is
 * ready, 1 otherwise (the container's HEALTHCHECK and systemd watchdogs use
 * it). Reads METRICS_PORT and METRICS_HOST like the bot; prints one line.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig } from "../src/config.js";

loadDotenv({ quiet: true });

async function main(): Promise<number> {
  let config;
  try {
    // The bot's own configuration, so the check reads METRICS_PORT and METRICS_HOST exactly as the bot does.
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`unhealthy: the configuration is invalid (${error.problems.join("; ")})\n`);
    return 1;
  }
  const { METRICS_HOST: host, METRICS_PORT: port } = config;
  if (port === undefined) {
    process.stderr.write("unhealthy: METRICS_PORT is not set to a port number, so the bot serves no /healthz\n");
    return 1;
  }
  try {
    const response = await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(3_000) });
    const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
    if (response.status === 200) {
      process.stdout.write("healthy\n");
      return 0;
    }
    process.stderr.write(`unhealthy: ${typeof body.reason === "string" ? body.reason : `HTTP ${response.status}`}\n`);
    return 1;
  } catch (error) {
    process.stderr.write(`unhealthy: no answer from http://${host}:${port}/healthz (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
}

process.exitCode = await main();
