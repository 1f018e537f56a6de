import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runCliScript, type CliResult } from "../helpers/run-cli.js";
import { BUNDLED_ID, contentFixture, readAuditLog, SECOND_ARTICLE } from "../helpers/content-fixtures.js";

const SERVER_A = "111111111111111111";
const SERVER_B = "222222222222222222";
const SECOND_TITLE = "Wasserstoffzüge fahren im Elbe-Weser-Netz";
const QUESTION = "Wie viele Wasserstoffzüge fahren im Elbe-Weser-Netz?";

const answerShape = z.object({ answered: z.boolean(), citations: z.array(z.object({ article: z.string(), paragraph: z.number() })) });

describe("npm run reindex / ask with --server", () => {
  const cli = (name: string, args: string[], dirs: { contentDir: string; stateDir: string }): Promise<CliResult> =>
    runCliScript(name, args, { CONTENT_DIR: dirs.contentDir, STATE_DIR: dirs.stateDir, LOG_LEVEL: "error" });

  it("an article added with --server A is answered from in A only; B and the shared articles never cite it", async () => {
    const fixture = await contentFixture();
    const file = path.join(fixture.root, "wasserstoff.txt");
    await writeFile(file, SECOND_ARTICLE);
    const added = await cli("reindex", ["--server", SERVER_A, "--add", file], fixture);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Added "${SECOND_TITLE}"`);
    expect(await readdir(path.join(fixture.stateDir, "servers", SERVER_A))).toContain("wasserstoff.txt");
    expect(await readdir(fixture.contentDir)).not.toContain("wasserstoff.txt");

    const inA = answerShape.parse(JSON.parse((await cli("ask", ["--server", SERVER_A, "--json", QUESTION], fixture)).stdout));
    expect(inA.answered).toBe(true);
    expect(inA.citations[0]?.article).toBe(SECOND_TITLE);
    for (const args of [["--server", SERVER_B], []]) {
      const result = await cli("ask", [...args, "--json", QUESTION], fixture);
      expect(result.code).toBe(0);
      const answer = answerShape.parse(JSON.parse(result.stdout));
      // The ranking lists the closest passages whatever the outcome: A's article is not among them at all.
      expect(answer.citations.map((citation) => citation.article)).not.toContain(SECOND_TITLE);
    }

    const removeInB = await cli("reindex", ["--server", SERVER_B, "--remove", "wasserstoff"], fixture);
    expect(removeInB.code).toBe(1);
    expect(removeInB.stderr).toMatch(/There is no article with the id "wasserstoff"/u);
    const sharedInA = await cli("reindex", ["--server", SERVER_A, "--remove", BUNDLED_ID], fixture);
    expect(sharedInA.code).toBe(1);
    expect(sharedInA.stderr).toMatch(/one of the articles every server shares, so it cannot be removed here/u);

    // A server's own articles may all go: the shared one still answers there.
    const removed = await cli("reindex", ["--server", SERVER_A, "--remove", "wasserstoff"], fixture);
    expect(removed.code).toBe(0);
    const after = answerShape.parse(JSON.parse((await cli("ask", ["--server", SERVER_A, "--json", QUESTION], fixture)).stdout));
    expect(after.citations.map((citation) => citation.article)).not.toContain(SECOND_TITLE);

    const audit = await readAuditLog(path.join(fixture.stateDir, "audit.jsonl"));
    expect(audit.filter((line) => line.outcome === "success").map((line) => [line.action, line.server])).toEqual([
      ["add", SERVER_A],
      ["remove", SERVER_A],
    ]);
  }, 60_000);

  it("refuses a --server that is not a server id, and --server with SERVER_ARTICLES=off", async () => {
    const fixture = await contentFixture();
    const bad = await cli("ask", ["--server", "../../etc", "--json", "Frage?"], fixture);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --server expects a Discord server id/u);
    const off = await runCliScript("reindex", ["--server", SERVER_A], {
      CONTENT_DIR: fixture.contentDir,
      STATE_DIR: fixture.stateDir,
      LOG_LEVEL: "error",
      SERVER_ARTICLES: "off",
    });
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/--server needs SERVER_ARTICLES=on/u);
  }, 30_000);
});
