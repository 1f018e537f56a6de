/**
 * Button custom ids. The bot keeps no state across restarts, so a button must
 * carry everything its handler needs, within Discord's 100-character limit.
 *
 *   qa:p:<articleKey>:<paragraph>               show a whole paragraph
 *   qa:f:<u|d>:<articleKey>=<n>,<n>;<key>=<n>   feedback vote on an answer
 *   qa:rm:<c|x>:<articleKey>:<userId>:<expiry>  confirm/cancel removing an article
 *                                               (only that user; expiry in base-36 epoch seconds)
 */
import { createHash } from "node:crypto";
import { z } from "zod";

export const CUSTOM_ID_MAX_LENGTH = 100;
const PREFIX = "qa";

/** Article ids that are short and plain travel as they are; anything else as a short hash. */
const plainArticleKey = /^[A-Za-z0-9_-]{1,40}$/;
const articleKeySchema = z.string().regex(/^(?:[A-Za-z0-9_-]{1,40}|~[0-9a-f]{12})$/);
const paragraphNumberSchema = z.coerce.number().int().positive().max(99_999);

export function articleKeyFor(articleId: string): string {
  if (plainArticleKey.test(articleId)) return articleId;
  return `~${createHash("sha256").update(articleId).digest("hex").slice(0, 12)}`;
}

/** The article id a key stands for, among the articles currently loaded. */
export function resolveArticleKey(key: string, articleIds: readonly string[]): string | null {
  return articleIds.find((id) => articleKeyFor(id) === key) ?? null;
}

export type Vote = "up" | "down";

export interface CitedParagraphs {
  articleKey: string;
  paragraphs: number[];
}

export interface RemovalDecision {
  kind: "removal";
  decision: "confirm" | "cancel";
  articleKey: string;
  /** The moderator who asked; nobody else may decide. */
  requesterId: string;
  /** Epoch seconds after which the question has expired. */
  expiresAt: number;
  /** It removes one of the articles every server shares (operators only), not one of the server's own. */
  shared: boolean;
}

export type ComponentAction =
  { kind: "paragraph"; articleKey: string; paragraph: number } | { kind: "feedback"; vote: Vote; cited: CitedParagraphs[] } | RemovalDecision;

export function paragraphButtonId(articleKey: string, paragraph: number): string {
  return `${PREFIX}:p:${articleKey}:${paragraph}`;
}

function encodeCited(cited: readonly CitedParagraphs[]): string {
  return cited.map((group) => `${group.articleKey}=${group.paragraphs.join(",")}`).join(";");
}

/**
 * Feedback button id. Paragraphs that would push the id past 100 characters are
 * dropped from the end (best first), so the id always fits.
 */
export function feedbackButtonId(vote: Vote, cited: readonly CitedParagraphs[]): string {
  const head = `${PREFIX}:f:${vote === "up" ? "u" : "d"}:`;
  const kept: CitedParagraphs[] = [];
  for (const group of cited) {
    for (const paragraph of group.paragraphs) {
      const candidate = kept.map((entry) => ({ ...entry, paragraphs: [...entry.paragraphs] }));
      const existing = candidate.find((entry) => entry.articleKey === group.articleKey);
      if (existing) existing.paragraphs.push(paragraph);
      else candidate.push({ articleKey: group.articleKey, paragraphs: [paragraph] });
      if ((head + encodeCited(candidate)).length > CUSTOM_ID_MAX_LENGTH) return head + encodeCited(kept);
      kept.splice(0, kept.length, ...candidate);
    }
  }
  return head + encodeCited(kept);
}

export function removalButtonId(action: Omit<RemovalDecision, "kind">): string {
  const decision = action.decision === "confirm" ? "c" : "x";
  const layer = action.shared ? ":s" : "";
  return `${PREFIX}:rm:${decision}:${action.articleKey}:${action.requesterId}:${Math.floor(action.expiresAt).toString(36)}${layer}`;
}

const removalActionSchema = z.object({
  kind: z.literal("removal"),
  decision: z.enum(["c", "x"]).transform((decision): RemovalDecision["decision"] => (decision === "c" ? "confirm" : "cancel")),
  articleKey: articleKeySchema,
  requesterId: z.string().regex(/^\d{17,20}$/),
  expiresAt: z
    .string()
    .regex(/^[0-9a-z]{1,10}$/)
    .transform((value) => parseInt(value, 36))
    .pipe(z.number().int().nonnegative()),
  shared: z
    .enum(["s", ""])
    .default("")
    .transform((flag) => flag === "s"),
});

const citedGroupSchema = z
  .string()
  .regex(/^[^=;]+=\d+(?:,\d+)*$/)
  .transform((group) => {
    const [articleKey = "", numbers = ""] = group.split("=");
    return { articleKey, paragraphs: numbers.split(",").map(Number) };
  })
  .pipe(z.object({ articleKey: articleKeySchema, paragraphs: z.array(z.number().int().positive().max(99_999)).min(1) }));

const paragraphActionSchema = z.object({
  kind: z.literal("paragraph"),
  articleKey: articleKeySchema,
  paragraph: paragraphNumberSchema,
});

const feedbackActionSchema = z.object({
  kind: z.literal("feedback"),
  vote: z.enum(["u", "d"]).transform((vote): Vote => (vote === "u" ? "up" : "down")),
  cited: z.array(citedGroupSchema),
});

/** Parses a custom id made by this module; anything else (including ids of other features) yields null. */
export function parseCustomId(customId: string): ComponentAction | null {
  if (customId.length > CUSTOM_ID_MAX_LENGTH) return null;
  const parts = customId.split(":");
  if (parts[0] !== PREFIX) return null;
  if (parts[1] === "p" && parts.length === 4) {
    const parsed = paragraphActionSchema.safeParse({ kind: "paragraph", articleKey: parts[2], paragraph: parts[3] });
    return parsed.success ? parsed.data : null;
  }
  if (parts[1] === "f" && parts.length === 4) {
    const groups = parts[3] === "" || parts[3] === undefined ? [] : parts[3].split(";");
    const parsed = feedbackActionSchema.safeParse({ kind: "feedback", vote: parts[2], cited: groups });
    return parsed.success ? parsed.data : null;
  }
  if (parts[1] === "rm" && (parts.length === 6 || parts.length === 7)) {
    const parsed = removalActionSchema.safeParse({
      kind: "removal",
      decision: parts[2],
      articleKey: parts[3],
      requesterId: parts[4],
      expiresAt: parts[5],
      shared: parts[6] ?? "",
    });
    return parsed.success ? parsed.data : null;
  }
  return null;
}
