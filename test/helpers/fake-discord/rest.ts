import { isObject, type FakeUser, type JsonObject, type RouteResponse } from "./types.js";
import type { FakeMessages } from "./messages.js";
import { nextSnowflake } from "./snowflakes.js";

/** What the REST routes read and change of the fake. */
export interface RestState {
  readonly token: string;
  readonly gatewayUrl: string;
  readonly shardCount: number;
  readonly botUser: FakeUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly messageStore: FakeMessages;
  /** Threads the bot started, by id. */
  readonly threads: Map<string, JsonObject>;
}

/** Answers one REST request (path after `/api/v10`) the way Discord would for the routes the bot uses. */
export function routeRest(fake: RestState, method: string, path: string, query: URLSearchParams, body: unknown, authorization: string | null): RouteResponse {
  const needsBotAuth = !path.startsWith("/interactions/") && !path.startsWith("/webhooks/");
  if (needsBotAuth && authorization !== `Bot ${fake.token}`) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };

  if (method === "GET" && path === "/gateway/bot") {
    return {
      status: 200,
      body: {
        url: fake.gatewayUrl,
        shards: fake.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    };
  }
  if (method === "GET" && path === "/users/@me") return { status: 200, body: fake.botUser };

  let match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
  if (match && method === "POST") {
    const [, interactionId = "", token = ""] = match;
    const payload = isObject(body) ? body : {};
    if ((payload.type === 4 || payload.type === 7) && isObject(payload.data)) fake.messageStore.storeOriginal(token, payload.data);
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
    const messageId = messageRef === "@original" ? fake.messageStore.originalId(token) : messageRef;
    if (method === "PATCH") return { status: 200, body: fake.messageStore.storeOriginal(token, isObject(body) ? body : {}, messageRef) };
    if (method === "GET") {
      const stored = messageId ? fake.messageStore.byId.get(messageId) : undefined;
      return stored ? { status: 200, body: stored } : { status: 404, body: { message: "Unknown Message", code: 10008 } };
    }
    if (method === "DELETE") {
      if (messageId) fake.messageStore.byId.delete(messageId);
      return { status: 204 };
    }
  }

  match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
  if (match && method === "POST") {
    const [, , token = ""] = match;
    const message = fake.messageStore.create(fake.messageStore.channelOf(token), isObject(body) ? body : {}, { webhook_id: fake.applicationId });
    return query.get("wait") === "false" ? { status: 204 } : { status: 200, body: message };
  }

  match = /^\/channels\/(\d+)\/messages$/.exec(path);
  if (match && method === "POST") {
    const [, channelId = ""] = match;
    return { status: 200, body: fake.messageStore.create(channelId, isObject(body) ? body : {}, {}) };
  }
  match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
  if (match && method === "POST") {
    const [, channelId = "", messageId = ""] = match;
    const payload = isObject(body) ? body : {};
    if (fake.threads.has(messageId)) return { status: 400, body: { message: "A thread has already been created for this message", code: 160004 } };
    // As on Discord, a thread started from a message takes the message's id.
    const thread: JsonObject = {
      id: messageId,
      type: 11,
      guild_id: fake.guildId,
      parent_id: channelId,
      owner_id: fake.botUser.id,
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
    fake.threads.set(messageId, thread);
    return { status: 201, body: thread };
  }
  match = /^\/channels\/(\d+)\/typing$/.exec(path);
  if (match && method === "POST") return { status: 204 };

  match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
  if (match && method === "PUT") {
    const [, applicationId = "", guildId] = match;
    if (applicationId !== fake.applicationId) return { status: 404, body: { message: "Unknown Application", code: 10002 } };
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
