/** Escaping user and article text so that it shows as written and cannot mention or format. */

// ---------------------------------------------------------------------------
// Escaping

/** Characters that start or end inline markdown anywhere in a line. */
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
/** Markers that only mean something at the start of a line: quote, heading, subtext, list. */
const LINE_START_MARKER = /^(\s*)([>#+-])/gm;
const LINE_START_NUMBERED = /^(\s*\d+)\.(?=\s)/gm;
const MASS_MENTION = /@(everyone|here)/gi;
/** `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<a:emoji:id>`, `<t:123>`: all start like this. */
const ANGLE_TOKEN = /<(?=[@#/:]|a:|t:)/gi;
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Makes article or user text render literally: markdown is backslash-escaped,
 * mass mentions and `<…>` tokens (user/role/channel mentions, emoji, timestamps)
 * are broken with a zero-width space. Every backslash is escaped too, so the
 * transformation is reversible (see `unescapeDiscordText`).
 */
export function escapeDiscordText(text: string, options: { inline?: boolean } = {}): string {
  const escaped = text.replace(INLINE_MARKDOWN, "\\$&");
  // Text placed after other text on a line cannot start a block; later lines inside it still can.
  const blockSafe = options.inline
    ? escaped.replace(/\n(\s*)([>#+-])/g, "\n$1\\$2").replace(/\n(\s*\d+)\.(?=\s)/g, "\n$1\\.")
    : escaped.replace(LINE_START_MARKER, "$1\\$2").replace(LINE_START_NUMBERED, "$1\\.");
  return blockSafe.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`).replace(ANGLE_TOKEN, `<${ZERO_WIDTH_SPACE}`);
}

/** Inverse of `escapeDiscordText`: used to read a question back from an answer embed after a restart. */
export function unescapeDiscordText(text: string): string {
  return text
    .replace(new RegExp(`<${ZERO_WIDTH_SPACE}`, "g"), "<")
    .replace(new RegExp(`@${ZERO_WIDTH_SPACE}(?=everyone|here)`, "gi"), "@")
    .replace(/\\([^A-Za-z0-9\s])/g, "$1");
}

/** Prefixes every line with "> " so it renders as a block quote. */
export function quoteBlock(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}
