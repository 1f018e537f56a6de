import { describe, expect, it } from "vitest";
import { ReindexFailedError } from "../../../src/answer/errors.js";
import { CONTENT_ERROR_CODES, ContentError } from "../../../src/content/library/index.js";
import type { ArticleProblem, ContentProblem, SystemDetail } from "../../../src/content/problems.js";
import { presentContentProblem } from "../../../src/discord/content-presentation.js";
import { articleProblemText, contentProblemText, reindexProblemsText } from "../../../src/discord/i18n/index.js";

/** At least one sample of every kind: a new kind without a sample does not compile. */
type SamplesOf<Problem extends { kind: string }> = { [Kind in Problem["kind"]]: Extract<Problem, { kind: Kind }>[] };

const noSpace: SystemDetail = { code: "ENOSPC", message: "ENOSPC: no space left on device, write" };
const uncoded: SystemDetail = { code: null, message: "the disk went away" };

const ARTICLE_PROBLEMS: SamplesOf<ArticleProblem> = {
  empty: [
    { kind: "empty", whitespaceOnly: false },
    { kind: "empty", whitespaceOnly: true },
  ],
  "html-too-complex": [{ kind: "html-too-complex", depth: 900, elements: 120_000, maxDepth: 512, maxElements: 100_000 }],
  "no-article-text": [{ kind: "no-article-text" }],
  "no-paragraphs": [{ kind: "no-paragraphs", blocks: 4, boilerplate: 1, sources: 2 }],
  "metadata-value": [
    { kind: "metadata-value", origin: "front-matter", field: "date", rule: "date", limit: null },
    { kind: "metadata-value", origin: "header", field: "url", rule: "url", limit: null },
    { kind: "metadata-value", origin: "front-matter", field: "title", rule: "too-long", limit: 300 },
    { kind: "metadata-value", origin: "front-matter", field: "publisher", rule: "non-empty", limit: null },
    { kind: "metadata-value", origin: "header", field: "x", rule: "invalid", limit: null },
  ],
  "front-matter-line": [{ kind: "front-matter-line", line: 3, text: "kaputt" }],
  "charset-unsupported": [{ kind: "charset-unsupported", charset: "x-mac-klingon" }],
  "charset-mismatch": [{ kind: "charset-mismatch", charset: "windows-1252" }],
  utf16: [{ kind: "utf16" }],
  "invalid-utf8": [{ kind: "invalid-utf8", offset: 17, line: 2 }],
  "nul-bytes": [{ kind: "nul-bytes" }],
  "control-bytes": [{ kind: "control-bytes", count: 40, total: 100 }],
  "unsupported-type": [{ kind: "unsupported-type", formats: [".txt", ".md", ".html"] }],
  "read-failed": [
    { kind: "read-failed", detail: { code: "EACCES", message: "EACCES: permission denied, open 'x'" } },
    { kind: "read-failed", detail: uncoded },
  ],
  "duplicate-id": [{ kind: "duplicate-id", id: "zuege", clash: "Zuege.txt" }],
  "no-article-files": [{ kind: "no-article-files", formats: [".txt", ".md", ".html"] }],
};

const CONTENT_PROBLEMS: SamplesOf<ContentProblem> = {
  "invalid-request": [
    { kind: "invalid-request", change: "add", field: "fileName" },
    { kind: "invalid-request", change: "remove", field: "articleId" },
  ],
  "unsupported-type": [{ kind: "unsupported-type", file: "bild.png", formats: [".txt", ".md", ".html"] }],
  "too-large": [{ kind: "too-large", file: "gross.txt", bytes: 2_500_000, limit: 1_000_000 }],
  "unreadable-upload": Object.values(ARTICLE_PROBLEMS)
    .flat()
    .map((problem) => ({ kind: "unreadable-upload" as const, file: "upload.txt", problem })),
  "not-an-article": [
    { kind: "not-an-article", file: "liesmich.md", shape: { kind: "mostly-structure", percent: 70 } },
    { kind: "not-an-article", file: "liste.txt", shape: { kind: "no-prose" } },
  ],
  "server-limit": [
    { kind: "server-limit", limit: "articles", file: "neu.txt", total: 21, max: 20 },
    { kind: "server-limit", limit: "bytes", file: "neu.txt", total: 6_000_000, max: 5_000_000 },
  ],
  "shared-clash": [
    { kind: "shared-clash", file: "zuege.txt", id: "zuege", title: "Neue Züge", clash: "id" },
    { kind: "shared-clash", file: "andere.txt", id: "zuege", title: "Neue Züge", clash: "title" },
  ],
  "shared-not-removable": [{ kind: "shared-not-removable", id: "zuege", title: "Neue Züge" }],
  "duplicate-title": [{ kind: "duplicate-title", file: "zweit.txt", title: "Neue Züge", existingId: "zuege", existingFile: "zuege.txt" }],
  "already-exists": [
    { kind: "already-exists", file: "zuege.txt", id: "zuege", existingFile: "zuege.md", existingTitle: "Neue Züge" },
    { kind: "already-exists", file: "zuege.txt", id: "zuege", existingFile: "zuege.md", existingTitle: null },
  ],
  "not-found": [
    { kind: "not-found", id: "weg", known: ["zuege", "wetter"] },
    { kind: "not-found", id: "weg", known: [] },
  ],
  "last-article": [{ kind: "last-article", title: "Neue Züge" }],
  "folder-unreadable": [{ kind: "folder-unreadable", detail: noSpace }],
  "folder-busy": [
    { kind: "folder-busy", pid: 4242 },
    { kind: "folder-busy", pid: -1 },
  ],
  "write-failed": [
    { kind: "write-failed", subject: null, verb: null, detail: noSpace },
    { kind: "write-failed", subject: "zuege.txt", verb: "added", detail: uncoded },
  ],
  "not-applied": [
    {
      kind: "not-applied",
      subject: "zuege.txt",
      verb: "replaced",
      cause: { kind: "reindex-failed", problems: [{ file: "leer.txt", problem: { kind: "empty", whitespaceOnly: false } }] },
    },
    { kind: "not-applied", subject: "zuege", verb: "removed", cause: { kind: "error", detail: noSpace } },
  ],
  "rollback-failed": [{ kind: "rollback-failed", subject: "zuege.txt", verb: "added", detail: noSpace, undoFailures: [noSpace, uncoded] }],
};

const allContentProblems = Object.values(CONTENT_PROBLEMS).flat();
const allArticleProblems = Object.values(ARTICLE_PROBLEMS).flat();

/**
 * English words a German sentence does not use. Quotations („…“ and "…") are
 * left out first: file names, titles and a system's own message are data.
 */
const ENGLISH_WORDS = /\b(the|was|were|not|is|are|has|have|with|and|only|could|cannot|file|files|article|added|removed|replaced|nothing|its|must|be|of)\b/iu;

function withoutQuotations(text: string): string {
  return text.replace(/„[^“]*“/gu, "„…“").replace(/"[^"]*"/gu, '"…"');
}

describe("content problems in each locale", () => {
  it("every content error code is reached by a sample problem", () => {
    const codes = new Set(allContentProblems.map((problem) => new ContentError(problem).code));
    expect([...codes].sort()).toEqual([...CONTENT_ERROR_CODES].sort());
  });

  it("a German moderator reads no English sentence in any refusal or failure", () => {
    for (const problem of allContentProblems) {
      const german = contentProblemText(problem, "de");
      expect(german, problem.kind).not.toMatch(/undefined|null|\[object/u);
      expect(withoutQuotations(german), problem.kind).not.toMatch(ENGLISH_WORDS);
      // The detector itself works: the English wording of the same problem is caught.
      expect(withoutQuotations(contentProblemText(problem, "en")), problem.kind).toMatch(ENGLISH_WORDS);
    }
  });

  it("the reasons of files that do not load are German too", () => {
    for (const problem of allArticleProblems) {
      const german = articleProblemText(problem, "de");
      expect(withoutQuotations(german), problem.kind).not.toMatch(ENGLISH_WORDS);
      expect(withoutQuotations(articleProblemText(problem, "en")), problem.kind).toMatch(ENGLISH_WORDS);
    }
  });

  it("English uses the core's wording, which the CLI and the logs show", () => {
    for (const problem of allContentProblems) expect(contentProblemText(problem, "en")).toBe(new ContentError(problem).message);
    const failed = new ReindexFailedError([{ file: "leer.txt", problem: { kind: "empty", whitespaceOnly: false } }]);
    expect(failed.message).toBe("the index could not be rebuilt, so the previous one stays in use: leer.txt: the file is empty");
    expect(reindexProblemsText(failed.problems, "de")).toBe("leer.txt: die Datei ist leer");
  });

  it("shows the German errno code rather than the system's English text, and quotes a message without one", () => {
    const [coded, quoted] = CONTENT_PROBLEMS["write-failed"];
    expect(coded && contentProblemText(coded, "de")).toBe("Die Änderung konnte nicht vorgenommen werden (Systemfehler ENOSPC). Es wurde nichts geändert.");
    expect(quoted && contentProblemText(quoted, "de")).toContain("(Meldung des Systems: „the disk went away“)");
  });

  it("a whole German reply: frame and reason, escaped", () => {
    const problem: ContentProblem = { kind: "too-large", file: "gro*ss*.txt", bytes: 2_500_000, limit: 1_000_000 };
    expect(presentContentProblem("change_refused", contentProblemText(problem, "de"), "de").content).toBe(
      "Nichts wurde geändert. „gro\\*ss\\*.txt“ wurde nicht hinzugefügt: die Datei ist 2,5 MB groß, mehr als die Grenze von 1 MB.",
    );
  });
});
