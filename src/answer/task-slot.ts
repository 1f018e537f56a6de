import type { Logger } from "pino";
import { ReindexBusyError } from "./errors.js";
import type { ReindexProgress } from "./types.js";

/** The progress of the one running operation, reported to the caller's callback on every change. */
export interface ProgressTracker {
  readonly progress: ReindexProgress;
  update(change: Partial<ReindexProgress>): void;
}

/**
 * The one slot for a content operation (reindex, upload, removal): a second
 * one is refused with the running one's progress, never queued, so a
 * moderator sees at once what is going on instead of waiting blind.
 */
export class ContentTaskSlot {
  private running: ProgressTracker | null = null;

  constructor(private readonly logger: Logger) {}

  /** The running operation's progress, or null. */
  progress(): ReindexProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  /**
   * Claims the slot, or throws `ReindexBusyError` (after `onBusy`, which may
   * record the refusal). Always `release` the returned tracker's slot.
   */
  async claim(
    task: ReindexProgress["task"],
    onProgress: ((progress: ReindexProgress) => void) | undefined,
    onBusy?: (busy: ReindexBusyError) => Promise<void>,
  ): Promise<ProgressTracker> {
    if (this.running) {
      const busy = new ReindexBusyError({ ...this.running.progress });
      await onBusy?.(busy);
      throw busy;
    }
    const progress: ReindexProgress = {
      task,
      phase: task === "reindex" ? "reading" : "checking",
      articlesDone: 0,
      articlesTotal: 0,
      paragraphsDone: 0,
      paragraphsTotal: 0,
    };
    const logger = this.logger;
    const tracker: ProgressTracker = {
      progress,
      update(change) {
        Object.assign(progress, change);
        try {
          onProgress?.({ ...progress });
        } catch (error) {
          // A failing progress display (e.g. a Discord edit) must not fail the reindex.
          logger.warn({ event: "reindex_progress_callback_failed", reason: String(error) }, "progress callback failed");
        }
      },
    };
    this.running = tracker;
    tracker.update({});
    return tracker;
  }

  release(): void {
    this.running = null;
  }
}
