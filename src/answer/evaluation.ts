import type { DevQuestion } from "../search/dev-questions.js";
import type { Answer } from "./types.js";

/** What a member sees: an answer, the closest passage shown as such, or a refusal. */
export type AnswerOutcome = "answered" | "hedged" | "refused";

export function answerOutcome(answer: Pick<Answer, "answered" | "hedged">): AnswerOutcome {
  if (!answer.answered) return "refused";
  return answer.hedged ? "hedged" : "answered";
}

export interface LanguageQuality {
  questions: number;
  /** The first passage is a right one and the question was not refused. */
  right: number;
  /** Right and given without a hedge. */
  rightUnhedged: number;
  /** Answered without a hedge from a wrong passage: the failure that matters most. */
  wrong: number;
  /** Hedged from a wrong passage (shown as "may not answer this"). */
  wrongHedged: number;
  /** The first passage is a right one, whatever the outcome. */
  rankedFirst: number;
  /**
   * Answered from the article's own details or its summary (a question
   * about the article itself, see Answer.articleFacts, or asking for a
   * summary, see Answer.summary): neither right nor wrong by a paragraph.
   */
  fromDetails: number;
}

export interface AnswerQuality {
  answerable: Record<"de" | "en", LanguageQuality>;
  offTopic: { questions: number; refused: number; unhedged: number };
  nearTopic: { questions: number; refused: number; unhedged: number };
}

const emptyLanguage = (): LanguageQuality => ({ questions: 0, right: 0, rightUnhedged: 0, wrong: 0, wrongHedged: 0, rankedFirst: 0, fromDetails: 0 });

/** Tallies answers to development questions the way the quality goals are stated. */
export function answerQuality(items: readonly { question: DevQuestion; answer: Answer }[]): AnswerQuality {
  const quality: AnswerQuality = {
    answerable: { de: emptyLanguage(), en: emptyLanguage() },
    offTopic: { questions: 0, refused: 0, unhedged: 0 },
    nearTopic: { questions: 0, refused: 0, unhedged: 0 },
  };
  for (const { question, answer } of items) {
    const outcome = answerOutcome(answer);
    if (!question.answerable) {
      const bucket = question.kind === "off-topic" ? quality.offTopic : quality.nearTopic;
      bucket.questions += 1;
      if (outcome === "refused") bucket.refused += 1;
      if (outcome === "answered") bucket.unhedged += 1;
      continue;
    }
    const bucket = quality.answerable[question.lang];
    bucket.questions += 1;
    const first = answer.citations[0] ?? answer.ranking[0];
    // With several articles, paragraph 3 of another article is not the answer.
    const rightFirst = first !== undefined && first.articleId === question.article && question.paragraphs.includes(first.paragraph);
    if (rightFirst) bucket.rankedFirst += 1;
    if (answer.articleFacts || answer.summary || answer.summaryChoices || answer.sectionChoices) {
      bucket.fromDetails += 1;
      continue;
    }
    if (outcome === "refused") continue;
    if (rightFirst) {
      bucket.right += 1;
      if (outcome === "answered") bucket.rightUnhedged += 1;
    } else if (outcome === "answered") bucket.wrong += 1;
    else bucket.wrongHedged += 1;
  }
  return quality;
}

const share = (count: number, total: number): string => (total === 0 ? "–" : (count / total).toFixed(2));

export function formatAnswerQuality(title: string, quality: AnswerQuality): string {
  const lines = [title];
  for (const language of ["de", "en"] as const) {
    const bucket = quality.answerable[language];
    lines.push(
      `  ${language === "de" ? "German " : "English"} ${String(bucket.questions).padStart(3)} answerable: right ${bucket.right} (${share(bucket.right, bucket.questions)}), ` +
        `unhedged right ${bucket.rightUnhedged} (${share(bucket.rightUnhedged, bucket.questions)}), wrong ${bucket.wrong}, wrong but hedged ${bucket.wrongHedged}, ` +
        `ranked first ${bucket.rankedFirst} (${share(bucket.rankedFirst, bucket.questions)})` +
        (bucket.fromDetails > 0 ? `, answered from the article's details ${bucket.fromDetails}` : ""),
    );
  }
  for (const [label, bucket] of [
    ["off-topic ", quality.offTopic],
    ["near-topic", quality.nearTopic],
  ] as const) {
    lines.push(`  ${label} ${String(bucket.questions).padStart(3)}: refused ${bucket.refused}, answered without a hedge ${bucket.unhedged}`);
  }
  return lines.join("\n");
}
