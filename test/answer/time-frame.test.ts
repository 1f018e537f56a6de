import { describe, expect, it } from "vitest";
import { asksAboutPast, namesYear, questionTimeFrame, sentenceTimeFrame } from "../../src/answer/time-frame.js";
import { stem } from "../../src/search/analyzer.js";
import { loadLexicons } from "../../src/search/lexicons.js";

const lexicons = loadLexicons();
const isVerb = (word: string): boolean => lexicons.verbForms.de.get(stem(word, "de")) !== undefined;

describe("asksAboutPast", () => {
  it.each([
    "wann traf kim putin",
    "when did kim meet putin",
    "when was kim in russia",
    "wann war kim in russland",
    "wann hat kim putin besucht",
    "wann ist kim nach russland gereist",
    "bis wann dauerte der koreakrieg",
    "wann trafen sie sich zuletzt",
    "wann ist die delegation in russland angekommen",
    "ist prigoschin gestorben",
  ])("reads %j as about the past", (question) => {
    expect(asksAboutPast(question, isVerb)).toBe(true);
  });

  it.each([
    "Wann trifft Kim Putin?",
    "when will kim meet putin",
    "wann ist das nächste treffen geplant",
    "wann reist kim nach russland",
    "was will kim",
    "wann ist das zweite treffen",
    "wann bitte reist er",
    // "sein" with the participle of a verb that forms its perfect with "haben" says how things stand.
    "bis wann ist die strecke nach lindau gesperrt",
    "seit wann sind die exporte verboten",
  ])("reads %j as not about the past", (question) => {
    expect(asksAboutPast(question, isVerb)).toBe(false);
  });

  it("needs the dictionaries for a weak past form", () => {
    expect(asksAboutPast("wann meldete nordkorea das")).toBe(false);
    expect(asksAboutPast("wann meldete nordkorea das", isVerb)).toBe(true);
  });
});

describe("questionTimeFrame", () => {
  it.each([
    ["wann war kim zum ersten mal in wladiwostok", "past"],
    ["when will kim meet putin", "coming"],
    ["Wann trifft Kim Putin?", null],
    // Both: nothing to go by.
    ["wann war das nächste treffen geplant", "both"],
  ] as const)("reads %j as %s", (question, frame) => {
    expect(questionTimeFrame(question, isVerb)).toBe(frame);
  });
});

describe("questionTimeFrame on something to come", () => {
  it.each([
    "wann will kim putin treffen",
    "wann soll das treffen stattfinden",
    "wann werden sich kim und putin treffen",
    "when will kim meet putin",
    "when is kim going to meet putin",
    "when is the next meeting",
  ])("reads %j as about something to come", (question) => {
    expect(questionTimeFrame(question, isVerb)).toBe("coming");
  });

  // A plain present may mean either ("when does Shoigu visit" of a visit that was).
  it.each(["Wann trifft Kim Putin?", "when does shoigu visit north korea", "wann wollte kim reisen", "when was the next meeting supposed to be"])(
    "reads %j as not saying so",
    (question) => {
      expect(questionTimeFrame(question, isVerb)).not.toBe("coming");
    },
  );

  it("tells a question naming a year", () => {
    expect([namesYear("was war 2019"), namesYear("wann reist kim")]).toEqual([true, false]);
  });
});

describe("sentenceTimeFrame", () => {
  const published = "2023-09-05";
  it.each([
    ["Kim Jong Un will wohl noch im September nach Russland reisen.", "current"],
    ["Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.", "future"],
    ["Das Treffen soll 2024 stattfinden.", "future"],
    ["Stand: 05.09.2023", "current"],
    ["Die Gespräche gehen nächste Woche weiter.", "future"],
    ["2019 traf er ihn, im Oktober soll es wieder so weit sein.", "current"],
    ["Noch in diesem Jahr soll es so weit sein.", "current"],
    ["In 2019 traf er sich in Hanoi abermals mit Trump.", "past"],
    ["Bereits im vergangenen Juli besuchte Schoigu Nordkorea.", "past"],
    ["Eine Delegation reiste Ende August nach Russland.", "past"],
    ["Das teilte Kirby am vergangenen Mittwoch mit.", "past"],
    ["Sanktionen wurden erstmals im Jahr 2006 beschlossen, zuletzt am 3.2.2017.", "past"],
    ["The talks ended two weeks ago.", "past"],
    ["Putin sprach lange.", null],
  ] as const)("reads %j as %s", (sentence, frame) => {
    expect(sentenceTimeFrame(sentence, published)).toBe(frame);
  });

  it("reads a month without a year as the article's year", () => {
    expect(sentenceTimeFrame("Das Forum beginnt im März.", "2023-09-05")).toBe("past");
    expect(sentenceTimeFrame("Das Forum beginnt im März.", "2023-02-10")).toBe("future");
    expect(sentenceTimeFrame("Das Forum beginnt im Februar.", "2023-02-10")).toBe("current");
  });
});

describe("a question about something to come, through the service", () => {
  it("is not shown a passage dated on the other side of the article's date", async () => {
    const { bundledLexicalService } = await import("../helpers/content-fixtures.js");
    const service = await bundledLexicalService();
    // The article (5 September 2023) reports a meeting planned for September, and their meeting of 2019 (¶16).
    for (const question of [
      "wann will kim putin treffen",
      "wann werden sich kim und putin treffen",
      "when will kim meet putin",
      "when is kim going to meet putin",
    ]) {
      const answer = await service.ask(question);
      expect([1, 2, 15], question).toContain(answer.citations[0]?.paragraph ?? answer.ranking[0]?.paragraph);
    }
    // Asked about the past, the meeting of 2019 is the answer, not the forum still to come in the same city (¶15).
    const before = await service.ask("wann traf kim putin zuletzt");
    expect(before.citations[0]?.paragraph).toBe(16);
    for (const question of ["wann war kim zum ersten mal in wladiwostok", "when did kim first go to vladivostok"]) {
      expect((await service.ask(question)).citations[0]?.paragraph, question).toBe(16);
    }
    // A plain present may mean either: a passage with only past dates keeps its place, but is no sure answer.
    for (const [question, paragraph] of [
      ["Wann trifft Kim Putin?", 16],
      ["wann besucht schoigu nordkorea", 13],
    ] as const) {
      const answer = await service.ask(question);
      expect([answer.citations[0]?.paragraph, answer.answered, answer.hedged], question).toEqual([paragraph, true, true]);
    }
    const said = await service.ask("wann war schoigu in nordkorea");
    expect([said.citations[0]?.paragraph, said.hedged]).toEqual([13, false]);
  });
});
