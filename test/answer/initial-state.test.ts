import { cp, readdir, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { capturingLogger, contentFixture, lexicalServiceOptions, SECOND_ARTICLE } from "../helpers/content-fixtures.js";

type Fixture = Awaited<ReturnType<typeof contentFixture>>;

const QUESTIONS = ["Welche Waffen will Russland von Nordkorea?", "Wie viele Kilometer legten die Wasserstoffzüge zurück?", "Cuxhaven", "Akkuzüge Bremervörde"];

async function rankings(service: QaService): Promise<Array<Array<[string, number]>>> {
  const result: Array<Array<[string, number]>> = [];
  for (const question of QUESTIONS) result.push((await service.search(question)).hits.map((hit) => [hit.id, hit.fused]));
  return result;
}

async function started(fixture: Fixture): Promise<{ service: QaService; loaded: Record<string, unknown> | undefined }> {
  const capture = capturingLogger();
  const service = await QaService.create(lexicalServiceOptions(fixture, { logger: capture.logger }));
  return { service, loaded: capture.records.find((record) => record.event === "index_loaded") };
}

/** The same files indexed from nothing, as the reference. */
async function builtFromNothing(fixture: Fixture): Promise<Array<Array<[string, number]>>> {
  const saved = await readdir(fixture.stateDir);
  const other = await contentFixture();
  await rm(path.join(other.contentDir), { recursive: true, force: true });
  await cp(fixture.contentDir, other.contentDir, { recursive: true });
  const service = await QaService.create(lexicalServiceOptions(other));
  expect(await readdir(fixture.stateDir)).toEqual(saved);
  return rankings(service);
}

describe("a start after files changed while the bot was stopped", () => {
  it("opens the stored index and brings it up to date with only the files that differ", async () => {
    const fixture = await contentFixture();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    await QaService.create(lexicalServiceOptions(fixture));

    // Edited and added by hand while stopped.
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE.replace("Bremervörde", "Cuxhaven am Meer"));
    await writeFile(path.join(fixture.contentDir, "dritter.txt"), SECOND_ARTICLE.replace("Wasserstoffzüge", "Akkuzüge"));
    const edited = await started(fixture);
    expect(edited.loaded).toMatchObject({ lexical: "stored", added: ["dritter"], changed: ["zuege"], removed: [] });
    expect(await rankings(edited.service)).toEqual(await builtFromNothing(fixture));

    // The update was stored (the lexical file patched at start from its journal, not rebuilt).
    expect((await started(fixture)).loaded?.lexical).toMatch(/^stored \(\d+ paragraphs brought up to date\)$/u);

    // Removed by hand while stopped.
    await unlink(path.join(fixture.contentDir, "zuege.txt"));
    const removed = await started(fixture);
    expect(removed.loaded).toMatchObject({ lexical: "stored", added: [], changed: [], removed: ["zuege"] });
    const ranking = await rankings(removed.service);
    expect(ranking.flat().some(([id]) => id.startsWith("zuege#"))).toBe(false);
    expect(ranking).toEqual(await builtFromNothing(fixture));
  });
});
