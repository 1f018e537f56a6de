import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { turnOf } from "../../../src/answer/conversation/turns.js";
import type { QaService } from "../../../src/answer/service.js";
import { aloneAndBeside, BUNDLED_ARTICLE } from "../../helpers/content-fixtures.js";

describe("questions about an article itself", () => {
  let alone: QaService;
  let both: QaService;
  beforeAll(async () => {
    ({ alone, both } = await aloneAndBeside());
  });

  it("answers from the article's details: its date, publisher and source lines verbatim, with no passage cited", async () => {
    const answer = await alone.ask("Wann ist der Artikel erschienen?");
    const facts = answer.articleFacts;
    expect(answer.answered).toBe(true);
    expect(answer.hedged).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(facts?.asked).toBe("date");
    expect(facts?.articles.map((sheet) => [sheet.articleId, sheet.date, sheet.publisher])).toEqual([["nordkorea-russland-waffen", "2023-09-05", "t-online"]]);
    // Every source line is one of the file's own lines.
    const file = await readFile(BUNDLED_ARTICLE, "utf8");
    expect(facts?.articles[0]?.sources.length).toBeGreaterThan(0);
    for (const source of facts?.articles[0]?.sources ?? []) expect(file).toContain(source);
  });

  it("reads an elliptic follow-up to such a question as one about the same article, and only then", async () => {
    const author = await alone.ask("Wer hat den Artikel geschrieben?");
    const when = await alone.ask("Und wann?", { history: [turnOf(author)] });
    expect(when.articleFacts?.asked).toBe("date");
    expect(when.articleFacts?.articles.map((sheet) => sheet.date)).toEqual(["2023-09-05"]);
    const person = await alone.ask("Wer ist Eric Ballbach?");
    expect((await alone.ask("Und wann?", { history: [turnOf(person)] })).articleFacts).toBeUndefined();
    expect((await alone.ask("Und wann?")).articleFacts).toBeUndefined();
  });

  it("leaves a question about what the article reports to the passages", async () => {
    const answer = await alone.ask("Wer hat Faust geschrieben?");
    expect(answer.articleFacts).toBeUndefined();
    expect(answer.answered).toBe(false);
  });

  it("with several articles: the one the question names, the one the conversation is about, or all of them", async () => {
    const first = await both.ask("Wo tanken die Wasserstoffzüge?");
    expect(first.citations[0]?.articleId).toBe("wasserstoff-zuege");
    const followUp = await both.ask("Wann ist der Artikel erschienen?", { history: [turnOf(first)] });
    expect(followUp.articleFacts?.articles.map((sheet) => sheet.articleId)).toEqual(["wasserstoff-zuege"]);
    // The article a question names goes before the one the conversation is about.
    const other = await both.ask("Wann ist der Artikel über Nordkorea erschienen?", { history: [turnOf(first)] });
    expect(other.articleFacts?.articles.map((sheet) => sheet.articleId)).toEqual(["nordkorea-russland-waffen"]);
    const named = await both.ask("Wann ist der Artikel über die Wasserstoffzüge erschienen?");
    expect(named.articleFacts?.articles.map((sheet) => [sheet.articleId, sheet.date])).toEqual([["wasserstoff-zuege", "2023-08-14"]]);
    expect(named.articleFacts?.more).toBe(0);
    const unsaid = await both.ask("Wer hat den Artikel veröffentlicht?");
    expect(unsaid.articleFacts?.asked).toBe("publisher");
    expect(unsaid.articleFacts?.articles.map((sheet) => sheet.articleId).sort()).toEqual(["nordkorea-russland-waffen", "wasserstoff-zuege"]);
    expect(unsaid.articleFacts?.more).toBe(0);
    // Its follow-up stays with the articles it listed.
    const when = await both.ask("und wann?", { history: [turnOf(named)] });
    expect(when.articleFacts?.articles.map((sheet) => sheet.articleId)).toEqual(["wasserstoff-zuege"]);
  });
});
