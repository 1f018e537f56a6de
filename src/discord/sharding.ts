/**
 * Running the bot as several gateway shards with discord.js's own
 * ShardingManager: one process per shard, each with its own service over the
 * same content folder and state folder. A content change in one shard (an
 * upload, a removal, a /reindex) is written there, atomically, with the stored
 * index; the shard then tells the manager, which tells every other shard, and
 * each of those reloads from the folder. Until its new index is complete, a
 * shard keeps answering from the old one (a reload is a reindex, which swaps
 * whole indexes only).
 */
import { ShardingManager, type Client, type Shard } from "discord.js";
import type { Logger } from "pino";
import { z } from "zod";
import type { IndexReloader } from "../answer/index-reloader.js";
import type { QaApi } from "../answer/types.js";
import { errorForLog } from "./log-safety.js";

/** What a shard says after it changed the articles: the version it now serves. */
export const indexChangedMessageSchema = z.object({
  kind: z.literal("article-index-changed"),
  version: z.string().min(1).max(64),
  shard: z.number().int().min(0),
});
export type IndexChangedMessage = z.infer<typeof indexChangedMessageSchema>;

export interface ShardManagerOptions {
  /** The program each shard runs (the bot's own entry point). */
  script: string;
  /** Node flags for the shard processes (e.g. a TypeScript loader when started through tsx). */
  execArgv: readonly string[];
  token: string;
  totalShards: number | "auto";
  logger: Logger;
  /** Pause between starting shards (Discord allows one identify per 5 seconds). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready. */
  spawnTimeoutMs?: number;
}

export interface RunningShards {
  manager: ShardingManager;
  /** Asks every shard to stop (they drain their handlers) and resolves when all have exited. */
  stop(): Promise<void>;
}

const DEFAULT_SPAWN_DELAY_MS = 5_500;
const DEFAULT_SPAWN_TIMEOUT_MS = 60_000;

/** Starts one process per shard and relays index changes between them. */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningShards> {
  const { logger } = options;
  const manager = new ShardingManager(options.script, {
    token: options.token,
    totalShards: options.totalShards,
    mode: "process",
    respawn: true,
    execArgv: [...options.execArgv],
  });
  manager.on("shardCreate", (shard: Shard) => {
    logger.info({ event: "shard_created", shard: shard.id, of: manager.totalShards }, "shard process started");
    shard.on("death", () => {
      if (manager.respawn) logger.warn({ event: "shard_died", shard: shard.id }, "shard process exited; it is restarted");
      else logger.info({ event: "shard_exited", shard: shard.id }, "shard process stopped");
    });
    shard.on("message", (message: unknown) => {
      const parsed = indexChangedMessageSchema.safeParse(message);
      if (!parsed.success) return;
      logger.info({ event: "index_change_relayed", from: shard.id, version: parsed.data.version }, "telling the other shards to reload");
      for (const other of manager.shards.values()) {
        if (other.id === shard.id) continue;
        other.send(parsed.data).catch((error: unknown) => {
          logger.warn({ event: "index_change_relay_failed", shard: other.id, err: errorForLog(error) }, "could not tell a shard to reload");
        });
      }
    });
  });
  await manager.spawn({ delay: options.spawnDelayMs ?? DEFAULT_SPAWN_DELAY_MS, timeout: options.spawnTimeoutMs ?? DEFAULT_SPAWN_TIMEOUT_MS });
  logger.info({ event: "shards_ready", shards: manager.shards.size }, "all shards are ready");

  const stop = async (): Promise<void> => {
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        // SIGTERM: the shard stops taking events and lets running answers finish.
        child.kill("SIGTERM");
        await exited;
      }),
    );
  };
  return { manager, stop };
}

/**
 * A shard's side of the index sync: `announce` after this shard changed the
 * articles; the manager's messages about other shards' changes go to the
 * reloader, which loads them here.
 */
export class ShardIndexSync {
  constructor(
    private readonly client: Client,
    private readonly qa: QaApi,
    private readonly reloader: IndexReloader,
    private readonly logger: Logger,
  ) {}

  /** Listens for the manager's messages (process mode: on this process's IPC channel); returns `stop`. */
  listen(): () => void {
    const onMessage = (message: unknown): void => {
      const parsed = indexChangedMessageSchema.safeParse(message);
      if (parsed.success) this.reloader.request(parsed.data.version, `shard ${parsed.data.shard}`);
    };
    process.on("message", onMessage);
    return () => process.off("message", onMessage);
  }

  /** Tells the other shards that this one now serves a new index. */
  announce(): void {
    const shard = this.client.shard;
    if (!shard) return;
    const message: IndexChangedMessage = { kind: "article-index-changed", version: this.qa.status().indexVersion, shard: shard.ids[0] ?? 0 };
    shard.send(message).catch((error: unknown) => {
      this.logger.warn({ event: "index_change_announce_failed", err: errorForLog(error) }, "could not tell the other shards about the change");
    });
  }
}
