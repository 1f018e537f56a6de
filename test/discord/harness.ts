/** Starts the real bot (startBot) against the fake Discord, with captured logs and a temporary state dir. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino, type Logger } from "pino";
import type { ContentAdminApi } from "../../src/answer/types.js";
import type { QaApi } from "../../src/answer/types.js";
import type { ContentScopes } from "../../src/answer/servers/scopes.js";
import { loadConfig, type Config } from "../../src/config.js";
import { startBot, type RunningBot } from "../../src/discord/bot.js";
import type { BotMetrics } from "../../src/metrics.js";
import { FakeDiscord, type FakeDiscordOptions } from "../helpers/fake-discord/index.js";
import { createFakeQa } from "../helpers/fake-qa.js";

export interface CapturedLogs {
  lines: Array<Record<string, unknown>>;
  text(): string;
}

export function capturingLogger(level = "debug"): { logger: Logger; logs: CapturedLogs } {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const logger = pino(
    { level, base: undefined },
    {
      write(line: string) {
        raw.push(line);
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === "object" && parsed !== null) lines.push(parsed as Record<string, unknown>);
      },
    },
  );
  return { logger, logs: { lines, text: () => raw.join("") } };
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  logs: CapturedLogs;
  stateDir: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  qa?: QaApi;
  /** Every server's content (the operator's articles plus each server's own); omitted, `qa` serves every server. */
  scopes?: ContentScopes;
  /** Content management for the moderator commands; by default whatever `qa` offers (none for the fake QA). */
  admin?: ContentAdminApi | null;
  /** Extra environment; a function gets the fake first, for values like its channel ids. */
  env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>);
  now?: () => number;
  fake?: FakeDiscordOptions;
  metrics?: BotMetrics;
  /** The stored index the bot follows for changes made by other processes. */
  followIndexFile?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const stateDir = await mkdtemp(path.join(tmpdir(), "qa-bot-discord-"));
  const fake = await FakeDiscord.start(options.fake);
  const config = loadConfig(
    {
      DISCORD_TOKEN: fake.token,
      STATE_DIR: stateDir,
      EMBEDDINGS_ENABLED: "false",
      LOG_LEVEL: "silent",
      USER_COOLDOWN_SECONDS: "0",
      GLOBAL_QUESTIONS_PER_MINUTE: "1000",
      ...(typeof options.env === "function" ? options.env(fake) : options.env),
    },
    stateDir,
  );
  const { logger, logs } = capturingLogger();
  let bot: RunningBot;
  try {
    bot = await startBot({
      config,
      qa: options.qa ?? createFakeQa(),
      logger,
      clientOptions: { rest: { api: fake.apiUrl, retries: 0, timeout: 5_000 } },
      ...(options.now ? { now: options.now } : {}),
      ...(options.admin !== undefined ? { admin: options.admin } : {}),
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.followIndexFile ? { followIndexFile: options.followIndexFile } : {}),
    });
  } catch (error) {
    await fake.close();
    await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
  return {
    fake,
    bot,
    config,
    logs,
    stateDir,
    async close() {
      await bot.stop();
      await fake.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
