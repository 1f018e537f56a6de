/**
 * Registers the slash commands with Discord: to one server (instant, for
 * testing) when a guild id is given, otherwise globally (may take up to an hour
 * to appear everywhere). Uses Discord's bulk overwrite, so removed commands disappear.
 */
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { z } from "zod";
import { commandPayloads } from "./commands/index.js";

export interface DeployOptions {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  commands?: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** REST base URL without version (tests point this at the fake Discord). */
  api?: string;
}

export interface DeployResult {
  scope: "guild" | "global";
  route: string;
  /** Names of the commands Discord now has registered in that scope. */
  registered: string[];
}

const registeredCommandsSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST({ version: "10", ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  try {
    const response = await rest.put(route, { body: options.commands ?? commandPayloads() });
    const parsed = registeredCommandsSchema.safeParse(response);
    return {
      scope: options.guildId ? "guild" : "global",
      route,
      registered: parsed.success ? parsed.data.map((command) => command.name) : [],
    };
  } finally {
    // The sweeper timers are unref'd, but clearing them makes the end explicit.
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** What to tell the person running the deploy script when Discord says no. */
export function explainDeployError(error: unknown, options: Pick<DeployOptions, "guildId">): string {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : NaN;
  const code = typeof error === "object" && error !== null && "code" in error ? Number(error.code) : NaN;
  if (status === 401) return "Discord rejected DISCORD_TOKEN (401). Reset the bot token in the Developer Portal and update .env.";
  if (code === 50001 || status === 403) {
    return options.guildId
      ? "Missing access (403): is the bot in the server DISCORD_GUILD_ID, invited with the applications.commands scope? Does DISCORD_CLIENT_ID belong to this token?"
      : "Missing access (403): does DISCORD_CLIENT_ID belong to the bot whose token is in DISCORD_TOKEN?";
  }
  if (status === 404 || code === 10002) {
    return "Unknown application (404): check DISCORD_CLIENT_ID (Developer Portal → General Information → Application ID).";
  }
  if (code === 50035 || status === 400) {
    return `Discord rejected the command definitions (400): ${error instanceof Error ? error.message : String(error)}`;
  }
  return `Deploying commands failed: ${error instanceof Error ? error.message : String(error)}`;
}
