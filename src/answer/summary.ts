import { z } from "zod";
import { isTeaserSentence } from "../content/parse.js";
import type { Article, Paragraph, Sentence } from "../content/types.js";
import { analyze, detectLanguage, foldToken, tokenize, type Language } from "../search/analyzer.js";
import type { Embedder } from "../search/embeddings.js";
import { SummaryCache } from "./summary-cache.js";
import { SUMMARY_LENGTHS, type Summary, type SummaryLength, type SummaryScoring, type SummarySentence } from "./summary-types.js";
import { maxOf, minOf } from "../extremes.js";

/**
 * Extractive article summaries: a handful of the article's own sentences,
 * verbatim and in article order, each cited by paragraph number.
 *
 * Sentences score by centrality (cosine similarity to the centroid of all
 * sentences in scope: sentence embeddings when the caller supplies them, else
 * TF-IDF over analysed terms) plus a lead prior, because news puts the key
 * facts first. Selection is greedy MMR, so the summary does not say the same
 * thing twice. A sentence that leans on its predecessor ("Dort soll er …") is
 * only quoted together with that predecessor.
 */

export { SUMMARY_LENGTHS, type Summary, type SummaryLength, type SummaryScoring, type SummarySentence };
export const summaryLengthSchema = z.enum(SUMMARY_LENGTHS, { message: "expected short, medium or long" });

/** Target sentence count per length; a shorter article or section yields fewer. */
export const SENTENCES_PER_LENGTH: Readonly<Record<SummaryLength, number>> = { short: 3, medium: 5, long: 8 };

/** A summary request as it arrives from Discord or the CLI. */
export const summaryRequestSchema = z.object({
  /** Article id; optional when only one article is loaded. */
  article: z.string().trim().min(1).optional(),
  length: summaryLengthSchema.default("medium"),
  /** Section heading (or a unique part of it), or its 1-based number as listed by `sectionLabels`. */
  section: z.string().trim().min(1).max(300).optional(),
});
export type SummaryRequestInput = z.input<typeof summaryRequestSchema>;


/**
 * Which section to summarise: a 0-based index into `Article.sections`, or a
 * string that is a heading (exact, or a unique part of one; case and umlaut
 * spelling ignored) or a 1-based section number ("2").
 */
export type SectionSelector = string | number;

export interface SummaryOptions {
  length?: SummaryLength;
  section?: SectionSelector;
  /**
   * Sentence embeddings keyed by `sentenceKey(paragraph, sentenceIndex)`; when
   * every candidate has one, centrality and redundancy use them instead of TF-IDF.
   */
  sentenceVectors?: ReadonlyMap<string, ArrayLike<number>>;
}

/** Embeds texts (one L2-normalised or raw vector per text, same order), e.g. `embedder.embedPassages`. */
export type EmbedTexts = (texts: string[]) => Promise<ArrayLike<number>[]>;

// ---------------------------------------------------------------- tuning

/** Share of the score that comes from position rather than centrality. */
const LEAD_WEIGHT = 0.3;
/** The lead prior halves every this many paragraphs into the article (or section). */
const LEAD_HALF_LIFE_PARAGRAPHS = 3;
/** MMR trade-off: 1 = relevance only, 0 = novelty only. */
const MMR_LAMBDA = 0.6;
/** Rescaled similarity from which two sentences count as saying the same thing: never quote both. */
const NEAR_DUPLICATE = 0.8;
/** Shorter sentences are fragments (captions, datelines, stray headings), not statements. */
const MIN_WORDS = 6;
const MIN_CHARS = 30;
/** A sentence needing more predecessors than this is left out rather than quoted with a long run-up. */
const MAX_PREDECESSORS = 2;

// ---------------------------------------------------------------- errors

export class UnknownSectionError extends Error {
  constructor(
    readonly selector: string,
    /** One label per section, as `sectionLabels` writes them. */
    readonly available: string[],
    reason = "no such section",
  ) {
    // The selector may have been meant as a length ("huge", "--length short"): say what both accept.
    super(`${reason}: "${selector}". A length is short, medium or long (kurz, mittel, lang); sections: ${available.join("; ")}`);
    this.name = "UnknownSectionError";
  }
}

export class UnknownArticleError extends Error {
  constructor(
    readonly articleId: string | null,
    readonly available: string[],
  ) {
    super(
      articleId === null
        ? `several articles are loaded; name one of: ${available.join(", ")}`
        : `no article with id "${articleId}". Available: ${available.join(", ")}`,
    );
    this.name = "UnknownArticleError";
  }
}

// ---------------------------------------------------------------- sentences that need their predecessor

/** First words (folded) that point back to something the previous sentence said. */
const BACK_REFERENCE_OPENERS = new Set(
  [
    // German pronouns, possessives, demonstratives
    "er", "sie", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
    "sein", "seine", "seinen", "seinem", "seiner", "seines", "dessen", "deren",
    "dies", "diese", "dieser", "dieses", "diesen", "diesem", "jene", "jener", "jenes", "jenen", "jenem",
    "solche", "solcher", "solches", "solchen", "beide", "beiden", "beider", "letzterer", "letztere", "ersterer", "erstere",
    // German pronominal adverbs and connectives
    "damals", "dort", "dorthin", "dabei", "dadurch", "dafür", "dagegen", "daher", "damit", "danach", "daneben",
    "daran", "darauf", "daraufhin", "daraus", "darin", "darum", "darüber", "davon", "davor", "dazu", "deshalb",
    "deswegen", "demnach", "demzufolge", "dementsprechend", "entsprechend", "dennoch", "denn", "doch", "jedoch",
    "aber", "allerdings", "sondern", "und", "oder", "zudem", "außerdem", "ferner", "überdies", "weiterhin", "hinzu",
    "also", "somit", "folglich", "insofern", "trotzdem", "stattdessen", "hingegen", "indes", "indessen",
    "unterdessen", "derweil", "andererseits", "gleichzeitig", "zugleich", "ebenfalls", "ebenso", "auch", "selbst",
    "sogar", "sonst", "hierbei", "hierzu", "hierfür", "hiermit", "hierauf", "hier", "zuvor", "anschließend", "später",
    "seitdem", "seither", "dann", "sodann", "schließlich", "letztlich", "immerhin", "jedenfalls", "freilich",
    "erneut", "abermals", "wiederum",
    // English
    "he", "she", "him", "them", "his", "hers", "their", "theirs", "its", "they", "this", "that", "these", "those",
    "such", "both", "then", "but", "and", "or", "so", "also", "however", "moreover", "furthermore", "meanwhile",
    "instead", "therefore", "thus", "hence", "still", "yet", "nevertheless", "nonetheless", "besides", "likewise",
    "similarly", "otherwise", "consequently", "accordingly", "afterwards", "afterward", "later", "additionally",
    "conversely", "regardless", "again",
  ].map(foldToken),
);

/** Words that, among the first three, make the opening refer back ("Im Anschluss", "Aus diesem Grund", "Kurz darauf", "in turn"). */
const BACK_REFERENCE_NEAR_START = new Set(
  [
    "dies", "diese", "dieser", "dieses", "diesen", "diesem", "darauf", "danach", "darüber", "später", "zuvor",
    "dessen", "selben", "gleichen", "anschluss", "gegenzug", "gegensatz", "gegenteil", "folge", "zuletzt",
    "anderen", "hingegen", "jedoch", "allerdings", "wiederum", "ebenfalls", "zudem", "außerdem",
    "addition", "result", "turn", "return", "contrast", "response", "meantime",
  ].map(foldToken),
);

/** Personal pronouns that, right after an inverted opening ("Am Dienstag sagte er …"), refer to someone named before. */
const SUBJECT_PRONOUNS = new Set(["er", "sie", "ihm", "ihn", "ihnen", "he", "she", "they", "him", "them"]);

/** English openers that contain an ordinary word but point back as a whole. */
const ENGLISH_BACK_REFERENCE_PHRASES = /^(?:at the time|on the other hand|for this reason|because of this|after that|at that point|by then|in doing so|as such)\b/iu;

/** After "Das/Der/Die/Den/Dem" these finite verbs show a demonstrative pronoun ("Das ist …", "Die wollen …"), not an article. */
const FINITE_VERBS_AFTER_DEMONSTRATIVE = new Set(
  [
    "ist", "sind", "war", "waren", "wäre", "wären", "hat", "haben", "hatte", "hatten", "hätte", "hätten", "wird",
    "werden", "wurde", "wurden", "würde", "würden", "sei", "seien", "kann", "können", "konnte", "konnten", "könnte",
    "könnten", "soll", "sollen", "sollte", "sollten", "muss", "müssen", "musste", "will", "wollen", "wollte", "darf",
    "dürfte", "gilt", "galt", "gelte", "zeigt", "zeigte", "bedeutet", "bedeutete", "heißt", "hieß", "liegt", "lag",
    "geht", "ging", "sagt", "sagte", "betrifft", "betraf", "bleibt", "blieb", "kommt", "kam", "steht", "stand",
    "macht", "machte", "klingt", "alles", "allein",
  ].map(foldToken),
);

/** "Es gibt …", "Es geht um …": the expletive "es" points nowhere. */
const EXPLETIVE_AFTER_ES = new Set(["gibt", "gab", "geht", "ging", "handelt", "handelte", "heißt", "hieß", "fehlt", "fehlte"].map(foldToken));
/** "There is/are …" is expletive too. */
const EXPLETIVE_AFTER_THERE = new Set(["is", "are", "was", "were", "has", "have", "had", "will", "may", "might", "could", "would", "seems", "seem"]);

const OPENING_PUNCTUATION = /^[\s"„“”'‚‘’«»‹›(\[–—-]+/u;
const QUOTE_OPEN = /^["„“”‚‘'«»‹›]/u;
const QUOTE_MARKS = /["„“”‚‘«»‹›]/gu;

/**
 * Whether a sentence quoted on its own would lean on the sentence before it:
 * a pronoun or demonstrative opener ("Er", "Dies", "Diese Hilfe"), a
 * connective ("Zudem", "Aber", "Denn", "Im Anschluss", "However"), a
 * continuation that starts in lower case, or a bare quotation whose speaker
 * is named in the previous sentence. German and English.
 */
export function needsPredecessor(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (trimmed.length === 0) return false;
  if (isBareQuotation(trimmed)) return true;
  const body = trimmed.replace(OPENING_PUNCTUATION, "");
  // A lower-case start is the tail of a sentence split too early ("d. h. noch …").
  if (/^\p{Ll}/u.test(body)) return true;
  if (ENGLISH_BACK_REFERENCE_PHRASES.test(body)) return true;
  const words = tokenize(body).slice(0, 3).map(foldToken);
  const [first, second] = words;
  if (first === undefined) return false;
  if (first === "es" || first === "it") return second === undefined || !(first === "es" ? EXPLETIVE_AFTER_ES.has(second) : /^(?:is|was|seems)$/.test(second));
  if (first === "there") return second === undefined || !EXPLETIVE_AFTER_THERE.has(second);
  if (["das", "der", "die", "den", "dem"].includes(first)) return second !== undefined && FINITE_VERBS_AFTER_DEMONSTRATIVE.has(second);
  if (BACK_REFERENCE_OPENERS.has(first)) return true;
  if (words.slice(1).some((word) => BACK_REFERENCE_NEAR_START.has(word))) return true;
  return hasEarlyPronounSubject(body);
}

/**
 * "In 2019 traf er sich …", "Laut Kirby soll er …": a pronoun among the first
 * four words with no comma before it has its antecedent in an earlier sentence.
 * ("Putin sagte, er wolle …" names him first, hence the comma exception.)
 */
function hasEarlyPronounSubject(body: string): boolean {
  const beforeComma = body.split(/[,;:–—]/u)[0] ?? "";
  return tokenize(beforeComma)
    .slice(1, 4)
    .some((word) => SUBJECT_PRONOUNS.has(word));
}

/** Speech verbs and attribution phrases: a sentence with one of them names who is quoted. */
const NAMES_SPEAKER =
  /\b(?:sag|erklär|beton|warn|mein|schrieb|schreib|bericht|forder|kritisier|begründ|kündig|teilt|räumt|ergänz|fügt|bestätig|verwies|verweis|zitiert|gibt|gab|said|says|told|wrote|writes|added|adds|warned|stated|explained)\p{L}*|\b(?:laut|zufolge|according to)\b|,\s*so\s+(?:der|die|das|ein|eine)\b/iu;

/** A sentence that is one quotation with no speaker named in it: `"Man darf nicht vergessen, dass …"` */
function isBareQuotation(sentence: string): boolean {
  if (!QUOTE_OPEN.test(sentence)) return false;
  const marks = sentence.match(QUOTE_MARKS) ?? [];
  // Opening and closing mark only, and the closing one ends the sentence (after optional punctuation).
  return marks.length === 2 && /["“”‘'«»‹›][.!?…]?$/u.test(sentence);
}

// ---------------------------------------------------------------- candidate sentences

const URL_LIKE = /\bhttps?:\/\/|\bwww\.\S/iu;
const TERMINAL_PUNCTUATION = /[.!…]["“”‘’'«»‹›)\]]*$/u;
/**
 * Sentences that only announce what the article will explain ("Experte X
 * erklärt, was dahinter steckt."): a short, vague indirect question as the whole message.
 */
const ANNOUNCEMENT = /\b(?:erklärt|erklären|erläutert|erläutern|zeigt|zeigen|verrät|verraten|beschreibt|schildert|analysiert|berichtet|explains|shows|reveals|describes)\b,?\s+(?:was|warum|wieso|weshalb|wie|wer|wo|wann|ob|welche[rsmn]?|what|why|how|who|where|when|whether)(?:\s+[^\s,;:.!?]+){0,5}\s*[.!…]$/iu;
/** Reader address and house boilerplate that may survive parsing ("… berichten für Sie", "Lesen Sie auch"). */
const READER_ADDRESS = /(?:(?<!\p{L})\p{Ll}[\p{L}-]*\s+(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b|\b(?:lesen Sie|klicken Sie|hier klicken|read more|click here|sign up|subscribe)\b)/u;

/** Normalised form for comparing a sentence with headings, the title and source lines. */
function comparable(text: string): string {
  return foldToken(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

interface Located {
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
function isQuotable(text: string, excluded: ReadonlySet<string>): boolean {
  const trimmed = text.trim();
  if (trimmed.length < MIN_CHARS || tokenize(trimmed).length < MIN_WORDS) return false;
  // Questions and colon lead-ins state nothing by themselves; headings and list items lack the full stop.
  if (!TERMINAL_PUNCTUATION.test(trimmed)) return false;
  if (URL_LIKE.test(trimmed) || READER_ADDRESS.test(trimmed) || ANNOUNCEMENT.test(trimmed)) return false;
  if (isTeaserSentence(trimmed)) return false;
  return !excluded.has(comparable(trimmed));
}

// ---------------------------------------------------------------- sections

function sectionLabel(heading: string | null, index: number): string {
  return `${index + 1}: ${heading ?? "(opening, no heading)"}`;
}

/** "1: (opening, no heading)", "2: Russland braucht …": the labels error messages and autocomplete show. */
export function sectionLabels(article: Article): string[] {
  return article.sections.map((section, index) => sectionLabel(section.heading, index));
}

/** Resolves a section selector to an index into `Article.sections`; throws `UnknownSectionError`. */
export function resolveSection(article: Article, selector: SectionSelector): number {
  const labels = sectionLabels(article);
  if (typeof selector === "number") {
    if (Number.isInteger(selector) && selector >= 0 && selector < article.sections.length) return selector;
    throw new UnknownSectionError(String(selector), labels);
  }
  const wanted = selector.trim();
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1;
    if (index >= 0 && index < article.sections.length) return index;
    throw new UnknownSectionError(wanted, labels);
  }
  const folded = comparable(wanted);
  if (folded.length === 0) throw new UnknownSectionError(wanted, labels);
  const headings = article.sections.map((section) => (section.heading === null ? null : comparable(section.heading)));
  const exact = headings.findIndex((heading) => heading === folded);
  if (exact >= 0) return exact;
  const partial = headings.flatMap((heading, index) => (heading !== null && heading.includes(folded) ? [index] : []));
  const [only] = partial;
  if (partial.length === 1 && only !== undefined) return only;
  if (partial.length > 1) {
    throw new UnknownSectionError(wanted, partial.map((index) => sectionLabel(article.sections[index]?.heading ?? null, index)), "ambiguous section");
  }
  throw new UnknownSectionError(wanted, labels);
}

/** The article with the given id, or the only one when no id is given; throws `UnknownArticleError`. */
export function findArticle(articles: readonly Article[], articleId?: string): Article {
  const ids = articles.map((article) => article.id);
  if (articleId === undefined) {
    const [only] = articles;
    if (articles.length === 1 && only) return only;
    throw new UnknownArticleError(null, ids);
  }
  const found = articles.find((article) => article.id === articleId);
  if (!found) throw new UnknownArticleError(articleId, ids);
  return found;
}

// ---------------------------------------------------------------- scoring

interface Scope {
  sectionIndex: number | null;
  /** Paragraph numbers in scope, in order. */
  paragraphNumbers: number[];
}

function scopeOf(article: Article, section: SectionSelector | undefined): Scope {
  if (section === undefined) return { sectionIndex: null, paragraphNumbers: article.paragraphs.map((paragraph) => paragraph.number) };
  const sectionIndex = resolveSection(article, section);
  return { sectionIndex, paragraphNumbers: [...(article.sections[sectionIndex]?.paragraphNumbers ?? [])] };
}

interface Candidate extends Located {
  key: string;
  /** 0-based rank of its paragraph within the scope (for the lead prior). */
  paragraphRank: number;
  /** Orders (positions in the article) of the sentences it must be quoted with, nearest last; empty when it stands alone. */
  predecessors: number[];
}

/** The quotable sentences of the article (or one section), each with the predecessors it needs. */
function collectCandidates(article: Article, scope: Scope): Candidate[] {
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
    if (usable) candidates.push({ ...entry, key: sentenceKey(entry.paragraph.number, entry.sentence.index), paragraphRank, predecessors });
  }
  return candidates;
}

/** Unit-length vectors of one kind, with a dot product. */
interface VectorSpace {
  dot(a: number, b: number): number;
  /** Cosine of each vector with the (unnormalised) mean vector. */
  centralities(): number[];
  /** Squared length of the mean vector: the mean pairwise similarity, diagonal included. */
  meanSquaredNorm(): number;
}

function sparseSpace(vectors: Map<string, number>[]): VectorSpace {
  const centroid = new Map<string, number>();
  for (const vector of vectors) for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight / vectors.length);
  const sparseDot = (a: Map<string, number>, b: Map<string, number>): number => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let sum = 0;
    for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
    return sum;
  };
  const centroidNorm = Math.sqrt(sparseDot(centroid, centroid));
  return {
    dot: (a, b) => {
      const left = vectors[a];
      const right = vectors[b];
      return left && right ? sparseDot(left, right) : 0;
    },
    centralities: () => vectors.map((vector) => (centroidNorm > 0 ? sparseDot(vector, centroid) / centroidNorm : 0)),
    meanSquaredNorm: () => centroidNorm * centroidNorm,
  };
}

function denseSpace(vectors: Float64Array[]): VectorSpace {
  const dimension = vectors[0]?.length ?? 0;
  const centroid = new Float64Array(dimension);
  for (const vector of vectors) for (let i = 0; i < dimension; i += 1) centroid[i] = (centroid[i] ?? 0) + (vector[i] ?? 0) / vectors.length;
  const denseDot = (a: Float64Array, b: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < dimension; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
    return sum;
  };
  const centroidNorm = Math.sqrt(denseDot(centroid, centroid));
  return {
    dot: (a, b) => {
      const left = vectors[a];
      const right = vectors[b];
      return left && right ? denseDot(left, right) : 0;
    },
    centralities: () => vectors.map((vector) => (centroidNorm > 0 ? denseDot(vector, centroid) / centroidNorm : 0)),
    meanSquaredNorm: () => centroidNorm * centroidNorm,
  };
}

/** TF-IDF vectors over analysed terms; IDF counts the article's sentences as documents. */
function tfIdfVectors(article: Article, candidates: readonly Candidate[]): Map<string, number>[] {
  const language: Language = detectLanguage(article.paragraphs.map((paragraph) => paragraph.text).join(" "));
  const termsOf = (text: string): string[] => analyze(text, language).map((token) => token.term);
  const documentFrequency = new Map<string, number>();
  let documentCount = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      documentCount += 1;
      for (const term of new Set(termsOf(sentence.text))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  return candidates.map((candidate) => {
    const counts = new Map<string, number>();
    for (const term of termsOf(candidate.sentence.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    let squared = 0;
    for (const [term, count] of counts) {
      // Smoothed IDF stays positive, so a term in every sentence still counts towards the topic.
      const weight = count * (Math.log((1 + documentCount) / (1 + (documentFrequency.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      squared += weight * weight;
    }
    const norm = Math.sqrt(squared);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Embeddings for every candidate, L2-normalised; null when any is missing or the dimensions disagree. */
function embeddingVectors(candidates: readonly Candidate[], vectors: ReadonlyMap<string, ArrayLike<number>>): Float64Array[] | null {
  const result: Float64Array[] = [];
  let dimension: number | null = null;
  for (const candidate of candidates) {
    const raw = vectors.get(candidate.key);
    if (!raw || raw.length === 0 || (dimension !== null && raw.length !== dimension)) return null;
    dimension = raw.length;
    const vector = Float64Array.from(raw);
    const norm = Math.hypot(...vector);
    if (!(norm > 0)) return null;
    for (let i = 0; i < vector.length; i += 1) vector[i] = (vector[i] ?? 0) / norm;
    result.push(vector);
  }
  return result;
}

/** Picks the sentences: greedy MMR over units (a sentence plus the predecessors it needs). */
function selectSentences(candidates: readonly Candidate[], space: VectorSpace, budget: number): Set<number> {
  const count = candidates.length;
  const rawCentrality = space.centralities();
  const low = minOf(rawCentrality);
  const high = maxOf(rawCentrality);
  // Min-max scaling: embedding cosines crowd into a narrow band, TF-IDF ones do not; both end up in [0, 1].
  const centrality = rawCentrality.map((value) => (high > low ? (value - low) / (high - low) : 1));
  const relevance = candidates.map(
    (candidate, i) => (1 - LEAD_WEIGHT) * (centrality[i] ?? 0) + LEAD_WEIGHT * 0.5 ** (candidate.paragraphRank / LEAD_HALF_LIFE_PARAGRAPHS),
  );
  // Similarities above the article's average pairwise similarity are what counts as repetition.
  const meanOffDiagonal = count > 1 ? Math.max(0, (count * count * space.meanSquaredNorm() - count) / (count * (count - 1))) : 0;
  const redundancy = (a: number, b: number): number => (meanOffDiagonal < 1 ? Math.max(0, (space.dot(a, b) - meanOffDiagonal) / (1 - meanOffDiagonal)) : 1);

  const indexByOrder = new Map(candidates.map((candidate, i) => [candidate.order, i]));
  const chosen = new Set<number>();
  const maxRedundancy = new Array<number>(count).fill(0);
  const choose = (i: number): void => {
    chosen.add(i);
    for (let j = 0; j < count; j += 1) maxRedundancy[j] = Math.max(maxRedundancy[j] ?? 0, redundancy(i, j));
  };
  while (chosen.size < budget) {
    let best: { members: number[]; gain: number } | null = null;
    for (let i = 0; i < count; i += 1) {
      const candidate = candidates[i];
      if (!candidate || chosen.has(i)) continue;
      const unit = [...candidate.predecessors.map((order) => indexByOrder.get(order)), i];
      // Every predecessor is a candidate by construction; skip defensively if not.
      if (!unit.every((member): member is number => member !== undefined)) continue;
      const members = unit.filter((member) => !chosen.has(member));
      if (members.length === 0 || chosen.size + members.length > budget) continue;
      if (members.some((member) => (maxRedundancy[member] ?? 0) >= NEAR_DUPLICATE)) continue;
      // A unit spends one slot per new sentence, so it is judged by its average value per slot.
      const gain =
        members.reduce((sum, member) => sum + MMR_LAMBDA * (relevance[member] ?? 0) - (1 - MMR_LAMBDA) * (maxRedundancy[member] ?? 0), 0) /
        members.length;
      if (best === null || gain > best.gain + 1e-12) best = { members, gain };
    }
    if (best === null) break;
    for (const member of best.members) choose(member);
  }
  return chosen;
}

// ---------------------------------------------------------------- public entry points

function summaryShell(article: Article, length: SummaryLength, scope: Scope, scoring: SummaryScoring, sentences: SummarySentence[]): Summary {
  return {
    articleId: article.id,
    articleTitle: article.title,
    publisher: article.publisher,
    date: article.date,
    url: article.url,
    length,
    section: scope.sectionIndex === null ? null : (article.sections[scope.sectionIndex]?.heading ?? null),
    sectionNumber: scope.sectionIndex === null ? null : scope.sectionIndex + 1,
    scoring,
    sentences,
  };
}

/**
 * Summarises an article (or one section) synchronously. Lexical scoring unless
 * `sentenceVectors` covers every candidate sentence. Throws `UnknownSectionError`.
 */
export function summarizeArticle(article: Article, options: SummaryOptions = {}): Summary {
  const length = options.length ?? "medium";
  const scope = scopeOf(article, options.section);
  const candidates = collectCandidates(article, scope);
  const embedded = options.sentenceVectors ? embeddingVectors(candidates, options.sentenceVectors) : null;
  const scoring: SummaryScoring = embedded ? "embeddings" : "lexical";
  if (candidates.length === 0) return summaryShell(article, length, scope, scoring, []);
  const space = embedded ? denseSpace(embedded) : sparseSpace(tfIdfVectors(article, candidates));
  const chosen = selectSentences(candidates, space, SENTENCES_PER_LENGTH[length]);
  const sentences = [...chosen]
    .map((i) => candidates[i])
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .sort((a, b) => a.order - b.order)
    .map((candidate) => ({
      text: candidate.sentence.text,
      paragraph: candidate.paragraph.number,
      sentenceIndex: candidate.sentence.index,
      heading: candidate.paragraph.heading,
    }));
  return summaryShell(article, length, scope, scoring, sentences);
}

/** The sentences a summary of this scope may quote, keyed for `sentenceVectors` (embed these texts). */
export function summaryCandidateSentences(article: Article, section?: SectionSelector): { key: string; text: string }[] {
  return collectCandidates(article, scopeOf(article, section)).map((candidate) => ({ key: candidate.key, text: candidate.sentence.text }));
}

/** Embeds the candidate sentences with `embed`, then summarises with embedding centrality. */
export async function summarizeArticleWithEmbeddings(article: Article, options: Omit<SummaryOptions, "sentenceVectors">, embed: EmbedTexts): Promise<Summary> {
  const candidates = summaryCandidateSentences(article, options.section);
  if (candidates.length === 0) return summarizeArticle(article, options);
  const vectors = await embed(candidates.map((candidate) => candidate.text));
  if (vectors.length !== candidates.length) throw new Error(`expected ${candidates.length} sentence vectors, got ${vectors.length}`);
  const sentenceVectors = new Map(candidates.map((candidate, i) => [candidate.key, vectors[i] ?? []]));
  return summarizeArticle(article, { ...options, sentenceVectors });
}

export interface SummaryEmbedding {
  /** Part of the cache key: summaries scored by different models are different summaries. */
  modelId: string;
  embed: EmbedTexts;
}

export interface SummarizeRequest {
  /** Optional when exactly one article is loaded. */
  articleId?: string;
  length?: SummaryLength;
  section?: SectionSelector;
}

/**
 * The cached front door for the service: finds the article, resolves the
 * section, and computes each (article version, length, section, scoring)
 * summary once. With `embedding`, sentences are scored by the embedding
 * model; if embedding fails, the lexical summary is served (and `onEmbeddingError` told).
 */
export class Summarizer {
  constructor(
    readonly cache: SummaryCache = new SummaryCache(),
    private readonly onEmbeddingError: (error: unknown) => void = () => undefined,
  ) {}

  async summarize(articles: readonly Article[], request: SummarizeRequest, embedding?: SummaryEmbedding | null): Promise<Summary> {
    const article = findArticle(articles, request.articleId);
    const length = request.length ?? "medium";
    const sectionIndex = request.section === undefined ? null : resolveSection(article, request.section);
    const options: SummaryOptions = sectionIndex === null ? { length } : { length, section: sectionIndex };
    const lexical = (): Summary => this.cache.get(article, { length, sectionIndex, scoring: "lexical" }, () => summarizeArticle(article, options));
    if (!embedding) return lexical();
    try {
      return await this.cache.getAsync(article, { length, sectionIndex, scoring: `embeddings:${embedding.modelId}` }, () =>
        summarizeArticleWithEmbeddings(article, options, embedding.embed),
      );
    } catch (error) {
      this.onEmbeddingError(error);
      return lexical();
    }
  }
}

/** The embedding hook for `Summarizer.summarize` from the service's embedder (null while it is not loaded). */
export function summaryEmbeddingFrom(embedder: Embedder | null): SummaryEmbedding | null {
  return embedder ? { modelId: embedder.modelId, embed: (texts) => embedder.embedPassages(texts) } : null;
}

/** Validates raw options (Discord, JSON) into a request; throws a ZodError on bad input. */
export function parseSummaryRequest(input: unknown): SummarizeRequest {
  const parsed = summaryRequestSchema.parse(input);
  return {
    length: parsed.length,
    ...(parsed.article !== undefined ? { articleId: parsed.article } : {}),
    ...(parsed.section !== undefined ? { section: parsed.section } : {}),
  };
}

/**
 * Reads the words after a typed `/summary` (terminal, chat): a length word
 * anywhere, a word that is a known article id, and the rest as the section.
 * "/summary long 2", "/summary kurz-artikel Einfluss der USA".
 */
export function parseSummaryCommand(words: readonly string[], articleIds: readonly string[]): SummarizeRequest {
  const request: SummarizeRequest = {};
  const rest: string[] = [];
  for (const word of words) {
    // "--length short", "length:short", "länge:kurz": the option's name is not part of a section.
    const lower = word.toLowerCase().replace(/^(?:--?(?:length|laenge|länge)=?|(?:length|laenge|länge):)/u, "");
    if (lower.length === 0) continue;
    const length = summaryLengthSchema.safeParse(GERMAN_LENGTHS[lower] ?? lower);
    if (length.success && request.length === undefined) request.length = length.data;
    else if (request.articleId === undefined && articleIds.includes(word)) request.articleId = word;
    else if (word.length > 0) rest.push(word);
  }
  if (rest.length > 0) request.section = rest.join(" ");
  return request;
}

/** The German length names that Discord shows German users, as typed in the terminal. */
const GERMAN_LENGTHS: Readonly<Record<string, SummaryLength>> = { kurz: "short", mittel: "medium", lang: "long" };

/** Autocomplete choices for a section option: label as name, 1-based number as value; at most 25 (Discord's limit). */
export function sectionChoices(article: Article, typed = ""): { name: string; value: string }[] {
  const wanted = comparable(typed);
  return sectionLabels(article)
    .map((label, index) => ({ name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: String(index + 1) }))
    .filter((choice) => wanted.length === 0 || comparable(choice.name).includes(wanted))
    .slice(0, 25);
}

// ---------------------------------------------------------------- output

/** The JSON shape promised to scripts: exactly these keys, sentences in article order. */
export function summaryToJson(summary: Summary): string {
  return JSON.stringify({
    article: summary.articleTitle,
    length: summary.length,
    sentences: summary.sentences.map((sentence) => ({ text: sentence.text, paragraph: sentence.paragraph })),
  });
}

/** "t-online, 2023-09-05", or a note that the article names neither. */
export function summaryOrigin(summary: Pick<Summary, "publisher" | "date">): string {
  return [summary.publisher, summary.date].filter((part): part is string => Boolean(part)).join(", ") || "publisher and date not stated";
}

/** Plain text for the terminal: header naming article, publisher and date, then one cited sentence per line. */
export function formatSummaryText(summary: Summary): string {
  const scope =
    summary.sectionNumber === null ? "" : ` of section ${summary.sectionNumber}${summary.section ? ` „${summary.section}“` : " (opening)"}`;
  const header = [
    `Summary${scope}: „${summary.articleTitle}“ — ${summaryOrigin(summary)}`,
    `(${summary.length}: ${summary.sentences.length} sentence${summary.sentences.length === 1 ? "" : "s"} quoted verbatim, in article order; ${summary.scoring} scoring)`,
  ];
  if (summary.sentences.length === 0) return [...header, "  (nothing in this part of the article can be quoted as a summary)"].join("\n");
  const lines = summary.sentences.map((sentence) => `  [¶${sentence.paragraph}] ${sentence.text}`);
  return [...header, ...lines, ...(summary.url ? [`Source: ${summary.url}`] : [])].join("\n");
}
