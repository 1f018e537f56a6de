import { beforeAll, describe, expect, it } from "vitest";
import { searchedQuestion } from "../../src/answer/question-text.js";
import type { QaService } from "../../src/answer/service.js";
import { bundledLexicalService } from "../helpers/content-fixtures.js";

describe("searchedQuestion", () => {
  it("drops combining marks piled on letters, and keeps letters written with a combining mark", () => {
    expect(searchedQuestion("W̷a̶s̸ w̴i̵l̷l̸ K̶i̴m̸?")).toBe("Was will Kim?");
    // "Ä" typed as A + combining diaeresis (as some keyboards and pastes send it) stays "Ä".
    expect(searchedQuestion("Wa\u0308hrung der Lebensmittelknappheit")).toBe("Währung der Lebensmittelknappheit");
  });

  it("drops links, which hold no words to search for", () => {
    expect(searchedQuestion("was sagt https://www.nytimes.com/2023/09/04/kim.html dazu?")).toBe("was sagt dazu?");
    expect(searchedQuestion("siehe www.t-online.de/nachrichten")).toBe("siehe");
    expect(searchedQuestion("https://example.com/kim?x=1")).toBe("");
  });

  it("still drops the bot's name as an address", () => {
    expect(searchedQuestion("bot, wer ist Schoigu?")).toBe("wer ist Schoigu?");
  });
});

describe("questions in hostile shapes, through the service", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await bundledLexicalService();
  });

  it("answers a question in Zalgo letters as the plain one, and shows it as typed", async () => {
    const plain = await service.ask("Welche Waffen will Russland von Nordkorea?");
    const zalgo = await service.ask("W̷e̶l̸c̴h̵e̷ W̸a̴f̶f̴e̸n̷ w̴i̵l̷l̸ R̶u̴s̸s̷l̶a̵n̸d̷ v̸o̵n̸ N̴o̶r̷d̴k̵o̸r̸e̵a̸?");
    expect(zalgo.question).toBe("W̷e̶l̸c̴h̵e̷ W̸a̴f̶f̴e̸n̷ w̴i̵l̷l̸ R̶u̴s̸s̷l̶a̵n̸d̷ v̸o̵n̸ N̴o̶r̷d̴k̵o̸r̸e̵a̸?");
    expect(zalgo.answered).toBe(plain.answered);
    expect(zalgo.citations.map((citation) => citation.paragraph)).toEqual(plain.citations.map((citation) => citation.paragraph));
  });

  it("says a bare link has nothing to search for, instead of taking it for another language", async () => {
    const answer = await service.ask("https://example.com/kim?x=1");
    expect(answer.answered).toBe(false);
    expect(answer.noSearchWords).toBe(true);
    expect(answer.otherLanguage).toBeUndefined();
  });
});
