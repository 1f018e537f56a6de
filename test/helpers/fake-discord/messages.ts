import { isObject, type FakeUser, type JsonObject } from "./types.js";
import { nextSnowflake } from "./snowflakes.js";

/** Who writes the messages and where they go by default. */
export interface MessageIdentity {
  guildId: string;
  channelId: string;
  applicationId: string;
  botUser: FakeUser;
}

/** The messages the bot created or edited (raw API objects), and interactions' original responses. */
export class FakeMessages {
  /** Every message created or edited, by id. */
  readonly byId = new Map<string, JsonObject>();
  private readonly originalMessageIds = new Map<string, string>();
  private readonly channelByToken = new Map<string, string>();

  constructor(private readonly identity: MessageIdentity) {}

  /** An interaction's replies go to the channel it came from. */
  rememberChannel(token: string, channelId: string): void {
    this.channelByToken.set(token, channelId);
  }

  /** The id of an interaction's original response, once there is one. */
  originalId(token: string): string | undefined {
    return this.originalMessageIds.get(token);
  }

  /** The channel an interaction's replies go to. */
  channelOf(token: string): string {
    return this.channelByToken.get(token) ?? this.identity.channelId;
  }

  /** Creates or edits an interaction's original response message. */
  storeOriginal(token: string, data: JsonObject, messageRef = "@original"): JsonObject {
    const existingId = messageRef === "@original" ? this.originalMessageIds.get(token) : messageRef;
    const existing = existingId ? this.byId.get(existingId) : undefined;
    if (existing) {
      const edited: JsonObject = { ...existing, ...pickMessageFields(data), edited_timestamp: new Date().toISOString() };
      this.byId.set(String(existing.id), edited);
      return edited;
    }
    const created = this.create(this.channelByToken.get(token) ?? this.identity.channelId, data, { webhook_id: this.identity.applicationId });
    if (messageRef === "@original") this.originalMessageIds.set(token, String(created.id));
    return created;
  }

  create(channelId: string, data: JsonObject, extra: JsonObject): JsonObject {
    const reference = isObject(data.message_reference) ? data.message_reference : null;
    const message: JsonObject = {
      id: nextSnowflake(),
      channel_id: channelId,
      guild_id: this.identity.guildId,
      author: this.identity.botUser,
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
      application_id: this.identity.applicationId,
      ...(reference ? { message_reference: { ...reference, channel_id: channelId, guild_id: this.identity.guildId } } : {}),
      ...pickMessageFields(data),
      ...extra,
    };
    this.byId.set(String(message.id), message);
    return message;
  }
}

function pickMessageFields(data: JsonObject): JsonObject {
  const picked: JsonObject = {};
  for (const key of ["content", "embeds", "components", "flags"] as const) if (key in data && data[key] !== undefined) picked[key] = data[key];
  return picked;
}
