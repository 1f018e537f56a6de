import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHealthServer, type RunningHealthServer } from "../src/health-server.js";
import { BotMetrics } from "../src/metrics.js";

const run = promisify(execFile);

async function healthcheck(env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", path.resolve("scripts/healthcheck.ts")], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? 1, out: failure.stderr ?? "" };
  }
}

describe("npm run healthcheck", () => {
  let ready = false;
  let server: RunningHealthServer;
  beforeAll(async () => {
    server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      metrics: new BotMetrics({ processMetrics: false }),
      readiness: () => (ready ? { ready } : { ready, reason: "the Discord gateway is not connected" }),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("exits 0 when /healthz is ready and 1 with the reason when not, or when nothing listens", async () => {
    const env = { METRICS_PORT: String(server.port), METRICS_HOST: "127.0.0.1" };
    expect(await healthcheck(env)).toEqual({ code: 1, out: "unhealthy: the Discord gateway is not connected\n" });
    ready = true;
    expect(await healthcheck(env)).toEqual({ code: 0, out: "healthy\n" });
    const nobody = await healthcheck({ METRICS_PORT: "1", METRICS_HOST: "127.0.0.1" });
    expect(nobody.code).toBe(1);
    expect(nobody.out).toMatch(/^unhealthy: no answer from http:\/\/127\.0\.0\.1:1\/healthz/);
    expect(await healthcheck({ METRICS_PORT: "" })).toEqual({
      code: 1,
      out: "unhealthy: METRICS_PORT is not set to a port number, so the bot serves no /healthz\n",
    });
  });
});
