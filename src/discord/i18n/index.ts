/**
 * Everything the bot writes around the quoted excerpts, in German and
 * English: the frames (de.ts, en.ts), command names, and content problems
 * worded per locale.
 */
import { de } from "./de.js";
import { en } from "./en.js";
import type { Lang } from "./locale.js";
import type { Messages } from "./messages.js";

export * from "./commands.js";
export * from "./content-problems.js";
export * from "./locale.js";
export type { FactsMessages, Messages } from "./messages.js";

const messagesByLang: Record<Lang, Messages> = { de, en };

export function messages(lang: Lang): Messages {
  return messagesByLang[lang];
}
