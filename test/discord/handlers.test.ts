/**
 * Handler tests: the real discord.js Client connected to the fake Discord,
 * receiving raw gateway packets and answering through REST, with a fake QaApi.
 */
import path from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readFeedback } from "../../src/discord/feedback.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import { autocomplete, buttonClick, channelMessage, dispatchInteraction, fakeUser, slashCommand } from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, visibleText, isCallback, isOriginalEdit } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

import { ask, EPHEMERAL, isChannelMessage } from "./handler-helpers.js";

describe("bot handlers (fake QA)", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  const usersSeen: string[] = [];
  const user = (name: string) => {
    const created = fakeUser(name);
    usersSeen.push(created.id, created.username);
    return created;
  };

  beforeAll(async () => {
    harness = await startHarness({ fake: { heartbeatIntervalMs: 500 } });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness.close();
  });

  it("connects to the gateway URL from /gateway/bot and identifies with only the Guilds and GuildMessages intents", () => {
    expect(fake.calls[0]).toMatchObject({ method: "GET", path: "/gateway/bot", authorization: `Bot ${fake.token}` });
    expect(fake.gatewayQueries[0]).toBe("v=10&encoding=json");
    expect(fake.identifies[0]?.intents).toBe(1 + 512);
  });

  it("/ask defers publicly, then edits the original reply with the cited answer", async () => {
    const interaction = ask(fake, "Wann reist Kim nach Russland?", { user: user("anna") });
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback.type).toBe(5);
    expect(callback.data?.flags ?? 0).toBe(0);
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = edit.embeds?.[0];
    expect(embed?.title).toBe("Wann reist Kim nach Russland?");
    expect(embed?.description).toContain("> Kim Jong Un will wohl noch im September nach Russland reisen.");
    expect(embed?.description).toContain("**¶1**");
    expect(embed?.footer?.text).toContain("Wörtliche Auszüge");
    expect(edit.components?.[0]?.components[0]?.custom_id).toBe("qa:p:nordkorea-russland-waffen:1");
  });

  it("/ask public:false defers ephemerally", async () => {
    const interaction = ask(fake, "Wann reist Kim nach Russland?", { user: user("ben") }, false);
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await fake.waitForCall(isOriginalEdit(fake, interaction));
  });

  it("refuses an empty question with an ephemeral hint", async () => {
    const interaction = ask(fake, "   ", { user: user("carla") });
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toContain("Die Frage ist leer");
    expect(callback.data?.content).toContain("/frage");
  });

  it("refuses an overlong question clearly", async () => {
    const interaction = ask(fake, "Warum ".repeat(100), { user: user("dora"), locale: "en-US" });
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toBe("Your question has 599 characters; the limit is 500. Please shorten it.");
  });

  it("writes the frame in the user's language", async () => {
    const interaction = ask(fake, "Wann reist Kim nach Russland?", { user: user("emil"), locale: "en-GB" });
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.embeds?.[0]?.footer?.text).toBe("Verbatim excerpts from the article · retrieval: lexical");
    expect(edit.embeds?.[0]?.fields?.[0]?.name).toBe("Source");
  });

  it("answers honestly, without quotes, when the article has no answer", async () => {
    const interaction = ask(fake, "Wie wird das Wetter morgen in Hamburg?", { user: user("finn") });
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.embeds).toEqual([]);
    expect(edit.components).toEqual([]);
    // Points to the summary command under the name this (German) user sees.
    expect(edit.content).toContain("Einen Überblick gibt /zusammenfassung.");
  });

  it("never lets a hostile question ping or inject markup", async () => {
    const question = "@everyone **bold** [x](http://evil) <@&123456789012345678> wann reist Kim nach Russland?";
    const interaction = ask(fake, question, { user: user("gerd") });
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visibleText(edit);
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toMatch(/<@&\d/);
    expect(edit.embeds?.[0]?.title).toContain("\\*\\*bold\\*\\* \\[x\\](http://evil)");
  });

  it("/source shows a whole paragraph publicly; an unknown ¶ gets an ephemeral note", async () => {
    const found = dispatchInteraction(fake, slashCommand(fake, "source", [{ name: "paragraph", type: 4, value: 6 }], { user: user("hanna") }));
    const reply = callbackBody(await fake.waitForCall(isCallback(found)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags ?? 0).toBe(0);
    expect(reply.data?.embeds?.[0]?.title).toBe("¶6 · Russland braucht für seinen Krieg dringend Munition");
    expect(reply.data?.embeds?.[0]?.description).toContain("Win-win-Situation");
    expect(reply.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const missing = dispatchInteraction(fake, slashCommand(fake, "source", [{ name: "paragraph", type: 4, value: 99 }], { user: user("ida") }));
    const note = callbackBody(await fake.waitForCall(isCallback(missing)));
    expect(note.type).toBe(4);
    expect(note.data?.flags).toBe(EPHEMERAL);
    expect(note.data?.content).toBe("¶99 gibt es nicht: „Waffen aus Nordkorea für Russland: Putins letzter Ausweg?“ hat die Absätze 1–10.");
  });

  it("/source autocompletes paragraphs and articles", async () => {
    const paragraphs = dispatchInteraction(fake, autocomplete(fake, "source", [{ name: "paragraph", type: 4, value: "1", focused: true }]));
    const suggestion = callbackBody(await fake.waitForCall(isCallback(paragraphs)));
    expect(suggestion.type).toBe(8);
    expect(suggestion.data?.choices?.map((choice) => choice.value)).toEqual([1, 10]);
    for (const choice of suggestion.data?.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);

    const articles = dispatchInteraction(
      fake,
      autocomplete(fake, "source", [
        { name: "paragraph", type: 4, value: "", focused: false },
        { name: "article", type: 3, value: "nordk", focused: true },
      ]),
    );
    const articleSuggestion = callbackBody(await fake.waitForCall(isCallback(articles)));
    expect(articleSuggestion.data?.choices).toEqual([
      { name: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? (2023-09-05)", value: "nordkorea-russland-waffen" },
    ]);
  });

  it("/about and /help answer ephemerally", async () => {
    const about = dispatchInteraction(fake, slashCommand(fake, "about", [], { locale: "en-US" }));
    const aboutReply = callbackBody(await fake.waitForCall(isCallback(about)));
    expect(aboutReply.type).toBe(4);
    expect(aboutReply.data?.flags).toBe(EPHEMERAL);
    expect(visibleText(aboutReply.data)).toContain("lexical (keywords)");
    expect(visibleText(aboutReply.data)).toContain("10 paragraphs");

    const help = dispatchInteraction(fake, slashCommand(fake, "help", []));
    const helpReply = callbackBody(await fake.waitForCall(isCallback(help)));
    expect(helpReply.data?.flags).toBe(EPHEMERAL);
    const commands = helpReply.data?.embeds?.[0]?.fields?.[0]?.value ?? "";
    for (const name of ["/frage", "/zusammenfassung", "/quelle", "/info", "/hilfe"]) expect(commands).toContain(`**${name}**`);
  });

  it("the read-paragraph button reveals the whole paragraph to the clicker only", async () => {
    const question = ask(fake, "Wann reist Kim nach Russland?", { user: user("jana") });
    await fake.waitForCall(isOriginalEdit(fake, question));
    const answerMessage = fake.originalMessage(question);
    if (!answerMessage) throw new Error("answer message not stored");
    const click = dispatchInteraction(fake, buttonClick(fake, "qa:p:nordkorea-russland-waffen:2", answerMessage, { user: user("karl") }));
    const reply = callbackBody(await fake.waitForCall(isCallback(click)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.embeds?.[0]?.title).toBe("¶2");
    expect(reply.data?.embeds?.[0]?.description).toContain("Selbst eine Visite in Moskau scheint den Berichten zufolge möglich zu sein.");
  });

  it("records 👍/👎 without user ids; clicking again changes the vote", async () => {
    const question = ask(fake, "Wann reist Kim nach Russland?", { user: user("lena") });
    await fake.waitForCall(isOriginalEdit(fake, question));
    const answerMessage = fake.originalMessage(question);
    if (!answerMessage) throw new Error("answer message not stored");
    const voter = user("moritz");
    const up = dispatchInteraction(fake, buttonClick(fake, "qa:f:u:nordkorea-russland-waffen=1,2", answerMessage, { user: voter }));
    expect(callbackBody(await fake.waitForCall(isCallback(up))).data).toMatchObject({
      flags: EPHEMERAL,
      content: "Danke! Deine Bewertung (👍) ist gespeichert.",
    });
    const down = dispatchInteraction(fake, buttonClick(fake, "qa:f:d:nordkorea-russland-waffen=1,2", answerMessage, { user: voter }));
    expect(callbackBody(await fake.waitForCall(isCallback(down))).data).toMatchObject({ flags: EPHEMERAL, content: "Deine Bewertung ist jetzt 👎." });

    // After a restart the question is no longer in memory: it is read back from the embed.
    const forgotten = { ...answerMessage, id: "1199999999999999999", embeds: [{ title: "\\*Wann\\* reist Kim?" }] };
    const late = dispatchInteraction(fake, buttonClick(fake, "qa:f:u:nordkorea-russland-waffen=1", forgotten, { user: voter }));
    await fake.waitForCall(isCallback(late));

    const file = harness.config.paths.feedbackFile;
    const records = await readFeedback(file);
    expect(records.map((record) => [record.vote, record.question, record.questionSource])).toEqual([
      ["up", "Wann reist Kim nach Russland?", "memory"],
      ["down", "Wann reist Kim nach Russland?", "memory"],
      ["up", "*Wann* reist Kim?", "message"],
    ]);
    expect(records[0]?.key).toBe(records[1]?.key);
    expect(records[2]?.key).not.toBe(records[0]?.key);
    expect(records[1]?.cited).toEqual([{ articleId: "nordkorea-russland-waffen", paragraphs: [1, 2] }]);
    const raw = await readFile(file, "utf8");
    expect(raw).not.toContain(voter.id);
    expect(raw).not.toContain(voter.username);
    expect(path.dirname(file)).toBe(harness.stateDir);
  });

  it("answers an unknown button with an ephemeral note", async () => {
    const click = dispatchInteraction(
      fake,
      buttonClick(fake, "something:else", {
        id: "1",
        channel_id: fake.channelId,
        author: fake.botUser,
        content: "",
        embeds: [],
        components: [],
        attachments: [],
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        type: 0,
        flags: 0,
        mentions: [],
        mention_roles: [],
        pinned: false,
        tts: false,
        mention_everyone: false,
      }),
    );
    const reply = callbackBody(await fake.waitForCall(isCallback(click)));
    expect(reply.data).toMatchObject({ flags: EPHEMERAL, content: "Dieser Knopf funktioniert nicht mehr." });
  });

  it("replies to a mention with the answer, in the server's language, pinging nobody", async () => {
    const message = channelMessage(fake, { content: `<@${fake.botUser.id}> wann reist Kim nach Russland?`, author: user("nora") });
    fake.dispatch("MESSAGE_CREATE", message);
    const reply = messageBody(await fake.waitForCall(isChannelMessage(fake, String(message.id))));
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.embeds?.[0]?.title).toBe("wann reist Kim nach Russland?");
    expect(reply.embeds?.[0]?.description).toContain("**¶1**");
    expect(reply.embeds?.[0]?.footer?.text).toContain("Wörtliche Auszüge");
    expect(fake.calls.some((call) => call.path === `/channels/${fake.channelId}/typing`)).toBe(true);
  });

  it("answers a bare mention with a one-line hint and ignores bots, non-mentions and reply pings", async () => {
    const author = user("otto");
    fake.dispatch("MESSAGE_CREATE", channelMessage(fake, { content: `<@${fake.botUser.id}> von einem Bot`, author: { ...fakeUser("robot"), bot: true } }));
    fake.dispatch("MESSAGE_CREATE", channelMessage(fake, { content: "wann reist Kim nach Russland?", author }));
    fake.dispatch("MESSAGE_CREATE", channelMessage(fake, { content: "danke!", author, mentionsBot: true }));
    const bare = channelMessage(fake, { content: `<@${fake.botUser.id}>`, author });
    const before = fake.calls.filter(isChannelMessage(fake)).length;
    fake.dispatch("MESSAGE_CREATE", bare);
    const hint = messageBody(await fake.waitForCall(isChannelMessage(fake, String(bare.id))));
    expect(hint.content?.split("\n")).toHaveLength(1);
    expect(hint.content).toContain("Stell mir eine Frage zum Artikel");
    expect(hint.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Events are handled in order, so anything the ignored messages caused would already be here.
    expect(fake.calls.filter(isChannelMessage(fake)).length).toBe(before + 1);
  });

  it("serves concurrent questions concurrently", async () => {
    // Uses its own slow service below; here: many questions at once all get answered.
    const interactions = Array.from({ length: 5 }, (_, index) => ask(fake, "Wann reist Kim nach Russland?", { user: user(`parallel${index}`) }));
    await Promise.all(interactions.map((interaction) => fake.waitForCall(isOriginalEdit(fake, interaction))));
  });

  it("keeps the gateway alive: heartbeats are sent and acknowledged", async () => {
    await vi.waitFor(() => expect(fake.heartbeatsAcked).toBeGreaterThan(0), { timeout: 3_000 });
    expect(harness.bot.client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("logs a question's mentions as placeholders, never their ids", async () => {
    const interaction = ask(fake, "<@123456789012345678> und <@&223456789012345678> in <#323456789012345678>: Wann reist Kim nach Russland?", {
      user: user("placeholders"),
    });
    await fake.waitForCall(isOriginalEdit(fake, interaction));
    const logged = harness.logs.lines.filter((line) => line.event === "question").map((line) => line.question);
    expect(logged).toContain("@user und @role in #channel: Wann reist Kim nach Russland?");
    for (const id of ["123456789012345678", "223456789012345678", "323456789012345678"]) expect(harness.logs.text()).not.toContain(id);
  });

  it("logs commands with guild and latency, and never user names or ids", () => {
    const questionLog = harness.logs.lines.find((line) => line.event === "question");
    expect(questionLog).toMatchObject({ guild: fake.guildId, command: "ask", answered: true });
    expect(typeof questionLog?.latencyMs).toBe("number");
    expect(harness.logs.lines.some((line) => line.event === "command" && line.command === "source")).toBe(true);
    const text = harness.logs.text();
    for (const value of usersSeen) expect(text).not.toContain(value);
    expect(text).not.toContain(fake.token);
  });
});
