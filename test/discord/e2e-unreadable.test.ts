/**
 * End to end on the fake Discord with the real service: a file in the content
 * folder that does not load is listed with its reason and can be removed from
 * Discord, after which reindexing works again.
 */
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import type { FakeDiscord } from "../helpers/fake-discord/index.js";
import { autocomplete, buttonClick, dispatchInteraction, fakeUser, MANAGE_GUILD_PERMISSIONS, slashCommand } from "../helpers/fake-discord-payloads.js";
import { contentFixture } from "../helpers/content-fixtures.js";
import { callbackBody, messageBody, isCallback, isOriginalEdit } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

describe("an article file that does not load", () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let service: QaService;
  let contentDir: string;
  let root: string;
  const moderator = { user: fakeUser("moderatorin"), permissions: MANAGE_GUILD_PERMISSIONS };

  beforeAll(async () => {
    const fixture = await contentFixture();
    root = fixture.root;
    contentDir = fixture.contentDir;
    await writeFile(path.join(contentDir, "kaputt.txt"), "");
    service = await QaService.create({ contentDir, auditLogFile: fixture.auditLogFile, logger: silentLogger(), embeddings: "off" });
    harness = await startHarness({ qa: service });
    fake = harness.fake;
  });
  afterAll(async () => {
    await harness?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("is listed by /articles with its reason", async () => {
    expect(service.status().unreadable).toEqual([{ articleId: "kaputt", file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }]);
    const interaction = dispatchInteraction(fake, slashCommand(fake, "articles", [], { user: fakeUser("leser") }));
    const fields = callbackBody(await fake.waitForCall(isCallback(interaction))).data?.embeds?.[0]?.fields ?? [];
    expect(fields.at(-1)).toMatchObject({ name: expect.stringMatching(/Eine Datei wird nicht gelesen/), value: "kaputt.txt: die Datei ist leer" });
  });

  it("is offered by /remove-article and removed on confirmation, after which reindexing works", async () => {
    const choices = dispatchInteraction(fake, autocomplete(fake, "remove-article", [{ name: "article", type: 3, value: "kaputt", focused: true }], moderator));
    expect(callbackBody(await fake.waitForCall(isCallback(choices))).data?.choices?.map((choice) => choice.value)).toEqual(["kaputt"]);
    const command = dispatchInteraction(fake, slashCommand(fake, "remove-article", [{ name: "article", type: 3, value: "kaputt" }], moderator));
    const prompt = callbackBody(await fake.waitForCall(isCallback(command)));
    expect(prompt.data?.content).toContain("kaputt.txt");
    const confirm = prompt.data?.components?.[0]?.components[0];
    const message = { id: "1100000000000009999", channel_id: fake.channelId, content: prompt.data?.content ?? "" };
    const click = dispatchInteraction(fake, buttonClick(fake, confirm?.custom_id ?? "", message, moderator));
    await fake.waitForCall((call) => isOriginalEdit(fake, click)(call) && messageBody(call).embeds?.length === 1, 15_000);
    expect(await readdir(contentDir)).not.toContain("kaputt.txt");
    expect(service.status().unreadable).toEqual([]);
    await expect(service.reindex()).resolves.toMatchObject({ articles: 1 });
  });
});
