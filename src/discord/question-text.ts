import { withoutFormatControls } from "./presentation.js";

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
