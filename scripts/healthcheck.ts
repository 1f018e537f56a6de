/**
 * `npm run healthcheck`: exits 0 when the running bot's /healthz says it is
 * ready, 1 otherwise (the container's HEALTHCHECK and systemd watchdogs use
 * it). Reads METRICS_PORT and METRICS_HOST like the bot; prints one line.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "zod";

loadDotenv({ quiet: true });
const settings = z
  .object({
    METRICS_PORT: z.coerce.number().int().min(1).max(65_535),
    METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  })
  .safeParse({ METRICS_PORT: process.env.METRICS_PORT, METRICS_HOST: process.env.METRICS_HOST || undefined });

async function main(): Promise<number> {
  if (!settings.success) {
    process.stderr.write("unhealthy: METRICS_PORT is not set to a port number, so the bot serves no /healthz\n");
    return 1;
  }
  const { METRICS_HOST: host, METRICS_PORT: port } = settings.data;
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
