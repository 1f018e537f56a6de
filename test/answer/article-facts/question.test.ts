import { describe, expect, it } from "vitest";
import { articleFactQuestion } from "../../../src/answer/article-facts/index.js";

describe("articleFactQuestion", () => {
  it.each([
    ["Wer hat den Artikel geschrieben?", "author"],
    ["who wrote this", "author"],
    ["wer ist der autor", "author"],
    ["wann wurde der artikel veröffentlicht", "date"],
    ["wann ist das erschienen?", "date"],
    ["when was the article written", "date"],
    ["how old is the article", "date"],
    ["wer hat den Artikel veröffentlicht?", "publisher"],
    ["welche zeitung hat das veröffentlicht", "publisher"],
    ["welche quellen nutzt der artikel", "sources"],
    ["what are the sources?", "sources"],
    ["link zum artikel", "link"],
    ["where can i read the full article", "link"],
    ["wo finde ich den artikel online", "link"],
    ["ist der artikel aktuell?", "date"],
    ["von wann ist der artikel", "date"],
    ["where is this article from", "publisher"],
    ["woher hat der artikel seine infos", "sources"],
    ["wie heißt der artikel", "title"],
    ["what's the article's title", "title"],
  ])("reads %s as a question about the article itself (%s)", (question, kind) => {
    expect(articleFactQuestion(question)?.kind).toBe(kind);
  });

  it.each([
    "Haben Putin und Kim sich Briefe geschrieben?",
    "wer hat faust geschrieben",
    "which newspaper reported on the delegation",
    "welche zeitung hat über die delegation berichtet",
    // A report the article cites is not the article.
    "wann wurde der bericht der new york times veröffentlicht",
    "how old is he?",
    "Wie alt ist Sergei Schoigu?",
    "wer erklärt im artikel die hintergründe",
    "what's the full name of the kremlin boss in the article",
    "Welche Quellen nennt Kirby?",
    "wann wurde die resolution veröffentlicht",
    "wie heißt der kremlchef",
    // Words that ask about the article only when nothing else is asked.
    "was ist neu im artikel",
    "wie heißt der experte im artikel",
    "was kann ich im artikel über kim lesen",
  ])("leaves %s to the passages", (question) => {
    expect(articleFactQuestion(question)).toBeNull();
  });

  it("keeps the words that may say which article is meant", () => {
    expect(articleFactQuestion("wann ist der artikel über die sanktionen erschienen")?.ownWords).toEqual(["sanktionen"]);
    expect(articleFactQuestion("who wrote this")?.ownWords).toEqual([]);
    expect(articleFactQuestion("what's the article's title")?.ownWords).toEqual([]);
  });
});
