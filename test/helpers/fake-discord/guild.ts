import type { FakeUser, JsonObject } from "./types.js";
import { nextSnowflake } from "./snowflakes.js";

/** What a test guild holds, as GUILD_CREATE lists it. */
export interface TestGuild {
  id: string;
  name: string;
  locale: string;
  moderatorRoleId: string;
  botUser: FakeUser;
  /** Its text channels, in order. */
  channels: readonly { id: string; name: string }[];
  /** Active threads (raw channel objects). */
  threads: Iterable<JsonObject>;
}

/** A GUILD_CREATE payload: the guild, its @everyone and moderator roles, its text channels, and the bot as its member. */
export function guildPayload(guild: TestGuild): JsonObject {
  const channel = (id: string, name: string, position: number): JsonObject => ({
    id,
    type: 0,
    guild_id: guild.id,
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
    id: guild.id,
    name: guild.name,
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
    preferred_locale: guild.locale,
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
        id: guild.id,
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
        id: guild.moderatorRoleId,
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
    channels: guild.channels.map((entry, position) => channel(entry.id, entry.name, position)),
    threads: [...guild.threads],
    members: [
      { user: guild.botUser, nick: null, avatar: null, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, pending: false },
    ],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
