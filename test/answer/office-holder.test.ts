import { beforeAll, describe, expect, it } from "vitest";
import { officeHolding as holding, officeQuestion as askedOffice } from "../../src/answer/office-holder.js";
import type { QaService } from "../../src/answer/service.js";
import { countryWords } from "../../src/search/country-words.js";
import { EMPTY_LEXICONS, loadLexicons } from "../../src/search/lexicons.js";
import { bundledLexicalService } from "../helpers/content-fixtures.js";

const TRAVELS = "Der Diktator traf sich mit Chinas Präsident Xi Jinping, bevor er mit dem ehemaligen US-Präsidenten Donald Trump zusammenkam.";
const VISIT = "Im Juli besuchte Russlands Verteidigungsminister Sergei Schoigu Nordkorea.";
const countryOf = countryWords(loadLexicons());
const officeQuestion = (question: string): ReturnType<typeof askedOffice> => askedOffice(question, countryOf);
const officeHolding = (text: string, asked: NonNullable<ReturnType<typeof askedOffice>>): ReturnType<typeof holding> => holding(text, asked, countryOf);
const officeOfOthersOnly = (text: string, asked: NonNullable<ReturnType<typeof askedOffice>>): boolean => officeHolding(text, asked) === "others";

describe("officeQuestion", () => {
  it.each([
    ["Wer ist der Präsident von Südkorea?", "KR"],
    ["who is the president of south korea", "KR"],
    ["Wer ist der Verteidigungsminister der Ukraine?", "UA"],
    ["who is north korea's foreign minister", "KP"],
    ["who is north koreas defence minister", "KP"],
    ["Wer ist Russlands Verteidigungsminister?", "RU"],
    ["wer ist der südkoreanische Präsident", "KR"],
    ["who is the south korean president", "KR"],
    ["wer ist der amerikanische präsident", "US"],
    ["Who is the Ukrainian defence minister?", "UA"],
    ["who is the leader of north korea", "KP"],
    ["wer ist der Anführer Nordkoreas", "KP"],
    ["who leads north korea", "KP"],
    ["wer regiert Russland", "RU"],
    ["who is the north korean dictator", "KP"],
    ["wer ist der präsident der usa", "US"],
    ["who is the prime minister of the uk", "GB"],
  ])("reads %j as asking for an office of %s", (question, country) => {
    expect(officeQuestion(question)?.owner).toBe(country);
  });

  it("reads an adjective as a country only through the lexicons", () => {
    expect(askedOffice("wer ist der südkoreanische Präsident", countryWords(EMPTY_LEXICONS))).toBeNull();
    expect(askedOffice("wer ist der Präsident von Südkorea", countryWords(EMPTY_LEXICONS))?.owner).toBe("KR");
  });

  it.each([
    "wer ist der kremlchef",
    "who leads the rail workers union",
    "wer führt die Gespräche",
    "wer ist der neue Präsident",
    "who replaced shoigu as defense minister",
    "Wer ist John Kirby?",
    "Was will Russland?",
  ])("reads %j as asking for no country's office", (question) => {
    expect(officeQuestion(question)).toBeNull();
  });
});

describe("officeOfOthersOnly", () => {
  it("tells a passage naming the office only for other countries from one naming it for the country asked about", () => {
    const southKorea = officeQuestion("Wer ist der Präsident von Südkorea?") ?? expect.fail("no office read");
    expect(officeOfOthersOnly(TRAVELS, southKorea)).toBe(true);
    const russia = officeQuestion("who is russia's defence minister") ?? expect.fail("no office read");
    expect(officeOfOthersOnly(VISIT, russia)).toBe(false);
    const ukraine = officeQuestion("Wer ist der Verteidigungsminister der Ukraine?") ?? expect.fail("no office read");
    expect(officeOfOthersOnly(VISIT, ukraine)).toBe(true);
    // TRAVELS names a former US president: who held the office, not who holds it.
    const unitedStates = officeQuestion("who was the president of the united states") ?? expect.fail("no office read");
    expect(officeOfOthersOnly(TRAVELS, unitedStates)).toBe(false);
  });

  it("reads a country's adjective before the office in the passage too", () => {
    const russia = officeQuestion("Wer ist Russlands Präsident?") ?? expect.fail("no office read");
    const china = officeQuestion("who is the chinese president") ?? expect.fail("no office read");
    const text = "Kim traf den chinesischen Präsidenten Xi Jinping.";
    expect(officeOfOthersOnly(text, russia)).toBe(true);
    expect(officeOfOthersOnly(text, china)).toBe(false);
  });

  it("reads whose an office is from the words after it: a country, or another owner by name", () => {
    const northKorea = officeQuestion("who is the leader of north korea") ?? expect.fail("no office read");
    expect(officeHolding("Der mittlerweile gestorbene Anführer der Wagner-Söldner, Jewgeni Prigoschin, schwieg.", northKorea)).toBe("others");
    expect(officeHolding("He met the leader of the Wagner group.", northKorea)).toBe("others");
    expect(officeHolding("Nordkoreas Diktator Kim Jong Un reist nach Russland.", northKorea)).toBe("asked");
    expect(officeHolding("Der Machthaber Nordkoreas reist selten.", northKorea)).toBe("asked");
    expect(officeHolding("Anreisen wird der nordkoreanische Machthaber im Zug.", northKorea)).toBe("asked");
    expect(officeHolding("Ein Treffen der Anführer zweier Pariastaaten.", northKorea)).toBe("unknown");
    const unitedStates = officeQuestion("who is the president of the united states") ?? expect.fail("no office read");
    // A short name ICU lacks is read from a short list; a name in another case says nothing rather than name another owner.
    expect(officeHolding("Der Präsident der USA sprach.", unitedStates)).toBe("asked");
    expect(officeHolding("Der Präsident der Vereinigten Staaten sprach.", unitedStates)).toBe("unknown");
  });

  it("reads an owner that is no country: a name in the genitive, or one after the office", () => {
    expect(officeQuestion("wer ist putins sprecher")?.owner).toBe("@putin");
    expect(officeQuestion("who is putin's spokesman")?.owner).toBe("@putin");
    expect(officeQuestion("wer ist der sprecher des weißen hauses")?.owner).toBe("@weissen");
    const putin = officeQuestion("wer ist putins sprecher") ?? expect.fail("no office read");
    const whiteHouse = officeQuestion("wer ist der sprecher des weißen hauses") ?? expect.fail("no office read");
    const kirby = "Das sagte John Kirby, Sprecher des Weißen Hauses.";
    expect([officeHolding(kirby, putin), officeHolding(kirby, whiteHouse)]).toEqual(["others", "asked"]);
    expect(officeHolding("Putins Sprecher Dmitri Peskow widersprach.", putin)).toBe("asked");
    // A country's office is no person's.
    expect(officeHolding(VISIT, officeQuestion("wer ist kims verteidigungsminister") ?? expect.fail("no office read"))).toBe("others");
  });

  it("takes a former holder for the holder only when the question asks about the past", () => {
    const text = "2018 traf er sich mit dem ehemaligen US-Präsidenten Donald Trump, später mit dem Ex-Präsidenten Südkoreas.";
    const now = officeQuestion("who is the us president") ?? expect.fail("no office read");
    const then = officeQuestion("who was the us president kim met") ?? expect.fail("no office read");
    expect([now.past, then.past]).toEqual([false, true]);
    expect(officeHolding(text, now)).toBe("others");
    expect(officeHolding(text, then)).toBe("asked");
    expect(officeHolding("Der US-Präsident empfing ihn.", now)).toBe("asked");
    // "Experten" before an office is no "ex-".
    expect(officeHolding("Laut Experten wird der US-Präsident reisen.", now)).toBe("asked");
  });

  it("says nothing of a passage that names the office without a country, or not at all", () => {
    const southKorea = officeQuestion("Wer ist der Präsident von Südkorea?") ?? expect.fail("no office read");
    expect(officeOfOthersOnly("Der Präsident sprach lange.", southKorea)).toBe(false);
    expect(officeOfOthersOnly(VISIT, southKorea)).toBe(false);
  });
});

describe("a question for a country's office, through the service", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await bundledLexicalService();
  });

  it("shows a passage about other countries' presidents only as the closest one, and answers for the country it names", async () => {
    for (const question of ["Wer ist der Präsident von Südkorea?", "wer ist der südkoreanische präsident", "who is the south korean president"]) {
      const southKorea = await service.ask(question);
      expect(southKorea.hedged || !southKorea.answered).toBe(true);
    }
    const russia = await service.ask("Wer ist Russlands Verteidigungsminister?");
    expect(russia).toMatchObject({ answered: true, hedged: false });
    expect(russia.citations[0]?.excerpt).toContain("Sergei Schoigu");
  });

  it("does not answer who leads a country with the leader of someone else (the Wagner mercenaries' Prigoschin)", async () => {
    for (const question of ["who leads north korea", "who is the leader of north korea", "wer ist der anführer nordkoreas"]) {
      const leader = await service.ask(question);
      const shownAsAnswer = leader.answered && !leader.hedged;
      expect(shownAsAnswer && leader.citations[0]?.excerpt.includes("Prigoschin"), question).toBe(false);
      expect(leader.answered && !leader.hedged && leader.citations[0]?.paragraph === 9, question).toBe(false);
    }
    // The article names only a former US president: no answer to who holds the office now, but one to who held it.
    for (const question of ["who is the us president", "wer ist der präsident der usa"]) {
      const now = await service.ask(question);
      expect(now.answered && !now.hedged, question).toBe(false);
    }
    const then = await service.ask("who was the us president kim met");
    expect([then.answered, then.hedged]).toEqual([true, false]);
    expect(then.citations[0]?.excerpt).toContain("Donald Trump");
    // The article quotes the White House's spokesman, not Putin's or Kim's.
    for (const question of ["wer ist putins sprecher", "who is putin's spokesman", "wer ist der sprecher von kim"]) {
      const spokesman = await service.ask(question);
      expect(spokesman.answered && !spokesman.hedged, question).toBe(false);
    }
    const whiteHouse = await service.ask("wer ist der sprecher des weißen hauses");
    expect([whiteHouse.answered, whiteHouse.hedged]).toEqual([true, false]);
    expect(whiteHouse.citations[0]?.excerpt).toContain("John Kirby");
    // The article calls him its dictator and ruler: asked that way, the answer stands.
    const dictator = await service.ask("who is north koreas dictator");
    expect([dictator.answered, dictator.hedged]).toEqual([true, false]);
    expect(dictator.citations[0]?.excerpt).toContain("Kim Jong Un");
  });
});
