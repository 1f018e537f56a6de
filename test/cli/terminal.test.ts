import path from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { GERMAN_COMMANDS, handleTerminalLine, runTerminal, TerminalConversation } from "../../src/cli/terminal.js";
import { twoFestivalsDir } from "../helpers/two-festivals.js";
import { answerToJson } from "../../src/cli/format.js";
import { commandTexts } from "../../src/discord/i18n/index.js";
import { silentLogger } from "../../src/log.js";

describe("terminal session", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
  });

  it("answers questions and handles the slash commands", async () => {
    expect(await handleTerminalLine(service, "Wer ist Eric Ballbach?")).toMatch(/Ballbach/);
    expect(await handleTerminalLine(service, "/source 7")).toMatch(/¶7/);
    expect(await handleTerminalLine(service, "/source x")).toMatch(/usage/);
    expect(await handleTerminalLine(service, "/source 999")).toMatch(/no paragraph 999/);
    expect(await handleTerminalLine(service, "/help")).toMatch(/\/source/);
    expect(await handleTerminalLine(service, "/about")).toMatch(/Retrieval: lexical/);
    expect(await handleTerminalLine(service, "/summary short")).toMatch(/\[¶\d+\]/);
    expect(await handleTerminalLine(service, "/summary medium no-such-section-xyz")).toMatch(/no such section/);
    expect(await handleTerminalLine(service, "/frobnicate")).toMatch(/Unknown command/);
    expect(await handleTerminalLine(service, "   ")).toBe("");
    expect(await handleTerminalLine(service, "/quit")).toBeNull();
    expect(await handleTerminalLine(service, " Exit ")).toBeNull();
    expect(await handleTerminalLine(service, "quit")).toBeNull();
    expect(await handleTerminalLine(service, "exit strategy")).not.toBeNull();
  });

  it("knows the German command names Discord shows German users, and German summary lengths", async () => {
    expect(await handleTerminalLine(service, "/quelle 7")).toBe(await handleTerminalLine(service, "/source 7"));
    expect(await handleTerminalLine(service, "/zusammenfassung kurz")).toBe(await handleTerminalLine(service, "/summary short"));
    expect(await handleTerminalLine(service, "/summary --length short")).toBe(await handleTerminalLine(service, "/summary short"));
    expect(await handleTerminalLine(service, "/frage Wer ist Eric Ballbach?")).toBe(await handleTerminalLine(service, "Wer ist Eric Ballbach?"));
    expect(await handleTerminalLine(service, "/hilfe")).toMatch(/\/quelle/);
    expect(await handleTerminalLine(service, "/ende")).toBeNull();
    // The same names as the slash commands' German localisations.
    for (const [german, english] of Object.entries(GERMAN_COMMANDS)) {
      // Leaving and starting a new conversation exist in the terminal only.
      if (english === "quit" || english === "new") continue;
      const texts = Object.values(commandTexts).find((entry) => entry.en.name === english);
      expect(texts?.de.name, german).toBe(german);
    }
  });

  it("says so when a question has nothing to search for, and when /ask has no question", async () => {
    for (const question of ["???", "was ist das?", "what is it"]) {
      expect(await handleTerminalLine(service, question)).toMatch(/^This question has nothing to search for/u);
    }
    // A question the articles do not answer is told apart from one with nothing to search for.
    expect(await handleTerminalLine(service, "Wie wird das Wetter morgen?")).toMatch(/^The articles do not answer this question/u);
    expect(await handleTerminalLine(service, "/ask")).toBe("usage: /ask QUESTION   (or type the question on its own)");
    expect(await handleTerminalLine(service, "/frage")).toBe("usage: /frage QUESTION   (or type the question on its own)");
  });

  it("answers a question about the article itself from its details, in the terminal and as JSON", async () => {
    const reply = await handleTerminalLine(service, "wer hat den artikel geschrieben");
    expect(reply?.split("\n").slice(0, 4)).toEqual([
      "„Waffen aus Nordkorea für Russland Putins letzter Ausweg?“ [id: nordkorea-russland-waffen]",
      "  No author is recorded for this article.",
      "  published: t-online, 2023-09-05",
      "  sources (4):",
    ]);
    expect(reply).toMatch(/\(from the article's own details, not from its text\)$/u);
    const json = JSON.parse(answerToJson(await service.ask("when was the article about Kim published"))) as {
      answered: boolean;
      citations: unknown[];
      articleFacts?: { asked: string };
    };
    expect(json.answered).toBe(true);
    // As for any question, the closest passages are listed (none of them is shown as the answer).
    expect(json.citations.length).toBeGreaterThan(0);
    expect(json.articleFacts?.asked).toBe("date");
  });

  it("answers a request for a summary made as a question with the summary, in the terminal and as JSON", async () => {
    const reply = await handleTerminalLine(service, "worum geht es in dem artikel?");
    expect(reply?.split("\n")[0]).toBe("Summary: „Waffen aus Nordkorea für Russland Putins letzter Ausweg?“ — t-online, 2023-09-05");
    expect(reply).toMatch(/^ {2}\[¶\d+\] /mu);
    const json = JSON.parse(answerToJson(await service.ask("tl;dr"))) as { answered: boolean; summary?: { length: string; sentences: unknown[] } };
    expect(json.answered).toBe(true);
    expect(json.summary?.length).toBe("short");
    expect(json.summary?.sentences.length).toBeGreaterThan(0);
  });

  it("answers a request for one section's summary with it, and lists the sections when none answers to the request", async () => {
    const reply = await handleTerminalLine(service, "fasse den abschnitt über die sanktionen zusammen");
    expect(reply?.split("\n")[0]).toMatch(/^Summary of section 2 „Russland braucht für seinen Krieg dringend Munition“: /u);
    const missing = await handleTerminalLine(service, "fasse den abschnitt über das wetter zusammen");
    expect(missing?.split("\n")[0]).toMatch(/^No section of „Waffen aus Nordkorea für Russland Putins letzter Ausweg\?“ answers to that\./u);
    expect(missing).toContain("  - 4: Bereits 2019 war Kim Jong Un in Russland");
    const json = JSON.parse(answerToJson(await service.ask("summarise section 9"))) as { answered: boolean; sectionChoices?: { sections: string[] } };
    expect(json.answered).toBe(false);
    expect(json.sectionChoices?.sections).toHaveLength(4);
  });

  it("says which languages it reads when a question is in another one", async () => {
    const reply = await handleTerminalLine(service, "Qu'est-ce que la Russie veut de la Corée du Nord ?");
    expect(reply).toMatch(/^This question seems to be in another language: questions in German or English can be answered/u);
    expect((await service.ask("Welche Waffen will Russland von Nordkorea?")).otherLanguage).toBeUndefined();
    const json = JSON.parse(answerToJson(await service.ask("Co Korea Północna chce od Rosji?"))) as { answered: boolean; otherLanguage?: boolean };
    expect(json).toMatchObject({ answered: false, otherLanguage: true });
    expect(JSON.parse(answerToJson(await service.ask("Wer ist John Kirby?")))).not.toHaveProperty("otherLanguage");
  });

  it("says what a length or a section may be when a summary selector matches neither", async () => {
    const reply = await handleTerminalLine(service, "/summary huge");
    expect(reply).toMatch(/no such section: "huge"\. A length is short, medium or long/);
    expect(reply?.split("\n")).toHaveLength(1);
  });

  it("refuses a question over MAX_QUESTION_LENGTH with one line, and answers one at the limit", async () => {
    const long = `Wer ist Eric Ballbach? ${"x".repeat(600)}`;
    const refused = await handleTerminalLine(service, long, 500);
    expect(refused).toMatch(/has 623 characters; the limit is 500 \(MAX_QUESTION_LENGTH\)/);
    expect(refused?.split("\n")).toHaveLength(1);
    expect(await handleTerminalLine(service, "Wer ist Eric Ballbach?", 22)).toMatch(/Ballbach/);
  });

  it("runs a whole session over streams and stops at /quit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    const session = runTerminal({ qa: service, input, output });
    input.write("Wann findet das Wirtschaftstreffen in Wladiwostok statt?\n");
    input.write("/quit\n");
    input.write("Wird nicht mehr beantwortet\n");
    await session;
    expect(printed).toMatch(/16 paragraphs/);
    expect(printed).toMatch(/Wladiwostok/);
    expect(printed).not.toMatch(/Wird nicht mehr/);
  });
});

describe("terminal conversation", () => {
  let festivals: QaService;
  beforeAll(async () => {
    festivals = await QaService.create({ contentDir: await twoFestivalsDir(), logger: silentLogger(), embeddings: "off" });
  });

  it("reads each question as a follow-up of the previous ones, until /new (or /neu)", async () => {
    const conversation = new TerminalConversation();
    await handleTerminalLine(festivals, "Woher kommen die Winzer beim Weinfest?", 500, conversation);
    const followUp = await handleTerminalLine(festivals, "Und wie lange dauert es?", 500, conversation);
    expect(followUp).toMatch(/eine ganze Woche/);
    expect(followUp).toMatch(/read as a follow-up to „Woher kommen die Winzer beim Weinfest\?“/);
    expect(await handleTerminalLine(festivals, "/new", 500, conversation)).toMatch(/New conversation/);
    expect(conversation.history).toHaveLength(0);
    const afresh = await handleTerminalLine(festivals, "Und wie lange dauert es?", 500, conversation);
    expect(afresh).not.toMatch(/follow-up/);
    await handleTerminalLine(festivals, "Wer eröffnet das Hafenfest?", 500, conversation);
    expect(await handleTerminalLine(festivals, "/neu", 500, conversation)).toMatch(/New conversation/);
    expect(conversation.history).toHaveLength(0);
  });

  it("keeps the conversation across slash commands, and a whole streamed session follows up", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
    const done = runTerminal({ qa: festivals, input, output });
    input.end("Wer eröffnet das Hafenfest?\n/about\nUnd wie lange dauert es?\n/quit\n");
    await done;
    expect(printed).toMatch(/drei Tage/);
    expect(printed).toMatch(/read as a follow-up to „Wer eröffnet das Hafenfest\?“/);
  });
});
