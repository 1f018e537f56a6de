/** What the fake Discord records and takes: calls, users, options, attachments. */

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

export type JsonObject = Record<string, unknown>;

export interface RouteResponse {
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

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
