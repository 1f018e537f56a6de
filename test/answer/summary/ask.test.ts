import { beforeAll, describe, expect, it } from "vitest";
import { turnOf } from "../../../src/answer/conversation/turns.js";
import type { QaService } from "../../../src/answer/service.js";
import { sectionLabels } from "../../../src/answer/summary/index.js";
import { aloneAndBeside } from "../../helpers/content-fixtures.js";

describe("a summary asked for as a question", () => {
  let alone: QaService;
  let both: QaService;
  beforeAll(async () => {
    ({ alone, both } = await aloneAndBeside());
  });

  it("is answered with the article's summary, as /summary gives it, at the length asked", async () => {
    const answer = await alone.ask("Worum geht es in dem Artikel?");
    expect(answer.answered).toBe(true);
    expect(answer.hedged).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.summary).toEqual(await alone.summary({ articleId: "nordkorea-russland-waffen", length: "medium" }));
    const short = await alone.ask("tl;dr");
    expect(short.summary?.length).toBe("short");
    expect(short.summary?.sentences.length).toBeLessThan(answer.summary?.sentences.length ?? 0);
  });

  it("answers a request for one section with that section's summary, found by its place, its heading or its passages", async () => {
    const bySanctions = await alone.ask("fasse den Abschnitt über die Sanktionen zusammen");
    // The sanctions are in ¶9 and ¶10, under the second heading; no heading names them.
    expect(bySanctions.summary).toEqual(await alone.summary({ articleId: "nordkorea-russland-waffen", length: "medium", section: 1 }));
    expect((await alone.ask("worum geht es im abschnitt über die usa")).summary?.sectionNumber).toBe(3);
    expect((await alone.ask("worum geht es im letzten Teil?")).summary?.sectionNumber).toBe(4);
    const second = await alone.ask("summarise the second section briefly");
    expect(second.summary).toMatchObject({ sectionNumber: 2, length: "short" });
  });

  it("lists the sections when none answers to the request, and leaves an article without sections to the passages", async () => {
    for (const question of ["fasse den Abschnitt über das Wetter zusammen", "Zusammenfassung von Abschnitt 9"]) {
      const answer = await alone.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.summary).toBeUndefined();
      expect(answer.sectionChoices?.sections).toEqual(sectionLabels(alone.articles()[0] ?? expect.fail("no article")));
    }
    // The report on hydrogen trains has no subheadings: its passage about the supply answers.
    const noSections = await both.ask("fasse den Teil über die Versorgung im Artikel über die Wasserstoffzüge zusammen");
    expect(noSections.summary).toBeUndefined();
    expect(noSections.sectionChoices).toBeUndefined();
    expect(noSections.citations[0]).toMatchObject({ articleId: "wasserstoff-zuege", paragraph: 3 });
  });

  it("leaves a question about what the article says of something to the passages", async () => {
    const answer = await alone.ask("Worum geht es bei den Sanktionen?");
    expect(answer.summary).toBeUndefined();
    expect(answer.citations[0]?.paragraph).toBeGreaterThan(0);
  });

  it("with several articles: the one the question names, else the conversation's, else the articles to choose from", async () => {
    const named = await both.ask("Fasse den Artikel über die Wasserstoffzüge zusammen");
    expect(named.summary?.articleId).toBe("wasserstoff-zuege");
    const first = await both.ask("Welche Waffen will Russland von Nordkorea?");
    expect(first.citations[0]?.articleId).toBe("nordkorea-russland-waffen");
    const followUp = await both.ask("kannst du das zusammenfassen?", { history: [turnOf(first)] });
    expect(followUp.summary?.articleId).toBe("nordkorea-russland-waffen");
    const unsaid = await both.ask("Zusammenfassung bitte");
    expect(unsaid.answered).toBe(false);
    expect(unsaid.summary).toBeUndefined();
    expect(unsaid.summaryChoices?.articles.map((article) => article.articleId).sort()).toEqual(["nordkorea-russland-waffen", "wasserstoff-zuege"]);
    expect(unsaid.summaryChoices?.more).toBe(0);
  });
});
