import { describe, expect, it } from "vitest";
import { smallTalkOf } from "../../src/answer/small-talk.js";

describe("smallTalkOf", () => {
  it.each([
    ["danke!", "thanks"],
    ["Vielen Dank, Bot :)", "thanks"],
    ["thx bot", "thanks"],
    ["ok super, thank you so much", "thanks"],
    ["hallo", "greeting"],
    ["Hey bot!", "greeting"],
  ] as const)("reads %j as %s", (message, kind) => {
    expect(smallTalkOf(message)).toBe(kind);
  });

  it.each([["danke, und wann reist Kim?"], ["ok"], ["???"], ["was ist das?"], [""]])("reads %j as no small talk", (message) => {
    expect(smallTalkOf(message)).toBeNull();
  });
});
