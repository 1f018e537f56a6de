/** `/summary` through the real client and the fake Discord, with the fake QaApi (real lexical summarizer on the fixture article). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unescapeDiscordText } from "../../src/discord/presentation/index.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import {
  autocomplete,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
  type DispatchedInteraction,
  type InteractionBase,
} from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, summaryEntries, type MessageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import { createFakeQa, fixtureArticle, type FakeQa } from "../helpers/fake-qa.js";
import { startHarness, type Harness } from "./harness.js";

const EPHEMERAL = 64;
const NO_PINGS = { parse: [], replied_user: false };

function summaryCommand(fake: FakeDiscord, options: CommandOption[], base: InteractionBase = {}): DispatchedInteraction {
  return dispatchInteraction(fake, slashCommand(fake, "summary", options, { user: fakeUser(), ...base }));
}

const article = fixtureArticle();

/** Every quoted entry must be one whole sentence of the cited paragraph, and the entries must follow article order. */
function expectVerbatimInOrder(body: MessageBody | undefined): Array<{ text: string; paragraph: number }> {
  const entries = summaryEntries(body, unescapeDiscordText);
  for (const entry of entries) {
    const paragraph = article.paragraphs[entry.paragraph - 1];
    expect(
      paragraph?.sentences.map((sentence) => sentence.text),
      `¶${entry.paragraph}`,
    ).toContain(entry.text);
  }
  const positions = entries.map((entry) => {
    const sentences = article.paragraphs[entry.paragraph - 1]?.sentences ?? [];
    return entry.paragraph * 1_000 + sentences.findIndex((sentence) => sentence.text === entry.text);
  });
  expect(positions).toEqual([...positions].sort((left, right) => left - right));
  return entries;
}

describe("/summary (one article)", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let qa: FakeQa;

  beforeAll(async () => {
    qa = createFakeQa();
    harness = await startHarness({ qa });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness.close();
  });

  it("length:short replies publicly with three verbatim sentences, each with its ¶, in article order", async () => {
    const interaction = summaryCommand(fake, [{ name: "length", type: 3, value: "short" }]);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags ?? 0).toBe(0);
    expect(reply.data?.allowed_mentions).toEqual(NO_PINGS);
    const embed = reply.data?.embeds?.[0];
    expect(embed?.title).toBe("Zusammenfassung (kurz)");
    const header = embed?.description?.split("\n")[0];
    expect(header).toBe(`[Waffen aus Nordkorea für Russland: Putins letzter Ausweg?](${article.url}) · t-online · 5. September 2023`);
    expect(embed?.footer?.text).toBe("3 Sätze wörtlich aus dem Artikel, in seiner Reihenfolge · Auswahl: lexikalisch");
    expect(expectVerbatimInOrder(reply.data)).toHaveLength(3);
    expect(qa.summaryCalls.at(-1)).toEqual({ length: "short" });
  });

  it("frames a section summary in the user's language", async () => {
    const interaction = summaryCommand(fake, [{ name: "section", type: 3, value: "2" }], { locale: "en-GB" });
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    const embed = reply.data?.embeds?.[0];
    expect(embed?.title).toBe("Summary (medium) · section 2: Russland braucht für seinen Krieg dringend Munition");
    expect(embed?.footer?.text).toMatch(/^\d sentences? verbatim from the article, in its order · selection: lexical$/);
    const entries = expectVerbatimInOrder(reply.data);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect([6, 7, 8]).toContain(entry.paragraph);
  });

  it("a section typed as words is found by its heading", async () => {
    const interaction = summaryCommand(fake, [
      { name: "section", type: 3, value: "bereits 2019" },
      { name: "length", type: 3, value: "long" },
    ]);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.data?.embeds?.[0]?.title).toBe("Zusammenfassung (lang) · Abschnitt 3: Bereits 2019 war Kim Jong Un in Russland");
    for (const entry of expectVerbatimInOrder(reply.data)) expect([9, 10]).toContain(entry.paragraph);
  });

  it("an unknown section gets a private note listing the sections", async () => {
    const interaction = summaryCommand(fake, [{ name: "section", type: 3, value: "Wetter *morgen*" }]);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.allowed_mentions).toEqual(NO_PINGS);
    expect(reply.data?.content).toBe(
      "Einen Abschnitt „Wetter \\*morgen\\*“ gibt es in „Waffen aus Nordkorea für Russland: Putins letzter Ausweg?“ nicht (die Länge wählst du mit der Option länge). " +
        "Abschnitte: 1: Einleitung (ohne Überschrift); 2: Russland braucht für seinen Krieg dringend Munition; 3: Bereits 2019 war Kim Jong Un in Russland",
    );
  });

  it("an unknown article gets a private note listing the articles", async () => {
    const interaction = summaryCommand(fake, [{ name: "article", type: 3, value: "sportnachrichten" }], { locale: "en-US" });
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toBe(
      'I don\'t know the article "sportnachrichten". Available: „Waffen aus Nordkorea für Russland: Putins letzter Ausweg?“ (nordkorea-russland-waffen)',
    );
  });

  it("autocompletes sections (opening named in the user's language) and filters them by what was typed", async () => {
    const all = dispatchInteraction(fake, autocomplete(fake, "summary", [{ name: "section", type: 3, value: "", focused: true }]));
    const allChoices = callbackBody(await fake.waitForCall(isCallback(all)));
    expect(allChoices.type).toBe(8);
    expect(allChoices.data?.choices).toEqual([
      { name: "1: Einleitung (ohne Überschrift)", value: "1" },
      { name: "2: Russland braucht für seinen Krieg dringend Munition", value: "2" },
      { name: "3: Bereits 2019 war Kim Jong Un in Russland", value: "3" },
    ]);

    const english = dispatchInteraction(fake, autocomplete(fake, "summary", [{ name: "section", type: 3, value: "", focused: true }], { locale: "en-US" }));
    expect(callbackBody(await fake.waitForCall(isCallback(english))).data?.choices?.[0]).toEqual({ name: "1: Opening (no heading)", value: "1" });

    const filtered = dispatchInteraction(fake, autocomplete(fake, "summary", [{ name: "section", type: 3, value: "munition", focused: true }]));
    expect(callbackBody(await fake.waitForCall(isCallback(filtered))).data?.choices).toEqual([
      { name: "2: Russland braucht für seinen Krieg dringend Munition", value: "2" },
    ]);
  });

  it("autocompletes articles", async () => {
    const interaction = dispatchInteraction(fake, autocomplete(fake, "summary", [{ name: "article", type: 3, value: "putin", focused: true }]));
    expect(callbackBody(await fake.waitForCall(isCallback(interaction))).data?.choices).toEqual([
      { name: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? (2023-09-05)", value: "nordkorea-russland-waffen" },
    ]);
  });
});

describe("/summary (two articles)", () => {
  const second = fixtureArticle({ id: "zweiter-artikel", title: "Ein zweiter Artikel", publisher: null, date: null, url: null });
  let harness: Harness;
  let fake: FakeDiscord;

  beforeAll(async () => {
    harness = await startHarness({ qa: createFakeQa({ articles: [article, second] }) });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness.close();
  });

  it("without an article, asks privately which one", async () => {
    const interaction = summaryCommand(fake, []);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toBe(
      "Es sind mehrere Artikel geladen; wähl einen aus: „Waffen aus Nordkorea für Russland: Putins letzter Ausweg?“ (nordkorea-russland-waffen); „Ein zweiter Artikel“ (zweiter-artikel)",
    );
  });

  it("summarises the picked article, noting a missing publisher and date", async () => {
    const interaction = summaryCommand(fake, [
      { name: "article", type: 3, value: "zweiter-artikel" },
      { name: "length", type: 3, value: "short" },
    ]);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.data?.flags ?? 0).toBe(0);
    expect(reply.data?.embeds?.[0]?.description?.split("\n")[0]).toBe("Ein zweiter Artikel · *Herausgeber und Datum nicht angegeben*");
    expect(summaryEntries(reply.data, unescapeDiscordText)).toHaveLength(3);
  });

  it("offers sections only once the article is known", async () => {
    const none = dispatchInteraction(fake, autocomplete(fake, "summary", [{ name: "section", type: 3, value: "", focused: true }]));
    expect(callbackBody(await fake.waitForCall(isCallback(none))).data?.choices).toEqual([]);
    const picked = dispatchInteraction(
      fake,
      autocomplete(fake, "summary", [
        { name: "article", type: 3, value: "zweiter-artikel" },
        { name: "section", type: 3, value: "2019", focused: true },
      ]),
    );
    expect(callbackBody(await fake.waitForCall(isCallback(picked))).data?.choices).toEqual([
      { name: "3: Bereits 2019 war Kim Jong Un in Russland", value: "3" },
    ]);
  });
});

describe("/summary (slow scoring)", () => {
  it("defers when the summary takes longer than Discord's first-response window, then edits the reply", async () => {
    const harness = await startHarness({ qa: createFakeQa({ summaryDelayMs: 1_800 }) });
    try {
      const { fake } = harness;
      const interaction = summaryCommand(fake, [{ name: "length", type: 3, value: "short" }]);
      expect(callbackBody(await fake.waitForCall(isCallback(interaction))).type).toBe(5);
      const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
      expect(edit.allowed_mentions).toEqual(NO_PINGS);
      expect(expectVerbatimInOrder(edit)).toHaveLength(3);
    } finally {
      await harness.close();
    }
  });
});
