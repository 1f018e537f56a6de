import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { refersBack, textBeforeOnlyPronoun } from "../../../src/answer/conversation/cues.js";
import { turnOf } from "../../../src/answer/conversation/turns.js";
import { QaService } from "../../../src/answer/service.js";
import type { Answer, ConversationTurn } from "../../../src/answer/types.js";
import { silentLogger } from "../../../src/log.js";
import { twoFestivalsDir } from "../../helpers/two-festivals.js";

async function converse(service: QaService, questions: readonly string[]): Promise<Answer[]> {
  const history: ConversationTurn[] = [];
  const answers: Answer[] = [];
  for (const question of questions) {
    const answer = await service.ask(question, { history });
    history.push(turnOf(answer));
    answers.push(answer);
  }
  return answers;
}

const firstParagraph = (answer: Answer | undefined): number | undefined => answer?.citations[0]?.paragraph;

describe("follow-up questions", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await QaService.create({ contentDir: await twoFestivalsDir(), logger: silentLogger(), embeddings: "off" });
  });

  it("answers the same elliptic follow-up from the paragraph about whatever the conversation is about", async () => {
    const [wine, wineLength] = await converse(service, ["Woher kommen die Winzer beim Weinfest?", "Und wie lange dauert es?"]);
    const [harbour, harbourLength] = await converse(service, ["Wer eröffnet das Hafenfest?", "Und wie lange dauert es?"]);
    expect(firstParagraph(wine)).toBe(3);
    expect(firstParagraph(harbour)).toBe(1);
    expect(wineLength?.answered).toBe(true);
    expect(firstParagraph(wineLength)).toBe(4);
    expect(harbourLength?.answered).toBe(true);
    expect(firstParagraph(harbourLength)).toBe(2);
    expect(wineLength?.followUp?.previousQuestion).toBe("Woher kommen die Winzer beim Weinfest?");
    expect(wineLength?.followUp?.carriedWords.map((word) => word.toLowerCase())).toContain("weinfest");
  });

  it("reads a bare question that does not point back with the conversation", async () => {
    const [, length] = await converse(service, ["Woher kommen die Winzer beim Weinfest?", "wie lange?"]);
    expect(length?.followUp?.previousQuestion).toBe("Woher kommen die Winzer beim Weinfest?");
  });

  it("does not know which festival an elliptic question means when it is asked on its own", async () => {
    const alone = await service.ask("Und wie lange dauert es?");
    expect(alone.followUp).toBeUndefined();
    expect(alone.answered && !alone.hedged).toBe(false);
  });

  it("answers a change of topic on its own terms, as if asked alone", async () => {
    const [, switched] = await converse(service, ["Woher kommen die Winzer beim Weinfest?", "Worüber klagen die Anwohner in Flensburg?"]);
    const alone = await service.ask("Worüber klagen die Anwohner in Flensburg?");
    expect(firstParagraph(switched)).toBe(5);
    expect(switched?.followUp).toBeUndefined();
    expect(switched?.citations.map((citation) => citation.paragraph)).toEqual(alone.citations.map((citation) => citation.paragraph));
  });

  it("answers a question whose words the articles lack on its own, not from the conversation's words", async () => {
    const [opening, weather] = await converse(service, ["Wer eröffnet das Hafenfest?", "Wie wird das Wetter morgen?"]);
    expect(opening?.answered).toBe(true);
    expect(weather?.followUp).toBeUndefined();
    expect(weather?.answered).toBe(false);
  });

  it("keeps the follow-up's own words above the carried-over ones", async () => {
    // "Eintrittskarten" is only in ¶4, the carried-over "Hafenfest" in ¶1 and ¶2: the question's own word decides.
    const [, tickets] = await converse(service, ["Wer eröffnet das Hafenfest?", "Und was kosten dort die Eintrittskarten?"]);
    expect(firstParagraph(tickets)).toBe(4);
  });

  it("carries a conversation's subject along a chain of follow-ups", async () => {
    const answers = await converse(service, ["Woher kommen die Winzer beim Weinfest?", "Und wann beginnt es?", "Wie lange dauert es?"]);
    expect(firstParagraph(answers[2])).toBe(4);
    expect(answers[2]?.followUp?.carriedWords.map((word) => word.toLowerCase())).toContain("weinfest");
  });

  it("reads a question with an empty history exactly as a question alone", async () => {
    const withEmpty = await service.ask("Wer eröffnet das Hafenfest?", { history: [] });
    const alone = await service.ask("Wer eröffnet das Hafenfest?");
    expect(withEmpty).toEqual(alone);
  });

  it("records a turn with the question, its cited passages and the words it carried", async () => {
    const [, followUp] = await converse(service, ["Woher kommen die Winzer beim Weinfest?", "Und wie lange dauert es?"]);
    if (!followUp) throw new Error("no answer");
    const turn = turnOf(followUp);
    expect(turn.question).toBe("Und wie lange dauert es?");
    expect(turn.citedIds[0]).toBe("zwei-feste#4");
    expect(turn.topic).toMatch(/^Und wie lange dauert es\? .*Weinfest/i);
    expect(turn.answerType).toBe("duration");
  });
});

describe("follow-ups the articles may not answer (bundled article)", () => {
  it("shows a follow-up that points back but whose own words the articles lack as the closest passage at most", async () => {
    const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    for (const followUp of ["how old is he?", "Und wie heißt seine Frau?"]) {
      const [first, next] = await converse(service, ["Wer ist Sergei Schoigu?", followUp]);
      expect(first?.answered).toBe(true);
      // Read with "Schoigu" the paragraph about him comes first, but nothing in it is about his age or his wife.
      expect(next?.followUp?.previousQuestion).toBe("Wer ist Sergei Schoigu?");
      expect(next?.answered && !next.hedged).toBe(false);
    }
  });

  it("answers a question that does not point back from its own words when they find a passage", async () => {
    const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    // Questions that merely follow each other, as in a terminal session: read with "reist", the second found ¶2.
    const [, visit] = await converse(service, ["Wann reist Kim nach Russland?", "when did shoigu visit north korea"]);
    expect(visit?.followUp).toBeUndefined();
    expect(firstParagraph(visit)).toBe(13);
    // Read with the conversation's words, a question about something else altogether showed their passage.
    const [, series] = await converse(service, ["Wann reist Kim nach Russland?", "gute serien auf netflix"]);
    expect(series?.followUp).toBeUndefined();
    expect(series?.answered).toBe(false);
  });

  it("reads a pronoun after a name of the question's own as standing for that name", async () => {
    const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    const [, sources] = await converse(service, ["Wann reist Kim nach Russland?", "Woher hat Kirby seine Infos?"]);
    expect(sources?.followUp).toBeUndefined();
    expect(firstParagraph(sources)).toBe(14);
    // Without a name before it, or with another pointer back, the pronoun stands for the conversation's subject.
    for (const followUp of ["Wen trifft er dort?", "Und woher hat Kirby seine Infos?"]) {
      const [, next] = await converse(service, ["Wann reist Kim nach Russland?", followUp]);
      expect(next?.followUp?.previousQuestion, followUp).toBe("Wann reist Kim nach Russland?");
    }
  });
});

describe("refersBack", () => {
  it.each([
    "Und wo treffen sie sich?",
    "Was bekommt Nordkorea dafür?",
    "Wann war das damals?",
    "Was sagt er dazu?",
    "und danach?",
    "What did they get in return?",
    "Where is he now?",
    "And Putin?",
    "what about the sanctions?",
    "Ist es teuer?",
    "Und gibt es dort Sanktionen?",
    "Weißt du, was er dazu sagt?",
  ])("finds a pointer back in %s", (question) => {
    expect(refersBack(question)).toBe(true);
  });

  it.each([
    "Wer ist Eric Ballbach?",
    "Welche Waffen will Russland von Nordkorea?",
    "Who is John Kirby?",
    "When did Kim meet Trump?",
    "Wie lange dauert das Weinfest?",
    // "es" that stands for nothing said before.
    "Seit wann gibt es Sanktionen gegen Nordkorea?",
    "Worum geht es bei dem Treffen?",
    // "Sie" and "ihr" address the bot.
    "Können Sie mir sagen, welche Waffen Russland braucht?",
    "Wisst ihr, wann die Sanktionen kamen?",
  ])("finds none in the self-contained %s", (question) => {
    expect(refersBack(question)).toBe(false);
  });
});

describe("textBeforeOnlyPronoun", () => {
  it("gives the text before a pronoun that is the question's only pointer back", () => {
    expect(textBeforeOnlyPronoun("Woher hat Kirby seine Infos?")).toBe("Woher hat Kirby ");
    expect(textBeforeOnlyPronoun("Who is Ballbach and what does he say?")).toBe("Who is Ballbach and what does ");
  });

  it("gives nothing when something else points back, or nothing does", () => {
    expect(textBeforeOnlyPronoun("Was sagt er dazu?")).toBeNull();
    expect(textBeforeOnlyPronoun("Und wo trifft er Putin?")).toBeNull();
    expect(textBeforeOnlyPronoun("Wer ist Eric Ballbach?")).toBeNull();
  });
});
