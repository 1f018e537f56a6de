/** `/help`: how to use the bot; lists whatever commands are registered (moderator ones for moderators), in the user's language. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { commandDisplay } from "../ask-flow.js";
import type { BotContext } from "../context.js";
import { commandTexts, displayCommandName, langFromLocale, localize } from "../i18n/index.js";
import { interactionIsFromModerator } from "../permissions.js";
import { presentHelp } from "../presentation/index.js";

export const data = localize(new SlashCommandBuilder(), commandTexts.help);

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const moderator = interactionIsFromModerator(interaction, context.config.MODERATOR_ROLE_IDS);
  const entries = [...context.commands.values()].flatMap((command) => {
    const json = command.data.toJSON();
    // Moderator commands (those with a default permission) are only listed for moderators, who can use them.
    if (json.default_member_permissions && !moderator) return [];
    const localizedDescription = lang === "de" ? json.description_localizations?.de : json.description_localizations?.["en-US"];
    return [{ command: displayCommandName(json, lang), description: localizedDescription ?? json.description }];
  });
  const help = presentHelp(entries, lang, {
    askCommand: commandDisplay(context, "ask", lang),
    conversationIdleMinutes: context.config.CONVERSATION_IDLE_MINUTES,
    threadMessagesWithoutMention: context.config.MESSAGE_CONTENT_INTENT,
  });
  await interaction.reply({ ...help, flags: MessageFlags.Ephemeral });
}
