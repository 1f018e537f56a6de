import { foldToken, tokenize } from "../../search/analyzer.js";

/**
 * Sentences that cannot be quoted alone because they lean on the one before
 * ("Dort soll er …", "Zudem …", "However, …", a bare quotation whose speaker
 * is named earlier). Summaries and answer excerpts quote such a sentence only
 * together with its predecessor.
 */

/** First words (folded) that point back to something the previous sentence said. */
// prettier-ignore
const BACK_REFERENCE_OPENERS = new Set(
  [
    // German pronouns, possessives, demonstratives
    "er", "sie", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
    "sein", "seine", "seinen", "seinem", "seiner", "seines", "dessen", "deren",
    "dies", "diese", "dieser", "dieses", "diesen", "diesem", "jene", "jener", "jenes", "jenen", "jenem",
    "solche", "solcher", "solches", "solchen", "beide", "beiden", "beider", "letzterer", "letztere", "ersterer", "erstere",
    // German pronominal adverbs and connectives
    "damals", "dort", "dorthin", "dabei", "dadurch", "dafür", "dagegen", "daher", "damit", "danach", "daneben",
    "daran", "darauf", "daraufhin", "daraus", "darin", "darum", "darüber", "davon", "davor", "dazu", "deshalb",
    "deswegen", "demnach", "demzufolge", "dementsprechend", "entsprechend", "dennoch", "denn", "doch", "jedoch",
    "aber", "allerdings", "sondern", "und", "oder", "zudem", "außerdem", "ferner", "überdies", "weiterhin", "hinzu",
    "also", "somit", "folglich", "insofern", "trotzdem", "stattdessen", "hingegen", "indes", "indessen",
    "unterdessen", "derweil", "andererseits", "gleichzeitig", "zugleich", "ebenfalls", "ebenso", "auch", "selbst",
    "sogar", "sonst", "hierbei", "hierzu", "hierfür", "hiermit", "hierauf", "hier", "zuvor", "anschließend", "später",
    "seitdem", "seither", "dann", "sodann", "schließlich", "letztlich", "immerhin", "jedenfalls", "freilich",
    "erneut", "abermals", "wiederum",
    // English
    "he", "she", "him", "them", "his", "hers", "their", "theirs", "its", "they", "this", "that", "these", "those",
    "such", "both", "then", "but", "and", "or", "so", "also", "however", "moreover", "furthermore", "meanwhile",
    "instead", "therefore", "thus", "hence", "still", "yet", "nevertheless", "nonetheless", "besides", "likewise",
    "similarly", "otherwise", "consequently", "accordingly", "afterwards", "afterward", "later", "additionally",
    "conversely", "regardless", "again",
  ].map(foldToken),
);

/** Words that, among the first three, make the opening refer back ("Im Anschluss", "Aus diesem Grund", "Kurz darauf", "in turn"). */
// prettier-ignore
const BACK_REFERENCE_NEAR_START = new Set(
  [
    "dies", "diese", "dieser", "dieses", "diesen", "diesem", "darauf", "danach", "darüber", "später", "zuvor",
    "dessen", "selben", "gleichen", "anschluss", "gegenzug", "gegensatz", "gegenteil", "folge", "zuletzt",
    "anderen", "hingegen", "jedoch", "allerdings", "wiederum", "ebenfalls", "zudem", "außerdem",
    "addition", "result", "turn", "return", "contrast", "response", "meantime",
  ].map(foldToken),
);

/** Personal pronouns that, right after an inverted opening ("Am Dienstag sagte er …"), refer to someone named before. */
const SUBJECT_PRONOUNS = new Set(["er", "sie", "ihm", "ihn", "ihnen", "he", "she", "they", "him", "them"]);

/** English openers that contain an ordinary word but point back as a whole. */
const ENGLISH_BACK_REFERENCE_PHRASES =
  /^(?:at the time|on the other hand|for this reason|because of this|after that|at that point|by then|in doing so|as such)\b/iu;

/** After "Das/Der/Die/Den/Dem" these finite verbs show a demonstrative pronoun ("Das ist …", "Die wollen …"), not an article. */
// prettier-ignore
const FINITE_VERBS_AFTER_DEMONSTRATIVE = new Set(
  [
    "ist", "sind", "war", "waren", "wäre", "wären", "hat", "haben", "hatte", "hatten", "hätte", "hätten", "wird",
    "werden", "wurde", "wurden", "würde", "würden", "sei", "seien", "kann", "können", "konnte", "konnten", "könnte",
    "könnten", "soll", "sollen", "sollte", "sollten", "muss", "müssen", "musste", "will", "wollen", "wollte", "darf",
    "dürfte", "gilt", "galt", "gelte", "zeigt", "zeigte", "bedeutet", "bedeutete", "heißt", "hieß", "liegt", "lag",
    "geht", "ging", "sagt", "sagte", "betrifft", "betraf", "bleibt", "blieb", "kommt", "kam", "steht", "stand",
    "macht", "machte", "klingt", "alles", "allein",
  ].map(foldToken),
);

/** "Es gibt …", "Es geht um …": the expletive "es" points nowhere. */
const EXPLETIVE_AFTER_ES = new Set(["gibt", "gab", "geht", "ging", "handelt", "handelte", "heißt", "hieß", "fehlt", "fehlte"].map(foldToken));
/** "There is/are …" is expletive too. */
const EXPLETIVE_AFTER_THERE = new Set(["is", "are", "was", "were", "has", "have", "had", "will", "may", "might", "could", "would", "seems", "seem"]);

const OPENING_PUNCTUATION = /^[\s"„“”'‚‘’«»‹›([–—-]+/u;
const QUOTE_OPEN = /^["„“”‚‘'«»‹›]/u;
const QUOTE_MARKS = /["„“”‚‘«»‹›]/gu;

/**
 * Whether a sentence quoted on its own would lean on the sentence before it:
 * a pronoun or demonstrative opener ("Er", "Dies", "Diese Hilfe"), a
 * connective ("Zudem", "Aber", "Denn", "Im Anschluss", "However"), a
 * continuation that starts in lower case, or a bare quotation whose speaker
 * is named in the previous sentence. German and English.
 */
export function needsPredecessor(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (trimmed.length === 0) return false;
  if (isBareQuotation(trimmed)) return true;
  const body = trimmed.replace(OPENING_PUNCTUATION, "");
  // A lower-case start is the tail of a sentence split too early ("d. h. noch …").
  if (/^\p{Ll}/u.test(body)) return true;
  if (ENGLISH_BACK_REFERENCE_PHRASES.test(body)) return true;
  const words = tokenize(body).slice(0, 3).map(foldToken);
  const [first, second] = words;
  if (first === undefined) return false;
  if (first === "es" || first === "it") return second === undefined || !(first === "es" ? EXPLETIVE_AFTER_ES.has(second) : /^(?:is|was|seems)$/.test(second));
  if (first === "there") return second === undefined || !EXPLETIVE_AFTER_THERE.has(second);
  if (["das", "der", "die", "den", "dem"].includes(first)) return second !== undefined && FINITE_VERBS_AFTER_DEMONSTRATIVE.has(second);
  if (BACK_REFERENCE_OPENERS.has(first)) return true;
  if (words.slice(1).some((word) => BACK_REFERENCE_NEAR_START.has(word))) return true;
  return hasEarlyPronounSubject(body);
}

/**
 * "In 2019 traf er sich …", "Laut Kirby soll er …": a pronoun among the first
 * four words with no comma before it has its antecedent in an earlier sentence.
 * ("Putin sagte, er wolle …" names him first, hence the comma exception.)
 */
function hasEarlyPronounSubject(body: string): boolean {
  const beforeComma = body.split(/[,;:–—]/u)[0] ?? "";
  return tokenize(beforeComma)
    .slice(1, 4)
    .some((word) => SUBJECT_PRONOUNS.has(word));
}

/** Speech verbs and attribution phrases: a sentence with one of them names who is quoted. */
export const NAMES_SPEAKER =
  /\b(?:sag|erklär|beton|warn|mein|schrieb|schreib|bericht|forder|kritisier|begründ|kündig|teilt|räumt|ergänz|fügt|bestätig|verwies|verweis|zitiert|gibt|gab|said|says|told|wrote|writes|added|adds|warned|stated|explained)\p{L}*|\b(?:laut|zufolge|according to)\b|,\s*so\s+(?:der|die|das|ein|eine)\b/iu;

/** A sentence that is one quotation with no speaker named in it: `"Man darf nicht vergessen, dass …"` */
export function isBareQuotation(sentence: string): boolean {
  if (!QUOTE_OPEN.test(sentence)) return false;
  const marks = sentence.match(QUOTE_MARKS) ?? [];
  // Opening and closing mark only, and the closing one ends the sentence (after optional punctuation).
  return marks.length === 2 && /["“”‘'«»‹›][.!?…]?$/u.test(sentence);
}
