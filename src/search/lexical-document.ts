/** A paragraph as the lexical index takes it apart, and what a search returns for it. */
import { analyze, charNgrams, detectLanguage, type Language } from "./analyzer.js";
import type { QueryToken } from "./query-analysis.js";
import { joinedLetterParts } from "./hyphenated-compounds.js";
import { completedCompounds } from "./truncated-compounds.js";
import type { SeparableVerbReader } from "./separable-verbs.js";
import { askedHeading, searchableText } from "../content/question-heading.js";

/** A unit of retrieval: one paragraph, with the title and heading it stands under. */
export interface LexicalDocument {
  id: string;
  title: string;
  heading: string | null;
  text: string;
  /** Language of the text; detected when omitted. */
  language?: Language;
}

export interface LexicalHit {
  id: string;
  /** The ranking score: `bm25` scaled by coverage (see LexicalOptions.coverageWeight); not normalised. */
  score: number;
  /** Combined raw score (word BM25 + weighted n-gram BM25), before the coverage scaling: how strongly the passage matches. */
  bm25: number;
  wordScore: number;
  ngramScore: number;
  /**
   * For each question word (same order as `LexicalResult.tokens`): 1 when the
   * document has it, the bridge's weight when it has a synonym or translation,
   * a share for a compound part or misspelling, 0 when absent.
   */
  tokenStrength: number[];
  /**
   * For each question word: whether this document holds it for sure, as
   * written, translated or with a typo corrected (not a looser synonym,
   * compound or shared letters).
   */
  tokenCertain: boolean[];
  /** IDF-weighted share of the question words found in this document (0..1). */
  coverage: number;
}

export interface LexicalResult {
  tokens: QueryToken[];
  hits: LexicalHit[];
  /** The question's language, as guessed for the analysis. */
  questionLanguage: Language;
}

/** Letter-gram size of the coverage sets: partial credit for compound parts and typos. */
export const COVERAGE_GRAM_SIZE = 3;

/** A document as the index takes it apart: its fields' terms (with repeats), letter grams and coverage sets. */
export interface AnalyzedDocument {
  language: Language;
  /** Title, heading and body terms. */
  fields: [string[], string[], string[]];
  /** The body words' letter grams, with repeats (the n-gram channel). */
  grams: string[];
  /** Every term of the three fields, body first. */
  allTerms: Set<string>;
  /** Terms of the body and heading. */
  textTerms: Set<string>;
  /** The body words' coverage grams. */
  coverageGrams: Set<string>;
}

/**
 * Takes a paragraph apart as the index stores it; `ngramSize` 0 leaves out
 * the letter grams. With `isGermanWord`, a German paragraph's body also holds
 * the compounds its lists leave unwritten ("Satelliten- und Atomtechnologie"
 * holds "Satellitentechnologie"); with `verbs`, the separable verbs it splits
 * ("wiesen … zurück" holds "zurückweisen", see separable-verbs.ts).
 */
export function analyzeLexicalDocument(
  document: LexicalDocument,
  ngramSize: number,
  isGermanWord?: (folded: string) => boolean,
  verbs?: SeparableVerbReader,
): AnalyzedDocument {
  const language = document.language ?? detectLanguage(document.text);
  const unwritten = language === "de" && isGermanWord ? completedCompounds(document.text, isGermanWord) : [];
  const joined = language === "de" ? joinedLetterParts(document.text) : [];
  // A heading asked as a question (an interviewer's, see the article parser) is part of the text of the answer under it.
  const asked = askedHeading(document);
  const text = searchableText(document);
  const body = analyze([text, ...unwritten, ...joined].join(" "), language);
  const title = analyze(document.title, language).map((token) => token.term);
  const heading = asked === null ? analyze(document.heading ?? "", language).map((token) => token.term) : [];
  // Stems already (the verb lists hold stems); no letters of their own: the split words' letters are there.
  const splitVerbs = language === "de" && verbs ? verbs.joined(text) : [];
  const bodyTerms = [...body.map((token) => token.term), ...splitVerbs];
  const folded = body.map((token) => token.folded);
  return {
    language,
    fields: [title, heading, bodyTerms],
    grams: ngramSize > 0 ? folded.flatMap((token) => charNgrams(token, ngramSize)) : [],
    allTerms: new Set([...bodyTerms, ...title, ...heading]),
    textTerms: new Set([...bodyTerms, ...heading]),
    coverageGrams: new Set(folded.flatMap((token) => charNgrams(token, COVERAGE_GRAM_SIZE))),
  };
}
