/** /help as a message payload. */
import type { APIEmbed } from "discord.js";
import { EXAMPLE_QUESTION, messages, type Lang } from "../i18n/index.js";
import { LIMITS, NO_MENTIONS, EMBED_COLOR, type MessagePayload } from "./limits.js";
import { fitPlain } from "./truncation.js";
import { fitEmbedTotal } from "./embeds.js";

export interface HelpEntry {
  /** As the user sees it, with slash: "/frage". */
  command: string;
  description: string;
}

/** `/help`: what the bot does, its commands (from the registry, so new commands appear by themselves), mentions, tips. */
export interface HelpOptions {
  /** How /ask is shown to this user ("/ask", "/frage"). */
  askCommand: string;
  conversationIdleMinutes: number;
  /** Whether plain messages in the bot's threads count as follow-ups (MESSAGE_CONTENT_INTENT). */
  threadMessagesWithoutMention: boolean;
}

export function presentHelp(entries: readonly HelpEntry[], lang: Lang, options: HelpOptions): MessagePayload {
  const text = messages(lang).help;
  const commandLines = entries.map((entry) => `**${entry.command}** – ${entry.description}`);
  const embed: APIEmbed = fitEmbedTotal({
    color: EMBED_COLOR,
    title: text.title,
    description: text.intro,
    fields: [
      { name: text.commandsLabel, value: fitPlain(commandLines.join("\n"), LIMITS.fieldValue) || "–" },
      { name: text.mentionLabel, value: text.mentionUsage(EXAMPLE_QUESTION) },
      {
        name: text.conversationLabel,
        value: fitPlain(text.conversationUsage(options.askCommand, options.conversationIdleMinutes, options.threadMessagesWithoutMention), LIMITS.fieldValue),
      },
      { name: text.tipsLabel, value: text.tips },
    ],
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}
