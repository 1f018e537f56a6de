/** deploy-commands against the fake Discord: guild route vs global route, and the errors people will meet. */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandPayloads } from "../../src/discord/commands/index.js";
import { deployCommands, explainDeployError } from "../../src/discord/deploy.js";
import { FakeDiscord } from "../helpers/fake-discord/index.js";

const run = promisify(execFile);

describe("deployCommands", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("registers the commands to one guild when a guild id is given", async () => {
    const result = await deployCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, api: fake.apiUrl });
    expect(result).toEqual({
      scope: "guild",
      route: `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
      registered: ["ask", "summary", "source", "articles", "about", "help", "reindex", "remove-article"],
    });
    const call = await fake.waitForCall((each) => each.method === "PUT" && each.path === result.route);
    expect(call.authorization).toBe(`Bot ${fake.token}`);
    expect(call.body).toEqual(commandPayloads());
    expect(JSON.stringify(call.body)).toContain('"de":"frage"');
  });

  it("removes a server's copy with an empty bulk overwrite (after moving to global commands)", async () => {
    const result = await deployCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, api: fake.apiUrl, commands: [] });
    const calls = await fake.waitForCall((each) => each.method === "PUT" && each.path === result.route && Array.isArray(each.body) && each.body.length === 0);
    expect(calls.body).toEqual([]);
  });

  it("declares MAX_QUESTION_LENGTH on /ask's question option, and only there", () => {
    const payloads = commandPayloads(undefined, { maxQuestionLength: 321 });
    const ask = payloads.find((payload) => payload.name === "ask");
    const question = ask?.options?.find((option) => option.name === "question");
    expect(question && "max_length" in question ? question.max_length : undefined).toBe(321);
    const others = payloads.filter((payload) => payload.name !== "ask").flatMap((payload) => payload.options ?? []);
    expect(others.some((option) => "max_length" in option && option.max_length === 321)).toBe(false);
    expect(
      commandPayloads(undefined, { maxQuestionLength: 50_000 })
        .find((payload) => payload.name === "ask")
        ?.options?.find((option) => option.name === "question"),
    ).toMatchObject({ max_length: 6_000 });
  });

  it("registers globally without a guild id", async () => {
    const result = await deployCommands({ token: fake.token, applicationId: fake.applicationId, api: fake.apiUrl });
    expect(result.scope).toBe("global");
    expect(result.route).toBe(`/applications/${fake.applicationId}/commands`);
    expect(fake.calls.some((call) => call.method === "PUT" && call.path === result.route)).toBe(true);
  });

  it("explains a rejected token and an unknown application", async () => {
    const badToken = deployCommands({
      token: "MTAwMDAwMDAwMDAwMDAwMDAy.wrong.token-that-discord-rejects-0000",
      applicationId: fake.applicationId,
      api: fake.apiUrl,
    });
    const tokenError = await badToken.then(
      () => null,
      (error: unknown) => error,
    );
    expect(explainDeployError(tokenError, {})).toMatch(/DISCORD_TOKEN/);

    const badApp = deployCommands({ token: fake.token, applicationId: "1234567890123456789", api: fake.apiUrl });
    const appError = await badApp.then(
      () => null,
      (error: unknown) => error,
    );
    expect(explainDeployError(appError, {})).toMatch(/DISCORD_CLIENT_ID/);
  });

  it("explains missing access for a guild", () => {
    const forbidden = Object.assign(new Error("Missing Access"), { status: 403, code: 50001 });
    expect(explainDeployError(forbidden, { guildId: "1" })).toMatch(/applications\.commands/);
  });
});

describe("scripts/deploy-commands.ts", () => {
  it("says which variables are missing, without touching the network", async () => {
    // Run from an empty directory so no developer .env is picked up.
    const cwd = await mkdtemp(path.join(tmpdir(), "deploy-script-"));
    try {
      const script = path.resolve("scripts/deploy-commands.ts");
      const tsx = path.resolve("node_modules/.bin/tsx");
      const env = { PATH: process.env.PATH ?? "", HOME: cwd };
      const outcome = await run(tsx, [script], { cwd, env }).then(
        () => ({ code: 0, stderr: "" }),
        (error: unknown) => ({
          code: typeof error === "object" && error !== null && "code" in error ? Number(error.code) : -1,
          stderr: typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr) : "",
        }),
      );
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain("DISCORD_TOKEN");
      expect(outcome.stderr).toContain("DISCORD_CLIENT_ID");
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
