import { describe, expect, it } from "vitest";
import { devQuestionSplit, loadDevQuestions } from "../../src/search/dev-questions.js";

describe("development question sets", () => {
  it("seals the fourth set, the page-copy set and every third multi-article question, nothing else", () => {
    expect(devQuestionSplit({ id: "dev4-017" })).toBe("sealed");
    expect(devQuestionSplit({ id: "sealedpg-017" })).toBe("sealed");
    expect(devQuestionSplit({ id: "dev3-017" })).toBe("calibrate");
    expect(devQuestionSplit({ id: "dev2-017" })).toBe("calibrate");
    expect(devQuestionSplit({ id: "multi-003" })).toBe("sealed");
    expect(devQuestionSplit({ id: "multi-004" })).toBe("calibrate");
    expect(devQuestionSplit({ id: "ukr-004" })).toBe("calibrate");
    expect(devQuestionSplit({ id: "dev-off-de-003" })).toBe("calibrate");
  });

  it("every answerable question names its article, every unanswerable one none", async () => {
    for (const file of [
      "dev-questions.jsonl",
      "dev-questions-2.jsonl",
      "dev-questions-3.jsonl",
      "dev-questions-4.jsonl",
      "dev-questions-multi.jsonl",
      "dev-questions-ukraine.jsonl",
      "dev-questions-sealed-pages.jsonl",
      "dev-questions-offtopic.jsonl",
    ]) {
      const questions = await loadDevQuestions(`test/fixtures/${file}`);
      expect(questions.length, file).toBeGreaterThanOrEqual(40);
      for (const question of questions) {
        expect(question.article !== null, `${file} ${question.id}`).toBe(question.answerable);
        expect(question.paragraphs.length > 0, `${file} ${question.id}`).toBe(question.answerable);
      }
    }
  });
});
