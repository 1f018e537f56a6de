import { createServer, type Server } from "node:http";
import type { BotMetrics } from "./metrics.js";

/**
 * The optional HTTP listener (METRICS_PORT): `/healthz` says whether the bot
 * can answer, `/metrics` serves Prometheus metrics. Bound to 127.0.0.1 unless
 * configured otherwise: the metrics are for the operator's scraper only.
 */

export interface Readiness {
  ready: boolean;
  /** What is missing, when not ready ("gateway not connected"). */
  reason?: string;
}

export interface HealthServerOptions {
  port: number;
  host: string;
  metrics: BotMetrics;
  readiness: () => Readiness;
}

export interface RunningHealthServer {
  /** The port actually bound (useful with port 0 in tests). */
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: HealthServerOptions): Promise<RunningHealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      const readiness = options.readiness();
      response
        .writeHead(readiness.ready ? 200 : 503, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(readiness.ready ? { status: "ok" } : { status: "unavailable", reason: readiness.reason ?? "not ready" }));
      return;
    }
    if (path === "/metrics") {
      options.metrics.registry.metrics().then(
        (text) => response.writeHead(200, { "content-type": options.metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: try /healthz or /metrics\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
