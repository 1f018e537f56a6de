/**
 * "@Bot wann reist Kim nach Russland?" in a channel: the bot replies to that
 * message (or, with MENTION_THREADS, answers in a new thread on it). A reply to
 * one of the bot's answers is a follow-up in that answer's conversation.
 * Discord delivers the content of messages that mention the bot, replies that
 * ping it included, even without the privileged Message Content intent.
 */
import { ThreadAutoArchiveDuration, type AnyThreadChannel, type Message } from "discord.js";
import { answerMessage, askService, commandDisplay, screenQuestion } from "./ask-flow.js";
import type { BotContext } from "./context.js";
import { contextForServer } from "./scoped-context.js";
import { messageKey, placeOf, rememberTurn, threadKey, threadName } from "./conversations.js";
import { langFromLocale, messages } from "./i18n/index.js";
import { errorForLog } from "./log-safety.js";
import { presentNotice, type MessagePayload } from "./presentation/index.js";

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

/**
 * Why a message is a question for the bot: it mentions the bot, replies to one
 * of its messages (a follow-up), or stands in a thread the bot started (read
 * only with MESSAGE_CONTENT_INTENT; otherwise Discord gives no content).
 */
interface MessageQuestion {
  raw: string;
  mentioned: boolean;
  /** The keys of the conversation it may continue: the answer replied to, then the thread. */
  keys: string[];
  /** It replies to the bot or sits in a bot thread: not finding the conversation means it was forgotten. */
  continuesBot: boolean;
  /** It stands in a thread the bot started, which then stays the conversation's home. */
  botThread: boolean;
}

function messageQuestion(message: Message<true>, context: BotContext, botUserId: string): MessageQuestion | null {
  const repliedTo = message.reference?.messageId ?? null;
  const repliesToBot = repliedTo !== null && message.mentions.repliedUser?.id === botUserId;
  const channel = message.channel;
  const inThread = channel.isThread();
  const botThread = inThread && (context.conversations.lookup(threadKey(message.channelId)).state !== "unknown" || channel.ownerId === botUserId);
  const keys = [...(repliedTo !== null ? [messageKey(repliedTo)] : []), ...(inThread ? [threadKey(message.channelId)] : [])];
  const continuesBot = repliesToBot || botThread;
  const mentioned = questionFromMention(message.content, botUserId);
  if (mentioned !== null) return { raw: mentioned, mentioned: true, keys, continuesBot, botThread };
  if (repliesToBot || (botThread && context.config.MESSAGE_CONTENT_INTENT)) {
    return { raw: message.content.trim(), mentioned: false, keys, continuesBot, botThread };
  }
  return null;
}

export async function handleMessage(message: Message, shared: BotContext, botUserId: string): Promise<void> {
  if (message.author.bot || message.author.id === botUserId || message.webhookId !== null) return;
  if (!message.inGuild()) return;
  const asked = messageQuestion(message, shared, botUserId);
  if (asked === null) return;
  const parentId = message.channel.isThread() ? message.channel.parentId : null;
  if (!channelAllowed(shared.config.ASK_CHANNEL_IDS, message.channelId, parentId)) {
    shared.logger.debug({ event: "mention_ignored", guild: message.guildId, reason: "channel not in ASK_CHANNEL_IDS" }, "mention ignored");
    return;
  }
  const lang = langFromLocale(message.guild.preferredLocale);
  const text = messages(lang);
  const started = performance.now();
  const context = await contextForServer(shared, message.guildId);
  try {
    if (asked.raw === "") {
      // A reply without the mention arrives without content (no Message Content intent): nothing to read, nothing to say.
      if (asked.mentioned) await reply(message, presentNotice(text.mentionHint(commandDisplay(context, "ask", lang))));
      return;
    }
    const screening = screenQuestion(asked.raw, message.author.id, context, lang);
    if (!screening.ok) {
      await reply(message, presentNotice(screening.notice));
      return;
    }
    // Show "Bot is typing…" while retrieval runs; losing it is harmless.
    await message.channel.sendTyping().catch(() => undefined);
    const place = placeOf(context, asked.keys, asked.continuesBot);
    const command = place.conversation ? "follow-up" : "mention";
    const answer = await askService(
      screening.question,
      context,
      { guild: message.guildId, command, logged: screening.logged },
      place.conversation?.turns ?? [],
    );
    const payload = answerMessage(answer, context, lang, place.lost);
    const startsThread = context.config.MENTION_THREADS && asked.mentioned && !message.channel.isThread() && message.reference === null;
    const thread = startsThread ? await openThread(message, screening.question, context) : null;
    const sent = thread ? await thread.send(payload) : await reply(message, payload);
    const homes = [...(thread ? [threadKey(thread.id)] : []), ...(asked.botThread ? [threadKey(message.channelId)] : [])];
    rememberTurn(context, place, answer, [messageKey(sent.id), ...homes]);
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

/** A thread on the question's message for the answer and its follow-ups; null (answer in the channel) when Discord refuses. */
async function openThread(message: Message<true>, question: string, context: BotContext): Promise<AnyThreadChannel | null> {
  try {
    return await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  } catch (error) {
    context.logger.warn({ event: "thread_failed", guild: message.guildId, err: errorForLog(error) }, "could not start a thread; answering in the channel");
    return null;
  }
}

function reply(message: Message, payload: MessagePayload): Promise<Message> {
  // failIfNotExists: the question may have been deleted meanwhile; then post without the reference.
  return message.reply({ ...payload, failIfNotExists: false });
}
