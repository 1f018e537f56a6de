/**
 * End to end with two shards: the real program (`src/main.ts`) as the shard
 * manager, which starts itself twice as shard processes (discord.js's
 * ShardingManager), all connected to the fake Discord, which gives each shard
 * its own guild and routes each guild's events to its shard. An upload handled
 * by shard 0 must be answered from by shard 1; a failed reindex leaves both
 * on the index they had.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { FakeDiscord, shardOfGuild, type FakeAttachment } from "../helpers/fake-discord/index.js";
import {
  MANAGE_GUILD_PERMISSIONS,
  dispatchInteraction,
  fakeUser,
  slashCommand,
  type CommandOption,
  type DispatchedInteraction,
} from "../helpers/fake-discord-payloads.js";
import { callbackBody, isCallback, isOriginalEdit, messageBody } from "./api-shapes.js";

const NEW_ARTICLE = `Neue Fähre verbindet Sassnitz und Bornholm

Ab dem 1. Juni fährt die Fähre „Ostseewind“ täglich zweimal zwischen Sassnitz auf Rügen und Rønne auf Bornholm. Die Überfahrt dauert dreieinhalb Stunden.

Die Reederei hat das Schiff in Finnland bauen lassen. Es bietet Platz für 600 Fahrgäste und 120 Autos und fährt mit Flüssiggas.

Eine einfache Fahrt kostet für Erwachsene 45 Euro, Kinder unter zwölf Jahren fahren umsonst.
`;
const NEW_ID = "faehre-bornholm";

describe("end to end: two shards share one article index", () => {
  let fake: FakeDiscord;
  let workDir: string;
  let contentDir: string;
  let manager: ChildProcess;
  const output: string[] = [];
  const moderator = fakeUser("mod-shard-0");

  /** Resolves once the manager or a shard has logged a line matching `pattern`. */
  const waitForLog = (pattern: RegExp, timeoutMs = 30_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        const line = output.find((entry) => pattern.test(entry));
        if (line) resolve(line);
        else if (Date.now() - started > timeoutMs) reject(new Error(`no log line ${String(pattern)} within ${timeoutMs} ms:\n${output.join("\n")}`));
        else setTimeout(poll, 50);
      };
      poll();
    });

  const guildOf = (shard: number): string => {
    const guild = fake.guildIds[shard];
    if (guild === undefined) throw new Error(`no guild for shard ${shard}`);
    return guild;
  };

  const ask = async (shard: number, question: string): Promise<{ articleKey: string | null; text: string }> => {
    const interaction = dispatchInteraction(
      fake,
      slashCommand(fake, "ask", [{ name: "question", type: 3, value: question }], { user: fakeUser(), guildId: guildOf(shard) }),
    );
    const edit = messageBody(await fake.waitForCall(isOriginalEdit(fake, interaction), 10_000));
    const button = parseCustomId(edit.components?.[0]?.components[0]?.custom_id ?? "");
    return { articleKey: button?.kind === "paragraph" ? button.articleKey : null, text: JSON.stringify(edit.embeds ?? []) };
  };

  const about = async (shard: number): Promise<string> => {
    const interaction = dispatchInteraction(fake, slashCommand(fake, "about", [], { user: fakeUser(), guildId: guildOf(shard) }));
    return JSON.stringify(callbackBody(await fake.waitForCall(isCallback(interaction), 10_000)).data?.embeds ?? []);
  };

  const versionIn = (aboutText: string): string => /Version `([0-9a-f]{12})`/u.exec(aboutText)?.[1] ?? "none";

  const reindex = async (shard: number, options: CommandOption[], attachments: FakeAttachment[] = []) => {
    const interaction: DispatchedInteraction = dispatchInteraction(
      fake,
      slashCommand(
        fake,
        "reindex",
        [...options, { name: "shared", type: 5, value: true }],
        { user: moderator, permissions: MANAGE_GUILD_PERMISSIONS, guildId: guildOf(shard) },
        attachments,
      ),
    );
    const final = await fake.waitForCall((call) => isOriginalEdit(fake, interaction)(call) && !(messageBody(call).content ?? "").startsWith("⏳"), 20_000);
    return messageBody(final);
  };

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shardCount: 2 });
    expect(fake.guildIds.map((guild) => shardOfGuild(guild, 2))).toEqual([0, 1]);
    workDir = await mkdtemp(path.join(tmpdir(), "qa-bot-shards-"));
    contentDir = path.join(workDir, "articles");
    await cp(path.resolve("data/articles"), contentDir, { recursive: true });
    manager = spawn(process.execPath, ["--import", "tsx", path.resolve("src/main.ts")], {
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        SHARD_COUNT: "2",
        CONTENT_DIR: contentDir,
        STATE_DIR: path.join(workDir, "state"),
        EMBEDDINGS_ENABLED: "false",
        LOG_LEVEL: "info",
        USER_COOLDOWN_SECONDS: "0",
        GLOBAL_QUESTIONS_PER_MINUTE: "1000",
        // The shared articles are the operator's: the moderator below is one, and passes shared:True.
        OPERATOR_USER_IDS: moderator.id,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [manager.stdout, manager.stderr]) {
      let rest = "";
      stream?.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop() ?? "";
        output.push(...lines);
      });
    }
    await waitForLog(/"event":"shards_ready"/u, 60_000);
    expect(fake.connectedClients).toBe(2);
  }, 90_000);

  afterAll(async () => {
    if (manager.exitCode === null) {
      const exited = new Promise((resolve) => manager.once("exit", resolve));
      manager.kill("SIGTERM");
      await exited;
    }
    await fake?.close();
    await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it("each shard identified with its own shard id and answers its own guild", async () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [first, second] = [await about(0), await about(1)];
    expect(first).toContain("0 von 2");
    expect(second).toContain("1 von 2");
    expect(versionIn(first)).toMatch(/^[0-9a-f]{12}$/u);
    expect(versionIn(second)).toBe(versionIn(first));
  });

  it("an upload handled by shard 0 is then answered from by shard 1", async () => {
    const before = versionIn(await about(1));
    expect((await ask(1, "Wie viele Autos passen auf die Fähre nach Bornholm?")).articleKey).not.toBe(NEW_ID);

    const upload = fake.serveAttachment(`${NEW_ID}.txt`, NEW_ARTICLE, { contentType: "text/plain; charset=utf-8" });
    const report = await reindex(0, [{ name: "file", type: 11, value: upload.id }], [upload]);
    expect(report.embeds?.[0]?.title).toBe("✅ Index neu aufgebaut");

    await waitForLog(/"event":"index_reloaded"/u, 20_000);
    const answer = await ask(1, "Wie viele Autos passen auf die Fähre nach Bornholm?");
    expect(answer.articleKey).toBe(NEW_ID);
    expect(answer.text).toContain("120 Autos");
    const [first, second] = [versionIn(await about(0)), versionIn(await about(1))];
    expect(second).not.toBe(before);
    expect(second).toBe(first);
  });

  it("a failed reindex in shard 0 leaves both shards on the index they had", async () => {
    const version = versionIn(await about(0));
    // Every article file broken: the rebuild has nothing to build from and must fail.
    await writeFile(path.join(contentDir, `${NEW_ID}.txt`), "");
    await writeFile(path.join(contentDir, "nordkorea-russland-waffen.txt"), "");
    const report = await reindex(0, []);
    expect(report.content).toMatch(/^Die Neuindexierung ist fehlgeschlagen; der bisherige Index bleibt in Gebrauch\./u);
    for (const shard of [0, 1]) {
      expect(versionIn(await about(shard))).toBe(version);
      expect((await ask(shard, "Wie viele Autos passen auf die Fähre nach Bornholm?")).articleKey).toBe(NEW_ID);
    }
    expect(output.filter((line) => line.includes('"event":"index_reloaded"'))).toHaveLength(1);
  });
});
