/**
 * Errors as they go into logs. discord.js REST errors carry the request URL,
 * and interaction/webhook URLs contain the interaction token (a credential for
 * 15 minutes), plus the request body: neither belongs in a log.
 */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
  url?: string;
  stack?: string;
}

const TOKEN_IN_PATH = /\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, "/$1/[token]");
}

export function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const logged: LoggedError = { type: error.name, message: redactUrl(error.message) };
  if (error.stack) logged.stack = redactUrl(error.stack);
  if ("code" in error && (typeof error.code === "string" || typeof error.code === "number")) logged.code = error.code;
  if ("status" in error && typeof error.status === "number") logged.status = error.status;
  if ("method" in error && typeof error.method === "string") logged.method = error.method;
  if ("url" in error && typeof error.url === "string") logged.url = redactUrl(error.url);
  return logged;
}
