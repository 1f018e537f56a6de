import { describe, expect, it } from "vitest";
import { ConversationStore } from "../../../src/answer/conversation/store.js";
import type { ConversationTurn } from "../../../src/answer/types.js";

const turn = (question: string): ConversationTurn => ({ question, topic: question, answered: true, citedIds: [], answerType: null });

function store(options: Partial<{ maxKeys: number; idleMs: number; maxTurns: number }> = {}) {
  let clock = 1_000;
  const conversations = new ConversationStore({ maxKeys: 100, idleMs: 60_000, maxTurns: 3, now: () => clock, ...options });
  return { conversations, advance: (ms: number) => (clock += ms) };
}

describe("ConversationStore", () => {
  it("reaches one conversation by every key it was recorded under, and continues it", () => {
    const { conversations } = store();
    const started = conversations.record(null, turn("Wer ist Ballbach?"), ["message:1", "thread:9"]);
    const found = conversations.find(["message:1"]);
    expect(found.state).toBe("active");
    if (found.state !== "active") return;
    conversations.record(found.conversation, turn("Wo arbeitet er?"), ["message:2"]);
    const viaThread = conversations.lookup("thread:9");
    const viaNewAnswer = conversations.lookup("message:2");
    expect(viaThread.state === "active" && viaThread.conversation.id).toBe(started.id);
    expect(viaNewAnswer.state === "active" && viaNewAnswer.conversation.turns.map((entry) => entry.question)).toEqual(["Wer ist Ballbach?", "Wo arbeitet er?"]);
  });

  it("ends a conversation after the idle time, and says it expired rather than that it never existed", () => {
    const { conversations, advance } = store();
    conversations.record(null, turn("Wer ist Ballbach?"), ["message:1"]);
    advance(59_000);
    expect(conversations.lookup("message:1").state).toBe("active");
    const continued = conversations.lookup("message:1");
    if (continued.state === "active") conversations.record(continued.conversation, turn("Und?"), ["message:2"]);
    advance(59_000);
    // Continuing it renewed the idle time for every key.
    expect(conversations.lookup("message:1").state).toBe("active");
    advance(61_000);
    expect(conversations.lookup("message:1").state).toBe("expired");
    expect(conversations.lookup("message:404").state).toBe("unknown");
    expect(conversations.find(["message:404", "message:2"]).state).toBe("expired");
  });

  it("keeps only the last turns of a conversation", () => {
    const { conversations } = store({ maxTurns: 2 });
    let conversation = conversations.record(null, turn("a"), ["k"]);
    conversation = conversations.record(conversation, turn("b"), ["k"]);
    conversation = conversations.record(conversation, turn("c"), ["k"]);
    expect(conversation.turns.map((entry) => entry.question)).toEqual(["b", "c"]);
  });

  it("is bounded in keys: the least recently used go first", () => {
    const { conversations } = store({ maxKeys: 3 });
    for (let index = 0; index < 10; index += 1) conversations.record(null, turn(`q${index}`), [`message:${index}`]);
    expect(conversations.keyCount).toBe(3);
    expect(conversations.lookup("message:0").state).toBe("unknown");
    expect(conversations.lookup("message:9").state).toBe("active");
  });

  it("prefers a live conversation among several keys (the answer replied to, then the thread)", () => {
    const { conversations, advance } = store();
    conversations.record(null, turn("old"), ["message:1"]);
    advance(120_000);
    const live = conversations.record(null, turn("new"), ["thread:5"]);
    const found = conversations.find(["message:1", "thread:5"]);
    expect(found.state === "active" && found.conversation.id).toBe(live.id);
  });
});
