/**
 * `npm run deploy-commands`: registers the bot's slash commands. With
 * DISCORD_GUILD_ID set they go to that one server (visible immediately);
 * otherwise globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID.
 *
 * `npm run deploy-commands -- --clear-guild` removes the server copy from
 * DISCORD_GUILD_ID: after a move to global commands, members would otherwise
 * see every command twice.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig } from "../src/config.js";
import { commandPayloads } from "../src/discord/commands/index.js";
import { deployCommands, explainDeployError } from "../src/discord/deploy.js";

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const missing: string[] = [];
  if (!config.DISCORD_TOKEN) missing.push("DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)");
  if (!config.DISCORD_CLIENT_ID) missing.push("DISCORD_CLIENT_ID (Developer Portal → your application → General Information → Application ID)");
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    process.stderr.write(`Cannot deploy commands; set in .env:\n${missing.map((line) => `  - ${line}`).join("\n")}\n`);
    return 2;
  }
  const clearGuild = process.argv.slice(2).includes("--clear-guild");
  const unknown = process.argv.slice(2).filter((arg) => arg !== "--clear-guild");
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument ${unknown[0] ?? ""}. usage: npm run deploy-commands [-- --clear-guild]\n`);
    return 2;
  }
  if (clearGuild && !config.DISCORD_GUILD_ID) {
    process.stderr.write("--clear-guild removes the commands of one server: set DISCORD_GUILD_ID to that server's id.\n");
    return 2;
  }
  const target = config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID}` : "all servers (global; may take up to an hour to appear)";
  process.stdout.write(clearGuild ? `Removing the slash commands of ${target} …\n` : `Registering slash commands for ${target} …\n`);
  try {
    const result = await deployCommands({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_CLIENT_ID,
      guildId: config.DISCORD_GUILD_ID,
      // The bulk overwrite with an empty list removes them all.
      commands: clearGuild ? [] : commandPayloads(undefined, { maxQuestionLength: config.MAX_QUESTION_LENGTH }),
    });
    process.stdout.write(
      clearGuild
        ? `Removed the server's commands; ${result.registered.length} remain there. The global ones are untouched.\n`
        : `Registered ${result.registered.length} commands (${result.scope}): ${result.registered.map((name) => `/${name}`).join(", ")}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${explainDeployError(error, { guildId: config.DISCORD_GUILD_ID })}\n`);
    return 1;
  }
}

process.exitCode = await main();
