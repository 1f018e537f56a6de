import { describe, expect, it } from "vitest";
import { paragraphRequested } from "../../src/answer/paragraph-request.js";

describe("paragraphRequested", () => {
  it.each([
    ["was steht in Absatz 3?", 3],
    ["what does paragraph 12 say", 12],
    ["¶7", 7],
    ["zeig mir ¶ 14", 14],
    ["und Abs. 2?", 2],
    ["paragraph no. 5 please", 5],
  ])("reads %j as a request for ¶%i", (question, number) => {
    expect(paragraphRequested(question)).toBe(number);
  });

  it.each([["Wann war das 70. Jubiläum?"], ["what happened in 2019"], ["Welche Absätze handeln von Sanktionen?"], ["the paragraph about food"]])(
    "finds no paragraph number in %j",
    (question) => {
      expect(paragraphRequested(question)).toBeNull();
    },
  );
});
