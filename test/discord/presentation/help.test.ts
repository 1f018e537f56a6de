import { describe, expect, it } from "vitest";
import type { ServiceStatus } from "../../../src/answer/types.js";
import {
  LIMITS,
  NO_MENTIONS,
  embedLimitViolations,
  embedTextLength,
  fitEmbedTotal,
  presentAbout,
  presentHelp,
  presentNotice,
} from "../../../src/discord/presentation/index.js";

describe("presentAbout and presentHelp", () => {
  const status: ServiceStatus = {
    mode: "lexical",
    model: "Xenova/multilingual-e5-small",
    modelLoaded: false,
    modelLoading: false,
    modelError: "embeddings disabled by configuration",
    articles: [
      {
        id: "a",
        origin: "operator",
        title: "Waffen aus Nordkorea für Russland",
        kicker: null,
        publisher: "t-online",
        url: "https://www.t-online.de/x",
        date: "2023-09-05",
        paragraphCount: 17,
        sourceCount: 4,
      },
    ],
    paragraphCount: 17,
    indexBuiltAt: "2024-05-01T12:00:00.000Z",
    indexVersion: "0123456789ab",
    unreadable: [],
  };

  it("lists articles, retrieval mode, model and index time", () => {
    const embed = presentAbout(status, "de").embeds[0];
    const text = JSON.stringify(embed);
    expect(embed?.fields?.[0]?.name).toBe("Waffen aus Nordkorea für Russland");
    expect(embed?.fields?.[0]?.value).toContain("17 Absätze");
    expect(embed?.fields?.[0]?.value).toContain("5. September 2023");
    expect(text).toContain("lexikalisch");
    expect(text).toContain("Xenova/multilingual-e5-small – nicht aktiv: embeddings disabled by configuration");
    expect(text).toContain(`<t:${Date.parse(status.indexBuiltAt) / 1000}:f>`);
  });

  it("says when the model is still loading", () => {
    const text = JSON.stringify(presentAbout({ ...status, modelLoading: true, modelError: null }, "en").embeds[0]);
    expect(text).toContain("loading (lexical search until it is ready)");
  });

  it("stays within limits with many long articles", () => {
    const many: ServiceStatus = {
      ...status,
      mode: "hybrid",
      modelLoaded: true,
      modelError: null,
      articles: Array.from({ length: 40 }, (_, index) => ({
        ...status.articles[0]!,
        id: `a${index}`,
        title: `Artikel ${index} `.repeat(40),
        url: `https://example.org/${"x".repeat(500)}`,
      })),
    };
    const embed = presentAbout(many, "en").embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(JSON.stringify(embed)).toContain("more articles");
    expect(JSON.stringify(embed)).toContain("(loaded)");
  });

  it("lists the given commands in help", () => {
    const options = { askCommand: "/frage", conversationIdleMinutes: 30, threadMessagesWithoutMention: false };
    const embed = presentHelp([{ command: "/frage", description: "Stell eine Frage" }], "de", options).embeds[0];
    expect(embed?.fields?.[0]?.value).toBe("**/frage** – Stell eine Frage");
    expect(embed?.fields?.[1]?.value).toContain("@Bot Wann reist Kim nach Russland?");
  });

  it("explains follow-ups in help: how long a conversation lasts, that a restart forgets it, and whether threads need a mention", () => {
    const options = { askCommand: "/ask", conversationIdleMinutes: 45, threadMessagesWithoutMention: false };
    const withMention = presentHelp([], "en", options).embeds[0]?.fields?.[2]?.value ?? "";
    expect(withMention).toContain("45 minutes");
    expect(withMention).toContain("restart");
    expect(withMention).toContain("`/ask thread: True`");
    expect(withMention).toContain("mention me");
    const withoutMention = presentHelp([], "de", { ...options, askCommand: "/frage", threadMessagesWithoutMention: true }).embeds[0]?.fields?.[2]?.value ?? "";
    expect(withoutMention).toContain("jede Nachricht als Nachfrage");
    expect(withoutMention).toContain("Neustart");
  });

  it("keeps notices within the content limit", () => {
    const notice = presentNotice("x ".repeat(3_000));
    expect(notice.content?.length).toBeLessThanOrEqual(LIMITS.content);
    expect(notice.allowedMentions).toEqual(NO_MENTIONS);
  });

  it("fitEmbedTotal drops trailing fields when shortening the description is not enough", () => {
    const fields = Array.from({ length: 10 }, (_, index) => ({ name: `f${index}`, value: "v".repeat(1_000) }));
    const fitted = fitEmbedTotal({ title: "t", description: "d".repeat(300), fields });
    expect(embedTextLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitted.fields?.length).toBeLessThan(10);
  });
});
