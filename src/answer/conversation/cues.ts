import { unicodeWords } from "../../search/analyzer.js";
import { withoutRequestWrapper } from "../../search/request-wrappers.js";

/**
 * Whether a question points back at an earlier one: a pronoun or adverb that
 * stands for something said before ("er", "dort", "dafür", "damals", "they",
 * "there", "in return"), or an opening that continues ("Und …?", "And …?",
 * "What about …?"). Plain German and English patterns, the same for any article.
 */
const GERMAN_REFERENCES =
  "er|sie|es|ihn|ihm|ihr|ihnen|ihre[mnrs]?|sein|seine[mnrs]?|dort|dorthin|dahin|daher|da|dafür|dafuer|dazu|davon|damit|darüber|darueber|darauf|daran|dabei|dagegen|danach|davor|damals|deshalb|deswegen|dessen|deren|denen|dies|diese[mnrs]?|beide|beiden|jene[mnrs]?|dasselbe|derselbe|dieselbe|selbe[mnrs]?";
const ENGLISH_REFERENCES = "he|she|it|its|they|them|their|theirs|his|her|him|there|then|that|this|those|these|both|same";
const CONTINUING_OPENINGS =
  "und|aber|also|auch|noch|sonst|and|but|also|so|what\\s+about|how\\s+about|und\\s+was\\s+ist\\s+mit|was\\s+ist\\s+mit|wie\\s+sieht\\s+es\\s+mit";

const REFERENCE = unicodeWords(new RegExp(`\\b(?:${GERMAN_REFERENCES}|${ENGLISH_REFERENCES})\\b|\\bin\\s+return\\b|\\bim\\s+gegenzug\\b`, "iu"));
const OPENING = unicodeWords(new RegExp(`^\\s*(?:${CONTINUING_OPENINGS})\\b`, "iu"));

/** "es" that stands for nothing said before: "gibt es …", "worum geht es", "handelt es sich um …". */
const EXPLETIVE_ES = unicodeWords(/\b(gibt|gab|gäbe|geht|ging|handelt|handelte)\s+es\b/giu);

/** The "Sie" of "Können Sie mir sagen, …" and the "ihr" of "Wisst ihr, …" address the bot, and point back at nothing. */
export function refersBack(question: string): boolean {
  const asked = withoutRequestWrapper(question);
  return REFERENCE.test(asked.replace(EXPLETIVE_ES, "$1")) || OPENING.test(asked);
}

/** Personal pronouns and possessives, which may stand for a name earlier in the same question ("Woher hat Kirby seine Infos?"). */
const PERSONAL = "er|sie|ihr|ihre[mnrs]?|sein|seine[mnrs]?|he|she|his|her|they|their";
const PERSONAL_WORD = unicodeWords(new RegExp(`\\b(?:${PERSONAL})\\b`, "iu"));
const PERSONAL_WORDS = unicodeWords(new RegExp(`\\b(?:${PERSONAL})\\b`, "giu"));

/**
 * Where a question's pointer back is only a personal pronoun or possessive: the text before the first one (the
 * pronoun may stand for something named there). Null when something else points back, or nothing does.
 */
export function textBeforeOnlyPronoun(question: string): string | null {
  if (!refersBack(question) || refersBack(question.replace(PERSONAL_WORDS, " "))) return null;
  const at = question.search(PERSONAL_WORD);
  return at < 0 ? null : question.slice(0, at);
}
