import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../src/answer/service.js";
import { startHealthServer, type RunningHealthServer } from "../src/health-server.js";
import { silentLogger } from "../src/log.js";
import { BotMetrics } from "../src/metrics.js";
import { startHarness, type Harness } from "./discord/harness.js";
import { dispatchInteraction, fakeUser, slashCommand } from "./helpers/fake-discord-payloads.js";

describe("the /healthz and /metrics listener, over HTTP on 127.0.0.1", () => {
  let ready = false;
  let server: RunningHealthServer;
  let harness: Harness;
  const metrics = new BotMetrics({ processMetrics: false });
  const url = (route: string): string => `http://127.0.0.1:${server.port}${route}`;

  beforeAll(async () => {
    server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      metrics,
      readiness: () => (ready ? { ready: true } : { ready: false, reason: "the Discord gateway is not connected" }),
    });
    const qa = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    harness = await startHarness({ qa, metrics, env: { USER_COOLDOWN_SECONDS: "60" } });
  });
  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it("/healthz is 503 with the reason until ready, then 200", async () => {
    const starting = await fetch(url("/healthz"));
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({ status: "unavailable", reason: "the Discord gateway is not connected" });
    ready = true;
    const up = await fetch(url("/healthz"));
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok" });
  });

  it("/metrics counts questions by outcome, their latency and rate-limited ones", async () => {
    const { fake } = harness;
    const user = fakeUser();
    const asked = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [{ name: "question", type: 3, value: "Welche Waffen will Russland von Nordkorea?" }], { user }),
    );
    await fake.waitForCall((call) => call.method === "PATCH" && call.path.includes(asked.token));
    // The same user again within the cooldown: turned away.
    const again = dispatchInteraction(fake, slashCommand(fake, "ask", [{ name: "question", type: 3, value: "Wer ist John Kirby?" }], { user }));
    await fake.waitForCall((call) => call.method === "POST" && call.path.includes(again.id));
    const response = await fetch(url("/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^qa_questions_total\{outcome="answered",via="ask"\} 1$/m);
    expect(text).toMatch(/^qa_answer_seconds_count 1$/m);
    expect(text).toMatch(/^qa_rate_limited_total\{reason="user_cooldown"\} 1$/m);
    expect(text).toMatch(/^# TYPE qa_gateway_reconnects_total counter$/m);
  });

  it("answers 404 elsewhere and 405 to other methods", async () => {
    expect((await fetch(url("/"))).status).toBe(404);
    expect((await fetch(url("/metrics"), { method: "POST" })).status).toBe(405);
  });
});
