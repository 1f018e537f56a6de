import type { Article } from "../../content/types.js";
import { analyze, detectLanguage, foldToken, stem, type Language } from "../../search/analyzer.js";
import type { Candidate } from "./candidates.js";

/**
 * The facts a sentence states, as keys by which a repetition is recognised:
 * its stemmed content words (names, things, events) and its figures together
 * with what they count ("40 prozent", "1 juli", "140 home"), each weighted by
 * how rare it is among the article's sentences. A sentence whose weighted
 * facts are mostly quoted already says nothing new, however it is worded
 * around them.
 */

/** A number (with its separators) and the word after it: "5,2 Millionen", "1. Juli", "140 homes". */
const FIGURE = /(\d+(?:[.,:]\d+)*)\.?\s+(\p{L}[\p{L}-]*)/gu;

function figureKeys(text: string, language: Language): string[] {
  const keys: string[] = [];
  for (const [, figure, unit] of text.matchAll(FIGURE)) {
    if (figure !== undefined && unit !== undefined) keys.push(`#${figure} ${stem(foldToken(unit), language)}`);
  }
  return keys;
}

/**
 * Each candidate's facts with their IDF weight over the article's sentences.
 * Words in more than `subjectShare` of the sentences are the article's
 * subject, which every sentence about it shares: they are not facts.
 */
export function sentenceFacts(article: Article, candidates: readonly Candidate[], subjectShare: number): Map<string, number>[] {
  const language = detectLanguage(article.paragraphs.map((paragraph) => paragraph.text).join(" "));
  const factsOf = (text: string): Set<string> => new Set([...analyze(text, language).map((token) => token.term), ...figureKeys(text, language)]);
  const sentencesWith = new Map<string, number>();
  let sentenceCount = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      sentenceCount += 1;
      for (const fact of factsOf(sentence.text)) sentencesWith.set(fact, (sentencesWith.get(fact) ?? 0) + 1);
    }
  }
  return candidates.map((candidate) => {
    const facts = new Map<string, number>();
    for (const fact of factsOf(candidate.sentence.text)) {
      if ((sentencesWith.get(fact) ?? 0) > Math.max(2, subjectShare * sentenceCount)) continue;
      facts.set(fact, Math.log((1 + sentenceCount) / (1 + (sentencesWith.get(fact) ?? 0))) + 1);
    }
    return facts;
  });
}

/** How far two sentences state the same facts, in [0, 1]: the weighted share of the smaller one's facts that the other also states. */
export function factOverlap(facts: readonly ReadonlyMap<string, number>[]): (a: number, b: number) => number {
  const massOf = facts.map((entry) => [...entry.values()].reduce((sum, weight) => sum + weight, 0));
  return (a, b) => {
    if (a === b) return 1;
    const left = facts[a];
    const right = facts[b];
    if (!left || !right) return 0;
    const [small, large, smallMass] = (massOf[a] ?? 0) <= (massOf[b] ?? 0) ? [left, right, massOf[a] ?? 0] : [right, left, massOf[b] ?? 0];
    if (!(smallMass > 0)) return 0;
    let shared = 0;
    for (const [fact, weight] of small) if (large.has(fact)) shared += weight;
    return shared / smallMass;
  };
}
