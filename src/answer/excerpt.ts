import type { Paragraph, Sentence } from "../content/types.js";
import { analyze, charNgrams, foldToken } from "../search/analyzer.js";
import type { QueryToken } from "../search/lexical.js";
import { needsPredecessor } from "./summary.js";

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
}

const NGRAM = 4;
function gramSet(folded: string): Set<string> {
  return new Set(charNgrams(folded, NGRAM));
}

/** Score of one sentence: full credit per question word present, partial credit for shared compound parts. */
export function sentenceScore(sentence: string, tokens: readonly QueryToken[]): number {
  const analyzedGerman = analyze(sentence, "de");
  const analyzedEnglish = analyze(sentence, "en");
  const terms = new Set([...analyzedGerman.map((token) => token.term), ...analyzedEnglish.map((token) => token.term)]);
  const sentenceGrams = new Set(analyzedGerman.flatMap((token) => [...gramSet(token.folded)]));
  let score = 0;
  for (const token of tokens) {
    if (token.terms.some((term) => terms.has(term))) {
      score += token.idf;
      continue;
    }
    const bridge = Math.max(0, ...token.expansions.filter((expansion) => terms.has(expansion.term)).map((expansion) => expansion.weight));
    if (bridge > 0) {
      score += token.idf * bridge;
      continue;
    }
    const grams = gramSet(foldToken(token.surface));
    if (grams.size === 0) continue;
    let shared = 0;
    for (const gram of grams) if (sentenceGrams.has(gram)) shared += 1;
    const overlap = shared / grams.size;
    // Only a substantial overlap is a compound part; a stray shared gram is noise.
    if (overlap >= 0.5) score += token.idf * overlap * 0.6;
  }
  return score;
}

export interface Excerpt {
  sentences: Sentence[];
  text: string;
  score: number;
}

export function chooseExcerpt(paragraph: Paragraph, tokens: readonly QueryToken[], options: ExcerptOptions): Excerpt {
  const candidates = paragraph.sentences.filter((sentence) => !(options.skipSentence?.(sentence.text) ?? false));
  const pool = candidates.length > 0 ? candidates : paragraph.sentences;
  const scored = pool.map((sentence) => ({ sentence, score: sentenceScore(sentence.text, tokens) }));
  let best = scored[0];
  for (const entry of scored) if (best === undefined || entry.score > best.score) best = entry;
  if (!best) return { sentences: [], text: paragraph.text, score: 0 };
  const chosen: Sentence[] = [best.sentence];
  if (options.maxSentences > 1) {
    const previous = paragraph.sentences[best.sentence.index - 1];
    const next = paragraph.sentences[best.sentence.index + 1];
    const nextEntry = scored.find((entry) => entry.sentence === next);
    if (previous && needsPredecessor(best.sentence.text)) {
      // "Dort soll er ..." needs the sentence that says where "dort" is.
      chosen.unshift(previous);
    } else if (next && nextEntry && nextEntry.score > 0 && nextEntry.score >= best.score * 0.5) {
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
