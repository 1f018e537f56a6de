import { CHAT_GREETINGS, CHAT_THANKS, foldedWords, foldToken } from "../search/analyzer.js";

/**
 * A message that only thanks or greets the bot ("danke!", "thx bot", "hallo"):
 * nothing to search for, but no question gone wrong either, so it gets a reply
 * in kind rather than the note about questions without words.
 */
export type SmallTalk = "thanks" | "greeting";

const THANKS = new Set([...CHAT_THANKS.map(foldToken), "vielen", "dank", "merci", "you", "cheers"]);
const GREETING = new Set([...CHAT_GREETINGS.map(foldToken), "na"]);
/** Words that may stand beside thanks or a greeting without asking anything. */
const ASIDE = new Set(["bot", "ok", "okay", "super", "cool", "nice", "top", "great", "perfekt", "lol", "und", "and", "sehr", "so", "much", "a", "lot"]);

export function smallTalkOf(message: string): SmallTalk | null {
  const words = foldedWords(message);
  if (words.length === 0 || words.some((word) => !THANKS.has(word) && !GREETING.has(word) && !ASIDE.has(word))) return null;
  if (words.some((word) => THANKS.has(word))) return "thanks";
  return words.some((word) => GREETING.has(word)) ? "greeting" : null;
}
