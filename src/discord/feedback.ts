/**
 * 👍/👎 feedback as an append-only JSONL file. No user names or ids are stored:
 * a record is keyed by a salted hash of (answer message id, user id), so a
 * second click by the same person on the same answer replaces the first vote
 * (readers take the last record per key) without revealing who voted.
 */
import { createHmac, randomBytes } from "node:crypto";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Vote } from "./custom-ids.js";

export const feedbackRecordSchema = z.object({
  /** Salted hash of message id + user id. */
  key: z.string().regex(/^[0-9a-f]{32}$/),
  vote: z.enum(["up", "down"]),
  /** The question the answer was for; null when it could no longer be recovered. */
  question: z.string().nullable(),
  /** Where the question came from: memory of recent answers, or read back from the answer message. */
  questionSource: z.enum(["memory", "message", "unknown"]),
  cited: z.array(z.object({ articleId: z.string(), paragraphs: z.array(z.number().int().positive()) })),
  at: z.string(),
});

export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

export function feedbackKey(salt: string, messageId: string, userId: string): string {
  return createHmac("sha256", salt).update(`${messageId}:${userId}`).digest("hex").slice(0, 32);
}

/** Every valid record in file order; malformed lines are skipped (a crash may leave a torn last line). */
export async function readFeedback(file: string): Promise<FeedbackRecord[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  const records: FeedbackRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = feedbackRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}

/** The current vote per key: the last record wins. */
export function latestFeedback(records: readonly FeedbackRecord[]): Map<string, FeedbackRecord> {
  const latest = new Map<string, FeedbackRecord>();
  for (const record of records) latest.set(record.key, record);
  return latest;
}

/** A salt kept next to the feedback file, created on first use, so keys stay stable across restarts. */
export async function loadOrCreateSalt(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (/^[0-9a-f]{64}$/.test(existing)) return existing;
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const salt = randomBytes(32).toString("hex");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${salt}\n`, { mode: 0o600 });
  return salt;
}

export interface FeedbackInput {
  messageId: string;
  userId: string;
  vote: Vote;
  question: string | null;
  questionSource: FeedbackRecord["questionSource"];
  cited: FeedbackRecord["cited"];
  at: Date;
}

export interface FeedbackOutcome {
  record: FeedbackRecord;
  /** The vote this person had given this answer before, if any. */
  previousVote: Vote | null;
}

export class FeedbackStore {
  /** Serialises appends so concurrent clicks never interleave within a line. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly salt: string,
    private readonly votes: Map<string, Vote>,
  ) {}

  /** Opens (or starts) the feedback file; the salt lives in `<file>.salt` unless given. */
  static async open(file: string, options: { salt?: string } = {}): Promise<FeedbackStore> {
    const salt = options.salt ?? (await loadOrCreateSalt(`${file}.salt`));
    const votes = new Map<string, Vote>();
    for (const [key, record] of latestFeedback(await readFeedback(file))) votes.set(key, record.vote);
    return new FeedbackStore(file, salt, votes);
  }

  async record(input: FeedbackInput): Promise<FeedbackOutcome> {
    const key = feedbackKey(this.salt, input.messageId, input.userId);
    const record: FeedbackRecord = {
      key,
      vote: input.vote,
      question: input.question,
      questionSource: input.questionSource,
      cited: input.cited,
      at: input.at.toISOString(),
    };
    const previousVote = this.votes.get(key) ?? null;
    this.votes.set(key, input.vote);
    const write = this.writes.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(record)}\n`, "utf8");
    });
    // Keep the chain alive after a failed write; the caller still sees the failure.
    this.writes = write.catch(() => undefined);
    await write;
    return { record, previousVote };
  }

  /** Resolves once every pending append has reached the file. */
  async flush(): Promise<void> {
    await this.writes;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
