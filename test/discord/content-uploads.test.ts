/**
 * Uploading an article with /reindex through the real client and the fake
 * Discord: file type, size and download checks, the report, failures. The
 * content admin is a fake.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ContentError } from "../../src/content/library/index.js";
import type { FakeAttachment, FakeDiscord } from "../helpers/fake-discord/index.js";
import { MANAGE_GUILD_PERMISSIONS, fakeUser, type CommandOption } from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import type { FakeAdmin } from "../helpers/fake-admin.js";
import type { Harness } from "./harness.js";
import { EPHEMERAL, finalEdit, lastEdit, moderator, reindex, startModeratorHarness } from "./moderator-helpers.js";

describe("uploads through /reindex (fake admin)", () => {
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
    const interaction = reindex(fake, { user, permissions: MANAGE_GUILD_PERMISSIONS }, [...file(upload), { name: "replace", type: 5, value: true }], [upload]);
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
