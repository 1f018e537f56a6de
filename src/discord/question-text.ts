import { withoutFormatControls } from "./presentation/index.js";

/**
 * Discord markup in a question's text that says nothing about what is asked:
 * user, role and channel mentions, @everyone/@here, custom emoji, timestamps
 * and command mentions. Left in, their ids become "words" the articles lack,
 * and the question reads as about something else.
 */
const MARKUP = [
  /<@[!&]?\d+>/g, // users and roles
  /<#\d+>/g, // channels
  /<\/[\w -]+:\d+>/g, // slash-command mentions
  /<a?:\w+:\d+>/g, // custom emoji
  /<t:-?\d+(?::[tTdDfFR])?>/g, // timestamps
  /(?<![\w@])@(?:everyone|here)\b/g,
];

export function stripDiscordMarkup(text: string): string {
  // Invisible direction and zero-width controls go too: the question is shown back as the answer's title.
  let stripped = withoutFormatControls(text);
  for (const pattern of MARKUP) stripped = stripped.replace(pattern, " ");
  return stripped.replace(/\s+/g, " ").trim();
}

/** What each kind of markup becomes in a logged question: what it was, never whose id. */
const PLACEHOLDERS: readonly (readonly [RegExp, string])[] = [
  [/<@!?\d+>/g, "@user"],
  [/<@&\d+>/g, "@role"],
  [/<#\d+>/g, "#channel"],
  [/<\/[\w -]+:\d+>/g, "/command"],
  [/<a?:\w+:\d+>/g, ":emoji:"],
  [/<t:-?\d+(?::[tTdDfFR])?>/g, "<time>"],
];

/**
 * The question as it goes into the log: mentions replaced by placeholders
 * ("@user", "@role", "#channel"), so the log shows that someone was
 * mentioned without naming anyone, and invisible controls removed.
 */
export function questionForLog(text: string): string {
  let logged = withoutFormatControls(text);
  for (const [pattern, placeholder] of PLACEHOLDERS) logged = logged.replace(pattern, placeholder);
  return logged.replace(/\s+/g, " ").trim();
}
