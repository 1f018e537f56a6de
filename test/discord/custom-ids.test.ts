import { describe, expect, it } from "vitest";
import {
  CUSTOM_ID_MAX_LENGTH,
  articleKeyFor,
  feedbackButtonId,
  paragraphButtonId,
  parseCustomId,
  removalButtonId,
  resolveArticleKey,
} from "../../src/discord/custom-ids.js";

describe("custom ids", () => {
  it("round-trips paragraph and feedback ids", () => {
    expect(parseCustomId(paragraphButtonId("nordkorea-russland-waffen", 7))).toEqual({
      kind: "paragraph",
      articleKey: "nordkorea-russland-waffen",
      paragraph: 7,
    });
    const id = feedbackButtonId("down", [
      { articleKey: "a", paragraphs: [7, 4] },
      { articleKey: "b", paragraphs: [2] },
    ]);
    expect(id).toBe("qa:f:d:a=7,4;b=2");
    expect(parseCustomId(id)).toEqual({
      kind: "feedback",
      vote: "down",
      cited: [
        { articleKey: "a", paragraphs: [7, 4] },
        { articleKey: "b", paragraphs: [2] },
      ],
    });
  });

  it("round-trips removal confirmations within 100 characters, even for the longest keys and ids", () => {
    const action = { decision: "confirm" as const, articleKey: "k".repeat(40), requesterId: "9".repeat(20), expiresAt: 4_102_444_800, shared: false };
    const id = removalButtonId(action);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
    expect(parseCustomId(id)).toEqual({ kind: "removal", ...action });
    // The removal of a shared article says so in its id, so the click is checked against the operators.
    const sharedId = removalButtonId({ ...action, shared: true });
    expect(sharedId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
    expect(parseCustomId(sharedId)).toEqual({ kind: "removal", ...action, shared: true });
    expect(parseCustomId(removalButtonId({ ...action, decision: "cancel" }))).toMatchObject({ decision: "cancel" });
    // Tampered or foreign ids are not removals.
    expect(parseCustomId(id.replace(":c:", ":y:"))).toBeNull();
    expect(parseCustomId(id.replace("9".repeat(20), "nobody"))).toBeNull();
    expect(parseCustomId(`${id}:extra`)).toBeNull();
  });

  it("uses a short hash for article ids that do not fit, and resolves it back", () => {
    const longId = "x".repeat(80);
    const key = articleKeyFor(longId);
    expect(key).toMatch(/^~[0-9a-f]{12}$/);
    expect(articleKeyFor("ärger.txt")).toMatch(/^~/);
    expect(resolveArticleKey(key, ["other", longId])).toBe(longId);
    expect(resolveArticleKey("plain-id", ["plain-id"])).toBe("plain-id");
    expect(resolveArticleKey("gone", ["plain-id"])).toBeNull();
  });

  it("drops trailing paragraphs so a feedback id never exceeds 100 characters", () => {
    const cited = Array.from({ length: 6 }, (_, index) => ({ articleKey: `artikel-mit-langem-namen-${index}`, paragraphs: [10_000 + index, 20_000 + index] }));
    const id = feedbackButtonId("up", cited);
    expect(id.length).toBeLessThanOrEqual(100);
    const parsed = parseCustomId(id);
    expect(parsed?.kind).toBe("feedback");
    if (parsed?.kind === "feedback") expect(parsed.cited[0]).toEqual({ articleKey: "artikel-mit-langem-namen-0", paragraphs: [10_000, 20_000] });
  });

  it("rejects anything else", () => {
    for (const id of [
      "",
      "qa",
      "qa:p:a",
      "qa:p:a:0",
      "qa:p:a:x",
      "qa:p:a b:1",
      "qa:f:x:a=1",
      "qa:f:u:a=",
      "qa:f:u:=1",
      "other:p:a:1",
      `qa:p:${"a".repeat(120)}:1`,
    ]) {
      expect(parseCustomId(id), id).toBeNull();
    }
    expect(parseCustomId("qa:f:u:")).toEqual({ kind: "feedback", vote: "up", cited: [] });
  });
});
