/**
 * End to end: the real QaService on data/articles (lexical, embeddings off),
 * the real bot and discord.js Client, and a fake Discord on 127.0.0.1 that
 * records every REST call. No network.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import type { Answer } from "../../src/answer/types.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { LIMITS, unescapeDiscordText } from "../../src/discord/presentation/index.js";
import { silentLogger } from "../../src/log.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import { autocomplete, buttonClick, channelMessage, dispatchInteraction, fakeUser, slashCommand } from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, summaryEntries, visibleText, type MessageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

const EPHEMERAL = 64;
const QUESTION = "Wann reist Kim nach Russland?";

/** Asserts Discord's size limits on everything the bot sent in one message. */
function expectWithinLimits(body: MessageBody): void {
  expect((body.content ?? "").length).toBeLessThanOrEqual(LIMITS.content);
  for (const embed of body.embeds ?? []) {
    expect((embed.title ?? "").length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((embed.description ?? "").length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.footer?.text ?? "").length).toBeLessThanOrEqual(LIMITS.footer);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    let total = (embed.title ?? "").length + (embed.description ?? "").length + (embed.footer?.text ?? "").length;
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  for (const row of body.components ?? []) for (const button of row.components) expect(button.custom_id.length).toBeLessThanOrEqual(100);
}

/** The quoted lines of an answer embed, unescaped: these must be verbatim article text. */
function quotedLines(body: MessageBody): string[] {
  const description = body.embeds?.[0]?.description ?? "";
  return description
    .split("\n")
    .filter((line) => line.startsWith("> "))
    .map((line) => unescapeDiscordText(line.slice(2)).replace(/ ?…$/, ""));
}

describe("end to end: real service, real client, fake Discord", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let qa: QaService;
  let expected: Answer;

  beforeAll(async () => {
    qa = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    expected = await qa.ask(QUESTION);
    harness = await startHarness({ qa });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("the service answers the reference question (precondition)", () => {
    expect(expected.answered).toBe(true);
    expect(expected.citations.some((citation) => /Kim/.test(citation.passage) && /Russland/.test(citation.passage))).toBe(true);
  });

  it("/ask: deferred (type 5), then the original is edited with a cited, verbatim answer", async () => {
    const interaction = dispatchInteraction(fake, slashCommand(fake, "ask", [{ name: "question", type: 3, value: QUESTION }], { user: fakeUser() }));
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback.type).toBe(5);
    expect(callback.data?.flags ?? 0).toBe(0);
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expectWithinLimits(edit);

    const cited = expected.citations[0];
    if (!cited) throw new Error("no citation");
    expect(edit.embeds?.[0]?.description).toContain(`**¶${cited.paragraph}**`);
    expect(parseCustomId(edit.components?.[0]?.components[0]?.custom_id ?? "")).toEqual({
      kind: "paragraph",
      articleKey: cited.articleId,
      paragraph: cited.paragraph,
    });
    const passages = expected.citations.map((citation) => citation.passage);
    const quotes = quotedLines(edit);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(passages.some((passage) => passage.includes(quote))).toBe(true);
  });

  it("a mention that also pings @everyone and another member is answered like the bare question", async () => {
    const message = channelMessage(fake, { content: `<@${fake.botUser.id}> @everyone <@1100000000000000777> ${QUESTION}`, author: fakeUser() });
    fake.dispatch("MESSAGE_CREATE", message);
    const call = await fake.waitForCall(
      (each) =>
        each.method === "POST" && each.path === `/channels/${fake.channelId}/messages` && messageBody(each).message_reference?.message_id === message.id,
    );
    const reply = messageBody(call);
    expect(reply.content ?? "").not.toMatch(/nächstliegende|closest/);
    expect(reply.embeds?.[0]?.description).toContain(`**¶${expected.citations[0]?.paragraph}**`);
  });

  it("a mention gets a reply to that message, pinging nobody", async () => {
    const message = channelMessage(fake, { content: `<@${fake.botUser.id}> ${QUESTION.toLowerCase()}`, author: fakeUser() });
    fake.dispatch("MESSAGE_CREATE", message);
    const call = await fake.waitForCall(
      (each) =>
        each.method === "POST" && each.path === `/channels/${fake.channelId}/messages` && messageBody(each).message_reference?.message_id === message.id,
    );
    const reply = messageBody(call);
    expect(reply.message_reference?.message_id).toBe(message.id);
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expectWithinLimits(reply);
    expect(reply.embeds?.[0]?.description).toContain(`**¶${expected.citations[0]?.paragraph}**`);
  });

  it("hostile question (ephemeral): @everyone and markdown neither ping nor render", async () => {
    const hostile = `@everyone **bold** [x](http://evil) ${QUESTION}`;
    const interaction = dispatchInteraction(
      fake,
      slashCommand(
        fake,
        "ask",
        [
          { name: "question", type: 3, value: hostile },
          { name: "public", type: 5, value: false },
        ],
        { user: fakeUser() },
      ),
    );
    expect(callbackBody(await fake.waitForCall(isCallback(interaction)))).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visibleText(edit);
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toContain("**bold**");
    expect(text).not.toContain("[x](http://evil)");
    if (edit.embeds?.length) expect(edit.embeds[0]?.title).toContain("\\*\\*bold\\*\\* \\[x\\](http://evil)");
    expectWithinLimits(edit);
  });

  it("/summary length:short: verbatim article sentences, each with its ¶, in article order, pinging nobody", async () => {
    const interaction = dispatchInteraction(fake, slashCommand(fake, "summary", [{ name: "length", type: 3, value: "short" }], { user: fakeUser() }));
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    // Sent directly when ready within the first-response window (it is, lexically); deferred and edited otherwise.
    const body = callback.type === 5 ? messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction))) : callback.data;
    if (!body) throw new Error("no summary message");
    expect(body.allowed_mentions?.parse).toEqual([]);
    expect(body.flags ?? 0).toBe(0);
    expectWithinLimits(body);

    const entries = summaryEntries(body, unescapeDiscordText);
    expect(entries).toHaveLength(3);
    const positions = entries.map((entry) => {
      const paragraph = qa.source(entry.paragraph)?.paragraph;
      const index = paragraph?.sentences.findIndex((sentence) => sentence.text === entry.text) ?? -1;
      expect(index, `"${entry.text}" is a sentence of ¶${entry.paragraph}`).toBeGreaterThanOrEqual(0);
      return [entry.paragraph, index] as const;
    });
    const ordered = [...positions].sort((left, right) => left[0] - right[0] || left[1] - right[1]);
    expect(positions).toEqual(ordered);
    const summary = await qa.summary({ length: "short" });
    expect(entries).toEqual(summary.sentences.map((sentence) => ({ text: sentence.text, paragraph: sentence.paragraph })));
  });

  it("/source autocomplete answers with type 8 and at most 25 short choices", async () => {
    const interaction = dispatchInteraction(fake, autocomplete(fake, "source", [{ name: "paragraph", type: 4, value: "1", focused: true }]));
    const callback = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(callback.type).toBe(8);
    const choices = callback.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).startsWith("1")).toBe(true);
      expect(choice.name.startsWith(`¶${choice.value} · `)).toBe(true);
    }
  });

  it("the show-paragraph button reveals the whole paragraph ephemerally", async () => {
    const question = dispatchInteraction(fake, slashCommand(fake, "ask", [{ name: "question", type: 3, value: QUESTION }], { user: fakeUser() }));
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, question)));
    const customId = edit.components?.[0]?.components[0]?.custom_id;
    const answerMessage = fake.originalMessage(question);
    if (!customId || !answerMessage) throw new Error("answer has no paragraph button");
    const click = dispatchInteraction(fake, buttonClick(fake, customId, answerMessage, { user: fakeUser() }));
    const reply = callbackBody(await fake.waitForCall(isCallback(click)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    const cited = expected.citations[0];
    const lookup = cited ? qa.source(cited.paragraph, cited.articleId) : null;
    if (!lookup) throw new Error("cited paragraph not found");
    expect(reply.data?.embeds?.[0]?.title?.startsWith(`¶${lookup.paragraph.number}`)).toBe(true);
    expect(unescapeDiscordText(reply.data?.embeds?.[0]?.description ?? "").replace(/^> /, "")).toBe(lookup.paragraph.text);
    if (reply.data) expectWithinLimits(reply.data);
  });
});
