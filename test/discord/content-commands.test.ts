/**
 * Moderator commands (/reindex, /remove-article) and /articles through the real
 * client and the fake Discord, with the fake QA and a fake content admin.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReindexBusyError, ReindexFailedError } from "../../src/answer/errors.js";
import { commandList } from "../../src/discord/commands/index.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  MEMBER_PERMISSIONS,
  autocomplete,
  buttonClick,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type InteractionBase,
} from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, visibleText, isCallback, isOriginalEdit } from "./api-shapes.js";
import { createFakeAdmin, type FakeAdmin } from "../helpers/fake-admin.js";
import { createFakeQa } from "../helpers/fake-qa.js";
import { startHarness, type Harness } from "./harness.js";

import { EPHEMERAL, editsOf, finalEdit, lastEdit, member, moderator, reindex, startModeratorHarness } from "./moderator-helpers.js";

describe("moderator commands (fake admin)", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let admin: FakeAdmin;

  beforeAll(async () => {
    ({ harness, fake, admin } = await startModeratorHarness());
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    admin.setFailure(null);
  });

  it("registers /reindex and /remove-article for Manage Server, in servers only; /articles for everyone", () => {
    const byName = new Map(commandList.map((command) => [command.data.name, command.data.toJSON()]));
    for (const name of ["reindex", "remove-article"]) {
      expect(byName.get(name)?.default_member_permissions).toBe("32");
      expect(byName.get(name)?.contexts).toEqual([0]);
    }
    expect(byName.get("articles")?.default_member_permissions ?? null).toBeNull();
  });

  it("/articles lists every article with id, source, date and paragraphs, privately", async () => {
    const interaction = dispatchInteraction(fake, slashCommand(fake, "articles", [], member()));
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    const embed = reply.data?.embeds?.[0];
    expect(embed?.title).toBe("Indexierte Artikel (1)");
    expect(embed?.fields?.[0]).toEqual({
      name: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
      value:
        "`nordkorea-russland-waffen` · [t-online](https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html) · 5. September 2023 · 10 Absätze",
    });
    expect(embed?.footer?.text).toBe("10 Absätze insgesamt · Suche: lexikalisch");
  });

  it("refuses /reindex to a member without Manage Server, privately, without starting anything", async () => {
    const before = admin.reindexActors.length;
    const interaction = reindex(fake, member());
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toBe("Das dürfen nur Moderatorinnen und Moderatoren (Recht „Server verwalten“ oder eine Moderationsrolle).");
    expect(admin.reindexActors.length).toBe(before);
  });

  it("refuses /reindex outside a server", async () => {
    const interaction = slashCommand(fake, "reindex", [], moderator());
    const { guild_id: _guild, member: raw, ...rest } = interaction.payload;
    const user = typeof raw === "object" && raw !== null && "user" in raw ? raw.user : fakeUser();
    interaction.payload = { ...rest, user, context: 1, channel: { id: fake.channelId, type: 1 }, locale: "en-US" };
    dispatchInteraction(fake, interaction);
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.data).toMatchObject({ flags: EPHEMERAL, content: "This only works in a server." });
  });

  it("/reindex: private deferral, progress edits at most about once a second, then the report; the moderator's id goes to the service as actor", async () => {
    const user = fakeUser("mod-anna");
    const interaction = reindex(fake, { user, permissions: MANAGE_GUILD_PERMISSIONS });
    expect(callbackBody(await fake.waitForCall(isCallback(interaction)))).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const report = await finalEdit(fake, interaction);
    const edits = editsOf(fake, interaction);
    const progress = edits.slice(0, -1).map((call) => messageBody(call));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]?.content).toBe("⏳ Index wird neu aufgebaut – Artikel werden gelesen\nArtikel: 1/1 · Absätze: 0/?");
    expect(progress.some((body) => /Absätze werden eingebettet\nArtikel: 1\/1 · Absätze: (30|60|90)\/120/.test(body.content ?? ""))).toBe(true);
    for (let index = 1; index < edits.length - 1; index += 1) {
      expect((edits[index]?.at ?? 0) - (edits[index - 1]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    }
    expect(report.content).toBe("");
    const embed = report.embeds?.[0];
    expect(embed?.title).toBe("✅ Index neu aufgebaut");
    expect(Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]))).toEqual({
      Hinzugefügt: "0",
      Geändert: "0",
      Entfernt: "0",
      Unverändert: "1 · `nordkorea-russland-waffen`",
      Artikel: "1",
      Absätze: "10",
      Dauer: "1,2 s",
      Suche: "lexikalisch (Stichwörter)",
    });
    expect(report.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(admin.reindexActors.at(-1)).toEqual({ via: "discord", id: user.id });
  });

  it("a second /reindex while one runs is told it is already running, with its progress", async () => {
    admin.hold();
    const started = admin.started();
    const first = reindex(fake, moderator());
    await started;
    const second = reindex(fake, { ...moderator(), locale: "en-US" });
    const reply = callbackBody(await fake.waitForCall(isCallback(second)));
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toBe(
      "A reindex is already running. Please wait until it has finished.\n⏳ Rebuilding the index – reading articles\nArticles: 1/1 · Paragraphs: 0/?",
    );
    admin.release();
    expect((await finalEdit(fake, first)).embeds?.[0]?.title).toBe("✅ Index neu aufgebaut");
  });

  it("a reindex refused by the service as busy (a race) reports that too", async () => {
    admin.setFailure(
      new ReindexBusyError({ task: "add-article", phase: "embedding", articlesDone: 2, articlesTotal: 2, paragraphsDone: 10, paragraphsTotal: 20 }),
    );
    const interaction = reindex(fake, moderator());
    await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && /bereits/.test(messageBody(call).content ?? ""));
    const last = lastEdit(fake, interaction);
    expect(last.content).toBe(
      "Es läuft bereits eine Neuindexierung. Bitte warte, bis sie fertig ist.\n⏳ Artikel wird hinzugefügt – Absätze werden eingebettet\nArtikel: 2/2 · Absätze: 10/20",
    );
  });

  it("a failed reindex says why, and that the old index stays", async () => {
    admin.setFailure(new ReindexFailedError([{ file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }]));
    const interaction = reindex(fake, moderator());
    await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && /fehlgeschlagen/.test(messageBody(call).content ?? ""));
    expect(lastEdit(fake, interaction).content).toBe(
      "Die Neuindexierung ist fehlgeschlagen; der bisherige Index bleibt in Gebrauch.\nGrund: kaputt.txt: die Datei ist leer",
    );
  });

  describe("/remove-article", () => {
    async function prompt(base: InteractionBase) {
      const interaction = dispatchInteraction(
        fake,
        slashCommand(fake, "remove-article", [{ name: "article", type: 3, value: "nordkorea-russland-waffen" }], base),
      );
      const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
      const message = fake.originalMessage(interaction);
      if (!message) throw new Error("prompt not stored");
      return { reply, message };
    }

    it("asks the moderator privately, with confirm and cancel buttons bound to them", async () => {
      const base = moderator();
      const { reply } = await prompt(base);
      expect(reply.data?.flags).toBe(EPHEMERAL);
      expect(reply.data?.content).toMatch(
        /^„Waffen aus Nordkorea für Russland: Putins letzter Ausweg\?“ \(`nordkorea-russland-waffen`, 10 Absätze\) wirklich entfernen\?/,
      );
      const [confirm, cancel] = reply.data?.components?.[0]?.components ?? [];
      expect([confirm?.label, cancel?.label]).toEqual(["Entfernen", "Abbrechen"]);
      expect(parseCustomId(confirm?.custom_id ?? "")).toMatchObject({
        kind: "removal",
        decision: "confirm",
        articleKey: "nordkorea-russland-waffen",
        requesterId: base.user?.id,
      });
      expect(parseCustomId(cancel?.custom_id ?? "")).toMatchObject({ kind: "removal", decision: "cancel" });
    });

    it("refuses members without Manage Server", async () => {
      const { reply } = await prompt(member());
      expect(reply.data?.content).toContain("Das dürfen nur Moderatorinnen und Moderatoren");
      expect(reply.data?.components ?? []).toEqual([]);
    });

    it("only the moderator who asked can confirm; cancel closes the prompt", async () => {
      const base = moderator();
      const { reply, message } = await prompt(base);
      const [confirm, cancel] = reply.data?.components?.[0]?.components ?? [];
      const stranger = dispatchInteraction(fake, buttonClick(fake, confirm?.custom_id ?? "", message, moderator()));
      expect(callbackBody(await fake.waitForCall(isCallback(stranger))).data).toMatchObject({
        flags: EPHEMERAL,
        content: "Nur wer das Entfernen angefordert hat, kann es bestätigen.",
      });
      const cancelled = dispatchInteraction(fake, buttonClick(fake, cancel?.custom_id ?? "", message, base));
      expect(callbackBody(await fake.waitForCall(isCallback(cancelled)))).toMatchObject({
        type: 7,
        data: { content: "Abgebrochen – nichts wurde entfernt.", components: [] },
      });
      expect(admin.removeCalls).toHaveLength(0);
    });

    it("an expired confirmation removes nothing", async () => {
      const base = moderator();
      const { reply, message } = await prompt(base);
      const confirm = reply.data?.components?.[0]?.components[0];
      const action = parseCustomId(confirm?.custom_id ?? "");
      if (action?.kind !== "removal") throw new Error("not a removal button");
      // Same button, but with an expiry in the past (as it would be after five minutes).
      const stale = (confirm?.custom_id ?? "").replace(/:[0-9a-z]+$/, `:${(action.expiresAt - 600).toString(36)}`);
      const click = dispatchInteraction(fake, buttonClick(fake, stale, message, base));
      expect(callbackBody(await fake.waitForCall(isCallback(click)))).toMatchObject({
        type: 7,
        data: { content: "Diese Bestätigung ist abgelaufen; nichts wurde entfernt. Bitte /artikel-entfernen erneut ausführen.", components: [] },
      });
      expect(admin.removeCalls).toHaveLength(0);
    });

    it("confirming removes the article, shows progress and the report", async () => {
      const base = moderator();
      const { reply, message } = await prompt(base);
      const confirm = reply.data?.components?.[0]?.components[0];
      const click = dispatchInteraction(fake, buttonClick(fake, confirm?.custom_id ?? "", message, base));
      const update = callbackBody(await fake.waitForCall(isCallback(click)));
      expect(update.type).toBe(7);
      expect(update.data?.content).toBe("⏳ Artikel wird entfernt – Datei wird geprüft\nArtikel: 0/? · Absätze: 0/?");
      expect(update.data?.components).toEqual([]);
      const report = await finalEdit(fake, click);
      expect(report.embeds?.[0]?.description).toBe("„Waffen aus Nordkorea für Russland: Putins letzter Ausweg?“ (`nordkorea-russland-waffen`) entfernt.");
      expect(admin.removeCalls.at(-1)).toEqual({ articleId: "nordkorea-russland-waffen", actor: { via: "discord", id: base.user?.id } });
    });

    it("autocompletes articles", async () => {
      const interaction = dispatchInteraction(
        fake,
        autocomplete(fake, "remove-article", [{ name: "article", type: 3, value: "waffen", focused: true }], moderator()),
      );
      expect(callbackBody(await fake.waitForCall(isCallback(interaction))).data?.choices?.map((choice) => choice.value)).toEqual(["nordkorea-russland-waffen"]);
    });
  });

  it("/help lists the moderator commands to moderators only", async () => {
    const forMember = dispatchInteraction(fake, slashCommand(fake, "help", [], member()));
    const memberList = callbackBody(await fake.waitForCall(isCallback(forMember))).data?.embeds?.[0]?.fields?.[0]?.value ?? "";
    expect(memberList).toContain("**/artikel**");
    expect(memberList).not.toContain("/neu-indizieren");
    const forModerator = dispatchInteraction(fake, slashCommand(fake, "help", [], moderator()));
    const moderatorList = callbackBody(await fake.waitForCall(isCallback(forModerator))).data?.embeds?.[0]?.fields?.[0]?.value ?? "";
    expect(moderatorList).toContain("**/neu-indizieren**");
    expect(moderatorList).toContain("**/artikel-entfernen**");
  });

  it("logs no user names or ids", () => {
    const text = harness.logs.text();
    expect(text).not.toContain("moderatorin");
    expect(text).not.toContain("mod-anna");
    expect(text).not.toContain("mod-bert");
    expect(text).toContain("content_task_done");
  });
});

describe("moderator role (MODERATOR_ROLE_IDS configured)", () => {
  let harness: Harness;
  let admin: FakeAdmin;
  beforeAll(async () => {
    admin = createFakeAdmin();
    harness = await startHarness({ qa: createFakeQa(), admin, env: (fake) => ({ MODERATOR_ROLE_IDS: fake.moderatorRoleId }) });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("admits a member holding the role and refuses one holding another role", async () => {
    const { fake } = harness;
    const withRole = reindex(fake, { user: fakeUser("rollen-mod"), permissions: MEMBER_PERMISSIONS, roles: [fake.moderatorRoleId] });
    expect(callbackBody(await fake.waitForCall(isCallback(withRole)))).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await finalEdit(fake, withRole);

    const otherRole = reindex(fake, { user: fakeUser("andere-rolle"), permissions: MEMBER_PERMISSIONS, roles: [fake.guildId] });
    const refusal = callbackBody(await fake.waitForCall(isCallback(otherRole)));
    expect(refusal.data?.flags).toBe(EPHEMERAL);
    expect(visibleText(refusal.data)).toContain("Das dürfen nur Moderatorinnen und Moderatoren");
    expect(admin.reindexActors).toHaveLength(1);
  });
});

describe("moderator commands without content management", () => {
  it("say it is not available", async () => {
    const harness = await startHarness({ qa: createFakeQa() });
    try {
      const { fake } = harness;
      const interaction = reindex(fake, moderator());
      expect(callbackBody(await fake.waitForCall(isCallback(interaction))).data?.content).toBe("Artikel verwalten ist in dieser Sitzung nicht möglich.");
    } finally {
      await harness.close();
    }
  });
});
