import { z } from "zod";
import { SUMMARY_LENGTHS, type SummaryLength } from "./types.js";
import type { SectionSelector } from "./sections.js";

/** Summary requests as they arrive from Discord, the CLI and the terminal, validated. */

export const summaryLengthSchema = z.enum(SUMMARY_LENGTHS, { message: "expected short, medium or long" });

/** A summary request as it arrives from Discord or the CLI. */
export const summaryRequestSchema = z.object({
  /** Article id; optional when only one article is loaded. */
  article: z.string().trim().min(1).optional(),
  length: summaryLengthSchema.default("medium"),
  /** Section heading (or a unique part of it), or its 1-based number as listed by `sectionLabels`. */
  section: z.string().trim().min(1).max(300).optional(),
});
export type SummaryRequestInput = z.input<typeof summaryRequestSchema>;

export interface SummarizeRequest {
  /** Optional when exactly one article is loaded. */
  articleId?: string;
  length?: SummaryLength;
  section?: SectionSelector;
}

/** Validates raw options (Discord, JSON) into a request; throws a ZodError on bad input. */
export function parseSummaryRequest(input: unknown): SummarizeRequest {
  const parsed = summaryRequestSchema.parse(input);
  return {
    length: parsed.length,
    ...(parsed.article !== undefined ? { articleId: parsed.article } : {}),
    ...(parsed.section !== undefined ? { section: parsed.section } : {}),
  };
}

/**
 * Reads the words after a typed `/summary` (terminal, chat): a length word
 * anywhere, a word that is a known article id, and the rest as the section.
 * "/summary long 2", "/summary kurz-artikel Einfluss der USA".
 */
export function parseSummaryCommand(words: readonly string[], articleIds: readonly string[]): SummarizeRequest {
  const request: SummarizeRequest = {};
  const rest: string[] = [];
  for (const word of words) {
    // "--length short", "length:short", "länge:kurz": the option's name is not part of a section.
    const lower = word.toLowerCase().replace(/^(?:--?(?:length|laenge|länge)=?|(?:length|laenge|länge):)/u, "");
    if (lower.length === 0) continue;
    const length = summaryLengthSchema.safeParse(GERMAN_LENGTHS[lower] ?? lower);
    if (length.success && request.length === undefined) request.length = length.data;
    else if (request.articleId === undefined && articleIds.includes(word)) request.articleId = word;
    else if (word.length > 0) rest.push(word);
  }
  if (rest.length > 0) request.section = rest.join(" ");
  return request;
}

/** The German length names that Discord shows German users, as typed in the terminal. */
const GERMAN_LENGTHS: Readonly<Record<string, SummaryLength>> = { kurz: "short", mittel: "medium", lang: "long" };
