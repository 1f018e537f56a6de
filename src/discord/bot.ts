/**
 * Starts the Discord bot on top of a QaApi: connects, routes interactions and
 * mentions, and shuts down cleanly (the caller wires SIGINT/SIGTERM to `stop`).
 */
import { Client, Events, GatewayIntentBits, Options, Partials, type ClientOptions, type Interaction, type Message } from "discord.js";
import type { Logger } from "pino";
import type { ContentAdminApi } from "../answer/types.js";
import type { QaApi } from "../answer/types.js";
import type { Config } from "../config.js";
import { commandList, commandMap } from "./commands/index.js";
import type { BotCommand, BotContext } from "./context.js";
import { FeedbackStore } from "./feedback.js";
import { handleInteraction } from "./interactions.js";
import { errorForLog } from "./log-safety.js";
import { handleMessage } from "./mentions.js";
import { NO_MENTIONS } from "./presentation/index.js";
import { QuestionRateLimiter } from "./rate-limit.js";
import { RecentAnswers } from "./recent-answers.js";
import { ShardIndexSync } from "./sharding.js";
import { IndexReloader } from "../answer/index-reloader.js";
import { watchStoredIndex } from "../answer/stored-index-watch.js";
import { singleContentScopes, type ContentScopes } from "../answer/servers/scopes.js";
import { ConversationStore, DEFAULT_MAX_TURNS } from "../answer/conversation/store.js";
import type { BotMetrics } from "../metrics.js";

export interface StartBotOptions {
  config: Config;
  /**
   * Every server's content: the operator's articles plus each server's own
   * (ServerContent). Omitted, `qa` (and `admin`) are one article set for every
   * server, changed by any server's moderators (ContentPolicy "single").
   */
  scopes?: ContentScopes;
  /** The operator's articles (what direct messages and other shards' reloads concern); with `scopes`, its operator scope. */
  qa: QaApi;
  /** Content management for the moderator commands; by default `qa` itself when it offers it (as QaService does). */
  admin?: ContentAdminApi | null;
  logger: Logger;
  /** Overrides for tests, e.g. `{ rest: { api: "http://127.0.0.1:PORT/api" } }`. */
  clientOptions?: Pick<ClientOptions, "rest">;
  /** Clock for rate limits and feedback times (tests). */
  now?: () => number;
  /** The commands to serve; the built-in registry by default. */
  commands?: readonly BotCommand[];
  /** Salt for feedback keys; by default kept in `<feedbackFile>.salt`. */
  feedbackSalt?: string;
  /** Prometheus metrics to record into (METRICS_PORT). */
  metrics?: BotMetrics;
  /** The stored index file: when another process rewrites it, the articles are reloaded here. */
  followIndexFile?: string;
}

export interface RunningBot {
  client: Client;
  /** Stops taking new events, lets running handlers finish (up to a few seconds), then disconnects. */
  stop(): Promise<void>;
}

/** How long `stop` waits for answers that are still being written. */
const DRAIN_TIMEOUT_MS = 5_000;

export class BotStartError extends Error {
  override readonly name = "BotStartError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, qa, logger } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new BotStartError("DISCORD_TOKEN is not set: the bot cannot log in to Discord.");

  const now = options.now ?? Date.now;
  const feedback = await FeedbackStore.open(config.paths.feedbackFile, options.feedbackSalt ? { salt: options.feedbackSalt } : {});
  const scopes = options.scopes ?? singleContentScopes(qa, options.admin === undefined ? contentAdminOf(qa) : options.admin);
  const operator = scopes.operator();
  const context: BotContext = {
    qa: operator.qa,
    admin: operator.admin,
    layer: operator.layer,
    scopes,
    config,
    logger,
    limiter: new QuestionRateLimiter({
      userCooldownSeconds: config.USER_COOLDOWN_SECONDS,
      globalQuestionsPerMinute: config.GLOBAL_QUESTIONS_PER_MINUTE,
      now,
    }),
    feedback,
    recentAnswers: new RecentAnswers(),
    conversations: new ConversationStore({
      maxKeys: config.MAX_CONVERSATION_KEYS,
      idleMs: config.CONVERSATION_IDLE_MINUTES * 60_000,
      maxTurns: DEFAULT_MAX_TURNS,
      now,
    }),
    commands: commandMap(options.commands ?? commandList),
    now,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };

  const client = new Client({
    // Mentions of the bot (and replies that ping it) carry their content without the privileged Message Content
    // intent; with it (MESSAGE_CONTENT_INTENT), plain messages in the bot's threads can be read as follow-ups too.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, ...(config.MESSAGE_CONTENT_INTENT ? [GatewayIntentBits.MessageContent] : [])],
    // Messages can arrive from channels not in the cache (e.g. threads the bot just saw); the payload has what is needed.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // The bot never reads history: keep few messages in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 25 }),
    ...options.clientOptions,
  });

  // Articles changed by other processes are loaded here: another shard (told through the manager), or
  // `npm run reindex` on the host (seen in the stored index). This process's own changes are announced to the shards.
  const stopFollowing: Array<() => void> = [];
  if (context.admin) {
    const reloader = new IndexReloader(qa, context.admin, logger);
    if (options.followIndexFile) {
      stopFollowing.push(await watchStoredIndex(options.followIndexFile, (version) => reloader.request(version, "stored index"), logger));
    }
    if (client.shard) {
      const sync = new ShardIndexSync(client, qa, reloader, logger);
      stopFollowing.push(sync.listen());
      context.contentChanged = () => sync.announce();
    }
  }

  // Every handler runs independently (no global lock); running ones are tracked so stop() can let them finish.
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>, kind: string): void => {
    const guarded = work.catch((error: unknown) => {
      logger.error({ event: "handler_crashed", kind, err: errorForLog(error) }, "unhandled error in handler");
    });
    running.add(guarded);
    void guarded.finally(() => running.delete(guarded));
  };
  const onInteraction = (interaction: Interaction): void => track(handleInteraction(interaction, context), "interaction");
  const onMessage = (message: Message): void => {
    const botUserId = client.user?.id;
    if (botUserId) track(handleMessage(message, context, botUserId), "message");
  };
  const onError = (error: Error): void => logger.error({ event: "client_error", err: errorForLog(error) }, "discord client error");
  const onWarn = (warning: string): void => logger.warn({ event: "client_warning", warning }, "discord client warning");
  const onShardDisconnect = (event: { code: number }, shardId: number): void =>
    logger.warn({ event: "shard_disconnect", shardId, code: event.code }, "gateway disconnected");
  const onShardReconnecting = (shardId: number): void => {
    options.metrics?.gatewayReconnect();
    logger.info({ event: "shard_reconnecting", shardId }, "gateway reconnecting");
  };

  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.MessageCreate, onMessage);
  client.on(Events.Error, onError);
  client.on(Events.Warn, onWarn);
  client.on(Events.ShardDisconnect, onShardDisconnect);
  client.on(Events.ShardReconnecting, onShardReconnecting);

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const started = performance.now();
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new BotStartError(describeLoginError(error), { cause: error });
  }
  logger.info(
    { event: "ready", guilds: client.guilds.cache.size, commands: [...context.commands.keys()], latencyMs: Math.round(performance.now() - started) },
    "discord bot ready",
  );

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      client.off(Events.InteractionCreate, onInteraction);
      client.off(Events.MessageCreate, onMessage);
      const drained = Promise.allSettled([...running]);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref());
      await Promise.race([drained, timeout]);
      await client.destroy();
      await feedback.flush();
      client.off(Events.Error, onError);
      client.off(Events.Warn, onWarn);
      client.off(Events.ShardDisconnect, onShardDisconnect);
      client.off(Events.ShardReconnecting, onShardReconnecting);
      for (const stopOne of stopFollowing) stopOne();
      logger.info({ event: "stopped", unfinished: running.size }, "discord bot stopped");
    })();
    return stopping;
  };
  return { client, stop };
}

/** The service's content-management side, when the object passed as `qa` has one. */
function contentAdminOf(qa: QaApi): ContentAdminApi | null {
  return isContentAdmin(qa) ? qa : null;
}

function isContentAdmin(qa: QaApi): qa is QaApi & ContentAdminApi {
  const methods: ReadonlyArray<keyof ContentAdminApi> = ["reindex", "reindexProgress", "addArticle", "removeArticle", "checkArticle"];
  return methods.every((method) => {
    const value: unknown = Reflect.get(qa, method);
    return typeof value === "function";
  });
}

/** A login failure as one actionable sentence (never including the token). */
export function describeLoginError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : NaN;
  if (code === "TokenInvalid" || status === 401) {
    return "Discord rejected DISCORD_TOKEN. Reset the bot token in the Developer Portal (Bot → Reset Token) and update .env.";
  }
  if (code === "4014" || /disallowed intents/i.test(String(error))) {
    return "Discord refused the gateway intents. With MESSAGE_CONTENT_INTENT=true, switch on Message Content Intent in the Developer Portal (Bot → Privileged Gateway Intents), or set MESSAGE_CONTENT_INTENT=false.";
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not connect to Discord: ${detail}`;
}
