import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { LruMap } from "../../lru-map.js";
import type { SharedLayer } from "../shared-layer.js";
import type { ContentAdminApi, ContentChangeOptions, QaApi, ReindexOptions } from "../types.js";
import type { ContentPolicy, ContentScope, ContentScopes } from "./scopes.js";

/** A Discord server id (a snowflake): the only thing that names a server's folder, so it is checked before it reaches a path. */
export const serverIdSchema = z.string().regex(/^\d{17,20}$/u, "expected a Discord server id (17 to 20 digits)");

/** The operator's service: what every server shares, and what a server's index is built on. */
export type OperatorService = QaApi & ContentAdminApi & { sharedLayer(): SharedLayer };
/** One server's service: the operator's articles plus the server's own, changing only its own folder. */
export type ServerService = QaApi & ContentAdminApi;

export interface ServerContentOptions {
  operator: OperatorService;
  /** Holds one folder per server id with that server's own articles. */
  serversDir: string;
  /** SERVER_ARTICLES: off, servers keep no articles of their own. */
  enabled: boolean;
  /** Server indexes kept in memory at most; the least recently asked one is dropped first and rebuilt when asked again. */
  maxLoaded: number;
  /** Builds a server's service on its folder and the operator's current layer. */
  createServer: (serverId: string, contentDir: string, shared: SharedLayer) => Promise<ServerService>;
  logger: Logger;
}

interface LoadedServer {
  service: ServerService;
  /** The operator layer's version the index was built on. */
  sharedVersion: string;
  /** The folder's modification time when read: files added or removed by another process (the CLI) change it. */
  folderMtimeMs: number;
  /** Content operations running on it: while any runs, it is neither dropped nor rebuilt. */
  busy: number;
}

export interface ServerContentStatus {
  loadedServers: number;
  maxLoaded: number;
}

/**
 * The operator's articles plus one folder per server: a question in a server
 * is answered from both through one index per server (the same analyser and
 * statistics over both, so scores compare), built when the server is first
 * asked and kept in a bounded LRU. A server without a folder is answered from
 * the operator's index itself, so a bot in 1,000 servers holds indexes only
 * for the servers with articles of their own that were asked recently.
 */
export class ServerContent implements ContentScopes {
  readonly policy: ContentPolicy;
  private readonly loaded: LruMap<string, LoadedServer>;
  private readonly loading = new Map<string, Promise<LoadedServer>>();
  private readonly operatorScope: ContentScope;

  constructor(private readonly options: ServerContentOptions) {
    this.policy = options.enabled ? "per-server" : "operator-only";
    this.loaded = new LruMap(options.maxLoaded, (_id, entry) => entry.busy === 0);
    this.operatorScope = { qa: options.operator, admin: options.operator, layer: "operator" };
  }

  operator(): ContentScope {
    return this.operatorScope;
  }

  /** The folder of a server's own articles. Throws on anything but a server id. */
  folderOf(serverId: string): string {
    return path.join(this.options.serversDir, serverIdSchema.parse(serverId));
  }

  async forServer(serverId: string | null): Promise<ContentScope> {
    if (serverId === null || !this.options.enabled) return this.operatorScope;
    const folder = this.folderOf(serverId);
    const admin = this.adminFor(serverId);
    const entry = await this.current(serverId, folder, false);
    return { qa: entry?.service ?? this.options.operator, admin, layer: "server" };
  }

  status(): ServerContentStatus {
    return { loadedServers: this.loaded.size, maxLoaded: this.options.maxLoaded };
  }

  /**
   * The server's loaded index, rebuilt when the operator's articles or the
   * server's folder changed since; null when the server has no folder and
   * `create` is false (it is then answered from the operator's index).
   */
  private async current(serverId: string, folder: string, create: boolean): Promise<LoadedServer | null> {
    let mtime = await folderMtime(folder);
    if (mtime === null && !create) {
      // Its folder is gone (removed by hand): nothing of its own is left to serve.
      const stale = this.loaded.peek(serverId);
      if (stale && stale.busy === 0) this.loaded.delete(serverId);
      return stale && stale.busy > 0 ? stale : null;
    }
    if (mtime === null) {
      await mkdir(folder, { recursive: true });
      mtime = (await folderMtime(folder)) ?? 0;
    }
    const entry = this.loaded.get(serverId);
    if (entry) {
      const fresh = entry.sharedVersion === this.options.operator.sharedLayer().version && entry.folderMtimeMs === mtime;
      if (fresh || entry.busy > 0) return entry;
      this.loaded.delete(serverId);
    }
    return this.load(serverId, folder, mtime);
  }

  private load(serverId: string, folder: string, mtime: number): Promise<LoadedServer> {
    const pending = this.loading.get(serverId);
    if (pending) return pending;
    const started = performance.now();
    const work = (async () => {
      const shared = this.options.operator.sharedLayer();
      const service = await this.options.createServer(serverId, folder, shared);
      // Opening the folder takes and releases its change lock, which moves its time: the time to compare with is the one after.
      const entry: LoadedServer = { service, sharedVersion: shared.version, folderMtimeMs: (await folderMtime(folder)) ?? mtime, busy: 0 };
      this.loaded.set(serverId, entry);
      this.options.logger.debug(
        { event: "server_index_loaded", server: serverId, loaded: this.loaded.size, latencyMs: Math.round(performance.now() - started) },
        "server index loaded",
      );
      return entry;
    })();
    this.loading.set(serverId, work);
    return work.finally(() => this.loading.delete(serverId));
  }

  /** Changes one server's own folder (created on first use); the server's index is then current without a reload. */
  private adminFor(serverId: string): ContentAdminApi {
    const folder = this.folderOf(serverId);
    const run = async <T>(operation: (service: ServerService) => Promise<T>): Promise<T> => {
      const entry = await this.current(serverId, folder, true);
      if (entry === null) throw new Error(`the folder of server ${serverId} could not be created`);
      entry.busy += 1;
      try {
        return await operation(entry.service);
      } finally {
        entry.busy -= 1;
        // The service rebuilt its own index after its change; only a change from elsewhere should cause a reload.
        entry.folderMtimeMs = (await folderMtime(folder)) ?? entry.folderMtimeMs;
        // Indexes held over the bound while busy go now.
        this.loaded.trim();
      }
    };
    return {
      reindex: (options?: ReindexOptions) => run((service) => service.reindex(options)),
      addArticle: (request, options?: ContentChangeOptions) => run((service) => service.addArticle(request, options)),
      removeArticle: (request, options?: ContentChangeOptions) => run((service) => service.removeArticle(request, options)),
      checkArticle: (request) => run((service) => service.checkArticle(request)),
      reindexProgress: () => this.loaded.peek(serverId)?.service.reindexProgress() ?? null,
    };
  }
}

async function folderMtime(folder: string): Promise<number | null> {
  try {
    const info = await stat(folder);
    return info.isDirectory() ? info.mtimeMs : null;
  } catch {
    return null;
  }
}
