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

export const FAKE_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.fake-token-for-tests-only-000000";
export const API_VERSION = "10";

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or null when there was none. */
  body: unknown;
  authorization: string | null;
  /** Status the fake answered with. */
  status: number;
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface FakeDiscordOptions {
  token?: string;
  guildLocale?: string;
  /** Heartbeat interval announced in Hello (ms). */
  heartbeatIntervalMs?: number;
  /**
   * Gateway shards (default 1). With more, there is one test guild per shard
   * (`guildIds[shard]`, `guildId` is shard 0's), each connection gets only its
   * shard's guilds, and dispatches for a guild go to the shard that owns it.
   */
  shardCount?: number;
}

/** The shard a guild belongs to, as Discord computes it: (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh snowflake that falls on `shard` of `shardCount`. */
function snowflakeOnShard(shard: number, shardCount: number): string {
  const base = BigInt(nextSnowflake());
  const count = BigInt(shardCount);
  const high = ((base >> 22n) / count + 1n) * count + BigInt(shard);
  return ((high << 22n) | (base & 0x3fffffn)).toString();
}

type JsonObject = Record<string, unknown>;

interface RouteResponse {
  status: number;
  body?: unknown;
}

/** An uploaded file as it appears in an interaction's `resolved.attachments`. */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

export interface ServeAttachmentOptions {
  /** Omitted: Discord sent no content type. */
  contentType?: string;
  /** The size Discord claims (defaults to the real one); lets a test lie to check the limit enforced while downloading. */
  declaredSize?: number;
}

/** Lets a test replace the answer to a request (e.g. to make Discord fail). */
export type Override = (call: { method: string; path: string; body: unknown }) => RouteResponse | undefined;

let snowflakeCounter = 1_100_000_000_000_000_000n;
/** Unique, increasing snowflake-shaped ids. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly identifies: JsonObject[] = [];
  /** Query strings of gateway connections (`v=10&encoding=json`). */
  readonly gatewayQueries: string[] = [];
  /** Every message the fake has created or edited, by id (raw API objects). */
  readonly messages = new Map<string, JsonObject>();
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
  private readonly originalMessageIds = new Map<string, string>();
  private readonly channelByToken = new Map<string, string>();
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
      this.channelByToken.set(data.token, data.channel_id);
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
    const id = this.originalMessageIds.get(interaction.token);
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

  private guildPayload(guildId: string = this.guildId): JsonObject {
    const main = guildId === this.guildId;
    const channel = (id: string, name: string, position: number): JsonObject => ({
      id,
      type: 0,
      guild_id: guildId,
      name,
      position,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    });
    return {
      id: guildId,
      name: main ? "Testserver" : "Zweiter Testserver",
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: nextSnowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: this.guildLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: new Date().toISOString(),
      roles: [
        {
          id: guildId,
          name: "@everyone",
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 0,
          permissions: "68608",
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: this.moderatorRoleId,
          name: "Moderation",
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 1,
          permissions: "68608",
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      channels: main ? [channel(this.channelId, "fragen", 0), channel(this.otherChannelId, "allgemein", 1)] : [channel(this.channelIdOf(guildId), "fragen", 0)],
      threads: main ? [...this.threads.values()] : [],
      members: [
        { user: this.botUser, nick: null, avatar: null, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, pending: false },
      ],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // -------------------------------------------------------------------------
  // REST

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
      result = this.override?.({ method, path, body }) ?? this.route(method, path, url.searchParams, body, authorization);
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

  private route(method: string, path: string, query: URLSearchParams, body: unknown, authorization: string | null): RouteResponse {
    const needsBotAuth = !path.startsWith("/interactions/") && !path.startsWith("/webhooks/");
    if (needsBotAuth && authorization !== `Bot ${this.token}`) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };

    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === "GET" && path === "/users/@me") return { status: 200, body: this.botUser };

    let match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (match && method === "POST") {
      const [, interactionId = "", token = ""] = match;
      const payload = isObject(body) ? body : {};
      if ((payload.type === 4 || payload.type === 7) && isObject(payload.data)) this.storeOriginal(token, payload.data);
      if (query.get("with_response") === "true") {
        return {
          status: 200,
          body: { interaction: { id: interactionId, type: 2, response_message_loading: payload.type === 5, response_message_ephemeral: false } },
        };
      }
      return { status: 204 };
    }

    match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path);
    if (match) {
      const [, , token = "", messageRef = ""] = match;
      const messageId = messageRef === "@original" ? this.originalMessageIds.get(token) : messageRef;
      if (method === "PATCH") return { status: 200, body: this.storeOriginal(token, isObject(body) ? body : {}, messageRef) };
      if (method === "GET") {
        const stored = messageId ? this.messages.get(messageId) : undefined;
        return stored ? { status: 200, body: stored } : { status: 404, body: { message: "Unknown Message", code: 10008 } };
      }
      if (method === "DELETE") {
        if (messageId) this.messages.delete(messageId);
        return { status: 204 };
      }
    }

    match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
    if (match && method === "POST") {
      const [, , token = ""] = match;
      const message = this.createMessage(this.channelByToken.get(token) ?? this.channelId, isObject(body) ? body : {}, { webhook_id: this.applicationId });
      return query.get("wait") === "false" ? { status: 204 } : { status: 200, body: message };
    }

    match = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (match && method === "POST") {
      const [, channelId = ""] = match;
      return { status: 200, body: this.createMessage(channelId, isObject(body) ? body : {}, {}) };
    }
    match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (match && method === "POST") {
      const [, channelId = "", messageId = ""] = match;
      const payload = isObject(body) ? body : {};
      if (this.threads.has(messageId)) return { status: 400, body: { message: "A thread has already been created for this message", code: 160004 } };
      // As on Discord, a thread started from a message takes the message's id.
      const thread: JsonObject = {
        id: messageId,
        type: 11,
        guild_id: this.guildId,
        parent_id: channelId,
        owner_id: this.botUser.id,
        name: typeof payload.name === "string" ? payload.name : "thread",
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        total_message_sent: 0,
        flags: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: typeof payload.auto_archive_duration === "number" ? payload.auto_archive_duration : 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      };
      this.threads.set(messageId, thread);
      return { status: 201, body: thread };
    }
    match = /^\/channels\/(\d+)\/typing$/.exec(path);
    if (match && method === "POST") return { status: 204 };

    match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (match && method === "PUT") {
      const [, applicationId = "", guildId] = match;
      if (applicationId !== this.applicationId) return { status: 404, body: { message: "Unknown Application", code: 10002 } };
      const commands = Array.isArray(body) ? body.filter(isObject) : [];
      return {
        status: 200,
        body: commands.map((command) => ({
          ...command,
          id: nextSnowflake(),
          application_id: applicationId,
          version: nextSnowflake(),
          ...(guildId ? { guild_id: guildId } : {}),
        })),
      };
    }
    return { status: 404, body: { message: `404: Not Found (fake Discord has no ${method} ${path})`, code: 0 } };
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

  /** Creates or edits an interaction's original response message. */
  private storeOriginal(token: string, data: JsonObject, messageRef = "@original"): JsonObject {
    const existingId = messageRef === "@original" ? this.originalMessageIds.get(token) : messageRef;
    const existing = existingId ? this.messages.get(existingId) : undefined;
    if (existing) {
      const edited: JsonObject = { ...existing, ...pickMessageFields(data), edited_timestamp: new Date().toISOString() };
      this.messages.set(String(existing.id), edited);
      return edited;
    }
    const created = this.createMessage(this.channelByToken.get(token) ?? this.channelId, data, { webhook_id: this.applicationId });
    if (messageRef === "@original") this.originalMessageIds.set(token, String(created.id));
    return created;
  }

  private createMessage(channelId: string, data: JsonObject, extra: JsonObject): JsonObject {
    const reference = isObject(data.message_reference) ? data.message_reference : null;
    const message: JsonObject = {
      id: nextSnowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author: this.botUser,
      content: "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: reference ? 19 : 0,
      flags: 0,
      application_id: this.applicationId,
      ...(reference ? { message_reference: { ...reference, channel_id: channelId, guild_id: this.guildId } } : {}),
      ...pickMessageFields(data),
      ...extra,
    };
    this.messages.set(String(message.id), message);
    return message;
  }
}

function pickMessageFields(data: JsonObject): JsonObject {
  const picked: JsonObject = {};
  for (const key of ["content", "embeds", "components", "flags"] as const) if (key in data && data[key] !== undefined) picked[key] = data[key];
  return picked;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
