/**
 * Moderator commands (/reindex, /remove-article) and /articles through the real
 * client and the fake Discord, with the fake QA and a fake content admin.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReindexBusyError, ReindexFailedError } from "../../src/answer/errors.js";
import { commandList } from "../../src/discord/commands/index.js";
import { ContentError } from "../../src/content/library/index.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import type { FakeDiscord } from "../helpers/fake-discord.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  MEMBER_PERMISSIONS,
  autocomplete,
  buttonClick,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
  type DispatchedInteraction,
  type InteractionBase,
} from "../helpers/fake-discord-payloads.js";
import type { FakeAttachment } from "../helpers/fake-discord.js";
import { callbackBody, messageBody, visibleText, isCallback, isOriginalEdit } from "./api-shapes.js";
import { createFakeAdmin, type FakeAdmin } from "../helpers/fake-admin.js";
import { createFakeQa } from "../helpers/fake-qa.js";
import { startHarness, type Harness } from "./harness.js";

const EPHEMERAL = 64;

const editsOf = (fake: FakeDiscord, interaction: DispatchedInteraction) => fake.calls.filter(isOriginalEdit(fake, interaction));

function lastEdit(fake: FakeDiscord, interaction: DispatchedInteraction) {
  const last = editsOf(fake, interaction).at(-1);
  if (!last) throw new Error("the reply was never edited");
  return messageBody(last);
}

const moderator = (): InteractionBase => ({ user: fakeUser("moderatorin"), permissions: MANAGE_GUILD_PERMISSIONS });
const member = (): InteractionBase => ({ user: fakeUser("mitglied"), permissions: MEMBER_PERMISSIONS });

function reindex(fake: FakeDiscord, base: InteractionBase, options: CommandOption[] = [], attachments: FakeAttachment[] = []): DispatchedInteraction {
  return dispatchInteraction(fake, slashCommand(fake, "reindex", options, base, attachments));
}

/** Waits until the final report (an embed) has replaced the progress. */
async function finalEdit(fake: FakeDiscord, interaction: DispatchedInteraction, timeoutMs = 8_000) {
  return messageBody(await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, timeoutMs));
}

describe("moderator commands (fake admin)", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let admin: FakeAdmin;

  beforeAll(async () => {
    admin = createFakeAdmin({ steps: 4, stepDelayMs: 400 });
    harness = await startHarness({ qa: createFakeQa(), admin, env: { MAX_UPLOAD_BYTES: "2000" } });
    fake = harness.fake;
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

  describe("uploads", () => {
    const file = (attachment: FakeAttachment): CommandOption[] => [{ name: "file", type: 11, value: attachment.id }];

    it("refuses other file types and content types before downloading anything", async () => {
      const pdf = fake.serveAttachment("artikel.pdf", "%PDF-1.7", { contentType: "application/pdf" });
      const first = reindex(fake, moderator(), file(pdf), [pdf]);
      expect(callbackBody(await fake.waitForCall(isCallback(first))).data).toMatchObject({
        flags: EPHEMERAL,
        content: "„artikel.pdf“ kann ich nicht als Artikel lesen: erlaubt sind .txt-, .md- und .html-Dateien.",
      });
      const disguised = fake.serveAttachment("artikel.txt", "%PDF-1.7", { contentType: "application/pdf" });
      const second = reindex(fake, { ...moderator(), locale: "en-US" }, file(disguised), [disguised]);
      expect(callbackBody(await fake.waitForCall(isCallback(second))).data?.content).toBe(
        '"artikel.txt" arrived as application/pdf; only text, Markdown and HTML files (.txt, .md, .html) are accepted. Nothing was changed.',
      );
      expect(fake.calls.some((call) => call.path.startsWith("/attachments/"))).toBe(false);
      expect(admin.addCalls).toHaveLength(0);
    });

    it("refuses a file that is declared too large, and one that turns out too large while downloading", async () => {
      const big = fake.serveAttachment("gross.txt", "x".repeat(3_000), { contentType: "text/plain; charset=utf-8" });
      const declared = reindex(fake, moderator(), file(big), [big]);
      expect(callbackBody(await fake.waitForCall(isCallback(declared))).data?.content).toBe(
        "Die Datei ist zu groß (3 kB, höchstens 2 kB). Nichts wurde geändert.",
      );

      const lying = fake.serveAttachment("klein.txt", "y".repeat(5_000), { contentType: "text/plain", declaredSize: 100 });
      const streamed = reindex(fake, moderator(), file(lying), [lying]);
      expect(callbackBody(await fake.waitForCall(isCallback(streamed)))).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      const refusal = messageBody(await fake.waitForCall(isOriginalEdit(fake, streamed)));
      expect(refusal.content).toMatch(/^Die Datei ist zu groß \(.+, höchstens 2 kB\)\. Nichts wurde geändert\.$/);
      expect(admin.addCalls).toHaveLength(0);
    });

    it("passes an accepted upload's bytes, name and replace flag to the service and shows the change", async () => {
      const page = "<html><body><article><h1>Ein neuer Artikel</h1><p>Text.</p></article></body></html>";
      const upload = fake.serveAttachment("neuer-artikel.html", page, { contentType: "text/html; charset=utf-8" });
      const user = fakeUser("mod-bert");
      const interaction = reindex(
        fake,
        { user, permissions: MANAGE_GUILD_PERMISSIONS },
        [...file(upload), { name: "replace", type: 5, value: true }],
        [upload],
      );
      const report = await finalEdit(fake, interaction);
      expect(admin.addCalls.at(-1)).toEqual({
        fileName: "neuer-artikel.html",
        byteLength: Buffer.byteLength(page),
        replace: true,
        actor: { via: "discord", id: user.id },
      });
      expect(report.embeds?.[0]?.description).toBe(
        "Artikel `neuer-artikel` ersetzt durch „Ein neuer Artikel“ (`neuer-artikel`, 4 Absätze). " +
          "2 Zeilen der Webseite um den Artikel (Navigation, Bildnachweise, Hinweise …) wurden weggelassen, siehe unten.",
      );
      expect(report.embeds?.[0]?.fields?.[0]).toEqual({ name: "Hinzugefügt", value: "1 · `neuer-artikel`", inline: true });
      // Below the report: how the new article was read, with the lines left out and why.
      const reading = report.embeds?.[1];
      expect(reading?.title).toBe("So wurde der neue Artikel gelesen");
      expect(reading?.description).toContain("Dachzeile: Krieg in der Ukraine");
      expect(reading?.fields?.at(-1)).toEqual({
        name: "Als Webseite um den Artikel weggelassen (2 Zeilen)",
        value: "[Symbolbeschriftungen] Such IconE-Mail IconMenü Icon\n[Navigationspfad] HomePolitikUkraine",
      });
    });

    it("check: shows how the file would be read and changes nothing; without a file it says to attach one", async () => {
      const adds = admin.addCalls.length;
      const text = "Ein neuer Artikel\n\nDie Europäische Union arbeitet an ihrem nächsten Sanktionspaket gegen Russland.";
      const upload = fake.serveAttachment("neuer-artikel.txt", text, { contentType: "text/plain; charset=utf-8" });
      const interaction = reindex(fake, { ...moderator(), locale: "en-US" }, [...file(upload), { name: "check", type: 5, value: true }], [upload]);
      const shown = await finalEdit(fake, interaction);
      expect(admin.checkCalls.at(-1)).toEqual({ fileName: "neuer-artikel.txt", byteLength: Buffer.byteLength(text) });
      expect(admin.addCalls).toHaveLength(adds);
      const embed = shown.embeds?.[0];
      expect(embed?.title).toBe('How "neuer-artikel.txt" would be read');
      expect(embed?.description?.split("\n")).toEqual([
        "**Ein neuer Artikel**",
        "Kicker: Krieg in der Ukraine",
        "Date: 23 May 2024 · Publisher: t-online",
        "2 paragraphs in 1 section · 1 source listed",
      ]);
      expect(embed?.fields?.[0]).toEqual({
        name: "(no heading)",
        value: "¶1 Die Europäische Union arbeitet an ihrem nächsten Sanktionspaket gegen Russland. …\n¶2 Ungarn hatte zunächst Bedenken angemeldet.",
      });
      expect(embed?.footer?.text).toBe("Nothing was changed. Upload the file again without check to add it.");

      const checks = admin.checkCalls.length;
      const bare = reindex(fake, moderator(), [{ name: "check", type: 5, value: true }]);
      expect(callbackBody(await fake.waitForCall(isCallback(bare))).data).toMatchObject({
        flags: EPHEMERAL,
        content: "„prüfen“ zeigt, wie eine Datei gelesen würde: bitte eine anhängen.",
      });
      expect(admin.checkCalls).toHaveLength(checks);
    });

    it("check: a file adding would refuse is told as one that cannot be added", async () => {
      admin.setFailure(new ContentError({ kind: "unreadable-upload", file: "leer.txt", problem: { kind: "empty", whitespaceOnly: true } }));
      const upload = fake.serveAttachment("leer.txt", " ", { contentType: "text/plain" });
      const interaction = reindex(fake, moderator(), [...file(upload), { name: "check", type: 5, value: true }], [upload]);
      await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && /Nichts wurde/.test(messageBody(call).content ?? ""));
      expect(lastEdit(fake, interaction).content).toBe("Nichts wurde geändert. „leer.txt“ kann nicht hinzugefügt werden: die Datei enthält nur Leerraum.");
      admin.setFailure(null);
    });

    it("shows the service's reason when it refuses the file, escaped", async () => {
      admin.setFailure(new ContentError({ kind: "already-exists", file: "x_y*.txt", id: "x-y", existingFile: "x-y.txt", existingTitle: null }));
      const upload = fake.serveAttachment("x_y*.txt", "Titel\n\nText.", { contentType: "text/plain" });
      const interaction = reindex(fake, moderator(), file(upload), [upload]);
      await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && /Nichts wurde/.test(messageBody(call).content ?? ""));
      expect(lastEdit(fake, interaction).content).toBe(
        "Nichts wurde geändert. „x\\_y\\*.txt“ wurde nicht hinzugefügt: es gibt schon einen Artikel mit der ID „x-y“ (x-y.txt). " +
          "Lade ihn mit ersetzen: True erneut hoch, um ihn zu überschreiben, oder benenne die Datei um.",
      );
    });
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
