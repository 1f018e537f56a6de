/**
 * The command registry: every slash command the bot serves and deploys.
 * To add one, create a file exporting `data`,
 * `execute` (and `autocomplete` if needed) and list it here.
 */
import { ApplicationCommandOptionType } from "discord.js";
import type { BotCommand } from "../context.js";
import * as about from "./about.js";
import * as articles from "./articles.js";
import * as ask from "./ask.js";
import * as help from "./help.js";
import * as reindex from "./reindex.js";
import * as removeArticle from "./remove-article.js";
import * as source from "./source.js";
import * as summary from "./summary.js";

/** Everyone's commands first, then the moderators' (which Discord hides from members without Manage Server). */
export const commandList: readonly BotCommand[] = [ask, summary, source, articles, about, help, reindex, removeArticle];

export function commandMap(commands: readonly BotCommand[] = commandList): ReadonlyMap<string, BotCommand> {
  return new Map(commands.map((command) => [command.data.name, command]));
}

export interface PayloadOptions {
  /** MAX_QUESTION_LENGTH: declared on /ask's question option, so the client counts along. */
  maxQuestionLength?: number;
}

/** The JSON Discord's bulk-overwrite endpoint expects. */
export function commandPayloads(commands: readonly BotCommand[] = commandList, options: PayloadOptions = {}) {
  return commands.map((command) => {
    const payload = command.data.toJSON();
    const max = options.maxQuestionLength;
    if (payload.name !== ask.data.name || max === undefined) return payload;
    // Discord accepts at most 6,000 characters in a string option.
    const limit = Math.min(max, 6_000);
    return {
      ...payload,
      options: payload.options?.map((option) =>
        option.name === "question" && option.type === ApplicationCommandOptionType.String ? { ...option, max_length: limit } : option,
      ),
    };
  });
}
