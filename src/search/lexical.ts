import MiniSearch from "minisearch";
import { analyze, charNgrams, detectLanguage, foldToken, type Language } from "./analyzer.js";

/** A unit of retrieval: one paragraph, with the title and heading it stands under. */
export interface LexicalDocument {
  id: string;
  title: string;
  heading: string | null;
  text: string;
  /** Language of the text; detected when omitted. */
  language?: Language;
}

export interface LexicalOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation. */
  b: number;
  /** Weight of title and heading matches relative to body matches. */
  titleBoost: number;
  headingBoost: number;
  /** Character n-gram size for compound matching; 0 turns the n-gram channel off. */
  ngramSize: number;
  /** Weight of the n-gram channel in the combined score. */
  ngramWeight: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  k1: 1.5,
  b: 0.9,
  titleBoost: 0.5,
  headingBoost: 0.5,
  ngramSize: 4,
  ngramWeight: 0.3,
};

/** One word of the question, with the index terms it may match under either stemmer. */
export interface QueryToken {
  surface: string;
  terms: string[];
  /** Inverse document frequency of the best-known variant (0 when no document has it). */
  idf: number;
  /** Whether any document contains the word (in any variant). */
  known: boolean;
}

export interface LexicalHit {
  id: string;
  /** Combined raw score (word BM25 + weighted n-gram BM25); not normalised. */
  score: number;
  wordScore: number;
  ngramScore: number;
  /** Indices into `LexicalResult.tokens` of the question words found in this document. */
  matchedTokens: number[];
  /** IDF-weighted share of the question words found in this document (0..1). */
  coverage: number;
}

export interface LexicalResult {
  tokens: QueryToken[];
  hits: LexicalHit[];
}

interface IndexedFields {
  id: string;
  title: string;
  heading: string;
  body: string;
  grams: string;
}

/** Gram size, minimum share of shared grams and credit for a partial word match in coverage. */
const COVERAGE_GRAM_SIZE = 3;
const PARTIAL_MATCH_OVERLAP = 0.6;
const PARTIAL_MATCH_CREDIT = 0.8;

/**
 * Snowball leaves the "-t"/"-st" of finite verbs ("reist", "kommt", "liefert")
 * while texts often use other forms ("reisen", "Lieferungen"); questions try the
 * form without it too. Only on the query side: on nouns ("Zeit") it would merge words.
 */
export function verbStemVariants(term: string): string[] {
  if (term.length < 5 || !term.endsWith("t") || /\d/.test(term)) return [];
  const variants = [term.slice(0, -1)];
  if (term.endsWith("st")) variants.push(term.slice(0, -2));
  return variants;
}

const splitOnSpace = (text: string): string[] => (text.length === 0 ? [] : text.split(" "));
const keepTerm = (term: string): string => term;

function gramsOf(foldedTokens: string[], size: number): string {
  return foldedTokens.flatMap((token) => charNgrams(token, size)).join(" ");
}

/**
 * BM25 over paragraphs, on two channels: stemmed words (with title and
 * heading as extra fields) and character n-grams of the words, which lets
 * German compounds meet their parts. Analysis happens here, so MiniSearch
 * only sees ready-made terms separated by spaces.
 */
export class LexicalIndex {
  private readonly words: MiniSearch<IndexedFields>;
  private readonly grams: MiniSearch<IndexedFields> | null;
  /** For each document id, its set of word terms (body, heading, title): used for coverage. */
  private readonly termsById = new Map<string, Set<string>>();
  /** For each document id, the character n-grams of its body words: partial credit for compound parts and typos. */
  private readonly gramsById = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  readonly size: number;

  private constructor(
    documents: LexicalDocument[],
    readonly options: LexicalOptions,
  ) {
    const base = { idField: "id", tokenize: splitOnSpace, processTerm: keepTerm };
    this.words = new MiniSearch<IndexedFields>({ ...base, fields: ["title", "heading", "body"] });
    this.grams = options.ngramSize > 0 ? new MiniSearch<IndexedFields>({ ...base, fields: ["grams"] }) : null;
    const rows: IndexedFields[] = [];
    for (const document of documents) {
      const language = document.language ?? detectLanguage(document.text);
      const body = analyze(document.text, language);
      const title = analyze(document.title, language);
      const heading = analyze(document.heading ?? "", language);
      const allTerms = new Set([...body, ...title, ...heading].map((token) => token.term));
      this.termsById.set(document.id, allTerms);
      this.gramsById.set(document.id, new Set(body.flatMap((token) => charNgrams(token.folded, COVERAGE_GRAM_SIZE))));
      for (const term of allTerms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      rows.push({
        id: document.id,
        title: title.map((token) => token.term).join(" "),
        heading: heading.map((token) => token.term).join(" "),
        body: body.map((token) => token.term).join(" "),
        grams: options.ngramSize > 0 ? gramsOf(body.map((token) => token.folded), options.ngramSize) : "",
      });
    }
    this.words.addAll(rows);
    this.grams?.addAll(rows);
    this.size = documents.length;
  }

  static build(documents: LexicalDocument[], options: Partial<LexicalOptions> = {}): LexicalIndex {
    return new LexicalIndex(documents, { ...DEFAULT_LEXICAL_OPTIONS, ...options });
  }

  private idf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** Analyses a question: each word keeps its German stem and, for English questions, its English stem too. */
  analyzeQuery(question: string): QueryToken[] {
    const byFolded = new Map<string, QueryToken>();
    const german = analyze(question, "de");
    // English stems only for English questions: on German words they add accidental matches.
    const english = detectLanguage(question) === "en" ? analyze(question, "en") : [];
    german.forEach((token, position) => {
      if (byFolded.has(token.folded)) return;
      const variants = [...new Set([token.term, english[position]?.term ?? token.term, token.folded, ...verbStemVariants(token.term)])];
      const present = variants.filter((term) => this.documentFrequency.has(term));
      const idf = present.length > 0 ? Math.max(...present.map((term) => this.idf(term))) : this.idf("\u0000");
      byFolded.set(token.folded, { surface: token.surface, terms: variants, idf, known: present.length > 0 });
    });
    return [...byFolded.values()];
  }

  search(question: string, limit = 10): LexicalResult {
    const tokens = this.analyzeQuery(question);
    if (tokens.length === 0) return { tokens, hits: [] };
    const bm25 = { k: this.options.k1, b: this.options.b, d: 0 };
    const wordQuery = [...new Set(tokens.flatMap((token) => token.terms))].join(" ");
    const scores = new Map<string, { word: number; ngram: number }>();
    for (const result of this.words.search(wordQuery, {
      bm25,
      boost: { title: this.options.titleBoost, heading: this.options.headingBoost, body: 1 },
    })) {
      scores.set(String(result.id), { word: result.score, ngram: 0 });
    }
    if (this.grams) {
      const gramQuery = gramsOf(tokens.map((token) => foldToken(token.surface)), this.options.ngramSize);
      for (const result of this.grams.search(gramQuery, { bm25 })) {
        const id = String(result.id);
        const entry = scores.get(id) ?? { word: 0, ngram: 0 };
        entry.ngram = result.score;
        scores.set(id, entry);
      }
    }
    const totalIdf = tokens.reduce((sum, token) => sum + token.idf, 0);
    const hits: LexicalHit[] = [];
    for (const [id, entry] of scores) {
      hits.push({
        id,
        score: entry.word + this.options.ngramWeight * entry.ngram,
        wordScore: entry.word,
        ngramScore: entry.ngram,
        matchedTokens: [],
        coverage: 0,
      });
    }
    hits.sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1));
    const top = hits.slice(0, limit);
    const tokenGrams = tokens.map((token) => charNgrams(foldToken(token.surface), COVERAGE_GRAM_SIZE));
    for (const hit of top) {
      const documentTerms = this.termsById.get(hit.id) ?? new Set<string>();
      const documentGrams = this.gramsById.get(hit.id) ?? new Set<string>();
      let matchedIdf = 0;
      tokens.forEach((token, index) => {
        if (token.terms.some((term) => documentTerms.has(term))) {
          hit.matchedTokens.push(index);
          matchedIdf += token.idf;
          return;
        }
        // A word found only as part of a longer word (or misspelt) counts in proportion to the grams it shares.
        const grams = tokenGrams[index] ?? [];
        const shared = grams.filter((gram) => documentGrams.has(gram)).length;
        const overlap = grams.length > 0 ? shared / grams.length : 0;
        if (overlap >= PARTIAL_MATCH_OVERLAP) matchedIdf += token.idf * overlap * PARTIAL_MATCH_CREDIT;
      });
      hit.coverage = totalIdf > 0 ? matchedIdf / totalIdf : 0;
    }
    return { tokens, hits: top };
  }
}
