/**
 * "@Bot wann reist Kim nach Russland?" in a channel: the bot replies to that
 * message. Discord delivers the content of messages that mention the bot even
 * without the privileged Message Content intent.
 */
import type { Message } from "discord.js";
import { answerMessage, askService, commandDisplay, screenQuestion } from "./ask-flow.js";
import type { BotContext } from "./context.js";
import { langFromLocale, messages } from "./i18n.js";
import { errorForLog } from "./log-safety.js";
import { presentNotice, type MessagePayload } from "./presentation.js";

/**
 * The question in a message that mentions the bot (mention tokens removed), or
 * null when the bot is not mentioned in the text. A reply that merely pings the
 * bot (no `<@id>` in the text) does not count.
 */
export function questionFromMention(content: string, botUserId: string): string | null {
  const mention = new RegExp(`<@!?${botUserId}>`, "g");
  if (!mention.test(content)) return null;
  return content.replace(mention, " ").replace(/\s+/g, " ").trim();
}

/** Whether mentions are answered in this channel (threads count as their parent channel). */
export function channelAllowed(allowedChannelIds: readonly string[], channelId: string, parentId: string | null): boolean {
  if (allowedChannelIds.length === 0) return true;
  return allowedChannelIds.includes(channelId) || (parentId !== null && allowedChannelIds.includes(parentId));
}

export async function handleMessage(message: Message, context: BotContext, botUserId: string): Promise<void> {
  if (message.author.bot || message.author.id === botUserId || message.webhookId !== null) return;
  if (!message.inGuild()) return;
  const raw = questionFromMention(message.content, botUserId);
  if (raw === null) return;
  const parentId = message.channel.isThread() ? message.channel.parentId : null;
  if (!channelAllowed(context.config.ASK_CHANNEL_IDS, message.channelId, parentId)) {
    context.logger.debug({ event: "mention_ignored", guild: message.guildId, reason: "channel not in ASK_CHANNEL_IDS" }, "mention ignored");
    return;
  }
  const lang = langFromLocale(message.guild.preferredLocale);
  const text = messages(lang);
  const started = performance.now();
  try {
    if (raw === "") {
      await reply(message, presentNotice(text.mentionHint(commandDisplay(context, "ask", lang))));
      return;
    }
    const screening = screenQuestion(raw, message.author.id, context, lang);
    if (!screening.ok) {
      await reply(message, presentNotice(screening.notice));
      return;
    }
    // Show "Bot is typing…" while retrieval runs; losing it is harmless.
    await message.channel.sendTyping().catch(() => undefined);
    const answer = await askService(screening.question, context, { guild: message.guildId, command: "mention" });
    const sent = await reply(message, answerMessage(answer, context, lang));
    if (answer.answered) context.recentAnswers.remember(sent.id, { question: answer.question });
  } catch (error) {
    context.logger.error(
      { event: "mention_failed", guild: message.guildId, command: "mention", latencyMs: Math.round(performance.now() - started), err: errorForLog(error) },
      "mention failed",
    );
    await reply(message, presentNotice(text.genericError)).catch((replyError: unknown) => {
      context.logger.warn({ event: "error_reply_failed", guild: message.guildId, err: errorForLog(replyError) }, "could not report the error to the user");
    });
  }
}

function reply(message: Message, payload: MessagePayload): Promise<Message> {
  // failIfNotExists: the question may have been deleted meanwhile; then post without the reference.
  return message.reply({ ...payload, failIfNotExists: false });
}
