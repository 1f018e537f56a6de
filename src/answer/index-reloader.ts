import type { Logger } from "pino";
import { ReindexBusyError } from "./errors.js";
import type { ContentAdminApi, QaApi } from "./types.js";

/** How long a reload waits between tries while this process runs a content task of its own. */
const BUSY_RETRY_MS = 250;

/**
 * Loads articles that another process changed (another shard, or
 * `npm run reindex` on the host): a reindex from the folder, which swaps whole
 * indexes, so the old one is served until the new one is complete. A request
 * for the version already served does nothing; requests that arrive while a
 * reload runs are coalesced into one more.
 */
export class IndexReloader {
  private reloading: Promise<void> | null = null;
  /** The latest request made while a reload ran: handled right after it. */
  private queued: { version: string; origin: string } | null = null;

  constructor(
    private readonly qa: Pick<QaApi, "status">,
    private readonly admin: Pick<ContentAdminApi, "reindex">,
    private readonly logger: Logger,
  ) {}

  /** Another process now serves `version`; `origin` says who told (for the log). */
  request(version: string, origin: string): void {
    if (version === this.qa.status().indexVersion) return;
    if (this.reloading) {
      this.queued = { version, origin };
      return;
    }
    this.reloading = this.reload(version, origin).finally(() => {
      this.reloading = null;
      const next = this.queued;
      this.queued = null;
      if (next) this.request(next.version, next.origin);
    });
  }

  /** Resolves when no reload is running or queued. */
  async settled(): Promise<void> {
    while (this.reloading) await this.reloading;
  }

  private async reload(version: string, origin: string): Promise<void> {
    for (;;) {
      // This process may have reached that version meanwhile (its own change, or an earlier reload).
      if (version === this.qa.status().indexVersion) return;
      try {
        const report = await this.admin.reindex();
        this.logger.info(
          { event: "index_reloaded", origin, announced: version, version: this.qa.status().indexVersion, articles: report.articles },
          "loaded the articles another process changed",
        );
        return;
      } catch (error) {
        if (error instanceof ReindexBusyError) {
          // A change of this process's own is running; reload once it is done, so both are served.
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        // The old index stays in use; the next change (or /reindex) tries again.
        this.logger.warn(
          { event: "index_reload_failed", origin, reason: error instanceof Error ? error.message : String(error) },
          "could not load another process's change",
        );
        return;
      }
    }
  }
}
