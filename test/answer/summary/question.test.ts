import { describe, expect, it } from "vitest";
import { summaryQuestion } from "../../../src/answer/summary/question.js";

describe("summaryQuestion", () => {
  it.each([
    ["zusammenfassung", "medium"],
    ["Fasse den Artikel zusammen", "medium"],
    ["kannst du das kurz zusammenfassen?", "short"],
    ["Worum geht es in dem Artikel?", "medium"],
    ["worum gehts", "medium"],
    ["what is the article about?", "medium"],
    ["what's this about", "medium"],
    ["tl;dr", "short"],
    ["TL;DR pls", "short"],
    ["summary pls", "medium"],
    ["give me a detailed summary", "long"],
    ["sum it up", "medium"],
    ["ausführliche Zusammenfassung bitte", "long"],
  ])("reads %j as a request for a summary (%s)", (question, length) => {
    expect(summaryQuestion(question)).toEqual({ ownWords: [], length });
  });

  it("keeps the words that say which article is meant, when the question names the article", () => {
    expect(summaryQuestion("Fasse den Artikel über die Wasserstoffzüge zusammen")?.ownWords).toEqual(["wasserstoffzuge"]);
    expect(summaryQuestion("what is the article on the rail strike about")?.ownWords).toEqual(["rail", "strike"]);
  });

  it.each([
    "worum geht es bei den Sanktionen?",
    "what is the deal about?",
    "what about kim",
    "Was umfassen die Sanktionen?",
    "Welche Waffen will Russland?",
    "was ist das?",
    "what did the summit summarize",
    "Wer hat den Artikel geschrieben?",
  ])("leaves %j to the passages: it asks about content, or for no summary", (question) => {
    expect(summaryQuestion(question)).toBeNull();
  });
});
