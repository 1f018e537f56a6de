/**
 * Routes interactions to commands and buttons. Whatever a handler throws stops
 * here: it is logged with context and the user gets a short ephemeral message.
 */
import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { handleButton } from "./components.js";
import { errorForLog } from "./log-safety.js";
import type { BotContext } from "./context.js";
import { contextForServer } from "./scoped-context.js";
import { langFromLocale, messages } from "./i18n/index.js";
import { presentNotice } from "./presentation/index.js";

export async function handleInteraction(interaction: Interaction, shared: BotContext): Promise<void> {
  const started = performance.now();
  const guild = interaction.guildId;
  const context = await contextForServer(shared, guild);
  if (interaction.isChatInputCommand()) {
    const command = context.commands.get(interaction.commandName);
    const logContext = { guild, command: interaction.commandName };
    try {
      if (!command) throw new Error(`no handler for command "${interaction.commandName}"`);
      await command.execute(interaction, context);
      context.logger.info({ event: "command", ...logContext, latencyMs: elapsed(started) }, "command handled");
    } catch (error) {
      context.logger.error({ event: "command_failed", ...logContext, latencyMs: elapsed(started), err: errorForLog(error) }, "command failed");
      await replyWithError(interaction, context);
    }
    return;
  }
  if (interaction.isAutocomplete()) {
    const command = context.commands.get(interaction.commandName);
    try {
      if (!command?.autocomplete) throw new Error(`no autocomplete for command "${interaction.commandName}"`);
      await command.autocomplete(interaction, context);
      context.logger.debug({ event: "autocomplete", guild, command: interaction.commandName, latencyMs: elapsed(started) }, "autocomplete");
    } catch (error) {
      context.logger.warn({ event: "autocomplete_failed", guild, command: interaction.commandName, err: errorForLog(error) }, "autocomplete failed");
      // An empty list is better than the client's "loading options failed".
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (interaction.isButton()) {
    try {
      const action = await handleButton(interaction, context);
      context.logger.info({ event: "button", guild, command: action, latencyMs: elapsed(started) }, "button handled");
    } catch (error) {
      context.logger.error({ event: "button_failed", guild, latencyMs: elapsed(started), err: errorForLog(error) }, "button failed");
      await replyWithError(interaction, context);
    }
  }
}

/**
 * Tells the user something went wrong, privately. A public deferred reply is
 * removed and replaced by an ephemeral follow-up, so the channel is not left
 * with a "thinking…" message or a public error.
 */
export async function replyWithError(interaction: RepliableInteraction, context: BotContext): Promise<void> {
  const payload = { ...presentNotice(messages(langFromLocale(interaction.locale)).genericError), flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.deferred && !interaction.replied) {
      if (interaction.ephemeral) {
        await interaction.editReply({ content: payload.content, embeds: [], components: [], allowedMentions: payload.allowedMentions });
        return;
      }
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp(payload);
    } else if (interaction.replied) {
      await interaction.followUp(payload);
    } else {
      await interaction.reply(payload);
    }
  } catch (error) {
    // The interaction may have expired; nothing more to tell the user.
    context.logger.warn({ event: "error_reply_failed", guild: interaction.guildId, err: errorForLog(error) }, "could not report the error to the user");
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
