import { describe, expect, it } from "vitest";
import type { ReindexReport } from "../../src/answer/types.js";
import { formatReindexReport } from "../../src/cli/format.js";
import { presentReport } from "../../src/discord/content-presentation.js";

const report: ReindexReport = { added: ["zuege"], changed: [], removed: [], unchanged: ["a"], articles: 2, paragraphs: 19, durationMs: 120, mode: "lexical" };

describe("a reindex whose index could not be saved", () => {
  it("says so to the moderator, in both languages and in the terminal, and says nothing when it could", () => {
    const failed = { ...report, storeFailure: "the index could not be saved (ENOSPC); it is served anyway, and the next start rebuilds it from the articles" };
    expect(presentReport(failed, null, "en").embeds[0]?.description).toMatch(/new index is live but could not be saved/);
    expect(presentReport(failed, null, "de").embeds[0]?.description).toMatch(/konnte aber nicht gespeichert werden/);
    expect(formatReindexReport(failed)).toMatch(/\nWarning: the index could not be saved \(ENOSPC\)/);
    expect(presentReport(report, null, "en").embeds[0]?.description).toBeUndefined();
    expect(formatReindexReport(report)).not.toMatch(/Warning/);
  });
});

describe("a reindex that left unreadable files out", () => {
  it("lists them with their reasons, escaped, in both languages and in the terminal", () => {
    const skipped = { ...report, skipped: [{ file: "ka**putt**.txt", problem: { kind: "empty", whitespaceOnly: false } as const }] };
    for (const [lang, heading, reason] of [
      ["en", /1 file does not load/, "the file is empty"],
      ["de", /Eine Datei wird nicht gelesen/, "die Datei ist leer"],
    ] as const) {
      const fields = presentReport(skipped, null, lang).embeds[0]?.fields ?? [];
      expect(fields.at(-1)).toMatchObject({ name: expect.stringMatching(heading), value: `ka\\*\\*putt\\*\\*.txt: ${reason}` });
    }
    expect(formatReindexReport(skipped)).toMatch(
      /\nWarning: left out because they cannot be read \(fix or remove them\): ka\*\*putt\*\*\.txt: the file is empty\.$/,
    );
    expect((presentReport(report, null, "en").embeds[0]?.fields ?? []).some((field) => /does not load/.test(field.name))).toBe(false);
  });
});
