import type { Logger } from "pino";
import { createContent } from "../app.js";
import { serverIdSchema } from "../answer/servers/server-content.js";
import type { ContentScope } from "../answer/servers/scopes.js";
import type { Config } from "../config.js";
import { CliError } from "./run.js";

/** `--server ID`: checked before anything starts, so a typo never becomes a folder. */
export function parseServerId(value: string | undefined, usage: string): string | null {
  if (value === undefined) return null;
  const parsed = serverIdSchema.safeParse(value.trim());
  if (!parsed.success) throw new CliError(`--server expects a Discord server id (17 to 20 digits). ${usage}`, 2);
  return parsed.data;
}

/**
 * What the CLI acts on: the operator's articles, or with `--server ID` that
 * server's own beside them, exactly as the bot answers in that server. Waits
 * for the embedding model first, so a server's index is the hybrid one too.
 */
export async function contentScopeFor(config: Config, logger: Logger, serverId: string | null): Promise<ContentScope> {
  const { operator, servers } = await createContent(config, logger);
  await operator.whenModelSettled();
  if (serverId === null) return servers.operator();
  if (!config.SERVER_ARTICLES) throw new CliError("--server needs SERVER_ARTICLES=on: with off, servers keep no articles of their own.");
  return servers.forServer(serverId);
}
