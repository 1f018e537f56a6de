import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { ReindexBusyError } from "../../src/answer/errors.js";
import { BUNDLED_ID, contentFixture, countingEmbedder, deferred, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE } from "../helpers/content-fixtures.js";
import { BUNDLED_FILE, BUNDLED_PARAGRAPHS, citedArticles, hybridOptions, MODERATOR, SECOND_QUESTION } from "./reindex-fixtures.js";

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("reindex", () => {
  it("keeps answering from the old index while a reindex runs and swaps only when it is complete", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    expect(service.status().mode).toBe("hybrid");
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);

    const gate = deferred();
    embedder.gate = gate.promise;
    const running = service.reindex();
    await until(() => service.reindexProgress()?.phase === "embedding");
    // Mid-reindex: the old index answers, and does not know the new article yet.
    expect(service.status().articles).toHaveLength(1);
    const during = await service.ask("Welche Waffen will Russland von Nordkorea?");
    expect(during.answered).toBe(true);
    expect(citedArticles(await service.ask(SECOND_QUESTION))).not.toContain("zuege");

    embedder.gate = null;
    gate.release();
    const report = await running;
    expect(report).toMatchObject({ added: ["zuege"], mode: "hybrid" });
    expect(service.status().articles).toHaveLength(2);
    expect((await service.ask(SECOND_QUESTION)).citations[0]?.articleId).toBe("zuege");
  });

  it("refuses a second reindex (and uploads, and removals) while one runs, with the running progress", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    const gate = deferred();
    embedder.gate = gate.promise;
    const first = service.reindex({ actor: MODERATOR });
    await until(() => service.reindexProgress()?.phase === "embedding");

    const second = await service.reindex({ actor: { via: "discord", id: "999999999999999999" } }).catch((caught: unknown) => caught);
    expect(second).toBeInstanceOf(ReindexBusyError);
    const busy = second as ReindexBusyError;
    expect(busy.progress).toMatchObject({ task: "reindex", phase: "embedding", articlesDone: 2, articlesTotal: 2, paragraphsTotal: BUNDLED_PARAGRAPHS + 3 });
    // The unchanged bundled article's vectors are reused: only the new article's three paragraphs are left to embed.
    expect(busy.message).toBe(
      `A reindex is already running (reindexing: embedding paragraphs ${BUNDLED_PARAGRAPHS}/${BUNDLED_PARAGRAPHS + 3}). Try again when it has finished.`,
    );
    await expect(service.addArticle({ fileName: "neu.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR })).rejects.toBeInstanceOf(ReindexBusyError);
    await expect(service.removeArticle({ articleId: "zuege", actor: MODERATOR })).rejects.toBeInstanceOf(ReindexBusyError);

    embedder.gate = null;
    gate.release();
    await expect(first).resolves.toMatchObject({ added: ["zuege"] });
    await expect(service.reindex()).resolves.toMatchObject({ unchanged: [BUNDLED_ID, "zuege"] });
    const audit = await readAuditLog(fixture.auditLogFile);
    expect(audit.map((entry) => [entry.action, entry.outcome])).toEqual([
      ["reindex", "refused"],
      ["add", "refused"],
      ["remove", "refused"],
      ["reindex", "success"],
    ]);
    expect(String(audit[0]?.detail)).toMatch(/already running/);
  });

  it("re-embeds only the paragraphs whose text changed (the cache is keyed by model and text)", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const service = await QaService.create(hybridOptions(fixture, embedder));
    await service.whenModelSettled();
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS);

    await service.reindex();
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS);

    const file = path.join(fixture.contentDir, BUNDLED_FILE);
    const original = await readFile(file, "utf8");
    expect(original).toContain("Millionen Nordkoreanerinnen und Nordkoreaner gelten als mangelernährt.");
    await writeFile(file, original.replace("Millionen Nordkoreanerinnen", "Viele Millionen Nordkoreanerinnen"));
    const changed = await service.reindex();
    expect(changed.changed).toEqual([BUNDLED_ID]);
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 1);
    expect(embedder.embeddedTexts.at(-1)).toMatch(/^Zudem könnte Moskau .*Viele Millionen Nordkoreanerinnen/);

    await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(embedder.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 1 + 3);

    // A restart with the same model reuses every cached vector; another model embeds everything anew.
    const again = countingEmbedder();
    await (await QaService.create(hybridOptions(fixture, again))).whenModelSettled();
    expect(again.passagesEmbedded).toBe(0);
    const otherModel = countingEmbedder("test/other-model");
    await (await QaService.create(hybridOptions(fixture, otherModel))).whenModelSettled();
    expect(otherModel.passagesEmbedded).toBe(BUNDLED_PARAGRAPHS + 3);
  });

  it("writes an audit line for a reindex run by a moderator", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await service.reindex({ actor: MODERATOR });
    await service.reindex();
    const audit = await readAuditLog(fixture.auditLogFile);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: MODERATOR, action: "reindex", article: null, outcome: "success" });
    expect(String(audit[0]?.detail)).toMatch(/1 article\(s\), 16 paragraphs \(lexical\); added 0, changed 0, removed 0, unchanged 1/);
  });
});

describe("parsing once per change", () => {
  it("a reindex reuses the articles whose files did not change, and re-parses everything after a start from the stored index", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const [before] = service.articles();
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    await service.reindex();
    expect(service.articles().find((article) => article.id === before?.id)).toBe(before);
    const restarted = await QaService.create(lexicalServiceOptions(fixture));
    const [stored] = restarted.articles();
    await restarted.reindex();
    // Read from index.json (perhaps written by an older parser): a reindex parses the files again.
    expect(restarted.articles().find((article) => article.id === stored?.id)).not.toBe(stored);
    expect(restarted.articles().find((article) => article.id === stored?.id)).toEqual(stored);
  });
});
