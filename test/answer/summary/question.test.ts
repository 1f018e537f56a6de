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
    expect(summaryQuestion(question)).toEqual({ ownWords: [], length, section: null });
  });

  it.each([
    ["fasse den zweiten Abschnitt kurz zusammen", { place: 2 }, "short"],
    ["Zusammenfassung von Abschnitt 3", { place: 3 }, "medium"],
    ["worum geht es im letzten Teil?", { place: "last" }, "medium"],
    ["summarize the first section", { place: 1 }, "medium"],
    ["what is the last part about", { place: "last" }, "medium"],
    ["fasse den Abschnitt über die Sanktionen zusammen", { words: ["sanktionen"] }, "medium"],
    ["worum gehts im teil über kims reise", { words: ["kims", "reise"] }, "medium"],
    ["give me a detailed summary of the section on sanctions", { words: ["sanctions"] }, "long"],
  ])("reads %j as a request for one section's summary", (question, section, length) => {
    expect(summaryQuestion(question)).toMatchObject({ length, section });
  });

  it("keeps a section's place out of the words that say which article is meant", () => {
    expect(summaryQuestion("fasse den zweiten Abschnitt des Artikels über die Wasserstoffzüge zusammen")).toEqual({
      ownWords: ["wasserstoffzuge"],
      length: "medium",
      section: { place: 2 },
    });
  });

  it("keeps the words that say which article is meant, when the question names the article", () => {
    expect(summaryQuestion("Fasse den Artikel über die Wasserstoffzüge zusammen")?.ownWords).toEqual(["wasserstoffzuge"]);
    expect(summaryQuestion("what is the article on the rail strike about")?.ownWords).toEqual(["rail", "strike"]);
  });

  it.each([
    "worum geht es bei den Sanktionen?",
    "what is the deal about?",
    "what about kim",
    "what does the text say about the sanctions",
    "what does the article say about kim's train",
    "Was umfassen die Sanktionen?",
    "Welche Waffen will Russland?",
    "was ist das?",
    "what did the summit summarize",
    "Wer hat den Artikel geschrieben?",
    "Welcher Teil der Munition kommt aus Nordkorea?",
    "which part of the deal is about shells",
  ])("leaves %j to the passages: it asks about content, or for no summary", (question) => {
    expect(summaryQuestion(question)).toBeNull();
  });
});
