import { foldToken, isStopWord, tokenize } from "../search/analyzer.js";
import { monthNumber } from "../content/parse/dates.js";
import { MONTHS } from "./answer-types.js";

/**
 * "Wann trifft Kim Putin?" asks about a meeting to come, "Wann traf Kim
 * Putin?" about one that was. Words cannot tell them apart ("trifft" and
 * "traf" meet the same passages), but the article's date can: a sentence
 * whose dates all lie before the day the article was published does not say
 * when something still to come happens. The same for any article with a
 * date; none for one without.
 */

/** German and English words that put a question in the past ("wann war", "when did", "zuletzt"). */
const PAST_WORDS = new Set([
  "war", "waren", "warst", "wart", "wurde", "wurden", "wurdest", "hatte", "hatten", "hattest", "gewesen",
  "damals", "fruher", "zuletzt", "bisher", "einst", "vorher", "zuvor", "letztes", "letzten", "letztens", "vergangenen", "vergangenes",
  "did", "were", "had", "ago", "last", "previously", "before", "ever", "earlier", "once",
]); // prettier-ignore

/** Common strong verbs' past forms ("traf", "kam"): they share no ending a rule could read. */
const STRONG_PAST = new Set([
  "traf", "trafen", "kam", "kamen", "ging", "gingen", "gab", "gaben", "fuhr", "fuhren", "flog", "flogen", "sah", "sahen",
  "sprach", "sprachen", "fand", "fanden", "nahm", "nahmen", "begann", "begannen", "blieb", "blieben", "schrieb", "schrieben",
  "stand", "standen", "lag", "lagen", "hielt", "hielten", "rief", "riefen", "liess", "liessen", "zog", "zogen", "bot", "boten",
  "bat", "baten", "brachte", "brachten", "dachte", "dachten", "wusste", "wussten", "reiste", "reisten", "besuchte", "besuchten",
  "sagte", "sagten", "lieferte", "lieferten", "met", "went", "came", "gave", "saw", "took", "began", "left", "flew", "sent", "said",
]); // prettier-ignore

/** Forms of "haben" that make a perfect tense with a participle ("hat … getroffen", "has met"). */
const PERFECT_AUXILIARIES = new Set(["hat", "haben", "hast", "habt", "has", "have"]);
/**
 * Forms of "sein", which make a perfect tense only with verbs of motion or change ("ist … gereist"); with others
 * they say how things stand ("ist gesperrt", "sind verboten"), now.
 */
const SEIN_FORMS = new Set(["ist", "sind", "bist", "seid"]);
/** Participles of verbs whose perfect takes "sein", with any prefix ("angekommen", "eingetroffen", "zurückgekehrt"). */
const SEIN_PARTICIPLE =
  /(?:gereist|gefahren|gekommen|geflogen|gegangen|gelaufen|gerannt|gestorben|geworden|gewesen|geblieben|passiert|geschehen|getroffen|gestiegen|gesunken|gefallen|entstanden|erschienen|gekehrt|gebrochen|gezogen|gewachsen|gefolgt|begegnet|gelandet|gestartet|verschwunden|abgelaufen)$/u;
/** Participles of planning and expecting: a perfect of theirs speaks of what is to come ("hat … geplant", "has scheduled"). */
const STATE_PARTICIPLES = new Set([
  "geplant",
  "vorgesehen",
  "angesetzt",
  "angekundigt",
  "gedacht",
  "erwartet",
  "terminiert",
  "planned",
  "scheduled",
  "expected",
]);
/** A participle: German with "ge" ("getroffen", "angekommen") or an inseparable prefix ("besucht"); English regular ("visited"). */
const PARTICIPLE = /^(?:\p{L}*ge\p{L}{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp|miss)\p{L}{2,}t|\p{L}{3,}ed|met|been|gone|seen|sent|flown)$/u;

/**
 * Whether a question asks about something past, so that a date before the article's answers it. `isVerb`: whether
 * a German word is a form of a verb the dictionaries know, for weak past forms ("dauerte", "meldete"), which share
 * their ending with nouns and ordinals ("Rakete", "zweite").
 */
export function asksAboutPast(question: string, isVerb: (word: string) => boolean = () => false): boolean {
  return saysPast(tokenize(question).map(foldToken), isVerb);
}

/** asksAboutPast over a question's folded words. */
function saysPast(words: readonly string[], isVerb: (word: string) => boolean): boolean {
  if (words.some((word) => PAST_WORDS.has(word) || STRONG_PAST.has(word))) return true;
  if (words.some((word) => /^\p{L}{3,}(?:te|test|tet)$/u.test(word) && !isStopWord(word) && isVerb(word))) return true;
  // "was" is English "war" only beside "when" (German "was" asks "what").
  if (words.includes("when") && words.includes("was")) return true;
  const perfect = words.findIndex((word) => PERFECT_AUXILIARIES.has(word));
  if (perfect >= 0 && words.slice(perfect + 1).some((word) => PARTICIPLE.test(word) && !STATE_PARTICIPLES.has(word))) return true;
  const sein = words.findIndex((word) => SEIN_FORMS.has(word));
  return sein >= 0 && words.slice(sein + 1).some((word) => SEIN_PARTICIPLE.test(word));
}

/** German and English words that say a question is about something to come ("wann wird", "when will", "nächste"). */
const COMING_WORDS = new Set([
  "wird", "werden", "wirst", "werdet", "soll", "sollen", "sollte", "sollten", "will", "wollen", "willst", "plant", "planen",
  "nachste", "nachsten", "nachstes", "kommende", "kommenden", "kommendes", "bald", "demnachst", "kunftig", "zukunftig",
  "gonna", "next", "upcoming", "soon", "planned", "planning", "scheduled", "future",
]); // prettier-ignore

/**
 * Which time a date question asks about: "past" when it says the past and not
 * something to come, "coming" the other way round, "both" when it says both
 * ("wann war das nächste Treffen geplant"), null when it says neither: a plain
 * present ("Wann trifft Kim Putin?", "when does Shoigu visit") may mean either
 * in German and English alike.
 */
export function questionTimeFrame(question: string, isVerb: (word: string) => boolean = () => false): "past" | "coming" | "both" | null {
  const words = tokenize(question).map(foldToken);
  const past = saysPast(words, isVerb);
  const coming = words.some((word, index) => COMING_WORDS.has(word) || (word === "going" && words[index + 1] === "to"));
  if (past && coming) return "both";
  return past ? "past" : coming ? "coming" : null;
}

/** Whether a question names a year: then the year says which time it means. */
export function namesYear(question: string): boolean {
  return /\b(?:1[5-9]|20)\d\d\b/u.test(question);
}

/** A day as a comparable number (year, month, day; 0 for a part not stated). */
const dayNumber = (year: number, month: number, day: number): number => year * 10_000 + month * 100 + day;

const RELATIVE_PAST =
  /\b(?:vergangen|letzt|vorig)(?:e|en|er|es|m)?\s+(?:jahr|jahres|monat|monats|woche|sommer|winter|frühjahr|herbst|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b|\b(?:gestern|vorgestern|damals|yesterday)\b|\blast\s+(?:year|month|week|summer|winter|spring|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b|\bvor\s+(?:\d+|zwei|drei|vier|fünf|einem|einer)\s+(?:jahren?|monaten?|wochen?|tagen?)\b|\b(?:\d+|two|three|four|five|a)\s+(?:years?|months?|weeks?|days?)\s+ago\b/iu;
const RELATIVE_COMING =
  /\b(?:nächst|kommend)(?:e|en|er|es|m)?\s+(?:jahr|monat|woche|sommer|winter|frühjahr|herbst)\b|\b(?:morgen|übermorgen|bald|demnächst|tomorrow|soon)\b|\b(?:next|coming)\s+(?:year|month|week|summer|winter|spring|autumn)\b/iu;
const RELATIVE_CURRENT =
  /\b(?:diese)(?:e|en|er|es|m)?\s+(?:jahr|monat|woche|sommer|winter|frühjahr|herbst)\b|\bthis\s+(?:year|month|week|summer|winter|spring|autumn)\b|\b(?:heute|today)\b/iu;
const YEAR = /\b((?:1[5-9]|20)\d\d)\b/gu;
/** "10. September", "vom 10. bis 13. September", "September 2023", "im Juli", "10.09.2023". */
const MONTH_DATE = new RegExp(`(?:\\b(\\d{1,2})\\.?\\s*(?:bis\\s+\\d{1,2}\\.?\\s*)?)?\\b(${MONTHS})\\b(?:\\s+((?:1[5-9]|20)\\d\\d))?`, "giu");
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)?\d\d)?(?![\d])/gu;

/** Where a sentence's dates lie against its article's date. */
export type SentenceTimeFrame = "past" | "current" | "future";

/**
 * When a sentence's dates lie against the article's date (ISO): "past" when it
 * has dates and all end before it, "future" when all begin after it,
 * "current" otherwise (the month of the article, "noch im September", is
 * both), null when it has none a day can be read from. A month without a year
 * is the article's year.
 */
export function sentenceTimeFrame(sentence: string, articleDate: string): SentenceTimeFrame | null {
  const [year = 0, month = 0, day = 0] = articleDate.split("-").map(Number);
  if (year === 0) return null;
  const published = dayNumber(year, month, day);
  const verdicts: SentenceTimeFrame[] = [];
  const judge = (stated: number, precision: "year" | "month" | "day"): void => {
    // A year or a month lasts: it is past when it ends before the article, to come when it begins after it.
    const end = precision === "year" ? stated + 1231 : precision === "month" ? stated + 31 : stated;
    verdicts.push(end < published ? "past" : stated > published ? "future" : "current");
  };
  if (RELATIVE_PAST.test(sentence)) verdicts.push("past");
  if (RELATIVE_COMING.test(sentence)) verdicts.push("future");
  if (RELATIVE_CURRENT.test(sentence)) verdicts.push("current");
  const datedYears = new Set<string>();
  for (const match of sentence.matchAll(MONTH_DATE)) {
    const monthIndex = monthNumber(match[2] ?? "");
    if (monthIndex === undefined) continue;
    // A month said as past ("im vergangenen Juli") is read above.
    const before = sentence.slice(Math.max(0, (match.index ?? 0) - 14), match.index).toLowerCase();
    if (/(?:vergangen|letzt|vorig)\p{L}*\s+$|last\s+$/u.test(before)) continue;
    const statedYear = match[3] ? Number(match[3]) : year;
    if (match[3]) datedYears.add(match[3]);
    judge(dayNumber(statedYear, monthIndex, match[1] ? Number(match[1]) : 0), match[1] ? "day" : "month");
  }
  for (const match of sentence.matchAll(NUMERIC_DATE)) {
    const statedMonth = Number(match[2]);
    if (statedMonth < 1 || statedMonth > 12) continue;
    const written = match[3];
    const statedYear = written === undefined ? year : written.length === 2 ? 2000 + Number(written) : Number(written);
    if (written) datedYears.add(String(statedYear));
    judge(dayNumber(statedYear, statedMonth, Number(match[1])), "day");
  }
  for (const match of sentence.matchAll(YEAR)) {
    if (!datedYears.has(match[1] ?? "")) judge(dayNumber(Number(match[1]), 0, 0), "year");
  }
  if (verdicts.length === 0) return null;
  const first = verdicts[0] ?? "current";
  return verdicts.every((verdict) => verdict === first) ? first : "current";
}
