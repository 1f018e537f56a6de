/** Embed size limits: checking them and fitting an embed within them. */
import type { APIEmbed } from "discord.js";
import { LIMITS, ELLIPSIS } from "./limits.js";

// ---------------------------------------------------------------------------
// Embed limits

/** Characters Discord counts towards the 6,000 total of an embed. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Lists every limit an embed breaks; empty when it is valid. Used as a last check and by tests. */
export function embedLimitViolations(embed: APIEmbed): string[] {
  const problems: string[] = [];
  if ((embed.title?.length ?? 0) > LIMITS.embedTitle) problems.push("title");
  if ((embed.description?.length ?? 0) > LIMITS.embedDescription) problems.push("description");
  if ((embed.footer?.text.length ?? 0) > LIMITS.footer) problems.push("footer");
  if ((embed.author?.name.length ?? 0) > LIMITS.authorName) problems.push("author");
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields) problems.push("field count");
  fields.forEach((field, index) => {
    if (field.name.length > LIMITS.fieldName || field.name.length === 0) problems.push(`field ${index} name`);
    if (field.value.length > LIMITS.fieldValue || field.value.length === 0) problems.push(`field ${index} value`);
  });
  if (embedTextLength(embed) > LIMITS.embedTotal) problems.push("total");
  return problems;
}

/**
 * Safety net after an embed is assembled: if the 6,000-character total is
 * exceeded, the description is shortened (at a line, else a word, never below
 * a short remainder), then trailing fields are dropped until it fits.
 */
export function fitEmbedTotal(embed: APIEmbed): APIEmbed {
  let fitted = shortenDescription(embed);
  while (embedTextLength(fitted) > LIMITS.embedTotal && (fitted.fields?.length ?? 0) > 0) {
    fitted = { ...fitted, fields: (fitted.fields ?? []).slice(0, -1) };
  }
  return fitted;
}

const MIN_KEPT_DESCRIPTION = 200;

function shortenDescription(embed: APIEmbed): APIEmbed {
  const excess = embedTextLength(embed) - LIMITS.embedTotal;
  if (excess <= 0 || !embed.description || embed.description.length <= MIN_KEPT_DESCRIPTION) return embed;
  const allowed = Math.max(MIN_KEPT_DESCRIPTION, embed.description.length - excess - ELLIPSIS.length);
  const lineEnd = embed.description.lastIndexOf("\n", allowed);
  const wordEnd = embed.description.lastIndexOf(" ", allowed);
  const end = lineEnd > allowed * 0.6 ? lineEnd : wordEnd > 0 ? wordEnd : allowed;
  // Step back over a dangling escape backslash or a lone high surrogate.
  let safeEnd = end;
  while (safeEnd > 0 && (/\\$/.test(embed.description.slice(0, safeEnd)) || isHighSurrogate(embed.description.charCodeAt(safeEnd - 1)))) {
    safeEnd--;
  }
  return { ...embed, description: embed.description.slice(0, safeEnd).trimEnd() + ELLIPSIS };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
