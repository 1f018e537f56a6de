import { copyFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { parseArticleBytes } from "../../src/content/load.js";
import { readFileSync } from "node:fs";
import { contentFixture, lexicalServiceOptions } from "../helpers/content-fixtures.js";

/**
 * An interview pasted from a news page (test/fixtures/page-copies-4/
 * tonline-interview.txt): each question heads the answer below it, so a
 * member's question finds the answer and the quote is the answer, under the
 * question as its section, also beside the bundled article.
 */
const INTERVIEW = path.resolve("test/fixtures/page-copies-4/tonline-interview.txt");

describe("an interview", () => {
  it("is read with each question as the heading of its answer", () => {
    const article = parseArticleBytes(readFileSync(INTERVIEW), "interview.txt");
    expect(article.paragraphs.map((paragraph) => paragraph.heading)).toEqual([
      null,
      "t-online: Herr Lindner, wie blicken Sie auf die kommende Wahl in den USA?",
      "Was hieße ein Sieg der Republikaner für die Nato?",
      "Und für den Handel?",
      "Was raten Sie der Bundesregierung?",
      "Zur Person",
    ]);
    expect(article.paragraphs[4]?.text).toMatch(/^Sie sollte jetzt Gesprächskanäle/u);
  });

  describe("beside the bundled article", () => {
    let service: QaService;
    beforeAll(async () => {
      const fixture = await contentFixture();
      await copyFile(INTERVIEW, path.join(fixture.contentDir, "interview.txt"));
      service = await QaService.create(lexicalServiceOptions(fixture));
    });

    it("answers from the answer, quoting it under its question", async () => {
      const answer = await service.ask("was rät lindner der bundesregierung");
      expect(answer.answered).toBe(true);
      expect(answer.citations[0]).toMatchObject({ articleId: "interview", paragraph: 5, heading: "Was raten Sie der Bundesregierung?" });
      expect(answer.citations[0]?.excerpt).toMatch(/Gesprächskanäle/u);
    });

    it("finds an answer whose own words share nothing with the question but its heading", async () => {
      const answer = await service.ask("was bedeutet ein sieg der republikaner für die nato");
      expect(answer.answered).toBe(true);
      expect(answer.ranking[0]).toMatchObject({ articleId: "interview", paragraph: 3 });
    });
  });
});
