/**
 * End to end: the operator indexes on the host (`npm run reindex`, a separate
 * process) while the bot runs; the running bot sees the new stored index and
 * answers from the new article, without /reindex and without a restart.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { silentLogger } from "../../src/log.js";
import { dispatchInteraction, fakeUser, slashCommand } from "../helpers/fake-discord-payloads.js";
import { runCliScript } from "../helpers/run-cli.js";
import { isOriginalEdit, messageBody } from "./api-shapes.js";
import { startHarness, type Harness } from "./harness.js";

const ARTICLE = `Neue Fähre verbindet Sassnitz und Bornholm

Ab dem 1. Juni fährt die Fähre „Ostseewind“ täglich zweimal zwischen Sassnitz auf Rügen und Rønne auf Bornholm. Die Überfahrt dauert dreieinhalb Stunden.

Die Reederei hat das Schiff in Finnland bauen lassen. Es bietet Platz für 600 Fahrgäste und 120 Autos und fährt mit Flüssiggas.
`;

describe("end to end: npm run reindex on the host reaches the running bot", () => {
  let workDir: string;
  let contentDir: string;
  let stateDir: string;
  let service: QaService;
  let harness: Harness;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "qa-bot-host-reindex-"));
    contentDir = path.join(workDir, "articles");
    stateDir = path.join(workDir, "state");
    await cp(path.resolve("data/articles"), contentDir, { recursive: true });
    const indexFile = path.join(stateDir, "index.json");
    service = await QaService.create({ contentDir, indexFile, logger: silentLogger(), embeddings: "off" });
    harness = await startHarness({ qa: service, followIndexFile: indexFile });
  });
  afterAll(async () => {
    await harness?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("answers from an article the operator added and indexed on the host", async () => {
    const before = service.status().indexVersion;
    await writeFile(path.join(contentDir, "faehre-bornholm.txt"), ARTICLE);
    const cli = await runCliScript("reindex", [], { CONTENT_DIR: contentDir, STATE_DIR: stateDir });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Reindexed: 2 article/u);

    // The new index is served as soon as it is built and logged once it is stored too: wait for both.
    const reloaded = (): boolean => harness.logs.lines.some((line) => line.event === "index_reloaded" && line.origin === "stored index");
    const deadline = Date.now() + 10_000;
    while ((service.status().indexVersion === before || !reloaded()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.status().indexVersion).not.toBe(before);
    expect(reloaded()).toBe(true);

    const interaction = dispatchInteraction(
      harness.fake,
      slashCommand(harness.fake, "ask", [{ name: "question", type: 3, value: "Wie viele Autos passen auf die Fähre nach Bornholm?" }], { user: fakeUser() }),
    );
    const edit = messageBody(await harness.fake.waitForCall(isOriginalEdit(harness.fake, interaction)));
    expect(parseCustomId(edit.components?.[0]?.components[0]?.custom_id ?? "")).toMatchObject({ kind: "paragraph", articleKey: "faehre-bornholm" });
  });
});
