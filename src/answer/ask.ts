import { isTeaserSentence } from "../content/parse.js";
import { memoized } from "../lru-map.js";
import type { Article, Paragraph } from "../content/types.js";
import { detectLanguage, stem, type Language } from "../search/analyzer.js";
import { countryWords } from "../search/country-words.js";
import type { Lexicons } from "../search/lexicons.js";
import { inOtherLanguage } from "../search/other-language.js";
import { withoutRequestWrapper } from "../search/request-wrappers.js";
import { tokenWeight, type QueryContext, type QueryToken } from "../search/query-analysis.js";
import { cosineStandout, type RetrievalHit, type RetrievalResult, type Retriever } from "../search/retriever.js";
import { phraseMatches } from "./phrase-match.js";
import { abstentionFeatures, isSpecific, decideOutcome, type AbstentionDecision, type AbstentionThresholds } from "./abstention.js";
import { questionAnswerType, sentenceHasAnswerType, type AnswerType } from "./answer-types.js";
import { smallTalkOf } from "./small-talk.js";
import { namesYear, questionTimeFrame, sentenceTimeFrame } from "./time-frame.js";
import { officeHolding, officeQuestion, type OfficeQuestion } from "./office-holder.js";
import { makeCitation } from "./citation.js";
import { chooseExcerpt, sentenceScore, type SentenceLanguages } from "./excerpt.js";
import type { Answer, Citation } from "./types.js";

/** What answering needs of the current index. */
export interface AskIndex {
  retriever: Retriever;
  paragraphById: Pick<ReadonlyMap<string, { article: Article; paragraph: Paragraph }>, "get">;
  /** The articles' main language. */
  language: Language;
}

export interface AskSettings {
  thresholds: AbstentionThresholds;
  /** Citations shown with an answer, at most. */
  maxCitations: number;
  /** Passages listed in `ranking` (for `--json` and benchmarks), at most. */
  rankingSize: number;
  /** How much a passage that holds the kind of thing asked for (a date for "wann") gains in the ranking. */
  answerTypeBoost: number;
  lexicons: Lexicons;
}

/** What a conversation adds to a follow-up question (see conversation/follow-up.ts). */
export interface FollowUpFocus {
  /** Words of the earlier questions, weighted below the follow-up's own. */
  context: QueryContext;
  /** Passages the previous answer cited: a strong hint where the follow-up's answer is. */
  priorIds: ReadonlySet<string>;
  /** How much those passages gain in the ranking. */
  priorBoost: number;
  /** The kind of thing asked for, when the follow-up is too elliptic to say ("Und Putin?" after "Wann traf Kim Trump?"). */
  inheritedType: AnswerType | null;
  /** The earlier question the follow-up continues. */
  previousQuestion: string;
  /** The article the previous answer quoted: the follow-up is ranked within it. Null when the previous question was not answered. */
  article: string | null;
  /**
   * Set when none of the follow-up's own words is in the articles ("how old
   * is he?"): the passage found through the earlier words is then shown as
   * the closest one at most, never as the answer.
   */
  ownWordsUnknown?: boolean;
}

/** Passages looked at before the answer type re-orders them. */
const CANDIDATES = 10;
/**
 * What the score of a passage keeps when its dates all lie on the other side of its article's date than the question
 * asks about (see TimeQuestion): enough to be shown when nothing else is dated, not enough to outrank a passage whose
 * dates fit.
 */
const OTHER_TIME_FACTOR = 0.3;

/** A date question about the past or about something to come, read against each passage's article's date. */
interface TimeQuestion {
  asked: "past" | "coming";
  /** Whether the question says so; a plain present ("Wann trifft Kim Putin?") is read as "coming" without saying. */
  said: boolean;
}

/**
 * The time a date question asks about, from what it says (see questionTimeFrame). A plain present ("Wann trifft Kim
 * Putin?") may ask about what is to come or, less often, what was: a passage with only past dates is then no sure
 * answer (shown as the closest one), though it keeps its place. A question saying both has nothing to go by.
 */
function timeQuestionOf(frame: ReturnType<typeof questionTimeFrame>): TimeQuestion | null {
  if (frame === "past" || frame === "coming") return { asked: frame, said: true };
  return frame === null ? { asked: "coming", said: false } : null;
}

/** Whether a sentence's dates lie all on the other side of `articleDate` than the question asks about. */
function datedOtherwise(sentence: string, time: TimeQuestion, articleDate: string): boolean {
  const frame = sentenceTimeFrame(sentence, articleDate);
  return time.asked === "coming" ? frame === "past" : frame === "future";
}
/**
 * Kinds of thing so rarely said that a passage holding one next to the question's words answers the question before
 * any that does not, however much better those match its words: a vehicle or a way of travelling.
 */
const RARE_KINDS: ReadonlySet<AnswerType> = new Set(["transport"]);
/** Passages looked at for one that names the office asked about for the country asked about (see officeHolding). */
const OFFICE_CANDIDATES = 30;

interface Candidate {
  hit: RetrievalHit;
  article: Article;
  paragraph: Paragraph;
  score: number;
  /** Whether a sentence of the paragraph holds the kind of thing asked for next to a question word. */
  typeMatched: boolean;
}

/** Whether a paragraph holds the asked-for kind of thing, and whether only with dates on the wrong side (see answerTypeIn). */
type TypeHolding = "holds" | "datedOtherwise" | "none";

/**
 * Whether a paragraph holds the asked-for kind of thing in a sentence that carries a question word, or next to one.
 * `time`: for a date question about the past or something to come, with the article's date; a sentence whose dates
 * all lie on the other side of it holds no date for it (see sentenceTimeFrame), and when only such sentences hold
 * one, the paragraph is "datedOtherwise".
 */
function answerTypeIn(
  paragraph: Paragraph,
  type: AnswerType,
  tokens: readonly QueryToken[],
  lexicons: Lexicons,
  languages: SentenceLanguages,
  time: { question: TimeQuestion; articleDate: string } | null,
): TypeHolding {
  const carries = paragraph.sentences.map((sentence) => sentenceScore(sentence.text, tokens, languages) > 0);
  let datedOtherwiseOnly = false;
  for (const [position, sentence] of paragraph.sentences.entries()) {
    const near = carries[position] === true || carries[position - 1] === true || carries[position + 1] === true;
    if (!near || !sentenceHasAnswerType(sentence.text, type, lexicons)) continue;
    if (time !== null && type === "date" && datedOtherwise(sentence.text, time.question, time.articleDate)) datedOtherwiseOnly = true;
    else return "holds";
  }
  return datedOtherwiseOnly ? "datedOtherwise" : "none";
}

function candidatesOf(
  result: RetrievalResult,
  index: AskIndex,
  type: AnswerType | null,
  office: OfficeQuestion | null,
  time: TimeQuestion | null,
  settings: AskSettings,
  focus: FollowUpFocus | undefined,
): Candidate[] {
  const candidates: Candidate[] = [];
  const countryOf = countryWords(settings.lexicons);
  const entries = result.hits.flatMap((hit) => {
    const entry = index.paragraphById.get(hit.id);
    return entry ? [{ hit, entry, holding: office ? officeHolding(entry.paragraph.text, office, countryOf) : "unknown" }] : [];
  });
  // A passage that names the office for the country asked about holds its holder; beside one, the others do not.
  const holderNamed = entries.some(({ holding }) => holding === "asked");
  for (const { hit, entry, holding } of entries) {
    const articleDate = entry.article.date;
    const dated = time !== null && articleDate !== null ? { question: time, articleDate } : null;
    const kind =
      type === null ? "none" : answerTypeIn(entry.paragraph, type, result.tokens, settings.lexicons, sentenceLanguages(result, entry.paragraph), dated);
    const typeMatched = kind === "holds" && (holderNamed ? holding === "asked" : holding !== "others");
    const prior = focus?.priorIds.has(hit.id) ? 1 + focus.priorBoost : 1;
    // A passage whose dates near the question's words all lie on the other side says when something else happened
    // ("wann will Kim Putin treffen?" beside their meeting of 2019; "wann war Kim zum ersten Mal dort?" beside the
    // forum still to come): it moves down when the question says its time.
    const timeFactor = kind === "datedOtherwise" && dated?.question.said === true ? OTHER_TIME_FACTOR : 1;
    candidates.push({ hit, ...entry, score: hit.fused * (typeMatched ? 1 + settings.answerTypeBoost : 1) * prior * timeFactor, typeMatched });
  }
  // Article, then paragraph (see Retriever.search): the article the question is about keeps its passages first.
  const outside = (candidate: Candidate): number => (result.article !== null && candidate.article.id !== result.article ? 1 : 0);
  // Then, for a kind of thing few sentences hold, a passage holding it: it answers by what it says ("Anreisen wird
  // Nordkoreas Machthaber wohl mit einem speziellen Panzerzug" for "wie reist Kim nach Russland?").
  const rareKindFirst = (candidate: Candidate): number => (type !== null && RARE_KINDS.has(type) && candidate.typeMatched ? 0 : 1);
  return candidates.sort((left, right) => outside(left) - outside(right) || rareKindFirst(left) - rareKindFirst(right) || right.score - left.score);
}

/** Whether a runner-up passage on its own carries the question's words (or, with embeddings, stands out). */
function supportsQuestion(hit: RetrievalHit, result: RetrievalResult, thresholds: AbstentionThresholds): boolean {
  if ((hit.lexicalHit?.coverage ?? 0) >= thresholds.answerCoverage) return true;
  return hit.cosine !== null && result.cosineSpread !== null && cosineStandout(hit.cosine, result.cosineSpread) >= thresholds.answerStandout;
}

/** Teaser checks and paragraph languages: the same sentences and paragraphs come up question after question. */
const isTeaser = memoized(8_192, isTeaserSentence);
const paragraphLanguage = memoized(4_096, detectLanguage);

/** The stems a paragraph's sentences are matched on for this question (see SentenceLanguages). */
function sentenceLanguages(result: RetrievalResult, paragraph: Paragraph): SentenceLanguages {
  return { english: result.questionLanguage === "en" || paragraphLanguage(paragraph.text) === "en" };
}

function citationOf(candidate: Candidate, result: RetrievalResult, type: AnswerType | null, settings: AskSettings): Citation {
  // Preferring raises a sentence's score for the question's words, so only sentences that carry some gain.
  const prefer = type ? (text: string): boolean => sentenceHasAnswerType(text, type, settings.lexicons) : undefined;
  const excerpt = chooseExcerpt(candidate.paragraph, result.tokens, {
    maxSentences: 2,
    skipSentence: isTeaser,
    languages: sentenceLanguages(result, candidate.paragraph),
    ...(prefer ? { preferSentence: prefer } : {}),
  });
  return makeCitation(candidate.article, candidate.paragraph, excerpt.text, Number(candidate.score.toFixed(4)));
}

/** A question's retrieval and outcome, before any excerpt is chosen (cheap to compare, see conversation/follow-up.ts). */
interface RankedQuestion {
  question: string;
  /** The question's text as searched (see searchedQuestion). */
  analyzed: string;
  result: RetrievalResult;
  type: AnswerType | null;
  candidates: Candidate[];
  decision: AbstentionDecision;
  focus: FollowUpFocus | undefined;
}

/** Retrieval, answer type and outcome of one (normalised, non-empty) question; with a `focus`, read as a follow-up. */
async function rankQuestion(question: string, analyzed: string, index: AskIndex, settings: AskSettings, focus?: FollowUpFocus): Promise<RankedQuestion> {
  const type = questionAnswerType(analyzed) ?? focus?.inheritedType ?? null;
  // "Wer ist der Präsident von Südkorea?": a passage naming only other countries' presidents holds no such person.
  const office = type === "person" || type === "agent" ? officeQuestion(analyzed, countryWords(settings.lexicons)) : null;
  // The passage naming the office for the country may match few of the question's words ("Nordkoreas Diktator" for
  // "the leader of North Korea"): an office question looks further down the ranking for it.
  const limit = Math.max(office ? OFFICE_CANDIDATES : CANDIDATES, settings.rankingSize);
  const result = await index.retriever.search(analyzed, limit, focus?.context, focus?.article ?? undefined);
  // "Wann will Kim Putin treffen?": a date before the article's says when they met, not when they will meet.
  const isVerb = (word: string): boolean => settings.lexicons.verbForms.de.get(stem(word, "de")) !== undefined;
  const dateQuestion = type === "date" && !namesYear(analyzed);
  // "ich wüsste gern, wann …": the request around the question says nothing of its time.
  const asking = withoutRequestWrapper(analyzed);
  const time = dateQuestion ? timeQuestionOf(questionTimeFrame(asking, isVerb)) : null;
  const candidates = candidatesOf(result, index, type, office, time, settings, focus);
  const best = candidates[0];
  const phrases = best ? phraseMatches(result.tokens, best.paragraph.text, paragraphLanguage(best.paragraph.text), (token) => !isSpecific(token)) : 0;
  const typed = new Set(candidates.filter((candidate) => candidate.typeMatched).map((candidate) => candidate.hit));
  const holdsType = best?.typeMatched === true ? (hit: RetrievalHit): boolean => typed.has(hit) : undefined;
  const features = abstentionFeatures(result, best?.hit ?? null, type === null || !best ? null : best.typeMatched, phrases, holdsType);
  let decision = decideOutcome(features, settings.thresholds);
  if (focus?.ownWordsUnknown && decision.outcome === "answered") {
    decision = { ...decision, outcome: "hedged", reason: "the articles have none of the follow-up's own words" };
  }
  return { question, analyzed, result, type, candidates, decision, focus };
}

/** The answer to a ranked question: excerpts and citations of the passages shown. */
function composeAnswer(ranked: RankedQuestion, index: AskIndex, settings: AskSettings): Answer {
  const { question, analyzed, result, type, candidates, decision, focus } = ranked;
  const best = candidates[0];
  const ranking = candidates.slice(0, settings.rankingSize).map((candidate) => citationOf(candidate, result, type, settings));
  const citations: Citation[] = [];
  if (decision.outcome !== "refused" && best) {
    const shown = decision.outcome === "hedged" ? 1 : settings.maxCitations;
    candidates.forEach((candidate, position) => {
      if (citations.length >= shown) return;
      // Runners-up far behind the best passage, or covering little of the question, add noise, not evidence.
      if (position > 0 && (candidate.score < best.score * 0.5 || !supportsQuestion(candidate.hit, result, settings.thresholds))) return;
      // An answer quotes the article it is from; other articles' passages stay in the ranking.
      if (candidate.article.id !== best.article.id) return;
      const cited = ranking[position] ?? citationOf(candidate, result, type, settings);
      citations.push(cited);
    });
  }
  const answered = decision.outcome !== "refused" && citations.length > 0;
  const answer: Answer = {
    question,
    answered,
    hedged: answered && decision.outcome === "hedged",
    mode: result.mode,
    citations,
    ranking,
    features: decision.features,
  };
  if (type) answer.answerType = type;
  if (focus) {
    const carriedWords = result.tokens.filter((token) => tokenWeight(token) < 1).map((token) => token.surface);
    answer.followUp = { previousQuestion: focus.previousQuestion, carriedWords };
  }
  const quoteLanguage = best ? paragraphLanguage(best.paragraph.text) : index.language;
  if (answered && result.questionLanguage !== quoteLanguage) answer.quoteLanguage = quoteLanguage;
  if (!answered) {
    answer.abstainReason = decision.reason ?? "no passage found";
    // Thanks such as "merci" or "cheers" are content words to the analyzer, yet a reply in kind is what they want.
    const smallTalk = smallTalkOf(question);
    if (smallTalk) answer.smallTalk = smallTalk;
    if (decision.features.contentWords === 0) answer.noSearchWords = true;
    else if (!smallTalk) {
      if (inOtherLanguage(analyzed, settings.lexicons)) answer.otherLanguage = true;
      else if (result.mode === "lexical" && result.questionLanguage !== index.language) answer.languageMismatch = true;
    }
  } else if (decision.outcome === "hedged" && decision.reason) answer.hedgeReason = decision.reason;
  return answer;
}

/** Answers one (normalised, non-empty) question from the index: retrieval, answer type, outcome, citations. */
export async function answerQuestion(question: string, analyzed: string, index: AskIndex, settings: AskSettings, focus?: FollowUpFocus): Promise<Answer> {
  return composeAnswer(await rankQuestion(question, analyzed, index, settings, focus), index, settings);
}
