/**
 * Who counts as a moderator (for /reindex and /remove-article):
 * anyone with Manage Server, or anyone holding one of MODERATOR_ROLE_IDS.
 */
import { PermissionFlagsBits, PermissionsBitField, type PermissionResolvable } from "discord.js";

export interface MemberFacts {
  /** The member's permissions in the channel (Administrator implies everything). */
  permissions: PermissionResolvable | null;
  roleIds: Iterable<string>;
}

export function isModerator(member: MemberFacts, moderatorRoleIds: readonly string[]): boolean {
  if (member.permissions !== null && new PermissionsBitField(member.permissions).has(PermissionFlagsBits.ManageGuild)) {
    return true;
  }
  if (moderatorRoleIds.length === 0) return false;
  const wanted = new Set(moderatorRoleIds);
  for (const roleId of member.roleIds) if (wanted.has(roleId)) return true;
  return false;
}

/** Whether the user is one of the bot's operators (OPERATOR_USER_IDS), who change the articles every server shares. */
export function isOperator(userId: string, operatorUserIds: readonly string[]): boolean {
  return operatorUserIds.includes(userId);
}

/** The shape of `interaction.member` in both of its forms (cached GuildMember or raw API member). */
type InteractionMember = { roles: readonly string[] | { cache: { keys(): Iterable<string> } } } | null;

/** Reads member facts off an interaction; outside a guild nobody is a moderator. */
export function memberFactsFromInteraction(interaction: {
  inGuild(): boolean;
  memberPermissions: Readonly<PermissionsBitField> | null;
  member: InteractionMember;
}): MemberFacts | null {
  if (!interaction.inGuild() || interaction.member === null) return null;
  const roles = interaction.member.roles;
  const roleIds: Iterable<string> = isRoleIdArray(roles) ? roles : roles.cache.keys();
  return { permissions: interaction.memberPermissions, roleIds };
}

function isRoleIdArray(roles: readonly string[] | { cache: unknown }): roles is readonly string[] {
  return Array.isArray(roles);
}

export function interactionIsFromModerator(interaction: Parameters<typeof memberFactsFromInteraction>[0], moderatorRoleIds: readonly string[]): boolean {
  const facts = memberFactsFromInteraction(interaction);
  return facts !== null && isModerator(facts, moderatorRoleIds);
}
