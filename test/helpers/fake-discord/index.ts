/**
 * A fake Discord on 127.0.0.1 for tests: the REST routes the bot uses (recording
 * every call) and a gateway WebSocket that says Hello, answers Identify with
 * READY and a GUILD_CREATE for a test guild, ACKs heartbeats, and dispatches
 * whatever events a test sends. The real discord.js Client connects to it with
 * `rest: { api: fake.apiUrl }`:
 * - REST requests go to `${api}/v10${route}` (@discordjs/rest appends the version);
 * - @discordjs/ws takes the gateway URL from GET /gateway/bot (`url`), appending
 *   `?v=10&encoding=json` (no zlib-sync installed, so no transport compression).
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { guildPayload } from "./guild.js";
import { FakeMessages } from "./messages.js";
import { routeRest, type RestState } from "./rest.js";
import { nextSnowflake, shardOfGuild, snowflakeOnShard } from "./snowflakes.js";
import {
  API_VERSION,
  FAKE_TOKEN,
  isObject,
  type FakeAttachment,
  type FakeDiscordOptions,
  type FakeUser,
  type JsonObject,
  type Override,
  type RecordedCall,
  type RouteResponse,
  type ServeAttachmentOptions,
} from "./types.js";

export { nextSnowflake, shardOfGuild } from "./snowflakes.js";
export {
  API_VERSION,
  FAKE_TOKEN,
  type FakeAttachment,
  type FakeDiscordOptions,
  type FakeUser,
  type Override,
  type RecordedCall,
  type ServeAttachmentOptions,
} from "./types.js";

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly identifies: JsonObject[] = [];
  /** Query strings of gateway connections (`v=10&encoding=json`). */
  readonly gatewayQueries: string[] = [];
  private readonly messageStore: FakeMessages;
  /** Every message the fake has created or edited, by id (raw API objects). */
  readonly messages: Map<string, JsonObject>;
  readonly token: string;
  readonly applicationId = nextSnowflake();
  readonly botUser: FakeUser;
  readonly shardCount: number;
  /** One test guild per shard, by shard id. */
  readonly guildIds: readonly string[];
  /** The test guild of shard 0 (the only one without sharding). */
  readonly guildId: string;
  readonly channelId = nextSnowflake();
  readonly otherChannelId = nextSnowflake();
  /** A role that exists in the test guild (e.g. for MODERATOR_ROLE_IDS); members only count roles the guild has. */
  readonly moderatorRoleId = nextSnowflake();
  readonly guildLocale: string;
  heartbeatsAcked = 0;

  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  /** The shard each connection identified as. */
  private readonly socketShards = new Map<WebSocket, number>();
  private readonly extraChannels = new Map<string, string>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private sequence = 0;
  private override: Override | null = null;
  private port = 0;
  /** Threads the bot started (raw channel objects), by id; listed in GUILD_CREATE like Discord's active threads. */
  readonly threads = new Map<string, JsonObject>();
  /** Files served on the CDN route, by path. */
  private readonly cdnFiles = new Map<string, { bytes: Buffer; contentType: string | undefined }>();

  private constructor(
    private readonly server: Server,
    private readonly options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? FAKE_TOKEN;
    this.shardCount = options.shardCount ?? 1;
    this.guildIds = Array.from({ length: this.shardCount }, (_, shard) => (this.shardCount === 1 ? nextSnowflake() : snowflakeOnShard(shard, this.shardCount)));
    this.guildId = this.guildIds[0] ?? nextSnowflake();
    this.guildLocale = options.guildLocale ?? "de";
    this.botUser = { id: this.applicationId, username: "Artikelbot", global_name: null, discriminator: "0", avatar: null, bot: true };
    this.messageStore = new FakeMessages({ guildId: this.guildId, channelId: this.channelId, applicationId: this.applicationId, botUser: this.botUser });
    this.messages = this.messageStore.byId;
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.on("request", (request, response) => void fake.handleHttp(request, response));
    server.on("upgrade", (request, socket, head) => {
      fake.gatewayQueries.push(new URL(request.url ?? "/", "http://127.0.0.1").searchParams.toString());
      fake.wss.handleUpgrade(request, socket, head, (ws) => fake.handleSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Serves `bytes` on the fake CDN (`/attachments/<channel>/<id>/<name>`) and returns the attachment object to put in an interaction. */
  serveAttachment(filename: string, bytes: Uint8Array | string, options: ServeAttachmentOptions = {}): FakeAttachment {
    const body = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
    const id = nextSnowflake();
    const cdnPath = `/attachments/${this.channelId}/${id}/${encodeURIComponent(filename)}`;
    this.cdnFiles.set(cdnPath, { bytes: body, contentType: options.contentType });
    const url = `http://127.0.0.1:${this.port}${cdnPath}?ex=0&is=0&hm=fake`;
    return {
      id,
      filename,
      size: options.declaredSize ?? body.length,
      url,
      proxy_url: url,
      ...(options.contentType !== undefined ? { content_type: options.contentType } : {}),
    };
  }

  setOverride(override: Override | null): void {
    this.override = override;
  }

  /** The text channel "fragen" of a test guild (shard 0's guild keeps `channelId`). */
  channelIdOf(guildId: string): string {
    if (guildId === this.guildId) return this.channelId;
    let id = this.extraChannels.get(guildId);
    if (id === undefined) {
      id = nextSnowflake();
      this.extraChannels.set(guildId, id);
    }
    return id;
  }

  /** Sends a gateway dispatch (op 0) to every connected client, or, sharded, to the shard owning its guild. */
  dispatch(type: string, data: JsonObject): void {
    this.sequence += 1;
    const packet = JSON.stringify({ op: 0, t: type, s: this.sequence, d: data });
    const guild = typeof data.guild_id === "string" ? data.guild_id : null;
    const shard = guild === null || this.shardCount === 1 ? null : shardOfGuild(guild, this.shardCount);
    for (const socket of this.sockets) if (shard === null || this.socketShards.get(socket) === shard) socket.send(packet);
    if (type === "INTERACTION_CREATE" && typeof data.token === "string" && typeof data.channel_id === "string") {
      this.messageStore.rememberChannel(data.token, data.channel_id);
    }
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.events.off("call", onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off("call", onCall);
        reject(
          new Error(`fake Discord: no matching call within ${timeoutMs} ms; calls: ${this.calls.map((call) => `${call.method} ${call.path}`).join(", ")}`),
        );
      }, timeoutMs);
      this.events.on("call", onCall);
    });
  }

  /** Calls made for one interaction (callback and webhook routes use its id and token). */
  callsForInteraction(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter((call) => call.path.includes(`/${interaction.id}/`) || call.path.includes(`/${interaction.token}`));
  }

  /** The stored original response of an interaction (after the bot replied or edited it). */
  originalMessage(interaction: { token: string }): JsonObject | undefined {
    const id = this.messageStore.originalId(interaction.token);
    return id ? this.messages.get(id) : undefined;
  }

  get connectedClients(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------
  // Gateway

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.socketShards.delete(socket);
    });
    socket.on("message", (raw: Buffer) => this.handleGatewayMessage(socket, raw.toString("utf8")));
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
  }

  private handleGatewayMessage(socket: WebSocket, raw: string): void {
    let packet: unknown;
    try {
      packet = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isObject(packet)) return;
    if (packet.op === 1) {
      this.heartbeatsAcked += 1;
      socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      return;
    }
    if (packet.op === 2 && isObject(packet.d)) {
      this.identifies.push(packet.d);
      if (packet.d.token !== this.token) {
        socket.close(4004, "Authentication failed.");
        return;
      }
      const identified = Array.isArray(packet.d.shard) ? packet.d.shard : [0, 1];
      const shard = typeof identified[0] === "number" ? identified[0] : 0;
      this.socketShards.set(socket, shard);
      const guilds = this.guildIds.filter((guild) => this.shardCount === 1 || shardOfGuild(guild, this.shardCount) === shard);
      this.sendToSocket(socket, "READY", {
        v: 10,
        user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
        guilds: guilds.map((id) => ({ id, unavailable: true })),
        session_id: `fake-session-${shard}`,
        resume_gateway_url: this.gatewayUrl,
        shard: [shard, this.shardCount],
        application: { id: this.applicationId, flags: 0 },
      });
      for (const guild of guilds) this.sendToSocket(socket, "GUILD_CREATE", this.guildPayload(guild));
    }
  }

  private sendToSocket(socket: WebSocket, type: string, data: JsonObject): void {
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: type, s: this.sequence, d: data }));
  }

  private guildPayload(guildId: string): JsonObject {
    const main = guildId === this.guildId;
    return guildPayload({
      id: guildId,
      name: main ? "Testserver" : "Zweiter Testserver",
      locale: this.guildLocale,
      moderatorRoleId: this.moderatorRoleId,
      botUser: this.botUser,
      channels: main
        ? [
            { id: this.channelId, name: "fragen" },
            { id: this.otherChannelId, name: "allgemein" },
          ]
        : [{ id: this.channelIdOf(guildId), name: "fragen" }],
      threads: main ? this.threads.values() : [],
    });
  }

  // -------------------------------------------------------------------------
  // REST

  private get restState(): RestState {
    return {
      token: this.token,
      gatewayUrl: this.gatewayUrl,
      shardCount: this.shardCount,
      botUser: this.botUser,
      applicationId: this.applicationId,
      guildId: this.guildId,
      messageStore: this.messageStore,
      threads: this.threads,
    };
  }

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/attachments/")) {
      this.serveCdn(request, response, url);
      return;
    }
    const prefix = `/api/v${API_VERSION}`;
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    const body = await readJsonBody(request);
    const method = request.method ?? "GET";
    const authorization = typeof request.headers.authorization === "string" ? request.headers.authorization : null;
    let result: RouteResponse;
    try {
      result = this.override?.({ method, path, body }) ?? routeRest(this.restState, method, path, url.searchParams, body, authorization);
    } catch (error) {
      result = { status: 500, body: { message: String(error), code: 0 } };
    }
    const call: RecordedCall = { method, path, query: Object.fromEntries(url.searchParams), body, authorization, status: result.status, at: Date.now() };
    this.calls.push(call);
    if (result.body === undefined) {
      response.writeHead(result.status).end();
    } else {
      response.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body));
    }
    this.events.emit("call", call);
  }

  /** The CDN: plain bytes, no authorization (Discord's attachment URLs are signed instead). */
  private serveCdn(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const file = request.method === "GET" ? this.cdnFiles.get(url.pathname) : undefined;
    const call: RecordedCall = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: null,
      authorization: null,
      status: file ? 200 : 404,
      at: Date.now(),
    };
    this.calls.push(call);
    if (!file) {
      response.writeHead(404).end();
    } else {
      const headers: Record<string, string> = { "content-length": String(file.bytes.length) };
      if (file.contentType) headers["content-type"] = file.contentType;
      response.writeHead(200, headers).end(file.bytes);
    }
    this.events.emit("call", call);
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  if (chunks.length === 0) return null;
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
