import { describe, expect, it } from "vitest";
import { QuestionRateLimiter } from "../../src/discord/rate-limit.js";

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (milliseconds: number) => void (now += milliseconds) };
}

describe("QuestionRateLimiter", () => {
  it("enforces a per-user cooldown and says how many seconds remain", () => {
    const time = clock();
    const limiter = new QuestionRateLimiter({ userCooldownSeconds: 10, globalQuestionsPerMinute: 100, now: time.now });
    expect(limiter.tryAcquire("alice")).toEqual({ allowed: true });
    time.advance(3_200);
    expect(limiter.tryAcquire("alice")).toEqual({ allowed: false, reason: "user_cooldown", retryAfterSeconds: 7 });
    expect(limiter.tryAcquire("bob")).toEqual({ allowed: true });
    time.advance(6_800);
    expect(limiter.tryAcquire("alice")).toEqual({ allowed: true });
  });

  it("a refused attempt does not restart the cooldown", () => {
    const time = clock();
    const limiter = new QuestionRateLimiter({ userCooldownSeconds: 5, globalQuestionsPerMinute: 100, now: time.now });
    limiter.tryAcquire("alice");
    time.advance(4_000);
    expect(limiter.tryAcquire("alice").allowed).toBe(false);
    time.advance(1_000);
    expect(limiter.tryAcquire("alice").allowed).toBe(true);
  });

  it("caps questions per minute across all users", () => {
    const time = clock();
    const limiter = new QuestionRateLimiter({ userCooldownSeconds: 0, globalQuestionsPerMinute: 3, now: time.now });
    expect(limiter.tryAcquire("a").allowed).toBe(true);
    time.advance(10_000);
    expect(limiter.tryAcquire("b").allowed).toBe(true);
    expect(limiter.tryAcquire("c").allowed).toBe(true);
    expect(limiter.tryAcquire("d")).toEqual({ allowed: false, reason: "global_cap", retryAfterSeconds: 50 });
    time.advance(50_000);
    expect(limiter.tryAcquire("d").allowed).toBe(true);
    expect(limiter.tryAcquire("e").allowed).toBe(false);
  });

  it("with a zero cooldown, the same user may ask again at once", () => {
    const limiter = new QuestionRateLimiter({ userCooldownSeconds: 0, globalQuestionsPerMinute: 10, now: () => 0 });
    expect(limiter.tryAcquire("a").allowed).toBe(true);
    expect(limiter.tryAcquire("a").allowed).toBe(true);
  });

  it("forgets users whose cooldown has passed once many are tracked", () => {
    const time = clock();
    const limiter = new QuestionRateLimiter({ userCooldownSeconds: 1, globalQuestionsPerMinute: 1_000_000, now: time.now });
    for (let index = 0; index < 1_000; index++) limiter.tryAcquire(`user-${index}`);
    time.advance(2_000);
    limiter.tryAcquire("late");
    expect(limiter.trackedUsers).toBe(1);
  });
});
