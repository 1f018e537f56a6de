import { foldToken, isStopWord, stem, tokenize, unicodeWords } from "../search/analyzer.js";
import type { Lexicons } from "../search/lexicons.js";
import { regionCodesByName } from "../search/regions.js";
import { memoized } from "../lru-map.js";

/**
 * What kind of thing a question asks for ("wann" wants a date, "wie viele" a
 * number, "wie lange" a span of time), and whether a sentence holds such a
 * thing. Both sides are plain German and English patterns, the same for any
 * article.
 */
export type AnswerType =
  "since" | "date" | "duration" | "number" | "person" | "agent" | "origin" | "place" | "organisation" | "reason" | "frequency" | "transport";

export const ANSWER_TYPES: readonly AnswerType[] = [
  "since",
  "date",
  "duration",
  "number",
  "person",
  "agent",
  "origin",
  "place",
  "organisation",
  "reason",
  "frequency",
  "transport",
];

/**
 * A question after a measure of something ("what's the population of Pyongyang", "wie hoch ist der Preis") asks for a
 * number, although it opens like a question for a thing: a passage that names the thing without the number does not
 * answer it.
 */
const MEASURE_QUESTION = String.raw`\b(?:what(?:'s|s|\s+is|\s+was|\s+are)|was\s+(?:ist|war|sind)|wie\s+(?:hoch|groß|gross)\s+(?:ist|war|sind))\s+(?:the\s+|die\s+|der\s+|das\s+)?(?:population|price|cost|costs|age|size|height|length|budget|salary|death\s+toll|number|amount|total|einwohnerzahl|bevölkerungszahl|bevoelkerungszahl|preis|kosten|alter|größe|groesse|höhe|hoehe|länge|gehalt|zahl|opferzahl|summe)\b|\b(?:population|einwohnerzahl|bevölkerungszahl)\s+(?:of|von)\b`;

/** Question openings, most specific first ("seit wann" before "wann", "wie oft" before "wie viele"). */
const QUESTION_PATTERNS: readonly [AnswerType, RegExp][] = (
  [
    ["frequency", /\b(?:wie\s+oft|wie\s+häufig|wie\s+haeufig|how\s+often|how\s+frequently|how\s+many\s+times|wie\s+viele\s+male?)\b/iu],
    // Since when: a date, or a span up to now ("seit Monaten").
    ["since", /\bseit\s+wann\b|\bsince\s+when\b|\bwie\s+lange?\s+schon\b|\bhow\s+long\s+(?:has|have|had)\b/iu],
    [
      "date",
      /\b(?:bis|ab)\s+wann\b|\bwann\b|\bwhen\b(?!\s+it\s+comes\s+to\b)|\b(?:in\s+)?(?:welchem|which|what)\s+(?:jahr|monat|year|month)\b|\b(?:welches|what|which)\s+(?:datum|date)\b|\ban\s+welchem\s+tag\b|\bwie\s+lange?\s+her\b|\bhow\s+long\s+ago\b/iu,
    ],
    ["duration", /\bwie\s+lange?\b|\bhow\s+long\b/iu],
    [
      "number",
      new RegExp(
        String.raw`\bwie\s+alt\b|\bhow\s+old\b|\bwie\s*vie(?:le|l)\b|\bwieviele?\b|\bhow\s+(?:many|much)\b|\bwie\s+(?:hoch|groß|gross|weit|schwer|teuer|breit|tief|schnell)\b|\bhow\s+(?:high|tall|big|large|far|heavy|expensive|fast)\b|\bwas\s+kost(?:et|ete|eten|en)\b|\bwhat\s+(?:does|did|do)\b.{0,40}\bcost\b|\banzahl\b|\bnumber\s+of\b|${MEASURE_QUESTION}`,
        "iu",
      ),
    ],
    // How someone travels: by train, plane, car ("Wie reist Kim nach Russland?", "how is kim travelling").
    [
      "transport",
      /\b(?:wie|womit|mit\s+was|mit\s+welche[mnr]?)\b.{0,40}\b(?:reist|reisen|reiste|anreisen|fährt|faehrt|fahren|fuhr|fliegt|fliegen)\b|\bhow\b.{0,40}\b(?:travel\w*|journey\w*)\b|\bby\s+what\s+means\b/iu,
    ],
    [
      "organisation",
      /\bfür\s+wen\b|\bfur\s+wen\b|\bfor\s+whom\b|\b(?:welche[rnms]?|what|which)\s+(?:organisation|organization|stiftung|institut|institute|denkfabrik|think\s+tank|zeitung|newspaper|behörde|agency|gruppe|group|firma|company|partei|party|thinktank)\b|\bwho\s+does\b.*\bwork\s+for\b|\bwork(?:s|ing)?\s+for\b|\barbeitet\b.*\bfür\b|\bwo\s+arbeite[nt]?\b|\bwhere\s+(?:do|does|did)\b.{0,40}\bwork\b/iu,
    ],
    [
      "person",
      /^\s*(?:und\s+)?(?:wer|wem|wen|who|whom)\b|\b(?:von|mit|an|zu|für)\s+wem\b|\bwith\s+whom\b|\b(?:welche[rnms]?|what|which)\s+(?:person|politiker|experte|expertin|minister|präsident|praesident|sprecher|leader|expert|spokesman|spokesperson|president|politician|general|diktator|dictator|staatschef|anführer)\b|\bwie\s+heißt\b|\bwie\s+heisst\b|\bwhat\s+is\s+the\s+name\b|\bwho\b/iu,
    ],
    // Where something comes from, or which country: a country answers it wherever the sentence names it.
    ["origin", /\bwoher\b|\bwhere\b.{0,80}\bfrom\b|\b(?:welche[rnms]?|what|which)\s+(?:land|länder|laender|staat|staaten|country|countries|nation)\b/iu],
    [
      "place",
      /^\s*(?:und\s+)?(?:wo|wohin|woher|where)\b|\bwo\b|\bwhere\b|\b(?:in|nach|aus)\s+welche[rnms]?\s+(?:stadt|land|region|ort|staat)\b|\b(?:welche[rnms]?|what|which)\s+(?:stadt|city|ort|place|town|location|country|land|capital|hauptstadt)\b|\b(?:what(?:'s|s|\s+is|\s+was)|was\s+(?:ist|war)|wie\s+hei(?:ß|ss)t)\s+(?:the\s+|die\s+)?(?:capital|hauptstadt)\b|\b\p{L}+(?:'s|s)?\s+capital\s*\??\s*$/iu,
    ],
    ["reason", /\b(?:warum|weshalb|wieso|weswegen|wozu|why|how\s+come)\b|\baus\s+welchem\s+grund\b|\bfor\s+what\s+reason\b|\bwhat\s+for\b/iu],
    // Asked yes or no ("reist Kim oft ins Ausland?", "does kim travel abroad a lot"): how often, when no question word asks for more.
    ["frequency", /\b(?:oft|öfter|häufig|haeufig|selten|often|frequently|rarely|seldom)\b|\ba\s+lot\s*\??\s*$/iu],
  ] as [AnswerType, RegExp][]
).map(([type, pattern]) => [type, unicodeWords(pattern)]);

/**
 * "Wer" and "who" ask for whoever did something, a person or a country or an
 * organisation ("Wer blockiert neue Resolutionen?": China und Russland), unless
 * the question names a role only a person holds ("Wer leitet …", "who is the
 * mayor …").
 */
const WHO = unicodeWords(/\b(?:wer|wem|wen|who|whom|who's|whos)\b/iu);
const PERSON_ROLE = unicodeWords(
  /\b(?:leads?|leading|led|leader\w*|leitet\w*|leitete\w*|führt\w*|anführer\w*|\w*chef\w*|chief|head|boss|\w*präsident\w*|\w*president|\w*minister\w*|kanzler\w*|chancellor|mayor|\w*bürgermeister\w*|sprecher\w*|spokes\w*|experte\w*|expert\w*|coach|trainer\w*|ceo|direktor\w*|director|gründer\w*|founder|autor\w*|author|heißt|heisst|name|vornamen?|diktator|dictator|machthaber)\b/iu,
);

/** The kind of thing the question asks for, or null when it does not ask for a kind. */
export function questionAnswerType(question: string): AnswerType | null {
  for (const [type, pattern] of QUESTION_PATTERNS) {
    if (!pattern.test(question)) continue;
    return type === "person" && WHO.test(question) && !PERSON_ROLE.test(question) ? "agent" : type;
  }
  return null;
}

/** German and English month names, as a regular-expression alternation (also for reading dates against an article's, see time-frame.ts). */
export const MONTHS =
  "januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december";
const WEEKDAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const NUMBER_WORDS =
  "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|millionen?|milliarden?|dutzend|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|millions?|billions?|dozen";

const SENTENCE_PATTERN_SOURCES: Record<AnswerType, RegExp> = {
  date: new RegExp(
    `\\b(?:1[5-9]\\d\\d|20\\d\\d)\\b|\\b(?:${MONTHS})\\b|\\b(?:${WEEKDAYS})\\b|\\b(?:vergangen|letzt|nächst|kommend|diese)(?:e|en|er|es|m)?\\s+(?:jahr|monat|woche|sommer|winter|frühjahr|herbst|jahres|monats)\\b|\\b(?:last|next|this)\\s+(?:year|month|week|summer|winter|spring|autumn)\\b|\\b(?:gestern|vorgestern|heute|damals|yesterday|today)\\b|\\b(?:im|ab|bis)\\s+(?:frühjahr|frühling|sommer|herbst|winter)\\b|\\bin\\s+(?:the\\s+)?(?:spring|summer|autumn|fall|winter)\\b|\\b(?:in|innerhalb|binnen)\\s+(?:weniger|wenigen|zwei|drei|vier|\\d+)\\s+(?:tage|tagen|wochen|monate|monaten|jahre|jahren)\\b|\\b(?:within|in)\\s+(?:a\\s+few|two|three|four|\\d+)\\s+(?:days|weeks|months|years)\\b`,
    "iu",
  ),
  // A year, a date or an ordinal ("2006", "10. September", "zum 70. Jahrestag") counts nothing: see holdsKind.
  number: new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, "iu"),
  // A number of days or months, or a span between two dates ("vom 10. bis 13. September"), or words that say one.
  duration: new RegExp(
    `\\d|\\b(?:${NUMBER_WORDS})\\b|\\b(?:tage|wochen|monate|jahre|stunden)?lang\\b|\\bseit\\s+(?:monaten|jahren|wochen|tagen|stunden)\\b|\\bfor\\s+(?:months|years|weeks|days|hours)\\b`,
    "iu",
  ),
  // A role, also as the last part of a German compound ("Energieexperte", "Hydrogeologe", "Bürgermeisterin").
  person:
    /\b\p{L}*(?:präsident|praesident|minister|experte|expertin|sprecher|diktator|machthaber|kremlchef|führer|kanzler|chef|leiter|vorstand|vorständin|richter|anwalt|anwältin|direktor|bürgermeister|buergermeister|vorsitzende|forscher|ökonom|oekonom|loge|login|ingenieur|trainer|professor)(?:in|en|innen|s|n)?\b|\bdr\.|\b(?:president|spokesman|spokesperson|spokeswoman|expert|dictator|leader|chancellor|mayor|chief|executive|engineer|officer|economist|analyst|professor|chairman|chairwoman|director|manager|coach|secretary|scientist|researcher|inspector|investigator|\p{L}+ologist)s?\b/iu,
  // Places need a name after the preposition: see hasPlaceName.
  place: /\b(?:grenze|hauptstadt|region|border|capital)\b/iu,
  // Whoever did something, and since when: see holdsKind.
  agent: /(?!)/u,
  since: /(?!)/u,
  // A country anywhere in the sentence also answers: see holdsKind.
  origin: /\b(?:ursprung|stammt|stammen|stammte|herkunft|origin\w*|comes?\s+from|came\s+from)\b/iu,
  organisation:
    /\b\p{Lu}\p{Ll}*(?:stiftung|institut|universität|ministerium|regierung|gruppe|partei|behörde|agentur|zeitung|rat|verband|konzern)\b|\b(?:stiftung|institut|universität|ministerium|regierung|gruppe|partei|behörde|agentur|zeitung|foundation|institute|university|ministry|government|group|party|agency|council|times|post)\b/iu,
  reason:
    /\b(?:weil|denn|deshalb|daher|deswegen|wegen|aufgrund|angesichts|zurückgeht|zurückzuführen|damit|because|due\s+to|owing\s+to|so\s+that|in\s+order\s+to|therefore|begründ\p{L}*|grund|gründe|ursache\p{L}*|infolge|verwies\s+auf|verweist\s+auf|verweisen\s+auf|reasons?|cit(?:ed|ing)|blam(?:ed|es|ing)|as\s+a\s+result|result(?:ed|s)?\s+(?:of|from))\b|\bum\s+(?:[^.;:!?]|\d\.){1,150}?(?:\s+zu\s+\p{L}+|\p{L}{2,}zu\p{L}{2,}en\b)|\bda\s+\p{L}+/iu,
  // A vehicle or a way of travelling: "Panzerzug", "Flugzeug", "by train", "fliegen" (not "Gegenzug" or "Autor").
  transport:
    /\b(?:panzer|sonder|schnell|nacht|luxus|personen|güter|hochgeschwindigkeits|fern|regional)?(?:zug|züge|zuges)\b|\b\p{L}*(?:bahn|flugzeug|flugzeuge|flieger|maschine|hubschrauber|helikopter|schiff|schiffe|fähre|limousine|konvoi|kolonne)\b|\b(?:auto|autos|bus|busse|jet|wagen|fliegen|fliegt|flog|geflogen)\b|\b(?:train|trains|rail|plane|planes|aircraft|jet|car|cars|ship|boat|ferry|bus|helicopter|motorcade|convoy|flight|flew|fly|flies|flying|drive|drove)\b/iu,
  frequency:
    /\b(?:selten|oft|häufig|haeufig|regelmäßig|regelmaessig|mehrmals|erstmals|abermals|wieder|jährlich|täglich|wöchentlich|monatlich|mal|rarely|seldom|often|frequently|regularly|once|twice|again|annually|daily|weekly)\b/iu,
};
const SENTENCE_PATTERNS = Object.fromEntries(Object.entries(SENTENCE_PATTERN_SOURCES).map(([type, pattern]) => [type, unicodeWords(pattern)])) as Record<
  AnswerType,
  RegExp
>;

let regionWords: ReadonlySet<string> | null = null;

/** Country and region names in German and English, folded ("russland", "north korea" as "north", "korea"); built when first needed (ICU takes a while). */
function isRegionWord(folded: string): boolean {
  regionWords ??= new Set([...regionCodesByName().keys()].flatMap((name) => name.split(" ")));
  return regionWords.has(folded);
}

/** Dictionary frequency class from which a capitalised word counts as an ordinary noun, not a name. */
const COMMON_WORD_CLASS = 7;

/** Endings of German nouns and their plurals, which names rarely have ("Zulieferern", "Kremltruppen", "Zeitung"). */
const NOUN_ENDING = /(?:ung|ungen|heit|keit|schaft|tion|ionen|ität|ismus|nis|tum|chen|lein|er|ern|en|el|eln|te)$/u;

/** A capitalised word that is no common noun: a name ("Ballbach", "Wladiwostok"), or a country. */
function isName(word: string, lexicons: Lexicons): boolean {
  if (!/^\p{Lu}[\p{L}-]+$/u.test(word)) return false;
  const folded = foldToken(word);
  // A small word is no name, even one a country's name holds ("Und" in "St. Kitts und Nevis").
  if (isStopWord(folded)) return false;
  if (isRegionWord(folded)) return true;
  if (NOUN_ENDING.test(folded)) return false;
  const german = lexicons.frequency.de.get(stem(folded, "de")) ?? 0;
  const english = lexicons.frequency.en.get(stem(folded, "en")) ?? 0;
  return Math.max(german, english) < COMMON_WORD_CLASS;
}

/**
 * Whoever a quote is from, named after the verb of saying: "said Helen Marsh", "sagte Jürgen Michalski". Names that
 * are words too ("Marsh", "Baker") are no names to hasPersonName; after "said" they are.
 */
const SPEAKER = unicodeWords(/\b(?:said|says|told|sagte|sagt|erklärte|erklärt|betonte|betont)\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/u);

/** Two names in a row ("Eric Ballbach", "John Kirby"), where a role word does not already say it. */
function hasPersonName(words: readonly string[], lexicons: Lexicons): boolean {
  for (let index = 1; index < words.length; index += 1) {
    const previous = words[index - 1] ?? "";
    const current = words[index] ?? "";
    if (isName(previous, lexicons) && isName(current, lexicons) && !isRegionWord(foldToken(current))) return true;
  }
  return false;
}

const PLACE_PREPOSITIONS = new Set(["in", "nach", "aus", "bei", "nahe", "near", "to", "from", "at", "im"]);
const ARTICLES = new Set(["der", "dem", "den", "die", "the"]);
const DIRECTIONS = new Set([
  "nördlich",
  "südlich",
  "östlich",
  "westlich",
  "nordöstlich",
  "nordwestlich",
  "südöstlich",
  "südwestlich",
  "north",
  "south",
  "east",
  "west",
]);

/** A preposition followed by a name: "in Wladiwostok", "nach Moskau", "in Russland". */
function hasPlaceName(words: readonly string[], lexicons: Lexicons): boolean {
  for (let index = 0; index < words.length - 1; index += 1) {
    const lower = (words[index] ?? "").toLowerCase();
    // "südlich von Kamjanohirsk", "north of Kyiv": a direction from a place.
    const fromDirection = DIRECTIONS.has(lower) && ["von", "of"].includes((words[index + 1] ?? "").toLowerCase());
    if (!PLACE_PREPOSITIONS.has(lower) && !fromDirection) continue;
    let next = index + (fromDirection ? 2 : 1);
    if (ARTICLES.has((words[next] ?? "").toLowerCase())) next += 1;
    const word = words[next];
    if (word && isName(word, lexicons)) return true;
  }
  return false;
}

/** An acronym such as "SWP" or "UN" names an organisation; case matters here, unlike in the patterns above. */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/u;

/** The same sentences of the top passages are tested question after question: keep the verdicts (the oldest go first), per set of lexicons. */
const verdicts = new WeakMap<Lexicons, Map<AnswerType, (sentence: string) => boolean>>();

/** Whether a sentence holds a thing of the given kind. */
export function sentenceHasAnswerType(sentence: string, type: AnswerType, lexicons: Lexicons): boolean {
  let byType = verdicts.get(lexicons);
  if (!byType) {
    byType = new Map();
    verdicts.set(lexicons, byType);
  }
  let verdict = byType.get(type);
  if (!verdict) {
    verdict = memoized(4_096, (text: string) => holdsKind(text, type, lexicons));
    byType.set(type, verdict);
  }
  return verdict(sentence);
}

/** Years, dates and ordinals: numbers that say when or which, not how many. */
const YEARS_DATES_ORDINALS = unicodeWords(
  new RegExp(
    `\\b\\d{1,2}\\.\\s*(?:bis\\s+\\d{1,2}\\.\\s*)?(?:${MONTHS})\\b|\\b\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2,4})?|\\b(?:1[5-9]|20)\\d\\d\\b|\\b\\d{1,3}\\.(?=\\s+\\p{L})`,
    "giu",
  ),
);

/** A country by name anywhere ("China und Russland"); the small words of names ("und" in "St. Kitts und Nevis") are none. */
function namesCountry(words: readonly string[]): boolean {
  return words.some((word) => /^\p{Lu}/u.test(word) && !isStopWord(foldToken(word)) && isRegionWord(foldToken(word)));
}

function holdsKind(sentence: string, type: AnswerType, lexicons: Lexicons): boolean {
  if (type === "since") return SENTENCE_PATTERNS.date.test(sentence) || SENTENCE_PATTERNS.duration.test(sentence);
  if (type === "agent") {
    if (holdsKind(sentence, "person", lexicons) || holdsKind(sentence, "organisation", lexicons)) return true;
    return namesCountry(tokenize(sentence));
  }
  if (type === "number") return SENTENCE_PATTERNS.number.test(sentence.replace(YEARS_DATES_ORDINALS, " "));
  if (SENTENCE_PATTERNS[type].test(sentence)) return true;
  if (type === "organisation") return ACRONYM.test(sentence);
  if (type !== "person" && type !== "place" && type !== "origin") return false;
  const words = tokenize(sentence);
  if (type === "person") return hasPersonName(words, lexicons) || SPEAKER.test(sentence);
  if (type === "origin") return hasPlaceName(words, lexicons) || namesCountry(words);
  return hasPlaceName(words, lexicons);
}
