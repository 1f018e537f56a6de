/**
 * Sends the latest of a stream of values at most once per interval: progress
 * reports arrive far more often than a message should be edited (Discord rate
 * limits edits, and nobody reads ten updates a second).
 */
export class LatestValueThrottle<Value> {
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private pending: { value: Value } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly send: (value: Value) => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Sends now if the interval has passed, otherwise keeps the value and sends the latest one when it has. */
  offer(value: Value): void {
    if (this.closed) return;
    this.pending = { value };
    const wait = this.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.flush();
    } else if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), wait);
      this.timer.unref();
    }
  }

  /** Stops sending (a pending value is dropped) and resolves once an edit already under way has finished, so a final message comes after it. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.pending;
    if (this.closed || next === null) return;
    this.pending = null;
    this.lastSentAt = Date.now();
    // Edits go out one after another, never overtaking each other.
    this.inFlight = this.inFlight
      .then(() => this.send(next.value))
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      );
  }
}
