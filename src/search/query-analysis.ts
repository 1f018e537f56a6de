import { inStandardForms } from "./colloquial-forms.js";
import { genderCounterparts } from "./gender-forms.js";
import { spelledOutInitialisms } from "./initialisms.js";
import { verbNounStems } from "./verb-nouns.js";
import { withoutRequestWrapper } from "./request-wrappers.js";
import { typosOf, type TypoContext } from "./spelling.js";
import { analyze, foldToken, isStopWord, stem, withoutQuestionFrame, type AnalyzedToken, type Language } from "./analyzer.js";
import { expandTokens, guessQuestionLanguage, type ExpansionOptions, type TermExpansion } from "./expansion.js";
import { separableVerbReader } from "./separable-verbs.js";
import { dictionaryKnows, type Lexicons } from "./lexicons.js";
import { verbStemVariants, type Vocabulary } from "./vocabulary.js";
import { LruMap } from "../lru-map.js";

/**
 * Reading a question against an index: its words with the index terms each
 * may match (stems under either language, verb forms, the vocabulary's
 * variants), synonyms and translations the index has, and what the index
 * says of each word (IDF, how widely it is spread, whether it is known),
 * plus the words a follow-up carries over from earlier questions.
 */

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
   * Whether the dictionaries use the word mostly as a verb, adjective or
   * adverb ("verboten", "imposed", "wertvoll"): it says something of a thing
   * rather than naming one. Absent when not known to.
   */
  describing?: boolean;
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

/** What analysing a question needs to know of the index it is asked of. */
export interface IndexStatistics {
  /** Paragraphs indexed. */
  size(): number;
  /** Languages the indexed paragraphs are in. */
  languages(): ReadonlySet<Language>;
  vocabulary(): Vocabulary;
  /** In how many paragraphs a term occurs (any field). */
  frequencyOf(term: string): number;
  /** The same without titles. */
  textFrequencyOf(term: string): number;
  idf(term: string): number;
}

export interface QueryAnalysis {
  tokens: QueryToken[];
  /** The question's language, as guessed for the analysis. */
  questionLanguage: Language;
}

/** Analyses questions against one index; the analyses are kept until the index changes (see `forget`). */
export class QueryAnalyzer {
  /** Recent question analyses: a conversation reads its earlier questions again as context (never mutated). */
  private readonly analyses = new LruMap<string, { tokens: readonly QueryToken[]; questionLanguage: Language }>(256);

  constructor(
    private readonly index: IndexStatistics,
    private readonly lexicons: Lexicons,
    private readonly expansion: ExpansionOptions,
  ) {}

  /** Which question words are words, and what to correct the others by (see spelling.ts): made once, it reads the live index. */
  private get typoContext(): TypoContext {
    this.typoContextMade ??= this.makeTypoContext();
    return this.typoContextMade;
  }

  private typoContextMade: TypoContext | null = null;

  private makeTypoContext(): TypoContext {
    // Not the synonyms: their stems are many and short ("Wafer" is "waf", so "wafen" would be a word).
    const { frequency, verbForms } = this.lexicons;
    const indexed = (term: string): number => this.index.frequencyOf(term);
    return {
      // A verb form counts with the forms the index has of its verb ("trift" is "trifft", which the articles have as "traf").
      indexed: (term) => Math.max(indexed(term), ...(verbForms.de.get(term) ?? []).map(indexed)),
      dictionaryClass: (term, language) => frequency[language].get(term),
      inCompounds: (term) => this.index.vocabulary().compounds(term).length > 0,
      isWord: (german, english) =>
        indexed(german.term) > 0 ||
        this.index.vocabulary().lookup(german.term).length > 0 ||
        dictionaryKnows(this.lexicons, german.term, "de") ||
        verbForms.de.get(german.term) !== undefined ||
        dictionaryKnows(this.lexicons, english?.term ?? stem(german.folded, "en"), "en") ||
        (english !== undefined && (indexed(english.term) > 0 || verbForms.en.get(english.term) !== undefined)),
    };
  }

  /** Drops the kept analyses: the index changed. */
  forget(): void {
    this.analyses.clear();
  }

  /**
   * Analyses a question: each word keeps its German stem and, for English
   * questions, its English stem too, plus the verb forms of the index that
   * reduce to the same stem; then synonyms and translations are added. The
   * question's own tokens come first, then the most distinctive context words
   * it does not already have, at the context's weight.
   */
  analyze(question: string, context?: QueryContext): QueryAnalysis {
    const own = this.analyzeOwn(question);
    if (!context || context.weight <= 0 || context.maxWords <= 0) return { tokens: [...own.tokens], questionLanguage: own.questionLanguage };
    const ownSurfaces = new Set(own.tokens.map((token) => foldToken(token.surface)));
    const ownTerms = new Set(own.tokens.flatMap((token) => token.terms));
    const carried = this.analyzeOwn(context.text)
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
        terms: token.known ? token.terms.filter((term) => this.index.frequencyOf(term) > 0) : token.terms,
        expansions: token.known ? [] : token.expansions,
      }));
    return { tokens: [...own.tokens, ...carried], questionLanguage: own.questionLanguage };
  }

  private analyzeOwn(question: string): { tokens: readonly QueryToken[]; questionLanguage: Language } {
    const cached = this.analyses.get(question);
    if (cached) return cached;
    const analyzed = this.analyzeAfresh(question);
    this.analyses.set(question, analyzed);
    return analyzed;
  }

  private analyzeAfresh(question: string): { tokens: QueryToken[]; questionLanguage: Language } {
    const questionLanguage = guessQuestionLanguage(question, this.lexicons, (term) => this.articlesLanguageOf(term));
    const framed = spelledOutInitialisms(
      inStandardForms(withoutQuestionFrame(withoutRequestWrapper(question))),
      this.nameLanguage(questionLanguage),
      (folded) => this.isWordAsWritten(folded),
    );
    // Stemmed as German to meet German paragraphs, with the stop words of the question's language.
    const analyzedGerman = analyze(framed, "de", questionLanguage);
    // English stems only for English questions: on German words they add accidental matches.
    const analyzedEnglish = questionLanguage === "en" ? analyze(framed, "en") : null;
    // A typo of a stop word ("wnat") is left out; other typos are read through what they stand for (see below).
    const found = typosOf(analyzedGerman, analyzedEnglish, questionLanguage, this.typoContext);
    const keep = analyzedGerman.map(
      (_, position) => !isStopWord(found.get(position)?.[questionLanguage === "en" ? "english" : "german"] ?? "", questionLanguage),
    );
    const kept = (_: unknown, position: number): boolean => keep[position] === true;
    const german = analyzedGerman.filter(kept);
    const englishAnalysis = analyzedEnglish?.filter(kept) ?? null;
    const correctedAt = analyzedGerman.map((_, position) => found.get(position)).filter(kept);
    const withIndexedForms = (terms: readonly string[]): string[] => [...new Set([...terms, ...terms.flatMap((term) => this.index.vocabulary().lookup(term))])];
    // A verb the question splits ("wann findet das Treffen statt", "wie viel sagt die EU zu"): its finite verb also
    // stands for the verb whole, as the articles' paragraphs hold it (see separable-verbs.ts).
    const splitVerbs = new Map(
      questionLanguage === "de"
        ? separableVerbReader(this.lexicons)
            .joinedVerbs(framed)
            .map((verb) => [verb.finite, verb.term])
        : [],
    );
    const variantsOf = german.map((token, position) => {
      const englishTerm = englishAnalysis?.[position]?.term;
      const whole = splitVerbs.get(token.folded);
      const own = [token.term, englishTerm ?? token.term, token.folded, ...verbStemVariants(token.term), ...(whole === undefined ? [] : [whole])];
      const variants = withIndexedForms(own);
      if (variants.some((term) => this.index.frequencyOf(term) > 0)) return variants;
      // "der Sprecher" of an article that names only its "Sprecherin" (and the other way round); "geliefert" of
      // one that names only the "Lieferung".
      const related =
        englishTerm === undefined ? [...genderCounterparts(token.folded), ...verbNounStems(token.term, token.folded)] : genderCounterparts(token.folded);
      const otherForms = withIndexedForms([...own, ...related]);
      if (otherForms.some((term) => this.index.frequencyOf(term) > 0)) return otherForms;
      // Forms of one verb that stem apart ("getroffen" / "traf", "met" / "meet") stand in for a word the articles lack
      // as written; for a word they have, other forms would only widen the match (and meet homographs: "gab", "Gabe").
      const forms = englishTerm !== undefined ? this.lexicons.verbForms.en.get(englishTerm) : this.lexicons.verbForms.de.get(token.term);
      return forms && forms.length > 0 ? withIndexedForms([...own, ...forms]) : variants;
    });
    const known = variantsOf.map((variants) => variants.some((term) => this.index.frequencyOf(term) > 0));
    // A typo's bridges are those of the word it stands for, weighed as a spelling's; so is that word, when indexed.
    const asCorrected = (tokens: readonly AnalyzedToken[], language: Language): AnalyzedToken[] =>
      tokens.map((token, position) => {
        const corrected = correctedAt[position];
        return corrected === undefined ? token : { ...token, term: (language === "en" ? corrected.english : corrected.german) ?? token.term };
      });
    const expansions = expandTokens(
      {
        german: asCorrected(german, "de"),
        english: englishAnalysis && asCorrected(englishAnalysis, "en"),
        questionLanguage,
        indexLanguages: this.index.languages(),
        known,
      },
      this.lexicons,
      this.index.vocabulary(),
      this.expansion,
    ).map((list, position) => {
      const corrected = correctedAt[position];
      if (corrected === undefined) return list;
      const spelled = [corrected.german, corrected.english ?? corrected.german, ...(this.lexicons.verbForms.de.get(corrected.german) ?? [])].flatMap((term) =>
        this.index.vocabulary().lookup(term),
      );
      const weight = this.expansion.spellingWeight;
      const scaled = list.map((expansion) => ({ ...expansion, weight: expansion.weight * weight }));
      return [...new Set(spelled)]
        .map((term): TermExpansion => ({ term, weight, via: "spelling" }))
        .concat(scaled.filter((expansion) => !spelled.includes(expansion.term)));
    });
    const byFolded = new Map<string, QueryToken>();
    german.forEach((token, position) => {
      if (byFolded.has(token.folded)) return;
      const terms = variantsOf[position] ?? [token.term];
      const own = new Set(terms);
      const bridged = (expansions[position] ?? []).filter((expansion) => !own.has(expansion.term));
      const present = terms.filter((term) => this.index.frequencyOf(term) > 0);
      const idf =
        present.length > 0
          ? Math.max(...present.map((term) => this.index.idf(term)))
          : Math.max(this.index.idf("\u0000"), ...bridged.map((expansion) => this.index.idf(expansion.term)));
      // expandTokens lists each word's expansions strongest first.
      const strongest = bridged[0];
      const spreadTerms = present.length > 0 ? present : strongest ? [strongest.term] : [];
      const spread = this.index.size() === 0 ? 0 : Math.max(0, ...spreadTerms.map((term) => this.index.textFrequencyOf(term))) / this.index.size();
      // The word's term in the question's own language.
      const ownTerm = questionLanguage === "en" ? (englishAnalysis?.[position]?.term ?? token.term) : token.term;
      // A word known only through a bridge is as common as the indexed word it reaches.
      const commonness =
        present.length === 0 && strongest
          ? this.commonness(strongest.term)
          : questionLanguage === "en"
            ? (this.lexicons.frequency.en.get(ownTerm) ?? 0)
            : // German chat borrows English words ("ich check nicht"): the German list lacks them, the English one knows them.
              (this.lexicons.frequency.de.get(ownTerm) ?? this.lexicons.frequency.en.get(stem(token.folded, "en")) ?? 0);
      const describing = this.lexicons.describing[questionLanguage].has(ownTerm);
      byFolded.set(token.folded, { surface: token.surface, terms, idf, known: present.length > 0, expansions: bridged, commonness, spread, describing });
    });
    return { tokens: [...byFolded.values()], questionLanguage };
  }

  /** The language a name the question abbreviates is spelled out in: the question's, unless the articles are all in the other one. */
  private nameLanguage(questionLanguage: Language): Language {
    const languages = this.index.languages();
    if (languages.size === 0 || languages.has(questionLanguage)) return questionLanguage;
    return questionLanguage === "de" ? "en" : "de";
  }

  /** The articles' language when they are all in one and hold the term as written; null otherwise. */
  private articlesLanguageOf(term: string): Language | null {
    const languages = [...this.index.languages()];
    return languages.length === 1 && this.index.frequencyOf(term) > 0 ? (languages[0] ?? null) : null;
  }

  /** Whether a folded word is a word as written: a stop word, in either dictionary list, or in the articles. */
  private isWordAsWritten(folded: string): boolean {
    const { frequency } = this.lexicons;
    return (
      isStopWord(folded) ||
      (["de", "en"] as const).some((language) => frequency[language].has(stem(folded, language)) || frequency[language].has(folded)) ||
      this.index.frequencyOf(folded) > 0 ||
      this.index.frequencyOf(stem(folded, "de")) > 0
    );
  }

  /** Dictionary frequency class of an index term, in the index's main language. */
  private commonness(term: string): number {
    const languages = this.index.languages();
    const language: Language = languages.has("de") || !languages.has("en") ? "de" : "en";
    return this.lexicons.frequency[language].get(term) ?? 0;
  }
}
