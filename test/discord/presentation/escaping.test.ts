import { describe, expect, it } from "vitest";
import { escapeDiscordText, unescapeDiscordText } from "../../../src/discord/presentation/index.js";
import { fixtureArticle } from "../../helpers/fake-qa.js";
import { fuzzText, seededRandom } from "./builders.js";

describe("escapeDiscordText", () => {
  it("escapes inline markdown so it renders literally", () => {
    expect(escapeDiscordText("**bold** [x](http://evil) _it_ ~~s~~ `c` ||spoiler||")).toBe(
      "\\*\\*bold\\*\\* \\[x\\](http://evil) \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|",
    );
  });

  it("neutralises @everyone, @here and mention-like tokens with a zero-width space", () => {
    const escaped = escapeDiscordText("@everyone @here @Everyone <@123> <@!123> <@&456> <#789> </ask:1> <t:1700000000:R> <:kim:1> <a:kim:2>");
    expect(escaped).not.toMatch(/@(everyone|here)/i);
    expect(escaped).not.toMatch(/<[@#/:]|<a:|<t:/);
    expect(escaped).toContain("@\u200beveryone");
    expect(escaped).toContain("<\u200b@123>");
  });

  it("escapes block markers only at the start of a line", () => {
    expect(escapeDiscordText("# Titel\n> Zitat\n- Punkt\n-# klein\n12. Liste\nmitten - drin # und > so")).toBe(
      "\\# Titel\n\\> Zitat\n\\- Punkt\n\\-# klein\n12\\. Liste\nmitten - drin # und > so",
    );
    expect(escapeDiscordText("5. September", { inline: true })).toBe("5. September");
    expect(escapeDiscordText("a\n# b", { inline: true })).toBe("a\n\\# b");
  });

  it("leaves ordinary German article text as it is (verbatim)", () => {
    const paragraph = fixtureArticle().paragraphs[5]?.text ?? "";
    expect(escapeDiscordText(paragraph)).toBe(paragraph);
  });

  it("is reversed exactly by unescapeDiscordText", () => {
    const random = seededRandom(7);
    const samples = ["a\\*b", "\\\\", "<\\@1>", "**@here**", "# x\n1. y", ...Array.from({ length: 200 }, () => fuzzText(random, 12))];
    for (const sample of samples) expect(unescapeDiscordText(escapeDiscordText(sample))).toBe(sample);
  });
});
