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
}

/** Words, folded, that ask for a summary on their own. */
const CUE = /^(?:zusammenfassung\w*|zusammenfass\w*|kurzfassung\w*|uberblick|summar\w*|overview|gist|recap|rundown|tldr)$/u;
/** "Fasse … zusammen", "fass das mal zusammen": the separable verb. */
const SEPARABLE_VERB = /^(?:fass|fasse|fasst|fassen)$/u;
/** "worum geht es", "um was gehts", "what is it about", "what's this about". */
const ABOUT_VERB = /^(?:geht|gehts|ging)$/u;
const ABOUT_WORD = /^(?:worum|was)$/u;

/** Words that frame the request without saying what it is about. */
const FRAME =
  /^(?:bitte|pls|plz|please|kannst|kann|could|can|give|gib|geben|mal|eben|kurze?n?|kurzem|short|quick|brief|lange?n?|long|detailed|ausfuhrlich\w*|mittel|medium|sum|up|zusammen|dr|tl|hier|here|this|that|dies\w*|ganze[nr]?|whole|eigentlich|actually|um|about|worum|geht|gehts|ging)$/u;

const SHORT = /^(?:kurze?n?|kurzem|short|quick|brief|tldr|tl)$/u;
const LONG = /^(?:lange?n?|long|detailed|ausfuhrlich\w*)$/u;

/**
 * Whether a question asks for a summary, and of what length. It must carry a
 * cue ("Zusammenfassung", "fasse … zusammen", "worum geht es", "summary",
 * "sum up", "what … about", "tl;dr") and either name the article or have no
 * other words of its own: "worum geht es bei den Sanktionen?" and "what is
 * the deal about?" ask about the content, not for a summary.
 */
export function summaryQuestion(question: string): SummaryQuestion | null {
  const all = questionWords(question.replace(/\btl\s*;?\s*dr\b/giu, " tldr "));
  const has = (pattern: RegExp): boolean => all.some((token) => pattern.test(token));
  const cue =
    has(CUE) ||
    (has(SEPARABLE_VERB) && has(/^zusammen$/u)) ||
    (has(/^sum$/u) && has(/^up$/u)) ||
    (has(ABOUT_WORD) && has(ABOUT_VERB)) ||
    (has(/^what$/u) && has(/^about$/u));
  if (!cue) return null;
  const words = all.filter((token) => !isStopWord(token) || SHORT.test(token) || LONG.test(token));
  const namesArticle = words.some((token) => ARTICLE_WORDS.test(token));
  const ownWords = words.filter((word) => !CUE.test(word) && !SEPARABLE_VERB.test(word) && !ARTICLE_WORDS.test(word) && !FRAME.test(word));
  if (!namesArticle && ownWords.length > 0) return null;
  const length: SummaryLength = has(SHORT) ? "short" : has(LONG) ? "long" : "medium";
  return { ownWords, length };
}
