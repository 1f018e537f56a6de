import { stemmer as germanSnowball } from "@orama/stemmers/german";
import { createRequire } from "node:module";
import type * as Snowball from "snowball-stemmers";
import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Text analysis shared by indexing and querying: Unicode and case
 * normalisation, German spelling variants, stop words, Snowball stemming and
 * compound parts. Both sides must go through the same steps or nothing matches.
 */

export type Language = "de" | "en";

// Orama's Snowball German gives the same stems as the reference port, four times faster;
// snowball-stemmers supplies Snowball English (Porter2), which Orama lacks. It loads every
// language's stemmer (about 60 ms), so it is loaded at the first English word.
const requireModule = createRequire(import.meta.url);
let englishStemmer: Snowball.SnowballStemmer | null = null;
function english(): Snowball.SnowballStemmer {
  englishStemmer ??= (requireModule("snowball-stemmers") as typeof Snowball).newStemmer("english");
  return englishStemmer;
}

/** Invisible characters that break tokens apart or glue them together in copied web text. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
/** A type designation, "F-16", "MiG-29", "S-400": one token, written as questions often write it ("F16"). */
const DESIGNATION = /(?<![\p{L}\p{N}])(\p{L}{1,3})-(\p{N}+)(?![\p{L}\p{N}])/gu;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Capitals with a full stop each, "U.S.", "U.N.", "E.U.": one word, as "US", "UN", "EU" (single letters carry nothing). */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}.])((?:\p{Lu}\.){2,})(?![\p{L}\p{N}])/gu;

/**
 * Lowercases and folds spelling variants so that "Südkorea", "Suedkorea" and
 * "Sudkorea", or "Straße" and "Strasse", become one form. Digraphs are folded
 * the way Snowball's german2 variant treats them ("ue" after "q" is a real
 * "ue"), except "ue" after a vowel, where it ends a diphthong ("neue",
 * "Frauen", "teuer": folding it would part a word's forms and make "neuen"
 * read as "neun"), and a final "ue", "ues" or "ued", which is English
 * ("issue", "issues", "values") far more often than a transliterated umlaut.
 */
export function foldToken(token: string): string {
  const cached = foldCache.get(token);
  if (cached !== undefined) return cached;
  const folded = foldUncached(token);
  remember(foldCache, token, folded);
  return folded;
}

/** Words repeat a lot in text, and folding and stemming dominate indexing time: both are memoised. */
const MEMO_LIMIT = 200_000;
const foldCache = new Map<string, string>();
const stemCache = { de: new Map<string, string>(), en: new Map<string, string>() };

function remember(cache: Map<string, string>, key: string, value: string): void {
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
}

function foldUncached(token: string): string {
  return token
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/(?<![qaeä])ue(?![sd]?$)/g, "u")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/** A text's words folded ("Südkorea" → "sudkorea"), stop words kept: for matching cue words written folded. */
export function foldedWords(text: string): string[] {
  return tokenize(text)
    .map(foldToken)
    .filter((token) => token.length > 0);
}

/**
 * Splits text into raw word tokens (letters and digits; hyphenated compounds
 * become their parts, type designations and dotted abbreviations one word).
 */
export function tokenize(text: string): string[] {
  return (
    text
      .replace(INVISIBLE, "")
      .replace(DESIGNATION, "$1$2")
      .replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replaceAll(".", ""))
      .match(TOKEN) ?? []
  );
}

/**
 * Bump when tokens or terms change for the same text (the tokenizer, folding,
 * stemming, the vocabulary's reduced forms, the function words a paragraph's
 * language is told by): a stored index built by another version is then built
 * afresh.
 */
export const ANALYZER_VERSION = 13;

/** What an index's terms depend on besides the text: the analyser's version and its stop words. */
export function analyzerFingerprint(): string {
  return `${ANALYZER_VERSION}:${[...STOP_WORDS].sort().join(" ")}:${[...ENGLISH_WORDS_IN_GERMAN_STOP_LIST].sort().join(" ")}`;
}

/**
 * The German and English lists of the `stopword` package, copied by
 * scripts/build-stopwords.ts: importing the package would load every
 * language's list at each start.
 */
const STOP_WORD_FILE = new URL("../../data/stopwords/lists.json", import.meta.url);
const stopWordListsSchema = z.object({ deu: z.array(z.string()).min(1), eng: z.array(z.string()).min(1) });

function readStopWordLists(): z.infer<typeof stopWordListsSchema> {
  const parsed = stopWordListsSchema.safeParse(JSON.parse(readFileSync(STOP_WORD_FILE, "utf8")));
  if (!parsed.success) throw new Error(`${STOP_WORD_FILE.pathname}: expected {"deu": [...], "eng": [...]} (rebuild it with npm run build-stopwords)`);
  return parsed.data;
}

function buildStopWords(): Set<string> {
  const words = new Set<string>();
  const lists = readStopWordLists();
  for (const word of [...lists.deu, ...lists.eng, ...ENGLISH_FUNCTION_WORDS, ...GERMAN_FUNCTION_WORDS, ...CHAT_WORDS]) {
    // Typed with a straight or a typographic apostrophe ("haven't", "haven’t").
    for (const spelling of new Set([word, word.replaceAll("'", "’")])) for (const token of tokenize(spelling)) words.add(foldToken(token));
  }
  // The packaged lists count some content words as stop words; questions about
  // years, people or numbers need them.
  for (const keep of CONTENT_WORDS_IN_STOP_LISTS) words.delete(foldToken(keep));
  return words;
}

/** The packaged English list lacks several question and auxiliary words. */
// prettier-ignore
const ENGLISH_FUNCTION_WORDS = [
  "does", "doing", "done", "when", "why", "whom", "whose", "will", "shall", "its", "am", "an", "the", "which",
  "let", "tell", "please", "know", "anything", "something", "there", "going", "gonna", "want", "wants",
  // Prepositions, pronouns, conjunctions and hedging adverbs: in an English article they match nearly any
  // question ("who is russia fighting against"). Words questions ask about stay ("often", "once", "until").
  "above", "across", "against", "along", "although", "among", "amongst", "anybody", "anyone", "anyway",
  "anywhere", "around", "beneath", "beside", "besides", "beyond", "cannot", "either", "everyone", "everything",
  "except", "having", "herself", "however", "inside", "instead", "itself", "just", "myself", "neither",
  "nevertheless", "nobody", "nor", "nothing", "onto", "otherwise", "ourselves", "outside", "perhaps",
  "quite", "rather", "really", "she", "somebody", "someone", "somewhere", "themselves", "therefore", "though",
  "throughout", "thus", "toward", "towards", "unless", "upon", "via", "whatever", "whenever", "whereas",
  "wherever", "whether", "whoever", "within", "without", "yourself", "actually", "currently", "basically", "exactly",
  // Questions as typed in a chat.
  "what's", "whats", "who's", "whos", "where's", "wheres", "how's", "hows", "wanna", "gotta", "kinda", "sorta", "stuff",
  // Contractions, with and without the apostrophe: a word the articles lack made "why haven't there been …" look
  // like a question about something else.
  "haven't", "hasn't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't",
  "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "it's", "that's", "there's", "here's", "let's", "i'm",
  "i've", "i'd", "i'll", "you're", "you've", "they're", "they've", "we're", "we've", "he's", "she's",
  "havent", "hasnt", "hadnt", "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "wouldnt",
  "couldnt", "shouldnt", "theyre", "youre", "thats", "theres", "im", "ive",
];

/** Question words and chat contractions the packaged German list lacks ("wieviel", "worum", "gibts"). */
// prettier-ignore
const GERMAN_FUNCTION_WORDS = [
  "wieviel", "wieviele", "worum", "worüber", "worauf", "wofür", "woran", "womit", "wodurch", "wozu", "wovon", "wobei",
  "woraus", "worin", "wogegen", "wonach", "weswegen", "inwiefern", "inwieweit", "gibts", "gibt's", "gehts", "geht's", "hats",
  "hat's", "ists", "ist's", "eh", "wievielte", "wievielten", "wievielter", "wievieltes", "wievielmal",
  // Articles and adverbs as spoken ("mit nem Panzer", "stehen rum", "was steht drauf") and fillers of a chat.
  "nem", "nen", "ne", "ner", "nes", "rum", "herum", "drauf", "dran", "drum", "eigentlich", "irgendwie", "nochmal", "nix", "bisschen", "zeug", "zeugs", "kram",
];

/**
 * Greetings, thanks and fillers of a chat ("hallo, welche Waffen …?", "thx, and
 * when …?"): they carry nothing a passage could hold, and a word the articles
 * lack made an answerable question look like one about something else.
 */
/** Greetings and thanks of a chat, stop words among the others below (and what a small-talk reply answers, see answer/small-talk.ts). */
export const CHAT_GREETINGS = ["hallo", "hi", "hey", "moin", "servus", "hello", "yo"];
export const CHAT_THANKS = ["danke", "dankeschön", "thanks", "thank", "thx", "ty"];

// prettier-ignore
const CHAT_WORDS = [
  ...CHAT_GREETINGS, ...CHAT_THANKS, "bitte", "ok", "okay", "lol", "hmm", "äh", "ähm", "pls", "plz", "uh",
  // Chat abbreviations and words that stand for function words or asides ("btw", "idk", "rn", "vllt", "iwie", "kA"):
  // a word the articles lack made "who's the expert they talked to btw" look like a question about something else.
  "btw", "tbh", "imo", "imho", "idk", "rn", "rly", "ngl", "afaik", "iirc", "fyi", "smh", "lmao", "lmk", "omg", "np",
  "yeah", "yep", "yup", "nope", "guys", "dude", "bro", "xd", "haha", "wat", "abt", "bc", "cuz", "coz", "tho",
  "ur", "ya", "yall", "y'all", "when's", "whens", "why's", "how'd", "what'd", "lemme", "gimme", "dunno",
  "vllt", "vlt", "evtl", "iwie", "iwo", "ka", "jmd", "jmdn", "jmdm", "nich", "ned", "eig", "eigtl", "digga", "ggf",
  "bzw", "usw", "zb", "dh", "mmn", "jz", "bissl", "nochma", "sowas", "irgendwer",
  // "Hallbergen vs Arnsfeld": a preposition between two names, in either language.
  "vs", "versus",
];

/** Chat spellings of content words, read as the words they stand for ("ppl" is "people"). */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["ppl", "people"],
  ["govt", "government"],
]);

// prettier-ignore
const CONTENT_WORDS_IN_STOP_LISTS = [
  "jahr", "jahre", "jahren", "gott", "mensch", "menschen", "morgen", "mann", "ende", "zeit",
  "tag", "tage", "tagen", "deutschen", "deutsche", "deutscher", "welt", "leben", "recht", "spiel",
  "ernst", "gross", "grosse", "grossen", "grosser", "klein", "kleine", "kleinen", "lang", "lange", "hoch",
  "erst", "erste", "ersten", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
  "elf", "zwölf", "zweite", "dritte", "vierte", "neue", "neuen", "neu", "alt", "alte", "alten",
  // Nouns the German list counts as stop words ("Wie lange muss ein Ei kochen?" is about an egg).
  "ei", "ordnung", "mittel", "sache",
  // Adverbs of time and direction that questions ask about ("Wohin fährt er zurück?", "War er früher schon dort?").
  "zurück", "zuerst", "früher", "später", "damals", "oft", "einmal", "bekannt", "möglich", "uhr", "weg", "kurz",
];

export const STOP_WORDS: ReadonlySet<string> = buildStopWords();

/**
 * Words only the German list stops that English uses as content words: an
 * English text or question keeps them ("how long has the war lasted", "did he
 * die"), a German one does not ("war", "die").
 */
// prettier-ignore
export const ENGLISH_WORDS_IN_GERMAN_STOP_LIST: ReadonlySet<string> = new Set([
  "war", "die", "man", "nun", "gut", "bald", "bin", "den", "elf", "tat",
]);

/** Whether a folded token is a stop word in text of `language` (both languages' lists when not told). */
export function isStopWord(foldedToken: string, language?: Language): boolean {
  if (language === "en" && ENGLISH_WORDS_IN_GERMAN_STOP_LIST.has(foldedToken)) return false;
  return STOP_WORDS.has(foldedToken);
}

export function stem(foldedToken: string, language: Language): string {
  const cache = stemCache[language];
  const cached = cache.get(foldedToken);
  if (cached !== undefined) return cached;
  const stemmed = stemUncached(foldedToken, language);
  remember(cache, foldedToken, stemmed);
  return stemmed;
}

/**
 * American "-ize" spelt British ("organized" → "organised"): Snowball stems the
 * two apart ("organ", "organis"), and "organ" is another word. At least four
 * letters before it, so "size", "prize" and "seize" stay.
 */
const AMERICAN_IZE = /^(\p{L}{4,})iz(e|ed|es|ing|ation|ations|er|ers)$/u;

function stemUncached(foldedToken: string, language: Language): string {
  if (/^\p{N}+$/u.test(foldedToken)) return foldedToken;
  if (language === "en") return english().stem(foldedToken.replace(AMERICAN_IZE, "$1is$2"));
  // Snowball keeps a genitive or plural "s" after a vowel ("Nordkoreas", "Chinas", "Autos"); drop it for -as/-os.
  const withoutVowelS = foldedToken.length >= 5 && /[ao]s$/.test(foldedToken) ? foldedToken.slice(0, -1) : foldedToken;
  return germanSnowball(withoutVowelS);
}

// Words of one language only: "was", "an", "in", "will" are both German and English, so they do not vote.
// prettier-ignore
const GERMAN_MARKERS = new Set([
  "der", "die", "und", "nicht", "ist", "das", "mit", "sich", "auf", "für", "fur", "ein", "eine", "einen", "einem", "wird", "werden", "wurde",
  "wurden", "auch", "dass", "nach", "wie", "wer", "wem", "wen", "wo", "wann", "welche", "welcher", "welchen", "warum", "wieso", "von", "zu",
  "aus", "hat", "haben", "sind", "bei", "noch", "gibt", "es", "soll", "kann", "könnte", "schon", "nur", "im", "vom", "zum", "zur", "dem",
  "den", "des", "oder", "gegen", "über", "uber", "mal", "denn",
  // Of chat questions: pronominal adverbs, question words and particles no English question uses ("was bekomt Kim dafür").
  "dafür", "dafur", "dazu", "davon", "darüber", "daruber", "damit", "dabei", "daran", "darauf", "dagegen", "weshalb", "woher",
  "wohin", "womit", "wofür", "wofur", "worum", "worüber", "woruber", "woran", "wieviel", "wieviele", "gibts", "seit", "bis",
  "weil", "ob", "kein", "keine", "keinen", "jetzt", "eigentlich", "ich", "wir", "ihr", "sie", "du", "uns", "sein", "seine",
  "seinen", "ihre", "ihren", "hier", "dort", "doch", "sehr", "viele", "mehr", "immer", "wieder", "dann", "gehts", "nen", "nem",
]);
// prettier-ignore
const ENGLISH_MARKERS = new Set([
  "the", "and", "is", "of", "to", "that", "with", "for", "on", "what", "who", "when", "which", "why", "how", "does", "did", "do", "are",
  "were", "from", "a", "has", "have", "been", "there", "where", "whom", "about", "their", "they", "he", "she", "it", "this", "would",
  "could", "should",
]);

/** How many German and how many English function words a text has. */
export function languageMarkers(text: string): { german: number; english: number } {
  let german = 0;
  let english = 0;
  for (const token of tokenize(text)) {
    const lower = token.toLowerCase();
    if (GERMAN_MARKERS.has(lower)) german += 1;
    if (ENGLISH_MARKERS.has(lower)) english += 1;
  }
  return { german, english };
}

/** Guesses German or English from function words; German wins ties, the bundled content being German. */
export function detectLanguage(text: string): Language {
  const { german, english } = languageMarkers(text);
  return english > german ? "en" : "de";
}

/**
 * Word characters for the boundary below: digits and the letters of the
 * Latin (with its accented and extended forms), Greek and Cyrillic scripts.
 * Explicit ranges, because a pattern with many \p{L} classes takes
 * milliseconds to compile, and a question's first answer compiles dozens.
 */
const WORD_CHARACTER = "[0-9A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff\\u1e00-\\u1eff]";

/**
 * JavaScript's \b knows ASCII letters only ("\büberhaupt" never matches);
 * the patterns here are written with \b and compiled with this boundary.
 */
export function unicodeWords(pattern: RegExp): RegExp {
  const boundary = `(?:(?<!${WORD_CHARACTER})(?=${WORD_CHARACTER})|(?<=${WORD_CHARACTER})(?!${WORD_CHARACTER}))`;
  return new RegExp(pattern.source.replaceAll("\\b", boundary), pattern.flags.includes("u") ? pattern.flags : `${pattern.flags}u`);
}

/**
 * Phrases that frame what a question asks for ("what in return?", "welche Art
 * von …", "what kind of …") rather than what it is about: as search terms they
 * pull towards any passage that happens to use them ("Im Gegenzug soll … eine
 * Delegation …"). Questions only; "Welche Art ist bedroht?" keeps its species.
 */
const QUESTION_FRAME = unicodeWords(
  /\b(?:wie\s+oft|wie\s+häufig|how\s+often|how\s+frequently|im\s+gegenzug|als\s+gegenleistung|dafür|stattdessen|überhaupt|eigentlich|genau|ausgerechnet|konkret|in\s+return|in\s+exchange|exactly|actually|welche[rnms]?\s+(?:art|sorte)\s+von|was\s+für\s+eine?\s+(?:art|sorte)(?:\s+von)?|(?:what|which)\s+(?:kind|kinds|sort|sorts|type|types)\s+of)\b/giu,
);

export function withoutQuestionFrame(question: string): string {
  return question.replace(QUESTION_FRAME, " ");
}

/**
 * The bot addressed by name in a chat ("hey bot, wer ist Schoigu?", "danke,
 * bot!"): at the start, or at the end after a comma or thanks. "bot" anywhere
 * else is what the question is about ("Was kann der Bot?").
 */
const BOT_ADDRESS_START = unicodeWords(/^\s*(?:(?:hey|hi|hallo|yo|ok|okay)\s*,?\s+)?bot\b\s*[,:!]?\s*/iu);
const BOT_ADDRESS_END = unicodeWords(/(,|\b(?:danke|thanks|thx))\s*bot\s*[!.?]*\s*$/iu);

export function withoutBotAddress(question: string): string {
  return question.replace(BOT_ADDRESS_START, "").replace(BOT_ADDRESS_END, (_, before: string) => (before === "," ? "" : before));
}

export interface AnalyzedToken {
  /** The token as written. */
  surface: string;
  /** Folded (case, umlauts, ß) form. */
  folded: string;
  /** Stemmed index term. */
  term: string;
}

/**
 * Content tokens of a text: folded, stemmed in `language`, without the stop
 * words of text in `textLanguage` (an English question is stemmed as German
 * too, to meet German paragraphs, and keeps its English words all the same).
 */
export function analyze(text: string, language: Language, textLanguage: Language = language): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  for (const surface of tokenize(text)) {
    const written = foldToken(surface);
    const folded = CHAT_SPELLINGS.get(written) ?? written;
    if (folded.length === 0 || isStopWord(folded, textLanguage)) continue;
    // Single letters carry nothing (except digits such as in "U 2").
    if (folded.length === 1 && !/\p{N}/u.test(folded)) continue;
    tokens.push({ surface, folded, term: stem(folded, language) });
  }
  return tokens;
}

/**
 * Character n-grams of a folded token, with boundary markers so that
 * word starts and ends weigh in. They let compound parts meet:
 * "munitionsmangel" and "munition" share "muni", "unit", "niti", ...
 */
export function charNgrams(folded: string, size: number): string[] {
  const padded = `_${folded}_`;
  if (padded.length <= size) return [padded];
  const grams: string[] = [];
  for (let start = 0; start + size <= padded.length; start += 1) grams.push(padded.slice(start, start + size));
  return grams;
}
