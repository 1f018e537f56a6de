/**
 * Handler tests when things go wrong or run out: a failing QA service, rate
 * limits and channel restrictions, many questions at once, and shutdown.
 * The real discord.js Client against the fake Discord, with a fake QaApi.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channelMessage, dispatchInteraction, fakeUser, slashCommand } from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import { createFakeQa } from "../helpers/fake-qa.js";
import { startHarness, type Harness } from "./harness.js";
import { ask, EPHEMERAL, isChannelMessage } from "./handler-helpers.js";

describe("bot handlers: failures", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ qa: createFakeQa({ failWith: new Error("index exploded") }) });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("a failing /ask removes the public placeholder and tells the user privately; the bot keeps working", async () => {
    const { fake } = harness;
    const interaction = ask(fake, "Wann reist Kim nach Russland?");
    expect(callbackBody(await fake.waitForCall(isCallback(interaction))).type).toBe(5);
    await fake.waitForCall((call) => call.method === "DELETE" && call.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    const followUp = messageBody(
      await fake.waitForCall((call) => call.method === "POST" && call.path === `/webhooks/${fake.applicationId}/${interaction.token}`),
    );
    expect(followUp.flags).toBe(EPHEMERAL);
    expect(followUp.content).toBe("Da ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.");
    expect(harness.logs.lines.find((line) => line.event === "command_failed")).toMatchObject({ level: 50, command: "ask", guild: fake.guildId });

    const help = dispatchInteraction(fake, slashCommand(fake, "help", []));
    expect(callbackBody(await fake.waitForCall(isCallback(help))).type).toBe(4);
  });

  it("a Discord API error is logged without the interaction token", async () => {
    const { fake } = harness;
    const interaction = slashCommand(fake, "ask", [{ name: "question", type: 3, value: "Wann reist Kim?" }]);
    fake.setOverride(({ method, path: requestPath }) =>
      method === "POST" && requestPath === `/webhooks/${fake.applicationId}/${interaction.token}`
        ? { status: 404, body: { message: "Unknown Webhook", code: 10015 } }
        : undefined,
    );
    try {
      dispatchInteraction(fake, interaction);
      await vi.waitFor(() => expect(harness.logs.lines.some((line) => line.event === "error_reply_failed")).toBe(true), { timeout: 3_000 });
    } finally {
      fake.setOverride(null);
    }
    const logged = harness.logs.lines.find((line) => line.event === "error_reply_failed");
    expect(JSON.stringify(logged)).toContain("/webhooks/");
    expect(harness.logs.text()).not.toContain(interaction.token);
  });

  it("a failing ephemeral /ask edits its own private placeholder", async () => {
    const { fake } = harness;
    const interaction = ask(fake, "Wann reist Kim nach Russland?", {}, false);
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    expect(edit.content).toBe("Da ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.");
  });

  it("a failing mention gets a short reply", async () => {
    const { fake } = harness;
    const message = channelMessage(fake, { content: `<@${fake.botUser.id}> wann reist Kim?` });
    fake.dispatch("MESSAGE_CREATE", message);
    const reply = messageBody(await fake.waitForCall(isChannelMessage(fake, String(message.id))));
    expect(reply.content).toBe("Da ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.");
    expect(harness.logs.lines.some((line) => line.event === "mention_failed")).toBe(true);
  });
});

describe("bot handlers: rate limits and channels", () => {
  let harness: Harness;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    harness = await startHarness({
      now: () => now,
      env: (fake) => ({ USER_COOLDOWN_SECONDS: "30", GLOBAL_QUESTIONS_PER_MINUTE: "3", ASK_CHANNEL_IDS: fake.channelId }),
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("applies the per-user cooldown and the global cap with seconds remaining", async () => {
    const { fake } = harness;
    const alice = fakeUser("alice");
    const first = ask(fake, "Wann reist Kim nach Russland?", { user: alice });
    expect(callbackBody(await fake.waitForCall(isCallback(first))).type).toBe(5);
    now += 1_000;
    const tooSoon = ask(fake, "Und wann fährt er zurück?", { user: alice });
    expect(callbackBody(await fake.waitForCall(isCallback(tooSoon))).data).toMatchObject({
      flags: EPHEMERAL,
      content: "Nicht so schnell: Du kannst in 29 s die nächste Frage stellen.",
    });
    now += 30_000;
    const again = ask(fake, "Wann reist Kim nach Russland?", { user: alice });
    expect(callbackBody(await fake.waitForCall(isCallback(again))).type).toBe(5);
    const bob = ask(fake, "Wann reist Kim nach Russland?", { user: fakeUser("bob") });
    expect(callbackBody(await fake.waitForCall(isCallback(bob))).type).toBe(5);
    const carol = ask(fake, "Wann reist Kim nach Russland?", { user: fakeUser("carol"), locale: "en-US" });
    expect(callbackBody(await fake.waitForCall(isCallback(carol))).data).toMatchObject({
      flags: EPHEMERAL,
      content: "Lots of questions are coming in right now. Please try again in 29 s.",
    });
  });

  it("answers mentions only in ASK_CHANNEL_IDS", async () => {
    const { fake } = harness;
    now += 120_000;
    const elsewhere = channelMessage(fake, { content: `<@${fake.botUser.id}> wann reist Kim nach Russland?`, channelId: fake.otherChannelId });
    fake.dispatch("MESSAGE_CREATE", elsewhere);
    const here = channelMessage(fake, { content: `<@${fake.botUser.id}> wann reist Kim nach Russland?` });
    fake.dispatch("MESSAGE_CREATE", here);
    await fake.waitForCall(isChannelMessage(fake, String(here.id)));
    expect(fake.calls.some((call) => call.path === `/channels/${fake.otherChannelId}/messages`)).toBe(false);
  });
});

describe("bot handlers: concurrency and shutdown", () => {
  it("runs questions in parallel (no global lock) and disconnects on stop", async () => {
    const qa = createFakeQa({ delayMs: 400 });
    const harness = await startHarness({ qa });
    try {
      const { fake } = harness;
      const started = Date.now();
      const interactions = Array.from({ length: 4 }, () => ask(fake, "Wann reist Kim nach Russland?", { user: fakeUser() }));
      await Promise.all(interactions.map((interaction) => fake.waitForCall(isOriginalEdit(fake, interaction))));
      expect(qa.maxConcurrentAsks).toBe(4);
      expect(Date.now() - started).toBeLessThan(4 * 400);

      // A question still running when stop() is called is finished before disconnecting.
      const late = ask(fake, "Wann reist Kim nach Russland?", { user: fakeUser() });
      await fake.waitForCall(isCallback(late));
      await harness.bot.stop();
      expect(fake.calls.some(isOriginalEdit(fake, late))).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.connectedClients).toBe(0);
      await harness.bot.stop();
    } finally {
      await harness.close();
    }
  });
});
