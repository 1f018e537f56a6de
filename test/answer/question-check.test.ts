import { describe, expect, it } from "vitest";
import { checkQuestion } from "../../src/answer/question-check.js";

describe("checkQuestion", () => {
  it("refuses empty and whitespace-only questions", () => {
    expect(checkQuestion("", 100)).toEqual({ ok: false, reason: "empty" });
    expect(checkQuestion(" \n\t ", 100)).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses questions over the limit, counting characters rather than UTF-16 units", () => {
    expect(checkQuestion("a".repeat(11), 10)).toEqual({ ok: false, reason: "too_long", length: 11, max: 10 });
    expect(checkQuestion("😀".repeat(10), 10)).toEqual({ ok: true, question: "😀".repeat(10) });
  });

  it("normalises whitespace", () => {
    expect(checkQuestion("  Wann   reist\nKim? ", 100)).toEqual({ ok: true, question: "Wann reist Kim?" });
  });
});
