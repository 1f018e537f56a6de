import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { interactionIsFromModerator, isModerator, memberFactsFromInteraction } from "../../src/discord/permissions.js";

const MOD_ROLE = "222222222222222222";

describe("isModerator", () => {
  it("accepts Manage Server, and Administrator (which implies it)", () => {
    expect(isModerator({ permissions: PermissionFlagsBits.ManageGuild, roleIds: [] }, [])).toBe(true);
    expect(isModerator({ permissions: PermissionFlagsBits.Administrator, roleIds: [] }, [])).toBe(true);
  });

  it("accepts a configured moderator role", () => {
    expect(isModerator({ permissions: PermissionFlagsBits.SendMessages, roleIds: ["1", MOD_ROLE] }, [MOD_ROLE])).toBe(true);
  });

  it("refuses everyone else", () => {
    expect(isModerator({ permissions: PermissionFlagsBits.SendMessages, roleIds: ["1"] }, [MOD_ROLE])).toBe(false);
    expect(isModerator({ permissions: PermissionFlagsBits.SendMessages, roleIds: [MOD_ROLE] }, [])).toBe(false);
    expect(isModerator({ permissions: null, roleIds: [] }, [])).toBe(false);
  });
});

describe("interaction members", () => {
  const permissions = new PermissionsBitField(PermissionFlagsBits.SendMessages);

  it("reads roles from a raw API member and from a cached GuildMember", () => {
    const raw = { inGuild: () => true, memberPermissions: permissions, member: { roles: [MOD_ROLE] } };
    expect(interactionIsFromModerator(raw, [MOD_ROLE])).toBe(true);
    const cached = { inGuild: () => true, memberPermissions: permissions, member: { roles: { cache: new Map([[MOD_ROLE, {}]]) } } };
    expect(interactionIsFromModerator(cached, [MOD_ROLE])).toBe(true);
    expect(interactionIsFromModerator(cached, ["333333333333333333"])).toBe(false);
  });

  it("outside a server nobody is a moderator", () => {
    expect(memberFactsFromInteraction({ inGuild: () => false, memberPermissions: null, member: null })).toBeNull();
    expect(interactionIsFromModerator({ inGuild: () => false, memberPermissions: null, member: null }, [MOD_ROLE])).toBe(false);
  });
});
