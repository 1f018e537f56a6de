/**
 * The command registry: every slash command the bot serves and deploys.
 * To add one (e.g. /summary, /reindex), create a file exporting `data`,
 * `execute` (and `autocomplete` if needed) and list it here.
 */
import type { BotCommand } from "../context.js";
import * as about from "./about.js";
import * as ask from "./ask.js";
import * as help from "./help.js";
import * as source from "./source.js";

export const commandList: readonly BotCommand[] = [ask, source, about, help];

export function commandMap(commands: readonly BotCommand[] = commandList): ReadonlyMap<string, BotCommand> {
  return new Map(commands.map((command) => [command.data.name, command]));
}

/** The JSON Discord's bulk-overwrite endpoint expects. */
export function commandPayloads(commands: readonly BotCommand[] = commandList) {
  return commands.map((command) => command.data.toJSON());
}
