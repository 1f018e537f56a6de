import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";

// Two English reports that share "harbour", "bridge", "rail" and "strike", each in other paragraphs: a German
// compound the dictionaries lack ("Hafenbrücke", "Bahnstreik") finds the paragraph holding both of its parts.
const HARBOUR = [
  "# Ferry service resumes in Westhaven",
  "",
  "The ferry between Westhaven and Gull Island sails again from Friday after a week of storms kept it in the harbour.",
  "",
  "Engineers found a crack in the harbour bridge on Monday, and the council closed the crossing to lorries until it is repaired.",
  "",
  "A second bridge upstream carries the railway, which was not affected by the storms.",
  "",
].join("\n");
const STRIKE = [
  "# Dock workers walk out in Westhaven",
  "",
  "Dock workers at Westhaven stopped work on Tuesday in a dispute over night shifts; the strike is to last three days.",
  "",
  "Rail staff announced a strike of their own: no trains will run between Westhaven and the capital from 3 June.",
  "",
  "Rail passengers were told to check the timetable online.",
  "",
].join("\n");

describe("a German compound asked about English articles", () => {
  let service: QaService;
  beforeAll(async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "qa-compound-"));
    await writeFile(path.join(folder, "harbour.md"), HARBOUR);
    await writeFile(path.join(folder, "strike.md"), STRIKE);
    service = await QaService.create({ contentDir: folder, logger: silentLogger(), embeddings: "off" });
  });

  it.each([
    ["was ist mit der hafenbrücke los", "harbour", 2],
    ["ab wann gibt es den bahnstreik", "strike", 2],
  ])("says it by its parts: %s", async (question, article, paragraph) => {
    const answer = await service.ask(question);
    expect(answer.ranking[0]?.articleId).toBe(article);
    expect(answer.ranking[0]?.paragraph).toBe(paragraph);
  });
});
