/** `/ask question:<text> [public:<bool>] [thread:<bool>]`: answers with verbatim, cited excerpts. */
import { MessageFlags, SlashCommandBuilder, ThreadAutoArchiveDuration, type ChatInputCommandInteraction, type Message } from "discord.js";
import { answerMessage, askService, screenQuestion } from "../ask-flow.js";
import type { BotContext } from "../context.js";
import { messageKey, placeOf, rememberTurn, threadKey, threadName } from "../conversations.js";
import { commandTexts, langFromLocale, localize, messages } from "../i18n/index.js";
import { errorForLog } from "../log-safety.js";
import { presentNotice } from "../presentation/index.js";

const texts = commandTexts.ask;

export const data = localize(new SlashCommandBuilder(), texts)
  // The length limit is declared at deployment, from MAX_QUESTION_LENGTH (see commandPayloads); the bot checks it too.
  .addStringOption((option) => localize(option, texts.options.question).setRequired(true))
  .addBooleanOption((option) => localize(option, texts.options.public).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.thread).setRequired(false));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const raw = interaction.options.getString(texts.options.question.en.name, true);
  const isPublic = interaction.options.getBoolean(texts.options.public.en.name) ?? true;
  const wantsThread = interaction.options.getBoolean(texts.options.thread.en.name) ?? false;

  const screening = screenQuestion(raw, interaction.user.id, context, lang);
  if (!screening.ok) {
    await interaction.reply({ ...presentNotice(screening.notice), flags: MessageFlags.Ephemeral });
    return;
  }
  // Retrieval may take longer than Discord's 3-second window: acknowledge first.
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  // Asked inside a thread the bot started, /ask continues that thread's conversation.
  const channel = interaction.channel;
  const botThread =
    channel !== null &&
    channel.isThread() &&
    (context.conversations.lookup(threadKey(channel.id)).state !== "unknown" || channel.ownerId === interaction.client.user.id);
  const place = placeOf(context, botThread ? [threadKey(interaction.channelId)] : [], botThread);
  const answer = await askService(
    screening.question,
    context,
    { guild: interaction.guildId, command: "ask", logged: screening.logged },
    place.conversation?.turns ?? [],
  );
  const reply = await interaction.editReply(answerMessage(answer, context, lang, place.lost));
  const homes = botThread ? [threadKey(interaction.channelId)] : [];
  // An ephemeral answer cannot carry a thread; inside a thread, the thread already is the conversation.
  if (wantsThread && isPublic && interaction.inGuild() && !(channel?.isThread() ?? false)) {
    const thread = await openThread(reply, screening.question, interaction, context);
    if (thread) homes.push(threadKey(thread));
  }
  rememberTurn(context, place, answer, [messageKey(reply.id), ...homes]);
  if (answer.answered) context.recentAnswers.remember(reply.id, { question: answer.question });
}

/** Starts a thread on the answer, named after the question; says so (only to the asker) when Discord refuses. Returns the thread id. */
async function openThread(reply: Message, question: string, interaction: ChatInputCommandInteraction, context: BotContext): Promise<string | null> {
  try {
    const thread = await reply.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    return thread.id;
  } catch (error) {
    context.logger.warn({ event: "thread_failed", guild: interaction.guildId, err: errorForLog(error) }, "could not start a thread on the answer");
    const text = messages(langFromLocale(interaction.locale));
    await interaction.followUp({ ...presentNotice(text.threadFailed), flags: MessageFlags.Ephemeral }).catch(() => undefined);
    return null;
  }
}
