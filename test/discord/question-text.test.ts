import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { questionForLog, stripDiscordMarkup } from "../../src/discord/question-text.js";
import { silentLogger } from "../../src/log.js";

describe("stripDiscordMarkup", () => {
  it("removes mentions, @everyone/@here, custom emoji, timestamps and command mentions", () => {
    const raw = "@everyone <@123456789012345678> <@!123> <@&456> <#789> Welche Waffen </ask:111> will <:kim:222> <a:wave:333> Russland <t:1693900800:R>? @here";
    expect(stripDiscordMarkup(raw)).toBe("Welche Waffen will Russland ?");
  });

  it("removes invisible direction and zero-width controls", () => {
    expect(stripDiscordMarkup("Wer ist \u202eKim\u202c\u200b?")).toBe("Wer ist Kim?");
  });

  it("keeps e-mail-like text and ordinary words", () => {
    expect(stripDiscordMarkup("Was schreibt presse@everyone.example über Kim?")).toBe("Was schreibt presse@everyone.example über Kim?");
    expect(stripDiscordMarkup("hier und jetzt")).toBe("hier und jetzt");
  });
});

describe("a question with other people's mentions in it", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
  });

  it("is answered like the same question without them", async () => {
    const plain = await service.ask("Welche Waffen will Russland?");
    for (const raw of ["@everyone Welche Waffen will Russland?", "<@123456789012345678> <#98765432109876543> Welche Waffen will Russland?"]) {
      const answer = await service.ask(stripDiscordMarkup(raw));
      expect(answer).toMatchObject({ answered: plain.answered, hedged: plain.hedged });
      expect(answer.citations.map((citation) => citation.paragraph)).toEqual(plain.citations.map((citation) => citation.paragraph));
    }
    expect(plain).toMatchObject({ answered: true, hedged: false });
  });
});

describe("questionForLog", () => {
  it("keeps what kind of markup was there, without any id, and drops invisible controls", () => {
    const raw =
      "<@!111111111111111111> <@&222222222222222222> <#333333333333333333> </ask:444444444444444444> <a:wave:555555555555555555> <t:1700000000:R> @everyone\u200b Wann\u202e reist Kim?";
    const logged = questionForLog(raw);
    expect(logged).toBe("@user @role #channel /command :emoji: <time> @everyone Wann reist Kim?");
    expect(logged).not.toMatch(/\d{6,}/);
  });
});
