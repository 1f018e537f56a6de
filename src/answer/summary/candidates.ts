import { isTeaserSentence } from "../../content/parse.js";
import type { Article, Paragraph, Sentence } from "../../content/types.js";
import { tokenize } from "../../search/analyzer.js";
import { isBareQuotation, NAMES_SPEAKER, needsPredecessor } from "./openers.js";
import { comparable, resolveSection, type SectionSelector } from "./sections.js";

/** The sentences a summary may quote: real statements in scope, each with the predecessors it must be quoted with. */

/** Shorter sentences are fragments (captions, datelines, stray headings), not statements. */
const MIN_WORDS = 6;
const MIN_CHARS = 30;
/** A sentence needing more predecessors than this is left out rather than quoted with a long run-up. */
const MAX_PREDECESSORS = 2;

const URL_LIKE = /\bhttps?:\/\/|\bwww\.\S/iu;
const TERMINAL_PUNCTUATION = /[.!…]["“”‘’'«»‹›)\]]*$/u;
/**
 * Sentences that only announce what the article will explain ("Experte X
 * erklärt, was dahinter steckt."): a short, vague indirect question as the whole message.
 */
const ANNOUNCEMENT =
  /\b(?:erklärt|erklären|erläutert|erläutern|zeigt|zeigen|verrät|verraten|beschreibt|schildert|analysiert|berichtet|explains|shows|reveals|describes)\b,?\s+(?:was|warum|wieso|weshalb|wie|wer|wo|wann|ob|welche[rsmn]?|what|why|how|who|where|when|whether)(?:\s+[^\s,;:.!?]+){0,5}\s*[.!…]$/iu;
/** Reader address and house boilerplate that may survive parsing ("… berichten für Sie", "Lesen Sie auch"). */
const READER_ADDRESS =
  /(?:(?<!\p{L})\p{Ll}[\p{L}-]*\s+(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b|\b(?:lesen Sie|klicken Sie|hier klicken|read more|click here|sign up|subscribe)\b)/u;

export interface Located {
  paragraph: Paragraph;
  sentence: Sentence;
  /** Position among all sentences of the article, in reading order. */
  order: number;
}

export function sentenceKey(paragraphNumber: number, sentenceIndex: number): string {
  return `${paragraphNumber}:${sentenceIndex}`;
}

function locateSentences(article: Article): Located[] {
  const located: Located[] = [];
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) located.push({ paragraph, sentence, order: located.length });
  }
  return located;
}

/** Texts that are never summary material even when they sit inside a paragraph. */
function excludedTexts(article: Article): Set<string> {
  const texts = new Set<string>([comparable(article.title)]);
  for (const section of article.sections) if (section.heading) texts.add(comparable(section.heading));
  for (const source of article.sources) texts.add(comparable(source.text));
  return texts;
}

/**
 * Whether a sentence may be quoted in a summary: a real statement, not a
 * heading, title, source line, teaser, link, reader address, question or fragment.
 */
export function isQuotable(text: string, excluded: ReadonlySet<string>): boolean {
  const trimmed = text.trim();
  if (trimmed.length < MIN_CHARS || tokenize(trimmed).length < MIN_WORDS) return false;
  // Questions and colon lead-ins state nothing by themselves; headings and list items lack the full stop.
  if (!TERMINAL_PUNCTUATION.test(trimmed)) return false;
  if (URL_LIKE.test(trimmed) || READER_ADDRESS.test(trimmed) || ANNOUNCEMENT.test(trimmed)) return false;
  if (isTeaserSentence(trimmed)) return false;
  return !excluded.has(comparable(trimmed));
}

export interface Scope {
  sectionIndex: number | null;
  /** Paragraph numbers in scope, in order. */
  paragraphNumbers: number[];
}

export function scopeOf(article: Article, section: SectionSelector | undefined): Scope {
  if (section === undefined) return { sectionIndex: null, paragraphNumbers: article.paragraphs.map((paragraph) => paragraph.number) };
  const sectionIndex = resolveSection(article, section);
  return { sectionIndex, paragraphNumbers: [...(article.sections[sectionIndex]?.paragraphNumbers ?? [])] };
}

export interface Candidate extends Located {
  key: string;
  /** 0-based rank of its paragraph within the scope. */
  paragraphRank: number;
  /** Orders (positions in the article) of the sentences it must be quoted with, nearest last; empty when it stands alone. */
  predecessors: number[];
}

/** The quotable sentences of the article (or one section), each with the predecessors it needs. */
export function collectCandidates(article: Article, scope: Scope): Candidate[] {
  const located = locateSentences(article);
  const excluded = excludedTexts(article);
  const rankByParagraph = new Map(scope.paragraphNumbers.map((number, rank) => [number, rank]));
  const quotable = located.map((entry) => rankByParagraph.has(entry.paragraph.number) && isQuotable(entry.sentence.text, excluded));
  const candidates: Candidate[] = [];
  for (const entry of located) {
    const paragraphRank = rankByParagraph.get(entry.paragraph.number);
    if (paragraphRank === undefined || !quotable[entry.order]) continue;
    const predecessors: number[] = [];
    let current = entry;
    let usable = true;
    // A bare quotation also needs the sentence that says who is speaking, not just any predecessor.
    let needsSpeaker = isBareQuotation(entry.sentence.text.trim());
    while (needsSpeaker || needsPredecessor(current.sentence.text)) {
      const previous = located[current.order - 1];
      // The antecedent must itself be quotable and in scope; otherwise leave this sentence out.
      if (!previous || !quotable[previous.order] || predecessors.length >= MAX_PREDECESSORS) {
        usable = false;
        break;
      }
      predecessors.unshift(previous.order);
      current = previous;
      if (needsSpeaker && NAMES_SPEAKER.test(previous.sentence.text)) needsSpeaker = false;
    }
    if (usable)
      candidates.push({
        ...entry,
        key: sentenceKey(entry.paragraph.number, entry.sentence.index),
        paragraphRank,
        predecessors,
      });
  }
  return candidates;
}
