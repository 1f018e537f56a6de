import { pino, type Logger } from "pino";

/**
 * Structured logs go to stderr so that stdout carries only answers
 * (the CLI's `--json` output must stay machine-readable).
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: undefined, redact: ["token", "*.token", "DISCORD_TOKEN"] }, pino.destination(2));
}

export type { Logger };

/** A logger that drops everything: for tests that do not assert on logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
