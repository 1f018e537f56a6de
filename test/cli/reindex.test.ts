import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { QaService } from "../../src/answer/service.js";
import { handleTerminalLine, type TerminalQa } from "../../src/cli/terminal.js";
import { silentLogger } from "../../src/log.js";
import { runCliScript, type CliResult } from "../helpers/run-cli.js";
import { BUNDLED_ID, contentFixture, readAuditLog, README_LIKE, SECOND_ARTICLE, snapshot } from "../helpers/content-fixtures.js";

/** Runs the real `reindex` command on a temporary content folder, offline and without the embedding model. */
function reindexCli(args: string[], dirs: { contentDir: string; stateDir: string }): Promise<CliResult> {
  return runCliScript("reindex", args, { CONTENT_DIR: dirs.contentDir, STATE_DIR: dirs.stateDir, LOG_LEVEL: "error" });
}

describe("terminal /reindex and /articles", () => {
  it("lists the indexed articles and reindexes after the folder changed", async () => {
    const fixture = await contentFixture();
    const service = await QaService.create({ contentDir: fixture.contentDir, auditLogFile: fixture.auditLogFile, logger: silentLogger(), embeddings: "off" });
    const help = await handleTerminalLine(service, "/help");
    expect(help).toMatch(/\/reindex +re-read the article folder/);
    expect(help).toMatch(/\/articles +the indexed articles/);
    expect(await handleTerminalLine(service, "/articles")).toBe(
      `1 article(s) indexed:\n  - ${BUNDLED_ID}: „Waffen aus Nordkorea für Russland Putins letzter Ausweg?“ (t-online, 2023-09-05) · 16 paragraphs · txt`,
    );
    await writeFile(path.join(fixture.contentDir, "zuege.txt"), SECOND_ARTICLE);
    const report = await handleTerminalLine(service, "/reindex");
    expect(report).toMatch(
      /^Reindexed: 2 article\(s\), 19 paragraphs in \d+ ms \(lexical retrieval\)\.\n {2}added: {5}zuege\n {2}changed: {3}—\n {2}removed: {3}—\n {2}unchanged: nordkorea-russland-waffen$/,
    );
    expect(await handleTerminalLine(service, "/articles")).toMatch(
      /2 article\(s\) indexed:[\s\S]*- zuege: „Wasserstoffzüge fahren im Elbe-Weser-Netz“ \(Beispielzeitung, 2023-08-14\) · 3 paragraphs · txt/,
    );
    expect((await readAuditLog(fixture.auditLogFile))[0]).toMatchObject({ action: "reindex", outcome: "success", actor: { via: "terminal" } });

    await writeFile(path.join(fixture.contentDir, "leer.txt"), "");
    // A broken file is left out and named; the others stay served.
    expect(await handleTerminalLine(service, "/reindex")).toMatch(
      /\nWarning: left out because they cannot be read \(fix or remove them\): leer\.txt: the file is empty\.$/,
    );
    expect(service.status().articles).toHaveLength(2);
  });

  it("says so when the session cannot reindex", async () => {
    const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
    const questionsOnly: TerminalQa = {
      ask: (question) => service.ask(question),
      source: (paragraph, articleId) => service.source(paragraph, articleId),
      status: () => service.status(),
      articles: () => service.articles(),
      summary: (request) => service.summary(request),
    };
    expect(await handleTerminalLine(questionsOnly, "/reindex")).toBe("Reindexing is not available in this session.");
  });
});

describe("npm run reindex", () => {
  it("reports against the stored index, adds, replaces and removes articles, and fails with one clear line", async () => {
    const fixture = await contentFixture();
    const first = await reindexCli([], fixture);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^Reindexed: 1 article\\(s\\), 16 paragraphs in \\d+ ms \\(lexical retrieval\\)\\.\\n  added: {5}${BUNDLED_ID}\\n`),
    );

    const upload = path.join(fixture.root, "Wasserstoff Züge.txt");
    await writeFile(upload, SECOND_ARTICLE);
    const added = await reindexCli(["--add", upload], fixture);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added "Wasserstoffzüge fahren im Elbe-Weser-Netz" \(id wasserstoff-zuege, 3 paragraphs\)\. Saved as wasserstoff-zuege\.txt/);
    expect(added.stdout).toMatch(/added: {5}wasserstoff-zuege\n {2}changed: {3}—\n {2}removed: {3}—\n {2}unchanged: nordkorea-russland-waffen/);

    const again = await reindexCli(["--add", upload], fixture);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr.trim().split("\n")).toEqual([
      'error: "Wasserstoff Züge.txt" was not added: an article with the id "wasserstoff-zuege" already exists (wasserstoff-zuege.txt, "Wasserstoffzüge fahren im Elbe-Weser-Netz"). Upload it again with replace to overwrite it, or rename the file.',
    ]);
    const replaced = await reindexCli(["--add", upload, "--replace"], fixture);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/^Replaced "Wasserstoffzüge/);

    // Files edited by hand: the plain reindex reports them against the stored index.
    await writeFile(path.join(fixture.contentDir, "wasserstoff-zuege.txt"), SECOND_ARTICLE.replace("vierzehn", "sechzehn"));
    const changed = await reindexCli([], fixture);
    expect(changed.stdout).toMatch(/added: {5}—\n {2}changed: {3}wasserstoff-zuege\n {2}removed: {3}—\n {2}unchanged: nordkorea-russland-waffen/);

    const removed = await reindexCli(["--remove", "wasserstoff-zuege"], fixture);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(
      /^Removed "Wasserstoffzüge fahren im Elbe-Weser-Netz" \(id wasserstoff-zuege, wasserstoff-zuege\.txt\)\.\nReindexed: 1 article/,
    );
    const before = await snapshot(fixture.contentDir);
    const last = await reindexCli(["--remove", BUNDLED_ID], fixture);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/^error: "Waffen aus Nordkorea für Russland Putins letzter Ausweg\?" is the only article, so it was not removed/);
    expect(await snapshot(fixture.contentDir)).toEqual(before);

    const audit = await readAuditLog(path.join(fixture.stateDir, "audit.jsonl"));
    expect(audit.map((entry) => `${String(entry.action)}:${String(entry.outcome)}`)).toEqual([
      "reindex:success",
      "add:success",
      "add:refused",
      "replace:success",
      "reindex:success",
      "remove:success",
      "remove:refused",
    ]);
    expect(audit.every((entry) => (entry.actor as { via?: string } | null)?.via === "cli")).toBe(true);
    // The audit line of a plain reindex tells the same story as the printed report.
    expect(String(audit[4]?.detail)).toMatch(/added 0, changed 1, removed 0, unchanged 1/);
    // Eight runs of the real CLI: on a loaded two-core machine each start alone can take several seconds.
  }, 90_000);

  it("refuses a file that does not look like an article unless --force is given", async () => {
    const fixture = await contentFixture();
    const file = path.join(fixture.root, "README.md");
    await writeFile(file, README_LIKE);
    const before = await snapshot(fixture.contentDir);
    const refused = await reindexCli(["--add", file], fixture);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /"README\.md" was not added: it does not look like a news article \(\d+ % of its lines are code, tables, lists, headings or links/,
    );
    expect(refused.stderr).toMatch(/--force/);
    expect(await snapshot(fixture.contentDir)).toEqual(before);
    const forced = await reindexCli(["--add", file, "--force"], fixture);
    expect(forced.code).toBe(0);
    expect(Object.keys(await snapshot(fixture.contentDir))).toContain("readme.md");
    expect((await reindexCli(["--force"], fixture)).stderr).toMatch(/--force only goes with --add/);
  });

  it("rejects wrong arguments and unreadable files with exit codes 2 and 1", async () => {
    const fixture = await contentFixture();
    const both = await reindexCli(["--add", "x.txt", "--remove", "y"], fixture);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: give one of --add, --remove and --check\. usage: npm run reindex/);
    const stray = await reindexCli(["--replace"], fixture);
    expect(stray.code).toBe(2);
    const missing = await reindexCli(["--add", path.join(fixture.root, "gibt-es-nicht.txt")], fixture);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^error: cannot read .*gibt-es-nicht\.txt \(no such file\)$/);
  });

  it("--check shows how a whole-page copy is read, what is dropped and why, and changes nothing", async () => {
    const fixture = await contentFixture();
    const before = await snapshot(fixture.contentDir);
    const checked = await reindexCli(["--check", path.resolve("test/fixtures/page-copies/tonline-style.txt")], fixture);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(
      /would be read as the article "tonline-style":\n {2}title: {5}Ebersfurt lässt drei Ortsteile räumen\n {2}kicker: {4}Hochwasser in Südbaden\n/u,
    );
    expect(checked.stdout).toMatch(/\n {2}9 paragraph\(s\) in 3 section\(s\):\n/u);
    expect(checked.stdout).toMatch(/\n {4}- \[icon labels\] /u);
    expect(checked.stdout).toMatch(/\n {4}- \[breadcrumb\] /u);
    expect(checked.stdout).toMatch(/Nothing was changed\./u);
    expect(await snapshot(fixture.contentDir)).toEqual(before);
    const readme = path.join(fixture.root, "README.md");
    await writeFile(readme, README_LIKE);
    expect((await reindexCli(["--check", readme], fixture)).stdout).toMatch(/Warning: "README\.md" cannot be added: it does not look like a news article/u);
    expect((await reindexCli(["--check", readme, "--force"], fixture)).code).toBe(2);
    // A file that cannot be an article says why, in the words of a check (nothing was to be added).
    const empty = path.join(fixture.root, "leer.txt");
    await writeFile(empty, "");
    const refused = await reindexCli(["--check", empty], fixture);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^error: .*leer\.txt cannot be read as an article: the file is empty$/u);
    const pdf = path.join(fixture.root, "README.pdf");
    await writeFile(pdf, "%PDF-1.7");
    const other = await reindexCli(["--check", pdf], fixture);
    expect(other.stderr.trim()).toMatch(/README\.pdf cannot be read as an article: unsupported file type \(expected \.txt, \.md/u);
    expect(await snapshot(fixture.contentDir)).toEqual(before);
  });
});
