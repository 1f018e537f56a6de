/**
 * Raw gateway payloads (as Discord sends them) for the fake Discord to dispatch:
 * slash commands, autocomplete, button clicks and messages.
 */
import { nextSnowflake, type FakeAttachment, type FakeDiscord, type FakeUser } from "./fake-discord/index.js";

type JsonObject = Record<string, unknown>;

export function fakeUser(name = "leserin"): FakeUser {
  return { id: nextSnowflake(), username: name, global_name: name, discriminator: "0", avatar: null };
}

/** "Manage Server" and everything a regular member has. */
export const MANAGE_GUILD_PERMISSIONS = String((1n << 5n) | 1024n | 2048n);
/** View Channel + Send Messages + Read Message History. */
export const MEMBER_PERMISSIONS = String(1024n | 2048n | 65536n);

export interface InteractionBase {
  user?: FakeUser;
  locale?: string;
  channelId?: string;
  /** The guild the interaction comes from (default `fake.guildId`; sharded fakes have one per shard). */
  guildId?: string;
  permissions?: string;
  roles?: string[];
  /** The channel object Discord sends (default: the test guild's text channel `channelId`); e.g. a thread. */
  channel?: JsonObject;
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  payload: JsonObject;
}

function baseInteraction(fake: FakeDiscord, type: number, base: InteractionBase): DispatchedInteraction {
  const id = nextSnowflake();
  const token = `interaction-token-${id}`;
  const user = base.user ?? fakeUser();
  const guildId = base.guildId ?? fake.guildId;
  const channelId = base.channelId ?? fake.channelIdOf(guildId);
  const payload: JsonObject = {
    id,
    application_id: fake.applicationId,
    type,
    token,
    version: 1,
    guild_id: guildId,
    channel_id: channelId,
    channel: base.channel ?? {
      id: channelId,
      type: 0,
      guild_id: guildId,
      name: "fragen",
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      flags: 0,
    },
    member: {
      user,
      roles: base.roles ?? [],
      permissions: base.permissions ?? MEMBER_PERMISSIONS,
      joined_at: new Date().toISOString(),
      nick: null,
      avatar: null,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    },
    locale: base.locale ?? "de",
    guild_locale: fake.guildLocale,
    app_permissions: "2147601408",
    entitlements: [],
    authorizing_integration_owners: { "0": guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  return { id, token, payload };
}

export interface CommandOption {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 11 attachment (value: the attachment id, listed in `resolved`). */
  type: 3 | 4 | 5 | 11;
  value: string | number | boolean;
  focused?: boolean;
}

export function slashCommand(
  fake: FakeDiscord,
  name: string,
  options: CommandOption[],
  base: InteractionBase = {},
  attachments: FakeAttachment[] = [],
): DispatchedInteraction {
  const interaction = baseInteraction(fake, 2, base);
  const resolved = attachments.length > 0 ? { resolved: { attachments: Object.fromEntries(attachments.map((file) => [file.id, file])) } } : {};
  interaction.payload.data = { id: nextSnowflake(), name, type: 1, options, ...resolved };
  return interaction;
}

export function autocomplete(fake: FakeDiscord, name: string, options: CommandOption[], base: InteractionBase = {}): DispatchedInteraction {
  const interaction = baseInteraction(fake, 4, base);
  interaction.payload.data = { id: nextSnowflake(), name, type: 1, options };
  return interaction;
}

/** A click on a button of a message the fake stored (e.g. the bot's answer). */
export function buttonClick(fake: FakeDiscord, customId: string, message: JsonObject, base: InteractionBase = {}): DispatchedInteraction {
  const interaction = baseInteraction(fake, 3, base);
  interaction.payload.data = { custom_id: customId, component_type: 2 };
  interaction.payload.message = message;
  return interaction;
}

export interface MessageInput {
  content: string;
  author?: FakeUser;
  channelId?: string;
  mentionsBot?: boolean;
}

export function channelMessage(fake: FakeDiscord, input: MessageInput): JsonObject {
  const author = input.author ?? fakeUser();
  const mentionsBot = input.mentionsBot ?? input.content.includes(`<@${fake.botUser.id}>`);
  return {
    id: nextSnowflake(),
    channel_id: input.channelId ?? fake.channelId,
    guild_id: fake.guildId,
    author,
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, pending: false },
    content: input.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentionsBot ? [{ ...fake.botUser, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    channel_type: 0,
  };
}

export interface ReplyInput extends MessageInput {
  /** The message replied to, as the fake stored it (e.g. the bot's answer). */
  to: JsonObject;
  /** Whether the reply pings the author of `to` (Discord's default; then the bot gets the content). */
  ping?: boolean;
}

/** A Discord reply (type 19) to a stored message; pinging the bot unless `ping: false`. */
export function replyMessage(fake: FakeDiscord, input: ReplyInput): JsonObject {
  const message = channelMessage(fake, { ...input, mentionsBot: input.ping ?? true, channelId: input.channelId ?? String(input.to.channel_id) });
  return {
    ...message,
    type: 19,
    message_reference: { type: 0, message_id: input.to.id, channel_id: input.to.channel_id, guild_id: fake.guildId },
    referenced_message: input.to,
  };
}

export function dispatchInteraction(fake: FakeDiscord, interaction: DispatchedInteraction): DispatchedInteraction {
  fake.dispatch("INTERACTION_CREATE", interaction.payload);
  return interaction;
}
