import { articleOfPassage } from "../search/article-scope.js";
import type { QueryToken } from "../search/query-analysis.js";
import { cosineStandout, type RetrievalHit, type RetrievalResult } from "../search/retriever.js";

/**
 * Decides whether the articles answer a question, show only their closest
 * passage ("hedged"), or do not relate to it at all ("refused"). Every
 * feature means the same on any article: shares of the question's own words,
 * how common those words are in general language (a dictionary frequency),
 * how widely they are spread over the passages, whether the passage holds the
 * kind of thing asked for, how far its score leads the others' (with and
 * without the letter-gram channel), and for embeddings how far the best passage
 * stands out from the question's other passages. None is a score on one
 * article's scale.
 */

export type Outcome = "answered" | "hedged" | "refused";

export interface AbstentionFeatures {
  /** Question words after stop-word removal. */
  contentWords: number;
  /** Question words that occur in the indexed articles, as written or through a synonym or translation. */
  knownWords: number;
  /** Question words that are specific (see isSpecific) and occur in the articles. */
  specificKnown: number;
  /** IDF-weighted share of question words found in the best passage (0..1). */
  coverage: number;
  /** Specific question words the best passage holds for sure: as written, translated or with a typo corrected. */
  specificStrong: number;
  /** Question words that are neither everyday language nor anywhere in the articles (not even through a bridge). */
  unknownSpecific: number;
  /**
   * Those of them that describe rather than name (verbs, adjectives, adverbs:
   * "verboten", "imposed"): often the question's own wording of what a
   * passage says, where a missing noun ("Kims Schwester") is something the
   * articles do not mention.
   */
  unknownDescribing: number;
  /**
   * Question words the articles hold that tie the question to them: one of
   * their topics (in a quarter of the passages or more) or a rare word or
   * name. A question whose shared words are all ordinary ("läuft", "won")
   * shares no topic with them.
   */
  anchors: number;
  /** Best lexical score divided by the runner-up's (1 when there is none). */
  lexicalMargin: number;
  /**
   * The same over whole words alone, without the letter-gram channel: below 1
   * another passage holds more of the question's words (or their bridges)
   * and leads only on shared letters; far above 1 the best passage stands
   * clear although letter grams blur the lexical margin.
   */
  wordMargin: number;
  /** Whether the best passage holds the kind of thing the question asks for; null when it asks for no kind. */
  answerTypeMatched: boolean | null;
  /** With embeddings: the best passage's cosine in standard deviations above the question's mean. */
  cosineStandout: number | null;
  /** Pairs of ordinary question words the best passage holds side by side, as one name ("Weißes Haus"); each counts as a specific word. */
  phrases: number;
  /** Specific words the best passage holds for sure that are in fewer than a third of the passages (see SINGLING_OUT_SPREAD). */
  narrowStrong: number;
}

export interface AbstentionThresholds {
  /** Coverage from which the best passage answers (with a clear margin). */
  answerCoverage: number;
  /** Best lexical score over the runner-up's from which the best passage stands clear of the others. */
  answerMargin: number;
  /**
   * A passage that covers this much of the question, with at least
   * `clearSpecific` specific words in fewer than a third of the passages,
   * answers even without a margin. A word in more ("Kim" in a report on
   * Kim's journey) is held by many passages alike, so holding it does not
   * single one out: the margin must.
   */
  clearCoverage: number;
  clearSpecific: number;
  /** A passage that does not lead on whole words by at least this much is not answered from (see AbstentionFeatures.wordMargin). */
  wordLead: number;
  /** A whole-word lead from which a passage covering the question stands clear whatever the lexical margin. */
  clearWordMargin: number;
  /** Below this coverage the best passage is not even shown as the closest one. */
  hedgeCoverage: number;
  /** A question with more words the articles lack entirely than specific words matched for sure is refused below this coverage. */
  unknownWordsCoverage: number;
  /** With embeddings: standout from which a passage answers on weaker lexical evidence. */
  answerStandout: number;
  /** With embeddings: the weakest coverage a standing-out passage may rescue. */
  standoutCoverage: number;
  /**
   * A describing word the articles lack (see AbstentionFeatures.unknownDescribing) leaves an answer standing
   * beside at least this many question words they have; beside fewer, it may be what the question is about.
   */
  describedKnown: number;
  /**
   * A question of the articles' subject and everyday words alone is answered when the best passage leads the
   * runner-up by this factor on both the lexical score and whole words: its everyday words single that passage out.
   */
  subjectMargin: number;
}

/** Calibrated on the calibration part of the development questions (see test/fixtures/README.md). */
export const DEFAULT_THRESHOLDS: AbstentionThresholds = {
  answerCoverage: 0.4,
  answerMargin: 1.4,
  clearCoverage: 0.9,
  clearSpecific: 1,
  wordLead: 1,
  clearWordMargin: 3,
  hedgeCoverage: 0.1,
  unknownWordsCoverage: 0.6,
  answerStandout: 2.5,
  standoutCoverage: 0.3,
  describedKnown: 2,
  subjectMargin: 2,
};

/** A dictionary frequency class from which a word is everyday language ("bekommen", "Jahr", "get"). */
export const EVERYDAY_WORD_CLASS = 11;
/** Words in more than this share of the passages are the articles' subject, not a question's specifics. */
export const SUBJECT_SPREAD = 0.5;

/** A dictionary frequency class up to which a word is rare (names have none: class 0). */
export const RARE_WORD_CLASS = 8;
/** Words in at least this share of the passages are one of the articles' topics ("library" in a report on a library fire). */
export const TOPIC_SPREAD = 0.25;
/**
 * Words in at least this share of the passages are too widespread to single
 * one passage out ("Kim" in a report on Kim's journey): a passage holding them
 * all still needs a margin over the next (see AbstentionThresholds.clearCoverage).
 */
export const SINGLING_OUT_SPREAD = 1 / 3;

/** A word that narrows the question down: not everyday language, and not in most passages. */
export function isSpecific(token: QueryToken): boolean {
  return token.commonness < EVERYDAY_WORD_CLASS && token.spread <= SUBJECT_SPREAD;
}

/** A word the articles have, as written or through a synonym, translation or spelling. */
export const isKnown = (token: QueryToken): boolean => token.known || token.expansions.length > 0;

/** A question word neither everyday language nor anywhere in the articles, not even through a bridge. */
const isUnknownSpecific = (token: QueryToken): boolean => !isKnown(token) && token.commonness < EVERYDAY_WORD_CLASS;

/**
 * The features of the passage that would be shown first (`best`), against the question and the other passages.
 * `holdsAnswerType`: which passages hold the kind of thing the question asks for, when `best` does.
 */
export function abstentionFeatures(
  result: RetrievalResult,
  best: RetrievalHit | null,
  answerTypeMatched: boolean | null,
  phrases: number,
  holdsAnswerType?: (hit: RetrievalHit) => boolean,
): AbstentionFeatures {
  const top = best?.lexicalHit ?? null;
  // The margin is over raw match strength: a passage ranked first for covering more of the question must
  // still match clearly more strongly than the others to be answered without a hedge. The others are its
  // article's paragraphs: those of other articles come from another ranking (see Retriever.search), on
  // another scale.
  const article = best ? articleOfPassage(best.id) : null;
  const sameArticle = result.hits.filter((hit) => hit.lexicalHit !== null && hit.lexicalHit !== top && articleOfPassage(hit.id) === article);
  // A passage without the kind of thing asked for ("Wann wurde Brightloop gegründet?": no date) cannot answer in the
  // best one's place, so the margin is over those that hold it. The kind is read loosely (any number, any date),
  // so when no other passage holds it, all of them count, as for a question asking for no kind.
  const typed = holdsAnswerType ? sameArticle.filter(holdsAnswerType) : [];
  const others = (typed.length > 0 ? typed : sameArticle).flatMap((hit) => (hit.lexicalHit ? [hit.lexicalHit] : []));
  const runnerUp = Math.max(0, ...others.map((hit) => hit.bm25).filter((score) => top === null || score !== top.bm25));
  const wordRunnerUp = Math.max(0, ...others.map((hit) => hit.wordScore));
  const certain = (index: number): boolean => top?.tokenCertain[index] ?? false;
  const topCosine = best?.cosine ?? null;
  return {
    contentWords: result.tokens.length,
    knownWords: result.tokens.filter(isKnown).length,
    specificKnown: result.tokens.filter((token) => isKnown(token) && isSpecific(token)).length + phrases,
    coverage: top?.coverage ?? 0,
    specificStrong: result.tokens.filter((token, index) => isSpecific(token) && certain(index)).length + phrases,
    unknownSpecific: result.tokens.filter(isUnknownSpecific).length,
    unknownDescribing: result.tokens.filter((token) => isUnknownSpecific(token) && token.describing === true).length,
    anchors: result.tokens.filter((token) => isKnown(token) && (token.spread >= TOPIC_SPREAD || token.commonness <= RARE_WORD_CLASS)).length + phrases,
    lexicalMargin: top && runnerUp > 0 ? top.bm25 / runnerUp : 1,
    wordMargin: marginOver(top?.wordScore ?? 0, wordRunnerUp),
    answerTypeMatched,
    cosineStandout: topCosine !== null && result.cosineSpread ? cosineStandout(topCosine, result.cosineSpread) : null,
    phrases,
    narrowStrong: result.tokens.filter((token, index) => isSpecific(token) && certain(index) && token.spread < SINGLING_OUT_SPREAD).length + phrases,
  };
}

/** A score over the runner-up's: 1 when neither scores, and a lead without any runner-up counts as clear. */
function marginOver(best: number, runnerUp: number): number {
  if (runnerUp > 0) return best / runnerUp;
  return best > 0 ? Number.POSITIVE_INFINITY : 1;
}

export interface AbstentionDecision {
  outcome: Outcome;
  reason: string | null;
  features: AbstentionFeatures;
}

export function decideOutcome(features: AbstentionFeatures, thresholds: AbstentionThresholds = DEFAULT_THRESHOLDS): AbstentionDecision {
  const decide = (outcome: Outcome, reason: string | null): AbstentionDecision => ({ outcome, reason, features });
  if (features.contentWords === 0) return decide("refused", "the question has no content words");
  if (features.knownWords === 0) return decide("refused", "none of the question's words occur in the articles");
  const standsOut = features.cosineStandout !== null && features.cosineStandout >= thresholds.answerStandout;
  const described = `coverage ${features.coverage.toFixed(2)}, margin ${features.lexicalMargin.toFixed(2)} (words ${features.wordMargin.toFixed(2)}), specific ${features.specificStrong}${
    features.cosineStandout === null ? "" : `, cosine standout ${features.cosineStandout.toFixed(2)}`
  }`;
  // A describing word the articles lack (see AbstentionFeatures.unknownDescribing) beside enough of the question's words
  // they have is its own wording ("verboten" for a passage on what sanctions forbid), not something they never mention.
  // The refusals below count it all the same: beside more missing words than matched ones, it is part of another subject.
  const describedOnly = features.knownWords >= thresholds.describedKnown ? features.unknownDescribing : 0;
  const unknownNamed = features.unknownSpecific - describedOnly;
  if (features.specificKnown === 0 && !standsOut) {
    // Only the articles' subject and everyday words ("What does North Korea get?"): about them, but nothing pins a
    // passage down, so the closest one is shown as such, from the coverage any question needs for that. Everyday
    // words alone, none of them a topic of the articles ("weather tomorrow"), are not about them; nor is a question
    // naming something they lack ("Wie heißt Kims Schwester?"), though one that describes ("why is North Korea
    // valuable to Russia") is.
    if (unknownNamed === 0 && features.anchors > 0 && features.coverage >= thresholds.hedgeCoverage) {
      // Unless the everyday words single one passage out: it leads the others far on both scores ("What does North
      // Korea get in return?" meets the passage on what Moscow could give Pyongyang, far ahead of the rest).
      const singledOut =
        features.coverage >= thresholds.answerCoverage &&
        Math.min(features.lexicalMargin, features.wordMargin) >= thresholds.subjectMargin &&
        features.answerTypeMatched !== false;
      if (singledOut) return decide("answered", null);
      return decide("hedged", `only the articles' subject matched (${described})`);
    }
    return decide("refused", "the question shares only everyday words or the articles' subject with them");
  }
  // More of the question's own words missing from the articles than matched for sure: it is about something else.
  if (!standsOut && features.unknownSpecific > features.specificStrong && features.coverage < thresholds.unknownWordsCoverage) {
    return decide("refused", `the question's own words are not in the articles (${described})`);
  }
  // Ordinary words in common and something the articles never mention ("Was läuft heute im Kino?"): about something else.
  if (!standsOut && features.anchors === 0 && features.unknownSpecific > 0) {
    return decide("refused", `the question shares no subject or rare word with the articles and names something they do not mention (${described})`);
  }
  // A passage holding a specific word of the question for sure that covers nearly all of it stands clear; so does one
  // that leads the others far on whole words (a lead from bridges alone proves less).
  const narrow = features.narrowStrong >= thresholds.clearSpecific;
  const covers = narrow && features.coverage >= thresholds.clearCoverage;
  const leadsFarOnWords = narrow && features.wordMargin >= thresholds.clearWordMargin;
  // A margin won on letters the passage shares with the question, while another passage holds more of its words, may
  // be the wrong passage's ("was stand in den Briefen …": the one that mentions the letters leads on letters alone).
  const standsClear = (features.lexicalMargin >= thresholds.answerMargin && features.wordMargin >= thresholds.wordLead) || covers || leadsFarOnWords;
  const lexicalAnswer = features.coverage >= thresholds.answerCoverage && standsClear;
  const denseAnswer = standsOut && features.coverage >= thresholds.standoutCoverage;
  if (lexicalAnswer || denseAnswer) {
    if (features.answerTypeMatched === false) return decide("hedged", `the closest passage does not hold the kind of thing asked for (${described})`);
    // A question naming something the articles never mention ("Kims Schwester") is not answered by a passage about the rest of it.
    if (unknownNamed > 0) return decide("hedged", `the articles do not mention all of the question's words (${described})`);
    // Only ordinary words in common, none a topic of the articles or a rare word: a passage may use them in another
    // sense altogether ("how many legs does a spider have" meets "Programm", a sense of "spider", beside a school report).
    if (!standsOut && features.anchors === 0) return decide("hedged", `the question shares no topic or rare word with the articles (${described})`);
    return decide("answered", null);
  }
  if (features.coverage >= thresholds.hedgeCoverage || standsOut) return decide("hedged", `no passage stands clear of the others (${described})`);
  return decide("refused", `weak match (${described})`);
}
