import type { Client } from "discord.js";
import { describe, expect, it } from "vitest";
import { ReindexBusyError, ReindexFailedError } from "../../src/answer/errors.js";
import type { ContentAdminApi, QaApi, ReindexReport } from "../../src/answer/types.js";
import { ShardIndexSync, indexChangedMessageSchema, type IndexChangedMessage } from "../../src/discord/sharding.js";
import { capturingLogger } from "../helpers/content-fixtures.js";

const REPORT: ReindexReport = { added: [], changed: [], removed: [], unchanged: [], articles: 1, paragraphs: 3, durationMs: 1, mode: "lexical" };

/** A shard's service as the sync sees it: a version, and a reindex that can be made busy or failing. */
function shardDouble(initialVersion: string) {
  let version = initialVersion;
  const outcomes: Array<"busy" | "failed" | { version: string }> = [];
  const calls: string[] = [];
  const qa = { status: () => ({ indexVersion: version }) } as unknown as QaApi;
  const admin = {
    reindex: () => {
      const outcome = outcomes.shift() ?? { version };
      calls.push(typeof outcome === "string" ? outcome : `reindex→${outcome.version}`);
      if (outcome === "busy")
        return Promise.reject(
          new ReindexBusyError({ task: "reindex", phase: "reading", articlesDone: 0, articlesTotal: 0, paragraphsDone: 0, paragraphsTotal: 0 }),
        );
      if (outcome === "failed") return Promise.reject(new ReindexFailedError([{ file: "a.txt", problem: { kind: "empty", whitespaceOnly: false } }]));
      version = outcome.version;
      return Promise.resolve(REPORT);
    },
  } as unknown as ContentAdminApi;
  const sent: unknown[] = [];
  const client = { shard: { ids: [1], send: (message: unknown) => (sent.push(message), Promise.resolve()) } } as unknown as Client;
  return { qa, admin, client, sent, calls, outcomes, version: () => version };
}

const changed = (version: string, shard = 0): IndexChangedMessage => ({ kind: "article-index-changed", version, shard });

describe("ShardIndexSync", () => {
  it("announces the version this shard now serves", () => {
    const double = shardDouble("aaaaaaaaaaaa");
    new ShardIndexSync(double.client, double.qa, double.admin, capturingLogger().logger).announce();
    expect(double.sent).toEqual([changed("aaaaaaaaaaaa", 1)]);
    expect(indexChangedMessageSchema.safeParse(double.sent[0]).success).toBe(true);
  });

  it("reloads on another shard's change, ignores its own version and anything that is not an index message", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const sync = new ShardIndexSync(double.client, double.qa, double.admin, capturingLogger().logger);
    const stop = sync.listen();
    try {
      process.emit("message", changed("aaaaaaaaaaaa"), undefined);
      process.emit("message", { kind: "something-else" }, undefined);
      process.emit("message", "hello", undefined);
      await sync.settled();
      expect(double.calls).toEqual([]);
      double.outcomes.push({ version: "bbbbbbbbbbbb" });
      process.emit("message", changed("bbbbbbbbbbbb"), undefined);
      await sync.settled();
      expect(double.calls).toEqual(["reindex→bbbbbbbbbbbb"]);
    } finally {
      stop();
    }
  });

  it("waits while this shard runs its own change, then loads; coalesces changes announced meanwhile", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const sync = new ShardIndexSync(double.client, double.qa, double.admin, capturingLogger().logger);
    const stop = sync.listen();
    try {
      double.outcomes.push("busy", { version: "bbbbbbbbbbbb" }, { version: "dddddddddddd" });
      process.emit("message", changed("bbbbbbbbbbbb"), undefined);
      process.emit("message", changed("cccccccccccc"), undefined);
      process.emit("message", changed("dddddddddddd"), undefined);
      await sync.settled();
      // One reload for b (after the busy try), then one more for the latest queued change only.
      expect(double.calls).toEqual(["busy", "reindex→bbbbbbbbbbbb", "reindex→dddddddddddd"]);
      expect(double.version()).toBe("dddddddddddd");
    } finally {
      stop();
    }
  });

  it("a reload that fails keeps the old index and is logged", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const { logger, records } = capturingLogger();
    const sync = new ShardIndexSync(double.client, double.qa, double.admin, logger);
    const stop = sync.listen();
    try {
      double.outcomes.push("failed");
      process.emit("message", changed("bbbbbbbbbbbb"), undefined);
      await sync.settled();
      expect(double.version()).toBe("aaaaaaaaaaaa");
      expect(records.some((record) => record.event === "index_reload_failed")).toBe(true);
    } finally {
      stop();
    }
  });
});
