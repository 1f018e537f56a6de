import { isStopWord } from "../../search/analyzer.js";
import { ARTICLE_WORDS, questionWords } from "../article-words.js";
import type { SummaryLength } from "./types.js";

/**
 * Asking for a summary in the words of a question ("Fasse den Artikel
 * zusammen", "worum geht es?", "tl;dr", "summary pls") rather than with
 * /summary: no passage answers such a question, so retrieval can only quote
 * something unrelated ("zusammenfassen" meets "umfassen").
 */
export interface SummaryQuestion {
  /** The question's words that are neither cues nor frame: they may say which article is meant ("… über die Sanktionen"). */
  ownWords: string[];
  length: SummaryLength;
  /** Set when one part of the article is asked for ("der Abschnitt über die Sanktionen", "the second section"). */
  section: SectionAsked | null;
}

/** A section named by its place ("Abschnitt 2", "the last part"; 1-based, or "last") or by what it is about (its words). */
export type SectionAsked = { place: number | "last" } | { words: string[] };

/** Words, folded, that ask for a summary on their own. */
const CUE = /^(?:zusammenfassung\w*|zusammenfass\w*|kurzfassung\w*|uberblick|summar\w*|overview|gist|recap|rundown|tldr)$/u;
/** "Fasse … zusammen", "fass das mal zusammen": the separable verb. */
const SEPARABLE_VERB = /^(?:fass|fasse|fasst|fassen)$/u;
/** "worum geht es", "um was gehts", "what is it about", "what's this about". */
const ABOUT_VERB = /^(?:geht|gehts|ging)$/u;
const ABOUT_WORD = /^(?:worum|was)$/u;

/** Words that frame the request without saying what it is about. */
const FRAME =
  /^(?:bitte|pls|plz|please|kannst|kann|could|can|give|gib|geben|mal|eben|kurze?n?|kurzem|short|quick|brief|briefly|lange?n?|long|detailed|ausfuhrlich\w*|mittel|medium|sum|up|zusammen|dr|tl|hier|here|this|that|dies\w*|ganze[nr]?|whole|eigentlich|actually|um|about|worum|geht|gehts|ging)$/u;

/** Words that name a part of the article. "Absatz" is left out: it is a paragraph, and a paragraph is quoted, not summarised. */
const SECTION_WORD = /^(?:abschnitt\w*|kapitel\w*|teil|teils|teile|section\w*|part)$/u;
/** Ordinals that place a section ("im zweiten Teil", "the last section"), German stems with their endings. */
const ORDINALS = new Map<string, number | "last">(
  [
    ["erst", "first"],
    ["zweit", "second"],
    ["dritt", "third"],
    ["viert", "fourth"],
    ["funft", "fifth"],
    ["letzt", "last"],
  ].flatMap(([german = "", english = ""], index) => {
    const place = english === "last" ? "last" : index + 1;
    return [...["e", "en", "er"].map((ending) => [`${german}${ending}`, place] as const), [english, place] as const];
  }),
);

const SHORT = /^(?:kurze?n?|kurzem|short|quick|brief|briefly|tldr|tl)$/u;
const LONG = /^(?:lange?n?|long|detailed|ausfuhrlich\w*)$/u;

/**
 * Whether a question asks for a summary, and of what length. It must carry a
 * cue ("Zusammenfassung", "fasse … zusammen", "worum geht es", "summary",
 * "sum up", "what … about", "tl;dr") and either name the article or have no
 * other words of its own: "worum geht es bei den Sanktionen?" and "what is
 * the deal about?" ask about the content, not for a summary. A word naming a
 * part of the article ("Abschnitt", "Teil", "section") asks for that part's
 * summary, and the other words say which part.
 */
export function summaryQuestion(question: string): SummaryQuestion | null {
  const all = questionWords(question.replace(/\btl\s*;?\s*dr\b/giu, " tldr "));
  const has = (pattern: RegExp): boolean => all.some((token) => pattern.test(token));
  const cue =
    has(CUE) ||
    (has(SEPARABLE_VERB) && has(/^zusammen$/u)) ||
    (has(/^sum$/u) && has(/^up$/u)) ||
    (has(ABOUT_WORD) && has(ABOUT_VERB)) ||
    (has(/^what$/u) && has(/^about$/u) && !topicAfterAbout(all));
  if (!cue) return null;
  const words = all.filter((token) => !isStopWord(token) || SHORT.test(token) || LONG.test(token));
  const namesArticle = words.some((token) => ARTICLE_WORDS.test(token));
  const ownWords = words.filter(
    (word) => !CUE.test(word) && !SEPARABLE_VERB.test(word) && !ARTICLE_WORDS.test(word) && !FRAME.test(word) && !SECTION_WORD.test(word),
  );
  const section = has(SECTION_WORD) ? sectionRequested(all, ownWords) : null;
  if (!namesArticle && section === null && ownWords.length > 0) return null;
  const length: SummaryLength = has(SHORT) ? "short" : has(LONG) ? "long" : "medium";
  // A place ("im zweiten Teil") says nothing about which article.
  const articleWords = section !== null && "place" in section ? ownWords.filter((word) => sectionPlace(word) === undefined) : ownWords;
  return { ownWords: articleWords, length, section };
}

/**
 * "what does the article say about the sanctions" asks about its content; "what is the article on the sanctions
 * about" for a summary: content words after the last "about" name a topic.
 */
function topicAfterAbout(words: readonly string[]): boolean {
  const after = words.slice(words.lastIndexOf("about") + 1);
  return after.some((word) => !isStopWord(word) && !FRAME.test(word) && !ARTICLE_WORDS.test(word));
}

function sectionPlace(word: string): number | "last" | undefined {
  return ORDINALS.get(word) ?? (/^\d{1,2}$/u.test(word) ? Number(word) : undefined);
}

/** Which part a question naming one asks for: by its place, else by its own words; null when it says neither. */
function sectionRequested(all: readonly string[], ownWords: readonly string[]): SectionAsked | null {
  const place = all.map(sectionPlace).find((found) => found !== undefined);
  if (place !== undefined) return { place };
  return ownWords.length > 0 ? { words: [...ownWords] } : null;
}
