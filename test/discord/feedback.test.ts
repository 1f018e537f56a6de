import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedbackKey, FeedbackStore, latestFeedback, loadOrCreateSalt, readFeedback } from "../../src/discord/feedback.js";

const MESSAGE = "1200000000000000001";
const USER = "1300000000000000001";

describe("feedback store", () => {
  let dir = "";
  let file = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "feedback-"));
    file = path.join(dir, "state", "feedback.jsonl");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const input = (vote: "up" | "down", userId = USER) => ({
    messageId: MESSAGE,
    userId,
    vote,
    question: "Wann reist Kim nach Russland?",
    questionSource: "memory" as const,
    cited: [{ articleId: "nordkorea-russland-waffen", paragraphs: [9, 1] }],
    at: new Date("2024-05-01T12:00:00Z"),
  });

  it("appends records without user or message ids; a second click changes the vote", async () => {
    const store = await FeedbackStore.open(file, { salt: "test-salt" });
    const first = await store.record(input("up"));
    expect(first.previousVote).toBeNull();
    const second = await store.record(input("down"));
    expect(second.previousVote).toBe("up");
    await store.record(input("up", "1300000000000000002"));

    const text = await readFile(file, "utf8");
    expect(text).not.toContain(USER);
    expect(text).not.toContain(MESSAGE);
    const records = await readFeedback(file);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      vote: "up",
      question: "Wann reist Kim nach Russland?",
      cited: [{ articleId: "nordkorea-russland-waffen", paragraphs: [9, 1] }],
      at: "2024-05-01T12:00:00.000Z",
    });
    const latest = latestFeedback(records);
    expect(latest.size).toBe(2);
    expect(latest.get(feedbackKey("test-salt", MESSAGE, USER))?.vote).toBe("down");
  });

  it("remembers earlier votes across a restart", async () => {
    await (await FeedbackStore.open(file)).record(input("up"));
    const reopened = await FeedbackStore.open(file);
    expect((await reopened.record(input("down"))).previousVote).toBe("up");
  });

  it("keeps the salt in a file next to the feedback, so keys stay stable", async () => {
    const saltFile = path.join(dir, "salt");
    const salt = await loadOrCreateSalt(saltFile);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadOrCreateSalt(saltFile)).toBe(salt);
    expect(feedbackKey(salt, MESSAGE, USER)).not.toBe(feedbackKey("other", MESSAGE, USER));
  });

  it("skips torn or foreign lines when reading", async () => {
    const store = await FeedbackStore.open(file, { salt: "s" });
    await store.record(input("up"));
    await appendFile(file, '{"key":"broken\n{"not":"a record"}\n');
    expect(await readFeedback(file)).toHaveLength(1);
    expect(await readFeedback(path.join(dir, "missing.jsonl"))).toEqual([]);
  });

  it("does not interleave concurrent writes", async () => {
    const store = await FeedbackStore.open(file, { salt: "s" });
    await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.record(input(index % 2 === 0 ? "up" : "down", `13000000000000${String(index).padStart(5, "0")}`))),
    );
    await store.flush();
    expect(await readFeedback(file)).toHaveLength(50);
  });

  it("tolerates an existing empty file", async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "");
    const store = await FeedbackStore.open(file, { salt: "s" });
    expect((await store.record(input("up"))).previousVote).toBeNull();
    expect(await readFeedback(file)).toHaveLength(1);
  });
});
