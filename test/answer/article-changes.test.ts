import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import type { ReindexProgress } from "../../src/answer/types.js";
import { ReindexFailedError } from "../../src/answer/errors.js";
import { silentLogger } from "../../src/log.js";
import { readStoredIndex } from "../../src/search/index-store.js";
import { BUNDLED_ID, contentFixture, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE } from "../helpers/content-fixtures.js";
import { BUNDLED_PARAGRAPHS, citedArticles, MODERATOR, SECOND_QUESTION } from "./reindex-fixtures.js";

describe("adding and removing articles through the service", () => {
  it("adds an upload, reindexes with progress, answers from it, and a restart loads the stored index with it", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    expect(citedArticles(await service.ask(SECOND_QUESTION))).not.toContain("zuege");

    const updates: ReindexProgress[] = [];
    const result = await service.addArticle(
      { fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR },
      { onProgress: (progress) => updates.push(progress) },
    );
    expect(result.change).toMatchObject({ action: "added", articleId: "zuege", paragraphs: 3 });
    expect(result.reindex).toMatchObject({
      added: ["zuege"],
      changed: [],
      removed: [],
      unchanged: [BUNDLED_ID],
      articles: 2,
      paragraphs: BUNDLED_PARAGRAPHS + 3,
      mode: "lexical",
    });
    expect([...new Set(updates.map((update) => update.phase))]).toEqual(["checking", "reading", "embedding", "indexing", "saving"]);
    expect(updates.every((update) => update.task === "add-article")).toBe(true);
    expect(updates.at(-1)).toMatchObject({
      articlesDone: 2,
      articlesTotal: 2,
      paragraphsDone: BUNDLED_PARAGRAPHS + 3,
      paragraphsTotal: BUNDLED_PARAGRAPHS + 3,
    });
    expect(service.reindexProgress()).toBeNull();

    const answer = await service.ask(SECOND_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.articleId).toBe("zuege");
    expect(answer.citations[0]?.excerpt).toMatch(/mehr als eine Million Kilometer/);

    const stored = await readStoredIndex(fixture.indexFile, silentLogger());
    expect(stored?.articles.map((article) => article.id).sort()).toEqual([BUNDLED_ID, "zuege"]);
    const restarted = await QaService.create(lexicalServiceOptions(fixture));
    expect(restarted.status().indexBuiltAt).toBe(service.status().indexBuiltAt);
    expect(restarted.status().articles).toHaveLength(2);
    expect((await readAuditLog(fixture.auditLogFile)).map((entry) => [entry.action, entry.article, entry.outcome])).toEqual([["add", "zuege", "success"]]);
  });

  it("replaces an article when asked to, and removes one (but never the last)", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    const edited = SECOND_ARTICLE.replace("in Bremervörde", "in Bremerhaven");
    await expect(service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(edited), actor: MODERATOR })).rejects.toMatchObject({ code: "already-exists" });
    const replaced = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(edited), actor: MODERATOR, replace: true });
    expect(replaced.change.action).toBe("replaced");
    expect(replaced.reindex).toMatchObject({ changed: ["zuege"], unchanged: [BUNDLED_ID] });
    expect(service.source(2, "zuege")?.paragraph.text).toMatch(/Wasserstofftankstelle in Bremerhaven/);

    const removed = await service.removeArticle({ articleId: "zuege", actor: MODERATOR });
    expect(removed.reindex).toMatchObject({ removed: ["zuege"], articles: 1 });
    expect(service.status().articles.map((article) => article.id)).toEqual([BUNDLED_ID]);
    await expect(service.removeArticle({ articleId: BUNDLED_ID, actor: MODERATOR })).rejects.toMatchObject({ code: "last-article" });
    expect(service.status().articles).toHaveLength(1);
  });

  it("a broken file holds up nothing: an upload goes live, a reindex serves the rest, and both name the broken file", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    await writeFile(path.join(fixture.contentDir, "kaputt.txt"), "");
    const added = await service.addArticle({ fileName: "zuege.txt", bytes: Buffer.from(SECOND_ARTICLE), actor: MODERATOR });
    expect(added.reindex).toMatchObject({
      added: ["zuege"],
      articles: 2,
      skipped: [{ file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }],
    });
    expect(
      service
        .status()
        .articles.map((article) => article.id)
        .sort(),
    ).toEqual([BUNDLED_ID, "zuege"].sort());
    expect(service.status().unreadable).toEqual([{ articleId: "kaputt", file: "kaputt.txt", problem: { kind: "empty", whitespaceOnly: false } }]);
    expect((await readAuditLog(fixture.auditLogFile)).at(-1)).toMatchObject({ action: "add", outcome: "success" });
    const reindexed = await service.reindex();
    expect(reindexed).toMatchObject({ articles: 2, unchanged: expect.arrayContaining([BUNDLED_ID, "zuege"]), skipped: [{ file: "kaputt.txt" }] });
    // Fixed, it is read again and the warning goes.
    await writeFile(path.join(fixture.contentDir, "kaputt.txt"), SECOND_ARTICLE.replace("Wasserstoffzüge", "Akkuzüge"));
    const fixed = await service.reindex();
    expect(fixed.skipped).toBeUndefined();
    expect(fixed.added).toEqual(["kaputt"]);
    expect(service.status().unreadable).toEqual([]);
  });

  it("a reindex with no readable article at all fails and keeps the previous index", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create(lexicalServiceOptions(fixture));
    const builtAt = service.status().indexBuiltAt;
    await writeFile(path.join(fixture.contentDir, `${BUNDLED_ID}.txt`), "");
    await expect(service.reindex()).rejects.toBeInstanceOf(ReindexFailedError);
    expect(service.status().indexBuiltAt).toBe(builtAt);
    expect(service.status().articles.map((article) => article.id)).toEqual([BUNDLED_ID]);
  });
});
