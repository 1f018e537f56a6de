// Shared set-up for embeddings.test.ts and embedding-cache.test.ts.
import { pino, type Logger } from "pino";

export interface LogRecord {
  level: number;
  event?: string;
  reason?: string;
  count?: number;
  lines?: number[];
}

export const WARN = 40;

/** A pino logger whose records land in an array, so tests can count warnings. */
export function capturingLogger(): { logger: Logger; records: LogRecord[]; warnings: () => LogRecord[] } {
  const records: LogRecord[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) });
  return { logger, records, warnings: () => records.filter((record) => record.level === WARN) };
}
