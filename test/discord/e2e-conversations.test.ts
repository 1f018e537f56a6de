/**
 * End to end, conversations: the real QaService (lexical) on an article about
 * two festivals, the real bot and discord.js Client, and the fake Discord.
 * The same follow-up ("Und wie lange dauert es?") has a different right answer
 * in each conversation, so only a bot that follows the conversation passes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import type { FakeDiscord, RecordedCall } from "../helpers/fake-discord/index.js";
import { channelMessage, dispatchInteraction, fakeUser, replyMessage, slashCommand } from "../helpers/fake-discord-payloads.js";
import { twoFestivalsDir } from "../helpers/two-festivals.js";
import { isOriginalEdit, messageBody, messageBodyShape, visibleText, type MessageBody } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

type JsonObject = Record<string, unknown>;

const firstParagraph = (body: MessageBody): number | null => {
  const match = /\*\*¶(\d+)\*\*/.exec(body.embeds?.[0]?.description ?? "");
  return match ? Number(match[1]) : null;
};
const footer = (body: MessageBody): string => body.embeds?.[0]?.footer?.text ?? "";

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

/** Posts a message and waits for the bot's message that replies to it (in `channelId`), returning what was sent and the stored message. */
async function exchange(fake: FakeDiscord, message: JsonObject, channelId = String(message.channel_id)): Promise<{ body: MessageBody; stored: JsonObject }> {
  fake.dispatch("MESSAGE_CREATE", message);
  const call = await fake.waitForCall(
    (each) => each.method === "POST" && each.path === `/channels/${channelId}/messages` && messageBody(each).message_reference?.message_id === message.id,
  );
  // The bot records the turn once Discord has answered its post: let it finish, as a person's next message would.
  await settle();
  return { body: messageBody(call), stored: storedReplyTo(fake, String(message.id)) };
}

function storedReplyTo(fake: FakeDiscord, messageId: string): JsonObject {
  for (const stored of fake.messages.values()) {
    const reference = stored.message_reference as { message_id?: string } | undefined;
    if (reference?.message_id === messageId) return stored;
  }
  throw new Error(`no stored reply to ${messageId}`);
}

/** Whether a recorded call posted a message replying to `messageId`. */
const repliesTo = (call: RecordedCall, messageId: unknown): boolean =>
  call.method === "POST" && call.path.endsWith("/messages") && messageBodyShape.safeParse(call.body).data?.message_reference?.message_id === messageId;

/** Calls that posted a message into `channelId` after `since`. */
const postsTo = (fake: FakeDiscord, channelId: string, since: number): RecordedCall[] =>
  fake.calls.filter((call) => call.method === "POST" && call.path === `/channels/${channelId}/messages` && call.at >= since);

describe("end to end: conversations in replies and threads", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let clock = Date.now();

  beforeAll(async () => {
    const qa = await QaService.create({ contentDir: await twoFestivalsDir(), logger: silentLogger(), embeddings: "off" });
    harness = await startHarness({ qa, now: () => clock, env: { CONVERSATION_IDLE_MINUTES: "30" } });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
  });

  const mention = (content: string): JsonObject => channelMessage(fake, { content: `<@${fake.botUser.id}> ${content}`, author: fakeUser() });

  it("a reply chain: each reply to an answer follows up on it, and says so", async () => {
    const first = await exchange(fake, mention("Woher kommen die Winzer beim Weinfest?"));
    expect(firstParagraph(first.body)).toBe(3);
    expect(footer(first.body)).not.toMatch(/Nachfrage/);

    const second = await exchange(fake, replyMessage(fake, { content: "Und wie lange dauert es?", to: first.stored }));
    expect(firstParagraph(second.body)).toBe(4);
    expect(footer(second.body)).toContain("Als Nachfrage zu „Woher kommen die Winzer beim Weinfest?“");

    // A reply to the second answer continues the same conversation, whose subject is still the wine festival.
    const third = await exchange(fake, replyMessage(fake, { content: "Und was kosten die Karten dort?", to: second.stored }));
    expect(firstParagraph(third.body)).toBe(4);
    expect(footer(third.body)).toContain("Als Nachfrage zu „Und wie lange dauert es?“");

    // The same follow-up in another conversation gets that conversation's answer.
    const harbour = await exchange(fake, mention("Wer eröffnet das Hafenfest?"));
    const harbourLength = await exchange(fake, replyMessage(fake, { content: "Und wie lange dauert es?", to: harbour.stored }));
    expect(firstParagraph(harbourLength.body)).toBe(2);
  });

  it("a change of topic in a reply is answered on its own terms", async () => {
    const first = await exchange(fake, mention("Woher kommen die Winzer beim Weinfest?"));
    const switched = await exchange(fake, replyMessage(fake, { content: "Worüber klagen die Anwohner in Flensburg?", to: first.stored }));
    expect(firstParagraph(switched.body)).toBe(5);
    expect(footer(switched.body)).not.toMatch(/Nachfrage/);
  });

  it("a question about the article itself is answered from its details, and a reply asks the same of it", async () => {
    const author = await exchange(fake, mention("Wer hat den Artikel geschrieben?"));
    expect(author.body.embeds?.[0]?.title).toBe("Wer hat den Artikel geschrieben?");
    expect(author.body.embeds?.[0]?.description?.split("\n")).toEqual([
      "**Zwei Feste im Norden**",
      "Für diesen Artikel ist kein Autor erfasst.",
      "Erschienen am 1. Juli 2024 bei Beispielzeitung.",
    ]);
    const when = await exchange(fake, replyMessage(fake, { content: "Und wann?", to: author.stored }));
    expect(when.body.embeds?.[0]?.description?.split("\n")).toEqual(["**Zwei Feste im Norden**", "Erschienen am 1. Juli 2024 bei Beispielzeitung."]);
  });

  it("a summary asked for in a mention is answered with the article's summary, its sentences verbatim with their ¶", async () => {
    const summary = await exchange(fake, mention("Worum geht es in dem Artikel?"));
    const embed = summary.body.embeds?.[0];
    expect(embed?.title).toMatch(/^Zusammenfassung/u);
    expect(embed?.description).toMatch(/¶\d+/u);
    expect(visibleText(summary.body)).not.toMatch(/keine belastbare Antwort/u);
  });

  it("a follow-up after the conversation expired is answered alone, with a note saying why", async () => {
    const first = await exchange(fake, mention("Woher kommen die Winzer beim Weinfest?"));
    clock += 31 * 60_000;
    const late = await exchange(fake, replyMessage(fake, { content: "Und wie lange dauert es?", to: first.stored }));
    expect(visibleText(late.body)).toMatch(/kenne ich nicht mehr \(nach 30 Minuten ohne Frage oder einem Neustart vergessen\)/);
    expect(footer(late.body)).not.toMatch(/Nachfrage/);
    expect(firstParagraph(late.body)).not.toBe(4);
  });

  it("a reply without the ping arrives without content: the bot stays silent", async () => {
    const first = await exchange(fake, mention("Wer eröffnet das Hafenfest?"));
    const since = Date.now();
    const silent = replyMessage(fake, { content: "", to: first.stored, ping: false });
    fake.dispatch("MESSAGE_CREATE", silent);
    // A later mention is answered, so the silent one had its chance to be handled first.
    await exchange(fake, mention("Worüber klagen die Anwohner in Flensburg?"));
    const answersToSilent = postsTo(fake, fake.channelId, since).filter((call) => repliesTo(call, silent.id));
    expect(answersToSilent).toHaveLength(0);
  });

  it("/ask thread:True answers, opens a thread on the answer named after the question, and follows up there on mentions", async () => {
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [
        { name: "question", type: 3, value: "Woher kommen die Winzer beim Weinfest?" },
        { name: "thread", type: 5, value: true },
      ]),
    );
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(firstParagraph(edit)).toBe(3);
    const answer = fake.originalMessage(interaction);
    if (!answer) throw new Error("no original");
    const threadCall = await fake.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${fake.channelId}/messages/${String(answer.id)}/threads`,
    );
    expect(threadCall.body).toMatchObject({ name: "Woher kommen die Winzer beim Weinfest?" });
    const threadId = String(answer.id);

    // Without the Message Content intent, a plain message in the thread carries no content: a mention is needed.
    const inThread = channelMessage(fake, { content: `<@${fake.botUser.id}> Und wie lange dauert es?`, channelId: threadId });
    const followUp = await exchange(fake, inThread, threadId);
    expect(firstParagraph(followUp.body)).toBe(4);
    expect(footer(followUp.body)).toContain("Als Nachfrage zu");

    // /ask inside the bot's thread continues the thread's conversation too.
    const threadChannel = { id: threadId, type: 11, guild_id: fake.guildId, parent_id: fake.channelId, owner_id: fake.botUser.id, name: "thread", flags: 0 };
    const inside = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [{ name: "question", type: 3, value: "Was kosten die Eintrittskarten?" }], { channelId: threadId, channel: threadChannel }),
    );
    const insideEdit = messageBody(await fake.waitForCall(isOriginalEdit(fake, inside)));
    expect(firstParagraph(insideEdit)).toBe(4);
  });

  it("/ask public:False thread:True answers only the asker and opens no thread", async () => {
    const since = Date.now();
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [
        { name: "question", type: 3, value: "Wer eröffnet das Hafenfest?" },
        { name: "public", type: 5, value: false },
        { name: "thread", type: 5, value: true },
      ]),
    );
    await fake.waitForCall(isOriginalEdit(fake, interaction));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.calls.filter((call) => call.at >= since && call.path.endsWith("/threads"))).toHaveLength(0);
  });
});

describe("end to end: MENTION_THREADS and MESSAGE_CONTENT_INTENT", () => {
  let harness: Harness;
  let fake: FakeDiscord;

  beforeAll(async () => {
    const qa = await QaService.create({ contentDir: await twoFestivalsDir(), logger: silentLogger(), embeddings: "off" });
    harness = await startHarness({ qa, env: { MENTION_THREADS: "true", MESSAGE_CONTENT_INTENT: "true" } });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("asks Discord for the Message Content intent only when configured", () => {
    const intents = Number(fake.identifies[0]?.intents ?? 0);
    expect(intents & (1 << 15)).toBe(1 << 15);
  });

  it("a mention opens a thread on the question, answers there, and plain messages in it are follow-ups", async () => {
    const question = channelMessage(fake, { content: `<@${fake.botUser.id}> Woher kommen die Winzer beim Weinfest?`, author: fakeUser() });
    const threadId = String(question.id);
    fake.dispatch("MESSAGE_CREATE", question);
    // The answer is the thread's first message, not a reply in the channel.
    const first = { body: messageBody(await fake.waitForCall((each) => each.method === "POST" && each.path === `/channels/${threadId}/messages`)) };
    await settle();
    expect(postsTo(fake, fake.channelId, 0).filter((call) => repliesTo(call, question.id))).toHaveLength(0);
    expect(fake.threads.get(threadId)?.name).toBe("Woher kommen die Winzer beim Weinfest?");
    expect(firstParagraph(first.body)).toBe(3);

    const plain = channelMessage(fake, { content: "Und wie lange dauert es?", channelId: threadId });
    const followUp = await exchange(fake, plain, threadId);
    expect(firstParagraph(followUp.body)).toBe(4);
    expect(footer(followUp.body)).toContain("Als Nachfrage zu");
  });

  it("plain messages outside the bot's threads are not questions", async () => {
    const since = Date.now();
    const chatter = channelMessage(fake, { content: "Wie lange dauert das Weinfest?", author: fakeUser() });
    fake.dispatch("MESSAGE_CREATE", chatter);
    // A mention right after it is answered (in a new thread), so the chatter had its turn to be handled first.
    const asked = channelMessage(fake, { content: `<@${fake.botUser.id}> Wer eröffnet das Hafenfest?`, author: fakeUser() });
    fake.dispatch("MESSAGE_CREATE", asked);
    await fake.waitForCall((each) => each.method === "POST" && each.path === `/channels/${String(asked.id)}/messages`);
    await settle();
    expect(fake.calls.filter((call) => call.at >= since && repliesTo(call, chatter.id))).toHaveLength(0);
    expect(fake.threads.has(String(chatter.id))).toBe(false);
  });
});
