/**
 * End to end for content management: the real QaService on a temporary copy
 * of data/articles (lexical), the real bot and client, and the fake Discord,
 * whose HTTP server also serves the uploaded attachment. No network.
 */
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { QaService } from "../../src/answer/service.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { unescapeDiscordText } from "../../src/discord/presentation/index.js";
import { silentLogger } from "../../src/log.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  MEMBER_PERMISSIONS,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
} from "../helpers/fake-discord-payloads.js";
import { callbackBody, messageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

const EPHEMERAL = 64;
const ARTICLE_ID = "waermespeicher-kiel";
const TITLE = "Kiel baut einen Wärmespeicher am Ostufer";

/** A saved news page with navigation and footer around the article, as moderators will upload them. */
const HTML_ARTICLE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<title>${TITLE}</title>
<meta property="og:site_name" content="Küstenbote">
<link rel="canonical" href="https://www.kuestenbote.example/kiel/waermespeicher.html">
<meta property="article:published_time" content="2024-03-12T08:00:00+01:00">
</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/kiel">Kiel</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>${TITLE}</h1>
<p>Die Stadtwerke Kiel wollen bis zum Herbst 2025 einen großen Wärmespeicher am Ostufer der Förde errichten. Der Turm soll 42 Meter hoch werden und rund 30 Millionen Liter heißes Wasser fassen.</p>
<p>Mit dem Speicher kann das Heizkraftwerk überschüssigen Strom aus Windparks in Wärme umwandeln und für kalte Tage aufbewahren. Nach Angaben der Stadtwerke reicht eine Füllung, um etwa 60.000 Haushalte einen Tag lang mit Fernwärme zu versorgen.</p>
<h2>Kritik aus dem Ortsbeirat</h2>
<p>Anwohner im Stadtteil Gaarden befürchten, dass der Bau den Blick auf die Förde verstellt. Der Ortsbeirat verlangt deshalb eine Fassade aus Holz und eine öffentliche Aussichtsplattform.</p>
<p>Die Stadtwerke haben zugesagt, die Entwürfe im April in einer Bürgerversammlung vorzustellen. Die Baukosten beziffert das Unternehmen auf 48 Millionen Euro.</p>
</article></main>
<footer><p>© 2024 Küstenbote. Alle Rechte vorbehalten.</p></footer>
</body></html>
`;

/** The fields of an audit line this test reads. */
const auditLineShape = z.looseObject({
  actor: z.object({ via: z.string(), id: z.string() }).loose().nullable(),
  action: z.string(),
  article: z.string().nullable(),
  outcome: z.string(),
});

describe("end to end: a moderator uploads an article, and it is answered from", () => {
  let workDir: string;
  let contentDir: string;
  let stateDir: string;
  let service: QaService;
  let harness: Harness;
  let fake: FakeDiscord;
  const moderatorUser = fakeUser("redaktion-mod");
  const memberUser = fakeUser("leser-ohne-rechte");
  const repositoryArticles: string[] = [];

  beforeAll(async () => {
    repositoryArticles.push(...(await readdir(path.resolve("data/articles"))));
    workDir = await mkdtemp(path.join(tmpdir(), "qa-bot-content-"));
    contentDir = path.join(workDir, "articles");
    stateDir = path.join(workDir, "state");
    // A copy, so the repository's articles are never modified.
    await cp(path.resolve("data/articles"), contentDir, { recursive: true });
    service = await QaService.create({
      contentDir,
      indexFile: path.join(stateDir, "index.json"),
      auditLogFile: path.join(stateDir, "audit.jsonl"),
      maxUploadBytes: 1_000_000,
      logger: silentLogger(),
      embeddings: "off",
    });
    harness = await startHarness({ qa: service });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("refuses /reindex to a member without Manage Server", async () => {
    const upload = fake.serveAttachment(`${ARTICLE_ID}.html`, HTML_ARTICLE, { contentType: "text/html; charset=utf-8" });
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "reindex", [{ name: "file", type: 11, value: upload.id }], { user: memberUser, permissions: MEMBER_PERMISSIONS }, [upload]),
    );
    const reply = callbackBody(await fake.waitForCall(isCallback(interaction)));
    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toContain("Das dürfen nur Moderatorinnen und Moderatoren");
    expect(service.articles().map((article) => article.id)).toEqual(["nordkorea-russland-waffen"]);
    expect(fake.calls.some((call) => call.path.startsWith("/attachments/"))).toBe(false);
  });

  it("a moderator's HTML upload: private deferral, progress edits, then the report", async () => {
    const upload = fake.serveAttachment(`${ARTICLE_ID}.html`, HTML_ARTICLE, { contentType: "text/html; charset=utf-8" });
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "reindex", [{ name: "file", type: 11, value: upload.id }], { user: moderatorUser, permissions: MANAGE_GUILD_PERMISSIONS }, [upload]),
    );
    expect(callbackBody(await fake.waitForCall(isCallback(interaction)))).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000);

    const edits = fake.calls.filter(isOriginalEdit(fake, interaction)).map((call) => messageBody(call));
    const report = edits.at(-1);
    const progress = edits.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const body of progress) expect(body.content).toMatch(/^⏳ Artikel wird hinzugefügt – .+\nArtikel: \d+\/(\d+|\?) · Absätze: \d+\/(\d+|\?)$/);
    expect(fake.calls.some((call) => call.method === "GET" && call.path === new URL(upload.url).pathname)).toBe(true);

    const embed = report?.embeds?.[0];
    expect(report?.content).toBe("");
    expect(report?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embed?.title).toBe("✅ Index neu aufgebaut");
    expect(embed?.description).toBe(`„${TITLE}“ hinzugefügt (\`${ARTICLE_ID}\`, 4 Absätze).`);
    const fields = Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({
      Hinzugefügt: `1 · \`${ARTICLE_ID}\``,
      Geändert: "0",
      Entfernt: "0",
      Unverändert: "1 · `nordkorea-russland-waffen`",
      Artikel: "2",
      Suche: "lexikalisch (Stichwörter)",
    });
    expect(Number(fields.Absätze)).toBe(service.status().paragraphCount);
    expect(fields.Dauer).toMatch(/^\d+,\d s$/);

    expect(
      service
        .articles()
        .map((article) => article.id)
        .sort(),
    ).toEqual(["nordkorea-russland-waffen", ARTICLE_ID]);
    expect(await readdir(contentDir)).toContain(`${ARTICLE_ID}.html`);
  });

  it("a following /ask about the new article cites it", async () => {
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [{ name: "question", type: 3, value: "Wie hoch wird der Wärmespeicher in Kiel?" }], { user: fakeUser() }),
    );
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction)));
    const firstButton = parseCustomId(edit.components?.[0]?.components[0]?.custom_id ?? "");
    expect(firstButton).toMatchObject({ kind: "paragraph", articleKey: ARTICLE_ID });
    expect(unescapeDiscordText(edit.embeds?.[0]?.description ?? "")).toContain("Der Turm soll 42 Meter hoch werden");
    expect(edit.embeds?.[0]?.fields?.[0]?.value).toContain(TITLE);
  });

  it("the audit log records the moderator's id (and no name); the bot's logs hold neither; the repository's articles are untouched", async () => {
    const audit = (await readFile(path.join(stateDir, "audit.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => auditLineShape.parse(JSON.parse(line)));
    expect(audit.at(-1)).toMatchObject({ actor: { via: "discord", id: moderatorUser.id }, action: "add", article: ARTICLE_ID, outcome: "success" });
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(moderatorUser.username);
    expect(auditText).not.toContain(memberUser.id);
    const logs = harness.logs.text();
    for (const value of [moderatorUser.id, moderatorUser.username, memberUser.id, memberUser.username]) expect(logs).not.toContain(value);
    expect(await readdir(path.resolve("data/articles"))).toEqual(repositoryArticles);
  });

  it("a whole-page copy uploaded as text is read for its article: the headline as title, and the report says what was left out", async () => {
    const page = await readFile(path.resolve("test/fixtures/page-copies/tonline-style.txt"));
    const upload = fake.serveAttachment("hochwasser-seite.txt", page, { contentType: "text/plain; charset=utf-8" });
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "reindex", [{ name: "file", type: 11, value: upload.id }], { user: moderatorUser, permissions: MANAGE_GUILD_PERMISSIONS }, [upload]),
    );
    await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000);
    const description = messageBody(fake.calls.filter(isOriginalEdit(fake, interaction)).at(-1) ?? fake.calls[0]!).embeds?.[0]?.description ?? "";
    expect(description).toMatch(
      /^„Ebersfurt lässt drei Ortsteile räumen“ hinzugefügt \(`hochwasser-seite`, 9 Absätze\)\. \d+ Zeilen der Webseite um den Artikel/u,
    );
    const added = service.articles().find((article) => article.id === "hochwasser-seite");
    expect(added?.kicker).toBe("Hochwasser in Südbaden");
    // Below the report, how the page was read: the lines left out are listed with their reasons.
    const reading = messageBody(fake.calls.filter(isOriginalEdit(fake, interaction)).at(-1) ?? fake.calls[0]!).embeds?.[1];
    expect(reading?.title).toBe("So wurde der neue Artikel gelesen");
    expect(reading?.description).toContain("Dachzeile: Hochwasser in Südbaden");
    expect(reading?.fields?.at(-1)?.value).toMatch(/^\[[^\]]+\] /u);
  });

  it("check: a moderator sees how a page would be read, and nothing changes", async () => {
    const before = service.status().indexVersion;
    const page = await readFile(path.resolve("test/fixtures/page-copies/tonline-style.txt"));
    const upload = fake.serveAttachment("nur-pruefen.txt", page, { contentType: "text/plain; charset=utf-8" });
    const options: CommandOption[] = [
      { name: "file", type: 11, value: upload.id },
      { name: "check", type: 5, value: true },
    ];
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "reindex", options, { user: moderatorUser, permissions: MANAGE_GUILD_PERMISSIONS }, [upload]),
    );
    const shown = messageBody(await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000))
      .embeds?.[0];
    expect(shown?.title).toBe("So würde „nur-pruefen.txt“ gelesen");
    expect(shown?.description?.split("\n")[0]).toBe("**Ebersfurt lässt drei Ortsteile räumen**");
    expect(shown?.footer?.text).toBe("Nichts wurde geändert. Lade die Datei ohne prüfen erneut hoch, um sie hinzuzufügen.");
    expect(service.articles().some((article) => article.id === "nur-pruefen")).toBe(false);
    expect(service.status().indexVersion).toBe(before);
  });
});
