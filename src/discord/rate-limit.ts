/**
 * Abuse and load protection for questions: a cooldown per user and a cap on
 * questions per minute across the whole bot, plus the length/emptiness checks.
 * State is in memory only (user ids never leave this module).
 */

export type Clock = () => number;

export type RateLimitDecision = { allowed: true } | { allowed: false; reason: "user_cooldown" | "global_cap"; retryAfterSeconds: number };

export interface RateLimiterOptions {
  userCooldownSeconds: number;
  globalQuestionsPerMinute: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: Clock;
}

const MINUTE_MS = 60_000;
/** Cooldown entries are swept once the map grows past this, so it cannot grow without bound. */
const SWEEP_THRESHOLD = 1_000;

export class QuestionRateLimiter {
  private readonly lastQuestionAt = new Map<string, number>();
  /** Times of the questions accepted in the last minute, oldest first. */
  private recent: number[] = [];
  private readonly now: Clock;
  private readonly cooldownMs: number;
  private readonly perMinute: number;

  constructor(options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.cooldownMs = Math.max(0, options.userCooldownSeconds * 1000);
    this.perMinute = options.globalQuestionsPerMinute;
  }

  /** Checks both limits and, when the question is allowed, counts it. */
  tryAcquire(userId: string): RateLimitDecision {
    const now = this.now();
    const last = this.lastQuestionAt.get(userId);
    if (last !== undefined && now - last < this.cooldownMs) {
      return { allowed: false, reason: "user_cooldown", retryAfterSeconds: secondsUntil(last + this.cooldownMs - now) };
    }
    this.recent = this.recent.filter((time) => now - time < MINUTE_MS);
    if (this.recent.length >= this.perMinute) {
      const oldest = this.recent[0] ?? now;
      return { allowed: false, reason: "global_cap", retryAfterSeconds: secondsUntil(oldest + MINUTE_MS - now) };
    }
    this.recent.push(now);
    this.lastQuestionAt.set(userId, now);
    if (this.lastQuestionAt.size > SWEEP_THRESHOLD) this.sweep(now);
    return { allowed: true };
  }

  /** How many users are currently tracked (for tests of the sweep). */
  get trackedUsers(): number {
    return this.lastQuestionAt.size;
  }

  private sweep(now: number): void {
    for (const [userId, time] of this.lastQuestionAt) {
      if (now - time >= this.cooldownMs) this.lastQuestionAt.delete(userId);
    }
  }
}

function secondsUntil(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}
