import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../../src/content/library/index.js";
import { QaService } from "../../../src/answer/service.js";
import { ServerContent, type ServerService } from "../../../src/answer/servers/server-content.js";
import type { SharedLayer } from "../../../src/answer/shared-layer.js";
import { silentLogger } from "../../../src/log.js";
import { BUNDLED_ID, contentFixture, countingEmbedder, deferred, lexicalServiceOptions, readAuditLog, SECOND_ARTICLE } from "../../helpers/content-fixtures.js";

const ids = Array.from({ length: 6 }, (_, index) => `10000000000000000${index}`);

/** A small article of its own for a server, different per server. */
function serverArticle(index: number): string {
  return [
    `Titel: Stadtfest Nummer ${index} in Musterstadt`,
    "",
    `Das Stadtfest Nummer ${index} beginnt am Samstag auf dem Marktplatz. Die Veranstalter erwarten mehrere tausend Gäste aus der Region.`,
    "",
    `Für das Fest werden ${index + 3} Bühnen aufgebaut, auf denen Bands aus Musterstadt spielen.`,
    "",
  ].join("\n");
}

async function setup(options: { maxLoaded?: number; maxArticles?: number; maxBytes?: number; wrap?: (service: ServerService) => ServerService } = {}) {
  const fixture = await contentFixture();
  const operator = await QaService.create(lexicalServiceOptions(fixture));
  const serversDir = path.join(fixture.stateDir, "servers");
  const created: string[] = [];
  const servers = new ServerContent({
    operator,
    serversDir,
    enabled: true,
    maxLoaded: options.maxLoaded ?? 2,
    logger: silentLogger(),
    createServer: async (serverId: string, contentDir: string, shared: SharedLayer) => {
      created.push(serverId);
      const service = await QaService.create({
        contentDir,
        logger: silentLogger(),
        embeddings: "off",
        auditLogFile: fixture.auditLogFile,
        server: { serverId, maxArticles: options.maxArticles ?? 3, maxBytes: options.maxBytes ?? 50_000, shared },
      });
      return options.wrap ? options.wrap(service) : service;
    },
  });
  const giveArticle = async (index: number): Promise<void> => {
    const folder = path.join(serversDir, ids[index] ?? "");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `stadtfest-${index}.txt`), serverArticle(index));
  };
  return { fixture, operator, servers, serversDir, created, giveArticle };
}

describe("ServerContent", () => {
  it("answers a server without articles of its own from the operator's index, building nothing", async () => {
    const { operator, servers, created, serversDir } = await setup();
    const scope = await servers.forServer(ids[0] ?? "");
    expect(scope.qa).toBe(operator);
    expect(scope.layer).toBe("server");
    expect(created).toEqual([]);
    expect(servers.status().loadedServers).toBe(0);
    await expect(readdir(serversDir)).rejects.toThrow();
    // Direct messages (no server) are the operator's scope, whose admin changes the shared articles.
    expect((await servers.forServer(null)).layer).toBe("operator");
  });

  it("loads a server's index when it is first asked and keeps at most maxLoaded, dropping the least recently asked", async () => {
    const { servers, created, giveArticle } = await setup({ maxLoaded: 2 });
    for (let index = 0; index < 4; index += 1) await giveArticle(index);
    for (let index = 0; index < 4; index += 1) {
      const scope = await servers.forServer(ids[index] ?? "");
      const answer = await scope.qa.ask(`Wie viele Bühnen gibt es beim Stadtfest Nummer ${index}?`);
      expect(answer.citations[0]?.articleId).toBe(`stadtfest-${index}`);
      expect(answer.ranking.map((citation) => citation.articleId)).not.toContain(`stadtfest-${(index + 1) % 4}`);
      expect(servers.status().loadedServers).toBeLessThanOrEqual(2);
    }
    expect(created).toEqual(ids.slice(0, 4));
    // Asked again: the two most recent are still loaded, the first is built again.
    await servers.forServer(ids[3] ?? "");
    expect(created).toHaveLength(4);
    await servers.forServer(ids[0] ?? "");
    expect(created).toHaveLength(5);
  });

  it("builds a server's index once for questions that arrive together", async () => {
    const { servers, created, giveArticle } = await setup();
    await giveArticle(0);
    const scopes = await Promise.all([1, 2, 3].map(() => servers.forServer(ids[0] ?? "")));
    expect(created).toEqual([ids[0]]);
    expect(new Set(scopes.map((scope) => scope.qa)).size).toBe(1);
  });

  it("rebuilds a server's index after the operator's articles or the server's folder changed elsewhere", async () => {
    const { servers, created, giveArticle, operator, fixture } = await setup();
    await giveArticle(0);
    const first = await servers.forServer(ids[0] ?? "");
    expect((await servers.forServer(ids[0] ?? "")).qa).toBe(first.qa);
    await writeFile(path.join(fixture.contentDir, "wasserstoff.txt"), SECOND_ARTICLE);
    await operator.reindex();
    const afterShared = await servers.forServer(ids[0] ?? "");
    expect(afterShared.qa).not.toBe(first.qa);
    expect(afterShared.qa.articles().map((article) => article.id)).toEqual([BUNDLED_ID, "wasserstoff", "stadtfest-0"]);
    // Another process (npm run reindex -- --server) adds a file: the folder's time changes.
    const folder = path.join(fixture.stateDir, "servers", ids[0] ?? "");
    await writeFile(path.join(folder, "stadtfest-9.txt"), serverArticle(9));
    await utimes(folder, new Date(), new Date(Date.now() + 5_000));
    const afterFolder = await servers.forServer(ids[0] ?? "");
    expect(afterFolder.qa.articles().map((article) => article.id)).toContain("stadtfest-9");
    expect(created.filter((id) => id === ids[0])).toHaveLength(3);
  });

  it("does not drop a server's index while a change of its articles runs", async () => {
    const gate = deferred();
    const { servers, giveArticle } = await setup({
      maxLoaded: 1,
      wrap: (service) => ({
        ...bind(service),
        reindex: async (options) => {
          await gate.promise;
          return service.reindex(options);
        },
      }),
    });
    await giveArticle(0);
    await giveArticle(1);
    const scope = await servers.forServer(ids[0] ?? "");
    const running = scope.admin?.reindex();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await servers.forServer(ids[1] ?? "");
    // Over the bound while the change runs, rather than two indexes of the same folder.
    expect(servers.status().loadedServers).toBe(2);
    expect((await servers.forServer(ids[0] ?? "")).qa).toBe(scope.qa);
    gate.release();
    await running;
    await servers.forServer(ids[1] ?? "");
    expect(servers.status().loadedServers).toBe(1);
  });

  it("gives a server's index the operator's model: hybrid, embedding only the server's own paragraphs", async () => {
    const fixture = await contentFixture();
    const embedder = countingEmbedder();
    const embeddings = {
      options: { modelId: embedder.modelId, allowRemote: false, quantized: true, loadTimeoutMs: 1000 },
      cacheFile: fixture.cacheFile,
      loader: async () => ({ embedder }),
    };
    const operator = await QaService.create(lexicalServiceOptions(fixture, { embeddings }));
    await operator.whenModelSettled();
    const sharedParagraphs = operator.status().paragraphCount;
    expect(embedder.passagesEmbedded).toBe(sharedParagraphs);
    const servers = new ServerContent({
      operator,
      serversDir: path.join(fixture.stateDir, "servers"),
      enabled: true,
      maxLoaded: 2,
      logger: silentLogger(),
      createServer: (serverId, contentDir, shared) =>
        QaService.create({ contentDir, logger: silentLogger(), embeddings, server: { serverId, maxArticles: 3, maxBytes: 50_000, shared } }),
    });
    const folder = path.join(fixture.stateDir, "servers", ids[0] ?? "");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "stadtfest-0.txt"), serverArticle(0));
    const scope = await servers.forServer(ids[0] ?? "");
    expect(scope.qa.status()).toMatchObject({ mode: "hybrid", modelLoaded: true, model: embedder.modelId });
    // The shared paragraphs come from the vector cache; only the server's two are new.
    expect(embedder.passagesEmbedded).toBe(sharedParagraphs + 2);
    const answer = await scope.qa.ask("Wie viele Bühnen gibt es beim Stadtfest Nummer 0?");
    expect(answer.mode).toBe("hybrid");
    expect(answer.citations[0]?.articleId).toBe("stadtfest-0");
  });

  it("adds to a server's own folder, created on first use, within its limits, and never over a shared article", async () => {
    const { servers, serversDir, fixture } = await setup({ maxArticles: 2, maxBytes: 2_000 });
    const server = ids[0] ?? "";
    const admin = (await servers.forServer(server)).admin;
    if (!admin) throw new Error("no admin");
    const actor = { via: "cli" as const, id: "test" };
    const report = await admin.addArticle({ fileName: "fest-1.txt", bytes: Buffer.from(serverArticle(1)), actor });
    expect(report.change.action).toBe("added");
    expect(await readdir(path.join(serversDir, server))).toEqual(["fest-1.txt"]);
    expect((await servers.forServer(server)).qa.articles().map((article) => article.id)).toEqual([BUNDLED_ID, "fest-1"]);

    const refused = async (fileName: string, text: string): Promise<ContentError> => {
      const error: unknown = await admin.addArticle({ fileName, bytes: Buffer.from(text), actor }).catch((caught: unknown) => caught);
      if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
      return error;
    };
    const sameId = await refused(`${BUNDLED_ID}.txt`, serverArticle(2));
    expect(sameId.problem).toMatchObject({ kind: "shared-clash", clash: "id", id: BUNDLED_ID });
    const bytes = await refused("fest-2.txt", `${serverArticle(2)}\n${"Die Bands spielen bis Mitternacht auf dem Marktplatz. ".repeat(30)}\n`);
    expect(bytes.problem).toMatchObject({ kind: "server-limit", limit: "bytes", max: 2_000 });
    await admin.addArticle({ fileName: "fest-2.txt", bytes: Buffer.from(serverArticle(2)), actor });
    const count = await refused("fest-3.txt", serverArticle(3));
    expect(count.problem).toMatchObject({ kind: "server-limit", limit: "articles", total: 3, max: 2 });
    // Replacing one of its own is no new article.
    await admin.addArticle({ fileName: "fest-2.txt", bytes: Buffer.from(serverArticle(4)), actor, replace: true });

    const shared = await admin.removeArticle({ articleId: BUNDLED_ID, actor }).catch((caught: unknown) => caught);
    expect(shared).toBeInstanceOf(ContentError);
    expect(shared instanceof ContentError && shared.problem.kind).toBe("shared-not-removable");
    await admin.removeArticle({ articleId: "fest-1", actor });
    await admin.removeArticle({ articleId: "fest-2", actor });
    expect((await servers.forServer(server)).qa.articles().map((article) => article.id)).toEqual([BUNDLED_ID]);

    const audit = await readAuditLog(fixture.auditLogFile);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((line) => line.server === server)).toBe(true);
  });
});

/** The service's methods bound to it, so a test can replace one of them. */
function bind(service: ServerService): ServerService {
  return {
    ask: service.ask.bind(service),
    source: service.source.bind(service),
    status: service.status.bind(service),
    articles: service.articles.bind(service),
    summary: service.summary.bind(service),
    reindex: service.reindex.bind(service),
    reindexProgress: service.reindexProgress.bind(service),
    addArticle: service.addArticle.bind(service),
    removeArticle: service.removeArticle.bind(service),
    checkArticle: service.checkArticle.bind(service),
  };
}
