/**
 * The command registry: every slash command the bot serves and deploys.
 * To add one, create a file exporting `data`,
 * `execute` (and `autocomplete` if needed) and list it here.
 */
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

/** The JSON Discord's bulk-overwrite endpoint expects. */
export function commandPayloads(commands: readonly BotCommand[] = commandList) {
  return commands.map((command) => command.data.toJSON());
}
