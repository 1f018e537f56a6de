/**
 * End to end for servers as tenants: the real operator service on a copy of
 * data/articles, ServerContent with one folder per server, the real bot and
 * the fake Discord. A moderator of server A adds an article; only A is
 * answered from it, B's moderators cannot remove it, and the shared articles
 * change only through an operator.
 */
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { ServerContent } from "../../src/answer/servers/server-content.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { silentLogger } from "../../src/log.js";
import { nextSnowflake, type FakeDiscord } from "../helpers/fake-discord/index.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  MEMBER_PERMISSIONS,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
} from "../helpers/fake-discord-payloads.js";
import { callbackBody, isCallback, isOriginalEdit, messageBody } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

const ARTICLE_ID = "faehre-bornholm";
const ARTICLE = `Neue Fähre nach Bornholm startet im Mai

Die Reederei Ostseelinie setzt ab Mai eine neue Fähre zwischen Sassnitz und Rønne ein. Das Schiff bietet Platz für 120 Autos und 600 Fahrgäste.

Die Überfahrt dauert nach Angaben der Reederei dreieinhalb Stunden. In der Hauptsaison sollen täglich zwei Fahrten angeboten werden.

Der Hafen Sassnitz erhält dafür einen neuen Anleger, der im April fertig werden soll. Die Kosten von zwölf Millionen Euro trägt das Land.
`;
const QUESTION = "Wie viele Autos passen auf die Fähre nach Bornholm?";

describe("end to end: each server's moderators change only their own server's articles", () => {
  let workDir: string;
  let contentDir: string;
  let serversDir: string;
  let stateDir: string;
  let operator: QaService;
  let servers: ServerContent;
  let harness: Harness;
  let fake: FakeDiscord;
  let serverA: string;
  const serverB = nextSnowflake();
  const moderatorA = fakeUser("mod-a");
  const moderatorB = fakeUser("mod-b");
  const operatorUser = fakeUser("betreiberin");

  const command = (name: string, options: CommandOption[], user: ReturnType<typeof fakeUser>, guildId: string, permissions = MANAGE_GUILD_PERMISSIONS) =>
    dispatchInteraction(fake, slashCommand(fake, name, options, { user, permissions, guildId }));

  const ask = async (guildId: string, question: string) => {
    const interaction = command("ask", [{ name: "question", type: 3, value: question }], fakeUser(), guildId, MEMBER_PERMISSIONS);
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction), 10_000));
    const button = parseCustomId(edit.components?.[0]?.components[0]?.custom_id ?? "");
    return { articleKey: button?.kind === "paragraph" ? button.articleKey : null, text: JSON.stringify(edit.embeds ?? []) };
  };

  const privateReply = async (interaction: ReturnType<typeof command>) => callbackBody(await fake.waitForCall(isCallback(interaction), 10_000)).data;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "qa-bot-servers-"));
    contentDir = path.join(workDir, "articles");
    stateDir = path.join(workDir, "state");
    serversDir = path.join(stateDir, "servers");
    await cp(path.resolve("data/articles"), contentDir, { recursive: true });
    const logger = silentLogger();
    const auditLogFile = path.join(stateDir, "audit.jsonl");
    operator = await QaService.create({ contentDir, indexFile: path.join(stateDir, "index.json"), auditLogFile, logger, embeddings: "off" });
    servers = new ServerContent({
      operator,
      serversDir,
      enabled: true,
      maxLoaded: 4,
      logger,
      createServer: (serverId, folder, shared) =>
        QaService.create({ contentDir: folder, logger, embeddings: "off", auditLogFile, server: { serverId, maxArticles: 5, maxBytes: 100_000, shared } }),
    });
    harness = await startHarness({ qa: operator, scopes: servers, env: { OPERATOR_USER_IDS: operatorUser.id } });
    fake = harness.fake;
    serverA = fake.guildId;
  });
  afterAll(async () => {
    await harness?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("a moderator of server A uploads an article: it lands in A's folder, not in the shared one", async () => {
    const upload = fake.serveAttachment(`${ARTICLE_ID}.txt`, ARTICLE, { contentType: "text/plain; charset=utf-8" });
    const interaction = dispatchInteraction(
      fake,
      slashCommand(
        fake,
        "reindex",
        [{ name: "file", type: 11, value: upload.id }],
        { user: moderatorA, permissions: MANAGE_GUILD_PERMISSIONS, guildId: serverA },
        [upload],
      ),
    );
    const final = await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000);
    expect(messageBody(final).embeds?.[0]?.title).toBe("✅ Index neu aufgebaut");
    expect(await readdir(path.join(serversDir, serverA))).toContain(`${ARTICLE_ID}.txt`);
    expect(await readdir(contentDir)).not.toContain(`${ARTICLE_ID}.txt`);
    expect(operator.articles().map((article) => article.id)).toEqual(["nordkorea-russland-waffen"]);
  });

  it("/ask in server A cites it; /ask in server B does not, and B is still answered from the shared article", async () => {
    const inA = await ask(serverA, QUESTION);
    expect(inA.articleKey).toBe(ARTICLE_ID);
    expect(inA.text).toContain("120 Autos");
    const inB = await ask(serverB, QUESTION);
    expect(inB.articleKey).not.toBe(ARTICLE_ID);
    expect(inB.text).not.toContain("120 Autos");
    expect((await ask(serverB, "Welche Waffen will Russland von Nordkorea?")).articleKey).toBe("nordkorea-russland-waffen");
  });

  it("/articles shows A both layers with its own marked, and B only the shared one", async () => {
    const listIn = async (guildId: string) =>
      JSON.stringify((await privateReply(command("articles", [], fakeUser(), guildId, MEMBER_PERMISSIONS)))?.embeds ?? []);
    const inA = await listIn(serverA);
    expect(inA).toContain("Neue Fähre nach Bornholm");
    expect(inA).toContain("Eigener Artikel dieses Servers");
    const inB = await listIn(serverB);
    expect(inB).not.toContain("Bornholm");
    expect(inB).not.toContain("Eigener Artikel");
  });

  it("a moderator of server B cannot remove A's article, nor the shared one", async () => {
    const removeInB = await privateReply(command("remove-article", [{ name: "article", type: 3, value: ARTICLE_ID }], moderatorB, serverB));
    expect(removeInB?.content).toMatch(/^Den Artikel „faehre-bornholm“ kenne ich nicht/u);
    expect(removeInB?.components ?? []).toEqual([]);
    const sharedInB = await privateReply(command("remove-article", [{ name: "article", type: 3, value: "nordkorea-russland-waffen" }], moderatorB, serverB));
    expect(sharedInB?.components ?? []).toEqual([]);
    expect(await readdir(path.join(serversDir, serverA))).toContain(`${ARTICLE_ID}.txt`);
    expect((await ask(serverA, QUESTION)).articleKey).toBe(ARTICLE_ID);
  });

  it("changing the shared articles (shared:True) is refused to a moderator who is not an operator, and done for an operator", async () => {
    const refused = await privateReply(command("reindex", [{ name: "shared", type: 5, value: true }], moderatorA, serverA));
    expect(refused?.content).toMatch(/^Die Artikel, die alle Server gemeinsam haben, können nur die Betreiber/u);
    // An operator needs no moderator rights in the server: the shared articles are theirs.
    const interaction = command("reindex", [{ name: "shared", type: 5, value: true }], operatorUser, serverB, MEMBER_PERMISSIONS);
    const final = await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000);
    expect(messageBody(final).embeds?.[0]?.title).toBe("✅ Index neu aufgebaut");
  });

  it("the audit log names server A for A's upload and no server for the operator's reindex", async () => {
    const lines = (await readFile(path.join(stateDir, "audit.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; outcome: string; server?: string; actor: { id: string } | null });
    expect(lines.find((line) => line.action === "add" && line.outcome === "success")).toMatchObject({ server: serverA, actor: { id: moderatorA.id } });
    const operatorLine = lines.find((line) => line.action === "reindex" && line.actor?.id === operatorUser.id);
    expect(operatorLine?.outcome).toBe("success");
    expect(operatorLine?.server).toBeUndefined();
  });
});

describe("end to end: with SERVER_ARTICLES=off, moderators only read and only operators change the articles", () => {
  let workDir: string;
  let harness: Harness;
  let fake: FakeDiscord;
  const moderator = fakeUser("mod");
  const operatorUser = fakeUser("betreiber");

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "qa-bot-servers-off-"));
    const contentDir = path.join(workDir, "articles");
    await cp(path.resolve("data/articles"), contentDir, { recursive: true });
    const logger = silentLogger();
    const operator = await QaService.create({ contentDir, logger, embeddings: "off" });
    const servers = new ServerContent({
      operator,
      serversDir: path.join(workDir, "servers"),
      enabled: false,
      maxLoaded: 2,
      logger,
      createServer: () => Promise.reject(new Error("no server layers with SERVER_ARTICLES=off")),
    });
    harness = await startHarness({ qa: operator, scopes: servers, env: { OPERATOR_USER_IDS: operatorUser.id, SERVER_ARTICLES: "off" } });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("refuses a moderator's /reindex with the reason, and lets an operator reindex", async () => {
    const refused = dispatchInteraction(fake, slashCommand(fake, "reindex", [], { user: moderator, permissions: MANAGE_GUILD_PERMISSIONS }));
    const reply = callbackBody(await fake.waitForCall(isCallback(refused), 10_000)).data;
    expect(reply?.content).toMatch(/^Dieser Bot führt keine eigenen Artikel pro Server/u);
    const done = dispatchInteraction(fake, slashCommand(fake, "reindex", [], { user: operatorUser, permissions: MEMBER_PERMISSIONS }));
    const final = await fake.waitForCall((call) => isOriginalEdit(fake, done)(call) && (messageBody(call).embeds?.length ?? 0) >= 1, 15_000);
    expect(messageBody(final).embeds?.[0]?.title).toBe("✅ Index neu aufgebaut");
  });
});
