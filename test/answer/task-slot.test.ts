import { describe, expect, it } from "vitest";
import { ReindexBusyError } from "../../src/answer/errors.js";
import { ContentTaskSlot } from "../../src/answer/task-slot.js";
import type { ReindexProgress } from "../../src/answer/types.js";
import { capturingLogger } from "../helpers/content-fixtures.js";

describe("the one slot for content operations", () => {
  it("reports the starting phase, every update, and the progress while it runs", async () => {
    const slot = new ContentTaskSlot(capturingLogger().logger);
    const seen: ReindexProgress[] = [];
    const tracker = await slot.claim("add-article", (progress) => seen.push(progress));
    tracker.update({ phase: "embedding", paragraphsTotal: 20 });
    expect(seen.map((progress) => progress.phase)).toEqual(["checking", "embedding"]);
    expect(slot.progress()).toMatchObject({ task: "add-article", phase: "embedding", paragraphsTotal: 20 });
    // A copy: the caller cannot change the running progress.
    const copy = slot.progress();
    if (copy) copy.phase = "saving";
    expect(slot.progress()?.phase).toBe("embedding");
    slot.release();
    expect(slot.progress()).toBeNull();
  });

  it("refuses a second operation with the running one's progress, tells onBusy first, and frees up on release", async () => {
    const slot = new ContentTaskSlot(capturingLogger().logger);
    const tracker = await slot.claim("reindex", undefined);
    tracker.update({ articlesDone: 1, articlesTotal: 3 });
    const refused: ReindexBusyError[] = [];
    const second = slot.claim("remove-article", undefined, async (busy) => {
      refused.push(busy);
      await Promise.resolve();
    });
    await expect(second).rejects.toBeInstanceOf(ReindexBusyError);
    await expect(second).rejects.toMatchObject({ progress: { task: "reindex", phase: "reading", articlesDone: 1, articlesTotal: 3 } });
    expect(refused).toHaveLength(1);
    slot.release();
    await expect(slot.claim("remove-article", undefined)).resolves.toMatchObject({ progress: { task: "remove-article" } });
  });

  it("a failing progress display is logged, not thrown", async () => {
    const { logger, records } = capturingLogger();
    const slot = new ContentTaskSlot(logger);
    const tracker = await slot.claim("reindex", () => {
      throw new Error("Discord edit failed");
    });
    expect(() => tracker.update({ phase: "saving" })).not.toThrow();
    expect(records.filter((record) => record.event === "reindex_progress_callback_failed")).toHaveLength(2);
  });
});
