import type { Paragraph, Sentence } from "../content/types.js";
import { analyze, charNgrams, foldToken } from "../search/analyzer.js";
import { wordMatch, type PartialMatch } from "../search/word-match.js";
import { tokenWeight, type QueryToken } from "../search/query-analysis.js";
import { memoized } from "../lru-map.js";
import { needsPredecessor } from "./summary/index.js";

/**
 * Picks the sentence(s) of a paragraph that answer the question, to quote
 * verbatim. A sentence scores by the question words it contains (IDF
 * weighted, with partial credit for compound parts), so the quote is the
 * part of the paragraph that carries the match, not just its first line.
 */

export interface ExcerptOptions {
  /** At most this many sentences are quoted. */
  maxSentences: number;
  /** Sentences that must never be quoted (e.g. "read more here" teasers). */
  skipSentence?: (text: string) => boolean;
  /** Sentences to prefer among those that carry the question's words (e.g. the one with a date for "wann"). */
  preferSentence?: (text: string) => boolean;
  /** The stems the paragraph's sentences are matched on (see SentenceLanguages). */
  languages: SentenceLanguages;
}

/** How much a preferred sentence's score is raised. */
const PREFERRED_SENTENCE_BOOST = 0.5;

const NGRAM = 4;
/** A sentence is short: half of a word's grams mark a compound part, at a lower credit than in a whole paragraph. */
const SENTENCE_PARTS: PartialMatch = { overlap: 0.5, credit: 0.6 };
function gramSet(folded: string): Set<string> {
  return new Set(charNgrams(folded, NGRAM));
}

interface SentenceTerms {
  terms: ReadonlySet<string>;
  grams: ReadonlySet<string>;
}

/**
 * A sentence's analysis depends on its text alone, and the same sentences of
 * the top passages are scored for question after question: keep them (the
 * oldest go first). German stems always; English stems as well where a
 * question word can be in English (see `english` below), since stemming
 * every sentence twice was most of the work of a first answer.
 */
function analyzeSentence(sentence: string, english: boolean): SentenceTerms {
  const analyzedGerman = analyze(sentence, "de");
  // The stop words of both languages: the sentence may be German ("war", "die").
  const analyzedEnglish = english ? analyze(sentence, "en", "de") : [];
  return {
    terms: new Set([...analyzedGerman.map((token) => token.term), ...analyzedEnglish.map((token) => token.term)]),
    grams: new Set(analyzedGerman.flatMap((token) => [...gramSet(token.folded)])),
  };
}
const germanSentenceTerms = memoized(4_096, (sentence: string) => analyzeSentence(sentence, false));
const bilingualSentenceTerms = memoized(4_096, (sentence: string) => analyzeSentence(sentence, true));

/**
 * Whether a sentence is matched on its English stems too: when the question
 * is English (its words carry English stems) or the sentence's paragraph is
 * (translations reach it with English terms). A German question's words on a
 * German paragraph are German stems and expansions only.
 */
export interface SentenceLanguages {
  english: boolean;
}

function sentenceTerms(sentence: string, languages: SentenceLanguages): SentenceTerms {
  return languages.english ? bilingualSentenceTerms(sentence) : germanSentenceTerms(sentence);
}

/** A question word's letter grams, worked out once per question rather than once per sentence. */
const tokenGramCache = new WeakMap<QueryToken, string[]>();

function tokenGrams(token: QueryToken): string[] {
  let grams = tokenGramCache.get(token);
  if (!grams) {
    grams = [...gramSet(foldToken(token.surface))];
    tokenGramCache.set(token, grams);
  }
  return grams;
}

/** Each question word's credit in a sentence: its IDF, times how far the sentence holds it (see wordMatch). */
function tokenCredits(sentence: string, tokens: readonly QueryToken[], languages: SentenceLanguages): number[] {
  const { terms, grams } = sentenceTerms(sentence, languages);
  return tokens.map((token) => token.idf * tokenWeight(token) * wordMatch(token, terms, grams, tokenGrams(token), SENTENCE_PARTS).strength);
}

/** Score of one sentence: full credit per question word present, partial credit for bridges and shared compound parts. */
export function sentenceScore(sentence: string, tokens: readonly QueryToken[], languages: SentenceLanguages): number {
  return tokenCredits(sentence, tokens, languages).reduce((sum, credit) => sum + credit, 0);
}

export interface Excerpt {
  sentences: Sentence[];
  text: string;
  score: number;
}

/** Whether a sentence holds a question word that the chosen one lacks (or has only through a loose bridge). */
function addsWords(candidate: readonly number[], chosen: readonly number[]): boolean {
  return candidate.some((credit, index) => credit > 0 && (chosen[index] ?? 0) < credit * 0.5);
}

export function chooseExcerpt(paragraph: Paragraph, tokens: readonly QueryToken[], options: ExcerptOptions): Excerpt {
  const candidates = paragraph.sentences.filter((sentence) => !(options.skipSentence?.(sentence.text) ?? false));
  const pool = candidates.length > 0 ? candidates : paragraph.sentences;
  const scored = pool.map((sentence) => {
    const credits = tokenCredits(sentence.text, tokens, options.languages);
    const score = credits.reduce((sum, credit) => sum + credit, 0);
    return { sentence, credits, score: options.preferSentence?.(sentence.text) ? score * (1 + PREFERRED_SENTENCE_BOOST) : score };
  });
  let best = scored[0];
  for (const entry of scored) if (best === undefined || entry.score > best.score) best = entry;
  if (!best) return { sentences: [], text: paragraph.text, score: 0 };
  const chosen: Sentence[] = [best.sentence];
  if (options.maxSentences > 1) {
    // A neighbour is quoted for context only if it may be quoted at all: never a "read more here" teaser.
    const quotable = (sentence: Sentence | undefined): Sentence | undefined =>
      sentence && (candidates.length === 0 || !(options.skipSentence?.(sentence.text) ?? false)) ? sentence : undefined;
    const previous = quotable(paragraph.sentences[best.sentence.index - 1]);
    const next = quotable(paragraph.sentences[best.sentence.index + 1]);
    const nextEntry = scored.find((entry) => entry.sentence === next);
    if (previous && needsPredecessor(best.sentence.text)) {
      // "Dort soll er ..." needs the sentence that says where "dort" is.
      chosen.unshift(previous);
    } else if (next && nextEntry && nextEntry.score > 0 && (nextEntry.score >= best.score * 0.5 || addsWords(nextEntry.credits, best.credits))) {
      // The next sentence also matches well, or carries question words the best one lacks ("Wie hoch …" → "… 42 Meter hoch").
      chosen.push(next);
    } else if (next && needsPredecessor(next.text)) {
      // "Dabei soll es um Artilleriemunition gehen": the follow-up often carries the specifics.
      chosen.push(next);
    }
  }
  const first = chosen[0];
  const last = chosen[chosen.length - 1];
  const text = first && last ? paragraph.text.slice(first.start, last.end).trim() : best.sentence.text;
  return { sentences: chosen, text, score: best.score };
}
