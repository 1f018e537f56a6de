import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

/**
 * Structured logs go to stderr so that stdout carries only answers
 * (the CLI's `--json` output must stay machine-readable).
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: undefined, redact: REDACT }, pino.destination(2));
}

export type { Logger };

const REDACT = ["token", "*.token", "DISCORD_TOKEN"];
const WARN = 40;

/** A log line as one sentence for a person: "warning: embedding model unavailable … (reason)". */
export function readableLogLine(json: string): string | null {
  try {
    const entry = JSON.parse(json) as { level?: number; msg?: string; reason?: string };
    if (typeof entry.level !== "number" || entry.level < WARN) return null;
    const label = entry.level >= 50 ? "error" : "warning";
    return `${label}: ${entry.msg ?? "(no message)"}${typeof entry.reason === "string" ? ` (${entry.reason})` : ""}`;
  } catch {
    return null;
  }
}

/**
 * The terminal session's logger: everything, as JSON, to a file under the
 * state folder; warnings and errors also to stderr, each as one readable line,
 * so that the session shows its own answers and nothing else.
 */
export function createTerminalLogger(level: string, file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const readable = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      for (const line of chunk.toString("utf8").split("\n")) {
        const text = readableLogLine(line);
        if (text) process.stderr.write(`${text}\n`);
      }
      done();
    },
  });
  const streams = pino.multistream([
    { level: "trace", stream: pino.destination({ dest: file, sync: true }) },
    { level: "warn", stream: readable },
  ]);
  return pino({ level, base: undefined, redact: REDACT }, streams);
}

/** A logger that drops everything: for tests that do not assert on logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
