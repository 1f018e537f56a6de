import MiniSearch from "minisearch";
import { analyze, charNgrams, detectLanguage, foldToken, withoutQuestionFrame, type Language } from "./analyzer.js";
import { DEFAULT_EXPANSION_OPTIONS, expandTokens, guessQuestionLanguage, type ExpansionOptions, type TermExpansion } from "./expansion.js";
import { verbStemVariants, Vocabulary } from "./vocabulary.js";
import { loadLexicons, type Lexicons } from "./lexicons.js";
import { LruMap } from "../lru-map.js";

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
  /** Synonym and translation weights. */
  expansion: ExpansionOptions;
  /**
   * How far the share of the question's words a passage holds (IDF-weighted
   * coverage) scales its score: 0 keeps the BM25 order, 1 multiplies by the
   * coverage. BM25 adds up whatever matches, so a passage with two everyday
   * words of the question beats the one with its rarest word; with several
   * articles that moves questions to the wrong article.
   */
  coverageWeight: number;
  /**
   * Letter grams in more than this share of the paragraphs are left out of
   * the question's gram query (never below `ngramMinPrunedCount` paragraphs):
   * such a gram says almost nothing (its IDF is near 0) yet makes every
   * question score most of the corpus, so query cost would grow with it.
   */
  ngramMaxShare: number;
  ngramMinPrunedCount: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  k1: 1.5,
  b: 0.9,
  titleBoost: 0.5,
  headingBoost: 0.5,
  ngramSize: 4,
  ngramWeight: 0.3,
  expansion: DEFAULT_EXPANSION_OPTIONS,
  coverageWeight: 1,
  ngramMaxShare: 0.05,
  ngramMinPrunedCount: 50,
};

/** One word of the question, with the index terms it may match under either stemmer. */
export interface QueryToken {
  surface: string;
  terms: string[];
  /** Inverse document frequency of the best-known variant (0 when no document has it). */
  idf: number;
  /** Whether any document contains the word (in any variant). */
  known: boolean;
  /** Synonyms and translations of the word that the index has, weighted below the word itself. */
  expansions: TermExpansion[];
  /** How common the word is in general language (log2 of its dictionary frequency; 0 when rare or a name). */
  commonness: number;
  /** Share of passages that contain the word, or (when it is not indexed as such) its strongest bridge. */
  spread: number;
  /**
   * How much the word counts (1 when absent): below 1 for words carried over
   * from earlier questions of a conversation, which guide the search without
   * outweighing the follow-up's own words.
   */
  weight?: number;
}

/** Words of earlier questions that a follow-up leaves out ("Und wo treffen sie sich?" after a question about Kim and Putin). */
export interface QueryContext {
  text: string;
  /** Weight of the carried-over words against the question's own (0..1). */
  weight: number;
  /** The carried-over words kept, at most: the most distinctive ones. */
  maxWords: number;
}

/** A token's weight in scores and coverage. */
export const tokenWeight = (token: QueryToken): number => token.weight ?? 1;

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

interface IndexedFields {
  id: string;
  title: string;
  heading: string;
  body: string;
  grams: string;
}

/** Gram size, minimum share of shared grams and credit for a partial word match in coverage. */
const COVERAGE_GRAM_SIZE = 3;
const DOCUMENT_PARTS: PartialMatch = { overlap: 0.6, credit: 0.8 };
/** A translation or typo correction this heavy (a word's first or only sense in the articles) holds the word for sure. */
const CERTAIN_BRIDGE_WEIGHT = 0.5;
/** Share of the n-gram channel's weight kept for questions in another language than the articles. */
const CROSS_LANGUAGE_NGRAM_SHARE = 0.5;
/** Passages rescored by coverage, at least: enough that the order within any requested limit is the same. */
const COVERAGE_POOL = 50;

/** When a word that is only part of a longer one (or misspelt) counts: the share of its letter grams found, and the credit per share. */
export interface PartialMatch {
  overlap: number;
  credit: number;
}

/**
 * How far a text (its analyzed terms and letter grams) holds a question word:
 * 1 as written, a bridge's weight for a synonym or translation, a share of
 * its grams for a compound part or misspelling; `certain` when it is the word
 * itself, a translation or a corrected typo of some weight.
 */
export function wordMatch(
  token: QueryToken,
  terms: ReadonlySet<string>,
  grams: ReadonlySet<string>,
  tokenGrams: readonly string[],
  partial: PartialMatch,
): { strength: number; certain: boolean } {
  if (token.terms.some((term) => terms.has(term))) return { strength: 1, certain: true };
  let bridge = 0;
  let certain = false;
  for (const expansion of token.expansions) {
    if (!terms.has(expansion.term)) continue;
    bridge = Math.max(bridge, expansion.weight);
    if ((expansion.via === "translation" || expansion.via === "spelling") && expansion.weight >= CERTAIN_BRIDGE_WEIGHT) certain = true;
  }
  if (bridge > 0) return { strength: Math.min(1, bridge), certain };
  const shared = tokenGrams.filter((gram) => grams.has(gram)).length;
  const overlap = tokenGrams.length > 0 ? shared / tokenGrams.length : 0;
  // Only a substantial overlap is a compound part; a stray shared gram is noise.
  return { strength: overlap >= partial.overlap ? overlap * partial.credit : 0, certain: false };
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
  /** In how many paragraphs each letter gram of the gram channel occurs: grams in most of them are not asked for. */
  private readonly gramFrequency = new Map<string, number>();
  private readonly documentFrequency = new Map<string, number>();
  /** Like documentFrequency, without titles: a title word is in every paragraph of its article without being what each is about. */
  private readonly textFrequency = new Map<string, number>();
  private readonly vocabulary: Vocabulary;
  private readonly languages = new Set<Language>();
  /** Recent question analyses: a conversation reads its earlier questions again as context (never mutated). */
  private readonly analyses = new LruMap<string, { tokens: readonly QueryToken[]; questionLanguage: Language }>(256);
  readonly size: number;

  private constructor(
    documents: LexicalDocument[],
    readonly options: LexicalOptions,
    private readonly lexicons: Lexicons,
  ) {
    const base = { idField: "id", tokenize: splitOnSpace, processTerm: keepTerm };
    this.words = new MiniSearch<IndexedFields>({ ...base, fields: ["title", "heading", "body"] });
    this.grams = options.ngramSize > 0 ? new MiniSearch<IndexedFields>({ ...base, fields: ["grams"] }) : null;
    const rows: IndexedFields[] = [];
    for (const document of documents) {
      const language = document.language ?? detectLanguage(document.text);
      this.languages.add(language);
      const body = analyze(document.text, language);
      const title = analyze(document.title, language);
      const heading = analyze(document.heading ?? "", language);
      const allTerms = new Set([...body, ...title, ...heading].map((token) => token.term));
      this.termsById.set(document.id, allTerms);
      this.gramsById.set(document.id, new Set(body.flatMap((token) => charNgrams(token.folded, COVERAGE_GRAM_SIZE))));
      for (const term of allTerms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      for (const term of new Set([...body, ...heading].map((token) => token.term))) this.textFrequency.set(term, (this.textFrequency.get(term) ?? 0) + 1);
      const grams = options.ngramSize > 0 ? new Set(body.flatMap((token) => charNgrams(token.folded, options.ngramSize))) : new Set<string>();
      for (const gram of grams) this.gramFrequency.set(gram, (this.gramFrequency.get(gram) ?? 0) + 1);
      rows.push({
        id: document.id,
        title: title.map((token) => token.term).join(" "),
        heading: heading.map((token) => token.term).join(" "),
        body: body.map((token) => token.term).join(" "),
        grams:
          options.ngramSize > 0
            ? gramsOf(
                body.map((token) => token.folded),
                options.ngramSize,
              )
            : "",
      });
    }
    this.words.addAll(rows);
    this.grams?.addAll(rows);
    this.size = documents.length;
    this.vocabulary = new Vocabulary(this.documentFrequency.keys());
  }

  static build(documents: LexicalDocument[], options: Partial<LexicalOptions> = {}, lexicons: Lexicons = loadLexicons()): LexicalIndex {
    return new LexicalIndex(documents, { ...DEFAULT_LEXICAL_OPTIONS, ...options }, lexicons);
  }

  /** Inverse document frequency over the paragraphs' own text (titles left out: they would make their words weigh nothing). */
  private idf(term: string): number {
    const frequency = this.textFrequency.get(term) ?? 0;
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /**
   * Analyses a question: each word keeps its German stem and, for English
   * questions, its English stem too, plus the verb forms of the index that
   * reduce to the same stem; then synonyms and translations are added.
   */
  analyzeQuery(question: string, context?: QueryContext): QueryToken[] {
    return this.analyzeWithContext(question, context).tokens;
  }

  /** The question's own tokens, then the most distinctive context words it does not already have, at the context's weight. */
  private analyzeWithContext(question: string, context: QueryContext | undefined): { tokens: QueryToken[]; questionLanguage: Language } {
    const own = this.analyze(question);
    if (!context || context.weight <= 0 || context.maxWords <= 0) return { tokens: [...own.tokens], questionLanguage: own.questionLanguage };
    const ownSurfaces = new Set(own.tokens.map((token) => foldToken(token.surface)));
    const ownTerms = new Set(own.tokens.flatMap((token) => token.terms));
    const carried = this.analyze(context.text)
      .tokens.filter(
        (token) =>
          (token.known || token.expansions.length > 0) && !ownSurfaces.has(foldToken(token.surface)) && !token.terms.some((term) => ownTerms.has(term)),
      )
      .sort((left, right) => right.idf - left.idf)
      .slice(0, context.maxWords)
      // A carried word that the articles have as written is matched as such (its synonyms would only widen the
      // search), and only by the forms the index has: the others cost lookups and can match nothing.
      .map((token): QueryToken => ({
        ...token,
        weight: context.weight,
        terms: token.known ? token.terms.filter((term) => this.documentFrequency.has(term)) : token.terms,
        expansions: token.known ? [] : token.expansions,
      }));
    return { tokens: [...own.tokens, ...carried], questionLanguage: own.questionLanguage };
  }

  private analyze(question: string): { tokens: readonly QueryToken[]; questionLanguage: Language } {
    const cached = this.analyses.get(question);
    if (cached) return cached;
    const analyzed = this.analyzeAfresh(question);
    this.analyses.set(question, analyzed);
    return analyzed;
  }

  private analyzeAfresh(question: string): { tokens: QueryToken[]; questionLanguage: Language } {
    const framed = withoutQuestionFrame(question);
    const german = analyze(framed, "de");
    const questionLanguage = guessQuestionLanguage(question, this.lexicons);
    // English stems only for English questions: on German words they add accidental matches.
    const englishAnalysis = questionLanguage === "en" ? analyze(framed, "en") : null;
    const variantsOf = german.map((token, position) => {
      const own = [token.term, englishAnalysis?.[position]?.term ?? token.term, token.folded, ...verbStemVariants(token.term)];
      return [...new Set([...own, ...own.flatMap((term) => this.vocabulary.lookup(term))])];
    });
    const known = variantsOf.map((variants) => variants.some((term) => this.documentFrequency.has(term)));
    const expansions = expandTokens(
      { german, english: englishAnalysis, questionLanguage, indexLanguages: this.languages, known },
      this.lexicons,
      this.vocabulary,
      this.options.expansion,
    );
    const byFolded = new Map<string, QueryToken>();
    german.forEach((token, position) => {
      if (byFolded.has(token.folded)) return;
      const terms = variantsOf[position] ?? [token.term];
      const own = new Set(terms);
      const bridged = (expansions[position] ?? []).filter((expansion) => !own.has(expansion.term));
      const present = terms.filter((term) => this.documentFrequency.has(term));
      const idf =
        present.length > 0
          ? Math.max(...present.map((term) => this.idf(term)))
          : Math.max(this.idf("\u0000"), ...bridged.map((expansion) => this.idf(expansion.term)));
      // expandTokens lists each word's expansions strongest first.
      const strongest = bridged[0];
      const spreadTerms = present.length > 0 ? present : strongest ? [strongest.term] : [];
      const spread = this.size === 0 ? 0 : Math.max(0, ...spreadTerms.map((term) => this.textFrequency.get(term) ?? 0)) / this.size;
      // A word known only through a bridge is as common as the indexed word it reaches.
      const commonness =
        present.length === 0 && strongest
          ? this.commonness(strongest.term)
          : questionLanguage === "en"
            ? (this.lexicons.frequency.en.get(englishAnalysis?.[position]?.term ?? token.term) ?? 0)
            : (this.lexicons.frequency.de.get(token.term) ?? 0);
      byFolded.set(token.folded, { surface: token.surface, terms, idf, known: present.length > 0, expansions: bridged, commonness, spread });
    });
    return { tokens: [...byFolded.values()], questionLanguage };
  }

  /** Dictionary frequency class of an index term, in the index's main language. */
  private commonness(term: string): number {
    const language: Language = this.languages.has("de") || !this.languages.has("en") ? "de" : "en";
    return this.lexicons.frequency[language].get(term) ?? 0;
  }

  /** The weight of each query term: 1 for the question's own words, less for expansions. */
  private termWeights(tokens: readonly QueryToken[]): Map<string, number> {
    const weights = new Map<string, number>();
    const raise = (term: string, weight: number): void => {
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    };
    for (const token of tokens) {
      const weight = tokenWeight(token);
      for (const term of token.terms) raise(term, weight);
      for (const expansion of token.expansions) raise(expansion.term, expansion.weight * weight);
    }
    return weights;
  }

  search(question: string, limit = 10, context?: QueryContext): LexicalResult {
    const { tokens, questionLanguage } = this.analyzeWithContext(question, context);
    if (tokens.length === 0) return { tokens, hits: [], questionLanguage };
    const bm25 = { k: this.options.k1, b: this.options.b, d: 0 };
    const weights = this.termWeights(tokens);
    // Letter n-grams of words in another language than the articles meet mostly by chance (names aside).
    const crossLanguage = !this.languages.has(questionLanguage);
    const ngramWeight = this.options.ngramWeight * (crossLanguage ? CROSS_LANGUAGE_NGRAM_SHARE : 1);
    const wordQuery = [...weights.keys()].join(" ");
    const scores = new Map<string, { word: number; ngram: number }>();
    for (const result of this.words.search(wordQuery, {
      bm25,
      boost: { title: this.options.titleBoost, heading: this.options.headingBoost, body: 1 },
      boostTerm: (term) => weights.get(term) ?? 1,
    })) {
      scores.set(String(result.id), { word: result.score, ngram: 0 });
    }
    if (this.grams) {
      // Letter grams stand for the question's own words only: carried-over words are matched as words.
      const maxFrequency = Math.max(this.options.ngramMinPrunedCount, this.options.ngramMaxShare * this.size);
      const gramQuery = tokens
        .filter((token) => tokenWeight(token) >= 1)
        .flatMap((token) => charNgrams(foldToken(token.surface), this.options.ngramSize))
        .filter((gram) => (this.gramFrequency.get(gram) ?? 0) <= maxFrequency)
        .join(" ");
      for (const result of gramQuery === "" ? [] : this.grams.search(gramQuery, { bm25 })) {
        const id = String(result.id);
        const entry = scores.get(id) ?? { word: 0, ngram: 0 };
        entry.ngram = result.score;
        scores.set(id, entry);
      }
    }
    const totalIdf = tokens.reduce((sum, token) => sum + token.idf * tokenWeight(token), 0);
    const hits: LexicalHit[] = [];
    for (const [id, entry] of scores) {
      hits.push({
        id,
        score: entry.word + ngramWeight * entry.ngram,
        bm25: entry.word + ngramWeight * entry.ngram,
        wordScore: entry.word,
        ngramScore: entry.ngram,
        tokenStrength: [],
        tokenCertain: [],
        coverage: 0,
      });
    }
    const byScore = (left: LexicalHit, right: LexicalHit): number => right.score - left.score || (left.id < right.id ? -1 : 1);
    hits.sort(byScore);
    const coverageWeight = this.options.coverageWeight;
    // A follow-up is ranked by BM25 alone: its few own words and the carried-over ones were weighed
    // against each other on the BM25 order (see conversation/follow-up.ts), which coverage would upset.
    const rescale = coverageWeight > 0 && !(context && context.weight > 0);
    const pool = hits.slice(0, rescale ? Math.max(limit, COVERAGE_POOL) : limit);
    const tokenGrams = tokens.map((token) => charNgrams(foldToken(token.surface), COVERAGE_GRAM_SIZE));
    for (const hit of pool) {
      const documentTerms = this.termsById.get(hit.id) ?? new Set<string>();
      const documentGrams = this.gramsById.get(hit.id) ?? new Set<string>();
      let matchedIdf = 0;
      tokens.forEach((token, index) => {
        const match = wordMatch(token, documentTerms, documentGrams, tokenGrams[index] ?? [], DOCUMENT_PARTS);
        hit.tokenStrength.push(match.strength);
        hit.tokenCertain.push(match.certain);
        matchedIdf += token.idf * tokenWeight(token) * match.strength;
      });
      hit.coverage = totalIdf > 0 ? matchedIdf / totalIdf : 0;
      if (rescale) hit.score *= 1 - coverageWeight + coverageWeight * hit.coverage;
    }
    if (rescale) pool.sort(byScore);
    return { tokens, hits: pool.slice(0, limit), questionLanguage };
  }
}
