import { describe, expect, it } from "vitest";
import { ReindexBusyError, ReindexFailedError } from "../../src/answer/errors.js";
import { IndexReloader } from "../../src/answer/index-reloader.js";
import type { ContentAdminApi, QaApi, ReindexReport } from "../../src/answer/types.js";
import { capturingLogger } from "../helpers/content-fixtures.js";

const REPORT: ReindexReport = { added: [], changed: [], removed: [], unchanged: [], articles: 1, paragraphs: 3, durationMs: 1, mode: "lexical" };

/** A process's service as the reloader sees it: a version, and a reindex that can be made busy or failing. */
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
  return { qa, admin, calls, outcomes, version: () => version };
}

describe("IndexReloader", () => {
  it("reloads for a version it does not serve, and does nothing for the one it does", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const reloader = new IndexReloader(double.qa, double.admin, capturingLogger().logger);
    reloader.request("aaaaaaaaaaaa", "test");
    await reloader.settled();
    expect(double.calls).toEqual([]);
    double.outcomes.push({ version: "bbbbbbbbbbbb" });
    reloader.request("bbbbbbbbbbbb", "test");
    await reloader.settled();
    expect(double.calls).toEqual(["reindex→bbbbbbbbbbbb"]);
    // The same change told twice (by the manager and by the stored index): loaded once.
    reloader.request("bbbbbbbbbbbb", "stored index");
    await reloader.settled();
    expect(double.calls).toHaveLength(1);
  });

  it("waits while this process runs its own change, then loads; coalesces requests made meanwhile", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const reloader = new IndexReloader(double.qa, double.admin, capturingLogger().logger);
    double.outcomes.push("busy", { version: "bbbbbbbbbbbb" }, { version: "dddddddddddd" });
    reloader.request("bbbbbbbbbbbb", "shard 0");
    reloader.request("cccccccccccc", "shard 0");
    reloader.request("dddddddddddd", "shard 0");
    await reloader.settled();
    // One reload for b (after the busy try), then one more for the latest queued request only.
    expect(double.calls).toEqual(["busy", "reindex→bbbbbbbbbbbb", "reindex→dddddddddddd"]);
    expect(double.version()).toBe("dddddddddddd");
  });

  it("a reload that fails keeps the old index and is logged", async () => {
    const double = shardDouble("aaaaaaaaaaaa");
    const { logger, records } = capturingLogger();
    const reloader = new IndexReloader(double.qa, double.admin, logger);
    double.outcomes.push("failed");
    reloader.request("bbbbbbbbbbbb", "shard 0");
    await reloader.settled();
    expect(double.version()).toBe("aaaaaaaaaaaa");
    expect(records.some((record) => record.event === "index_reload_failed")).toBe(true);
  });
});
