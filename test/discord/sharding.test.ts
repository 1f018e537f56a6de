import type { Client } from "discord.js";
import { describe, expect, it } from "vitest";
import type { IndexReloader } from "../../src/answer/index-reloader.js";
import type { QaApi } from "../../src/answer/types.js";
import { ShardIndexSync, indexChangedMessageSchema, type IndexChangedMessage } from "../../src/discord/sharding.js";
import { capturingLogger } from "../helpers/content-fixtures.js";

const changed = (version: string, shard = 0): IndexChangedMessage => ({ kind: "article-index-changed", version, shard });

function syncDouble() {
  const sent: unknown[] = [];
  const requests: Array<{ version: string; origin: string }> = [];
  const client = { shard: { ids: [1], send: (message: unknown) => (sent.push(message), Promise.resolve()) } } as unknown as Client;
  const qa = { status: () => ({ indexVersion: "aaaaaaaaaaaa" }) } as unknown as QaApi;
  const reloader = { request: (version: string, origin: string) => requests.push({ version, origin }) } as unknown as IndexReloader;
  return { sync: new ShardIndexSync(client, qa, reloader, capturingLogger().logger), sent, requests };
}

describe("ShardIndexSync", () => {
  it("announces the version this shard now serves, in the message the manager relays", () => {
    const { sync, sent } = syncDouble();
    sync.announce();
    expect(sent).toEqual([changed("aaaaaaaaaaaa", 1)]);
    expect(indexChangedMessageSchema.safeParse(sent[0]).success).toBe(true);
  });

  it("passes another shard's change to the reloader, and ignores anything that is not an index message", () => {
    const { sync, requests } = syncDouble();
    const stop = sync.listen();
    try {
      process.emit("message", { kind: "something-else" }, undefined);
      process.emit("message", "hello", undefined);
      process.emit("message", { ...changed("bbbbbbbbbbbb"), version: "" }, undefined);
      process.emit("message", changed("bbbbbbbbbbbb", 0), undefined);
      expect(requests).toEqual([{ version: "bbbbbbbbbbbb", origin: "shard 0" }]);
    } finally {
      stop();
    }
    process.emit("message", changed("cccccccccccc", 0), undefined);
    expect(requests).toHaveLength(1);
  });
});
