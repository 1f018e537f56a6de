import { describe, expect, it } from "vitest";
import { channelAllowed, questionFromMention } from "../../src/discord/mentions.js";

const BOT = "1100000000000000001";

describe("questionFromMention", () => {
  it("strips the mention and keeps the question", () => {
    expect(questionFromMention(`<@${BOT}> wann reist Kim nach Russland?`, BOT)).toBe("wann reist Kim nach Russland?");
    expect(questionFromMention(`Sag mal <@!${BOT}>, wann reist Kim?`, BOT)).toBe("Sag mal , wann reist Kim?");
  });

  it("returns an empty question for a bare mention and null without one", () => {
    expect(questionFromMention(`<@${BOT}>   `, BOT)).toBe("");
    expect(questionFromMention("wann reist Kim?", BOT)).toBeNull();
    expect(questionFromMention("<@1100000000000000002> hallo", BOT)).toBeNull();
  });
});

describe("channelAllowed", () => {
  it("allows every channel when none are configured, else only those (and their threads)", () => {
    expect(channelAllowed([], "1", null)).toBe(true);
    expect(channelAllowed(["1"], "1", null)).toBe(true);
    expect(channelAllowed(["1"], "2", null)).toBe(false);
    expect(channelAllowed(["1"], "3", "1")).toBe(true);
  });
});
