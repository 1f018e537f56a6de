/** Discord's limits, colours and the payload shape every presenter returns. */
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, MessageMentionOptions } from "discord.js";

/** Discord's documented message limits (counted in UTF-16 units here, which never undercounts characters). */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  authorName: 256,
  embedTotal: 6_000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

/** Nothing the bot sends may ping anyone, whatever the question or article contains. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

export const EMBED_COLOR = 0x1f6feb;
/** Hedged answers (the closest passage, which may not answer) are marked in grey, apart from answers. */
export const HEDGED_COLOR = 0x99aab5;
export const ELLIPSIS = "…";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** What every reply helper returns; callers add flags (ephemeral) as needed. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: MessageMentionOptions;
}
