import path from "node:path";
import { z } from "zod";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    message: "expected true or false",
  })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const idList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.string().regex(/^\d{17,20}$/, "expected comma-separated Discord ids (snowflakes)")));

// Messages say what is accepted, in words; the received value is never echoed (it may be a secret).
const positiveInt = (fallback: number) =>
  z.coerce
    .number({ message: "expected a whole number greater than 0" })
    .int({ message: "expected a whole number greater than 0" })
    .positive({ message: "expected a whole number greater than 0" })
    .default(fallback);

/** Every variable the program reads, with its default. `.env.example` documents the same list. */
export const envSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, "expected a bot token (three dot-separated parts)")
    .optional(),
  DISCORD_CLIENT_ID: z
    .string()
    .regex(/^\d{17,20}$/, "expected the application id (a snowflake)")
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{17,20}$/, "expected a server id (a snowflake)")
    .optional(),
  /** Base of Discord's REST API, for a REST proxy in front of Discord; unset, discord.js talks to Discord itself. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/, message: "expected an http(s) URL such as http://127.0.0.1:8080/api" }).optional(),
  /** Gateway shards: 1 is one process; a number or "auto" (Discord's recommendation) runs one process per shard under discord.js's ShardingManager. */
  SHARD_COUNT: z
    .string()
    .trim()
    .regex(/^(?:auto|[1-9]\d{0,3})$/u, "expected auto or a whole number from 1 to 9999")
    .default("1")
    .transform((value): number | "auto" => (value === "auto" ? "auto" : Number(value))),
  ASK_CHANNEL_IDS: idList.default([]),
  MODERATOR_ROLE_IDS: idList.default([]),
  /** Users who may change the articles every server shares from Discord (the operator's); everyone else changes at most their own server's. */
  OPERATOR_USER_IDS: idList.default([]),

  CONTENT_DIR: z.string().min(1).default("data/articles"),
  STATE_DIR: z.string().min(1).default("var"),
  /** Let each server's moderators keep articles of their own, answered only in that server. */
  SERVER_ARTICLES: booleanFromEnv.default(true),
  MAX_SERVER_ARTICLES: positiveInt(20),
  MAX_SERVER_BYTES: positiveInt(5_000_000),
  /** Servers whose own index stays in memory at most (least recently asked dropped first, rebuilt when asked). */
  MAX_LOADED_SERVERS: positiveInt(50),

  EMBEDDINGS_ENABLED: booleanFromEnv.default(true),
  EMBEDDING_MODEL: z.string().min(1).default("Xenova/multilingual-e5-small"),
  EMBEDDING_LOCAL_MODEL_DIR: z.string().min(1).optional(),
  EMBEDDING_CACHE_DIR: z.string().min(1).optional(),
  EMBEDDING_ALLOW_REMOTE: booleanFromEnv.default(true),
  EMBEDDING_QUANTIZED: booleanFromEnv.default(true),
  EMBEDDING_LOAD_TIMEOUT_MS: positiveInt(8_000),

  USER_COOLDOWN_SECONDS: z.coerce
    .number({ message: "expected a number of seconds, 0 or more (e.g. 5 or 2.5)" })
    .min(0, { message: "expected a number of seconds, 0 or more (e.g. 5 or 2.5)" })
    .default(5),
  GLOBAL_QUESTIONS_PER_MINUTE: positiveInt(30),
  MAX_QUESTION_LENGTH: positiveInt(500),
  MAX_UPLOAD_BYTES: positiveInt(1_000_000),

  /** A conversation (replies to an answer, a thread the bot started) ends after this many minutes without a question. */
  CONVERSATION_IDLE_MINUTES: positiveInt(30),
  /** Threads and answer messages remembered as conversation entry points, at most. */
  MAX_CONVERSATION_KEYS: positiveInt(5_000),
  /** Answer @mentions in a new thread (one per question), where follow-ups continue the conversation. */
  MENTION_THREADS: booleanFromEnv.default(false),
  /** Request the privileged Message Content intent: then every message in the bot's threads is a follow-up, without a mention. */
  MESSAGE_CONTENT_INTENT: booleanFromEnv.default(false),

  /** Port of the optional /healthz and /metrics listener; unset, there is none. */
  METRICS_PORT: z.coerce
    .number({ message: "expected a port number from 1 to 65535" })
    .int({ message: "expected a port number from 1 to 65535" })
    .min(1, { message: "expected a port number from 1 to 65535" })
    .max(65_535, { message: "expected a port number from 1 to 65535" })
    .optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),

  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "expected one of fatal, error, warn, info, debug, trace, silent" })
    .default("info"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** Absolute paths derived from the directories above. */
  paths: {
    contentDir: string;
    stateDir: string;
    indexFile: string;
    embeddingCacheFile: string;
    modelCacheDir: string;
    feedbackFile: string;
    auditLogFile: string;
    /** One folder per server id with that server's own articles. */
    serversDir: string;
  };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Parses the environment; empty strings count as unset so `.env` can keep blank lines like `DISCORD_TOKEN=`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    // Never echo the received value: it may be a token.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  const stateDir = path.resolve(cwd, values.STATE_DIR);
  return {
    ...values,
    paths: {
      contentDir: path.resolve(cwd, values.CONTENT_DIR),
      stateDir,
      indexFile: path.join(stateDir, "index.json"),
      embeddingCacheFile: path.join(stateDir, "embeddings.jsonl"),
      modelCacheDir: values.EMBEDDING_CACHE_DIR ? path.resolve(cwd, values.EMBEDDING_CACHE_DIR) : path.join(stateDir, "models"),
      feedbackFile: path.join(stateDir, "feedback.jsonl"),
      auditLogFile: path.join(stateDir, "audit.jsonl"),
      serversDir: path.join(stateDir, "servers"),
    },
  };
}
