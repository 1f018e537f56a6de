/**
 * `npm run deploy-commands`: registers the bot's slash commands. With
 * DISCORD_GUILD_ID set they go to that one server (visible immediately);
 * otherwise globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID.
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
  const target = config.DISCORD_GUILD_ID ? `server ${config.DISCORD_GUILD_ID}` : "all servers (global; may take up to an hour to appear)";
  process.stdout.write(`Registering slash commands for ${target} …\n`);
  try {
    const result = await deployCommands({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_CLIENT_ID,
      guildId: config.DISCORD_GUILD_ID,
      commands: commandPayloads(undefined, { maxQuestionLength: config.MAX_QUESTION_LENGTH }),
    });
    process.stdout.write(`Registered ${result.registered.length} commands (${result.scope}): ${result.registered.map((name) => `/${name}`).join(", ")}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${explainDeployError(error, { guildId: config.DISCORD_GUILD_ID })}\n`);
    return 1;
  }
}

process.exitCode = await main();
