import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { semcorCounts, semcorSenses } from "../../../scripts/lexicons/wordnet.js";
import { stem } from "../../../src/search/analyzer.js";

describe("semcorCounts", () => {
  it("adds up each word's tagged senses under its index term, leaving out phrases and bad lines", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "cntlist-")), "cntlist.rev");
    const lines = [
      "join%2:35:00:: 1 60",
      "join%2:41:00:: 2 49",
      "joined%5:00:00:connected:00 1 7",
      // A stop word never becomes an index term.
      "want%2:37:00:: 1 415",
      "north_korea%1:15:00:: 1 3",
      "ever%4:02:00:: 1 129",
      "broken line",
      "odd%5:00:00:uneven:00 1 -2",
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const counts = semcorCounts(await semcorSenses(file));
    expect(counts.get(stem("join", "en"))).toBe(60 + 49 + 7);
    expect(counts.get(stem("ever", "en"))).toBe(129);
    expect([...counts.keys()].some((term) => term.includes("korea"))).toBe(false);
    expect(counts.size).toBe(2);
  });
});
