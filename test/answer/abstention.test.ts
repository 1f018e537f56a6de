import { describe, expect, it } from "vitest";
import { abstentionFeatures, decideOutcome, DEFAULT_THRESHOLDS, type AbstentionFeatures } from "../../src/answer/abstention.js";
import type { RetrievalHit, RetrievalResult } from "../../src/search/retriever.js";

function features(overrides: Partial<AbstentionFeatures> = {}): AbstentionFeatures {
  return {
    contentWords: 3,
    knownWords: 3,
    specificKnown: 2,
    coverage: 0.9,
    specificStrong: 2,
    unknownSpecific: 0,
    unknownDescribing: 0,
    anchors: 1,
    lexicalMargin: 2,
    wordMargin: 2,
    answerTypeMatched: null,
    cosineStandout: null,
    phrases: 0,
    narrowStrong: 2,
    ...overrides,
  };
}

describe("decideOutcome", () => {
  it("answers when the best passage covers the question and stands clear of the others", () => {
    expect(decideOutcome(features()).outcome).toBe("answered");
    expect(decideOutcome(features({ lexicalMargin: 1.05, coverage: 0.95, specificStrong: 1, narrowStrong: 1 })).outcome).toBe("answered");
  });

  it("needs a margin when the passage's specific words are all topics of the articles", () => {
    // "Kommt Kim nach Moskau?" in a report on Kim's visit: several passages hold both names.
    const topics = features({ lexicalMargin: 1.02, coverage: 1, specificStrong: 2, narrowStrong: 0 });
    expect(decideOutcome(topics).outcome).toBe("hedged");
    expect(decideOutcome({ ...topics, narrowStrong: 1 }).outcome).toBe("answered");
    expect(decideOutcome({ ...topics, lexicalMargin: 2 }).outcome).toBe("answered");
  });

  it("does not answer from a passage whose margin another one beats on whole words", () => {
    // Ahead on letters shared with the question, while another passage holds more of its words.
    const behindOnWords = decideOutcome(features({ wordMargin: 0.8, coverage: 0.6 }));
    expect(behindOnWords.outcome).toBe("hedged");
    expect(behindOnWords.reason).toMatch(/words 0\.80/);
    // A passage that holds nearly all of the question and a specific word stands clear on its own.
    expect(decideOutcome(features({ wordMargin: 0.8, lexicalMargin: 1.05, coverage: 0.95, narrowStrong: 1 })).outcome).toBe("answered");
    expect(decideOutcome(features({ wordMargin: 1, coverage: 0.6 })).outcome).toBe("answered");
  });

  it("answers from a passage far ahead on whole words although letter grams blur the margin", () => {
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.6, wordMargin: 3 })).outcome).toBe("answered");
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.6, wordMargin: 2.9 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.6, wordMargin: Number.POSITIVE_INFINITY })).outcome).toBe("answered");
    // Not for a lead from bridges alone, without a specific word of the question held for sure.
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.6, wordMargin: 6, narrowStrong: 0 })).outcome).toBe("hedged");
    // Not for a passage that covers too little of the question.
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.3, wordMargin: 5 })).outcome).toBe("hedged");
  });

  it("hedges when no passage stands clear, or the passage lacks the kind of thing asked for", () => {
    expect(decideOutcome(features({ lexicalMargin: 1.1, coverage: 0.6 })).outcome).toBe("hedged");
    const untyped = decideOutcome(features({ answerTypeMatched: false }));
    expect(untyped.outcome).toBe("hedged");
    expect(untyped.reason).toMatch(/kind of thing/);
    expect(decideOutcome(features({ coverage: 0.3 })).outcome).toBe("hedged");
    const unmentioned = decideOutcome(features({ unknownSpecific: 1 }));
    expect(unmentioned.outcome).toBe("hedged");
    expect(unmentioned.reason).toMatch(/do not mention/);
  });

  it("answers although a describing word is missing from the articles, beside enough words they have", () => {
    // "Was ist durch die Sanktionen gegen Nordkorea verboten?": "verboten" is the question's wording, not a new thing.
    expect(decideOutcome(features({ unknownSpecific: 1, unknownDescribing: 1 })).outcome).toBe("answered");
    // A missing noun beside it still hedges; so does a describing word beside a single known word ("reset my router").
    expect(decideOutcome(features({ unknownSpecific: 2, unknownDescribing: 1 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ unknownSpecific: 1, unknownDescribing: 1, knownWords: 1 })).outcome).toBe("hedged");
  });

  it("does not answer outright when the question shares no topic or rare word with the articles, unless a passage stands out", () => {
    // "how many legs does a spider have" beside a school report: "spider" reaches "Programm" (a web crawler), an ordinary word there.
    const ordinary = decideOutcome(features({ anchors: 0 }));
    expect(ordinary.outcome).toBe("hedged");
    expect(ordinary.reason).toMatch(/no topic or rare word/);
    expect(decideOutcome(features({ anchors: 0, cosineStandout: 3 })).outcome).toBe("answered");
  });

  it("hedges a question made only of the articles' subject and everyday words, and refuses everyday words alone", () => {
    const subjectOnly = { specificKnown: 0, specificStrong: 0, narrowStrong: 0, coverage: 0.8, lexicalMargin: 1.5, wordMargin: 1.5 };
    expect(decideOutcome(features(subjectOnly)).outcome).toBe("hedged");
    // "würde nordkorea umsonst helfen?": the subject and one everyday word of the passage, shown as the closest one.
    expect(decideOutcome(features({ specificKnown: 0, specificStrong: 0, coverage: 0.22 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ specificKnown: 0, specificStrong: 0, coverage: DEFAULT_THRESHOLDS.hedgeCoverage / 2 })).outcome).toBe("refused");
    // "What's the weather tomorrow?": "weather" and "tomorrow" are in a report on a harbour strike, but neither is one of its topics.
    const everyday = decideOutcome(features({ specificKnown: 0, specificStrong: 0, anchors: 0, coverage: 0.85 }));
    expect(everyday.outcome).toBe("refused");
    expect(everyday.reason).toMatch(/everyday words/);
  });

  it("shows the closest passage for a question of the articles' subject worded with a describing word they lack, not for one naming something they lack", () => {
    // "why is north korea valuable to russia": "valuable" describes; "Wie heißt Kims Schwester?": "Schwester" names.
    const subjectOnly = {
      specificKnown: 0,
      specificStrong: 0,
      narrowStrong: 0,
      knownWords: 2,
      unknownSpecific: 1,
      coverage: 0.64,
      lexicalMargin: 1.2,
      wordMargin: 2.2,
    };
    expect(decideOutcome(features({ ...subjectOnly, unknownDescribing: 1 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ ...subjectOnly, unknownDescribing: 0 })).outcome).toBe("refused");
    // Beside a single word the articles have, the describing word may be what the question is about.
    expect(decideOutcome(features({ ...subjectOnly, knownWords: 1, unknownDescribing: 1 })).outcome).toBe("refused");
  });

  it("answers a question of the articles' subject and everyday words when they single one passage out", () => {
    // "What does North Korea get in return?": the passage on what Moscow could give Pyongyang leads far on both scores.
    const subjectOnly = { specificKnown: 0, specificStrong: 0, narrowStrong: 0, coverage: 0.85, lexicalMargin: 3.1, wordMargin: 4.2 };
    expect(decideOutcome(features(subjectOnly)).outcome).toBe("answered");
    // A far lead on one score alone, too little of the question covered, or a passage without the kind of thing asked for: the closest passage.
    expect(decideOutcome(features({ ...subjectOnly, wordMargin: 1.8 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ ...subjectOnly, lexicalMargin: 1.8 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ ...subjectOnly, coverage: 0.3 })).outcome).toBe("hedged");
    expect(decideOutcome(features({ ...subjectOnly, answerTypeMatched: false })).outcome).toBe("hedged");
  });

  it("refuses what does not relate to the articles", () => {
    expect(decideOutcome(features({ contentWords: 0, knownWords: 0 })).outcome).toBe("refused");
    expect(decideOutcome(features({ knownWords: 0 })).outcome).toBe("refused");
    expect(decideOutcome(features({ specificKnown: 0, specificStrong: 0, unknownSpecific: 1, coverage: 0.5 })).outcome).toBe("refused");
    expect(decideOutcome(features({ specificStrong: 0, unknownSpecific: 2, coverage: 0.3 })).outcome).toBe("refused");
    expect(decideOutcome(features({ coverage: DEFAULT_THRESHOLDS.hedgeCoverage / 2 })).outcome).toBe("refused");
    // "wann fährt der nächste ICE nach Hamburg": one everyday verb matched, two of its own words unknown.
    expect(decideOutcome(features({ specificStrong: 1, unknownSpecific: 2, coverage: 0.35, lexicalMargin: 1.2 })).outcome).toBe("refused");
    expect(decideOutcome(features({ specificStrong: 2, unknownSpecific: 1, coverage: 0.35, lexicalMargin: 1.2 })).outcome).toBe("hedged");
  });

  it("refuses a question whose shared words are all ordinary when it names something the articles never mention", () => {
    // "was läuft heute im Kino": one ordinary verb in common, "Kino" nowhere, neither the articles' subject nor a rare word.
    const ordinary = features({ specificStrong: 1, specificKnown: 1, unknownSpecific: 1, coverage: 0.45, anchors: 0 });
    const refused = decideOutcome(ordinary);
    expect(refused.outcome).toBe("refused");
    expect(refused.reason).toMatch(/no subject or rare word/);
    // The same with a name or the articles' subject in common is about them.
    expect(decideOutcome({ ...ordinary, anchors: 1 }).outcome).toBe("hedged");
    // Nothing it lacks: ordinary words alone still make the closest passage worth showing.
    expect(decideOutcome({ ...ordinary, unknownSpecific: 0, lexicalMargin: 1.1 }).outcome).toBe("hedged");
    // A passage that stands out in meaning is not refused on words alone.
    expect(decideOutcome({ ...ordinary, cosineStandout: DEFAULT_THRESHOLDS.answerStandout + 0.1 }).outcome).not.toBe("refused");
  });

  it("lets embeddings rescue weaker lexical evidence only by how far the passage stands out from the question's others", () => {
    const weak = features({ coverage: 0.35, lexicalMargin: 1.05 });
    expect(decideOutcome(weak).outcome).toBe("hedged");
    expect(decideOutcome({ ...weak, cosineStandout: DEFAULT_THRESHOLDS.answerStandout + 0.1 }).outcome).toBe("answered");
    expect(decideOutcome({ ...weak, cosineStandout: 0.5 }).outcome).toBe("hedged");
  });
});

describe("abstentionFeatures", () => {
  /** A passage of article "a" with raw lexical and whole-word scores. */
  const hit = (paragraph: number, score: number, words: number): RetrievalHit => ({
    id: `a#${paragraph}`,
    fused: score,
    lexical: score,
    cosine: null,
    lexicalHit: { id: `a#${paragraph}`, score, bm25: score, wordScore: words, ngramScore: 0, tokenStrength: [1], tokenCertain: [true], coverage: 1 },
  });
  const resultOf = (hits: RetrievalHit[]): RetrievalResult => ({
    mode: "lexical",
    tokens: [],
    questionLanguage: "de",
    hits,
    topCosine: null,
    cosineSpread: null,
    topLexical: hits[0]?.lexicalHit ?? null,
    article: "a",
  });

  it("weighs the best passage against those that also hold the kind of thing asked for, or all when none does", () => {
    // ¶2 names the date asked for; ¶1, close behind, names none; ¶3, far behind, names another.
    const best = hit(2, 30, 10);
    const far = hit(3, 10, 4);
    const result = resultOf([best, hit(1, 25, 9), far]);
    const dated = new Set([best, far]);
    const typed = abstentionFeatures(result, best, true, 0, (entry) => dated.has(entry));
    expect([typed.lexicalMargin, typed.wordMargin]).toEqual([3, 2.5]);
    const untyped = abstentionFeatures(result, best, null, 0);
    expect([untyped.lexicalMargin, untyped.wordMargin]).toEqual([30 / 25, 10 / 9]);
    // No other passage holds the kind (it is read loosely): every passage counts.
    expect(abstentionFeatures(result, best, true, 0, (entry) => entry === best).lexicalMargin).toBe(30 / 25);
  });
});
