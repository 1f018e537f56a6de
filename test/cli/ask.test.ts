import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCliScript, type CliResult } from "../helpers/run-cli.js";
import { twoFestivalsDir } from "../helpers/two-festivals.js";

/** Runs the real `ask` command offline: no model download is attempted. */
function ask(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return runCliScript("ask", args, { STATE_DIR: path.join(tmpdir(), "ask-cli-state"), LOG_LEVEL: "warn", ...env }, input);
}

const citationKeys = ["article", "excerpt", "heading", "paragraph", "passage", "score"];

describe("npm run ask", () => {
  it("prints exactly one JSON object with the promised keys", async () => {
    const result = await ask(["--json", "Welche Waffen will Russland von Nordkorea?"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(["answered", "citations", "hedged", "mode", "question"]);
    expect(answer.answered).toBe(true);
    expect(answer.hedged).toBe(false);
    expect(answer.mode).toBe("lexical");
    const citations = answer.citations as Record<string, unknown>[];
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) {
      expect(Object.keys(citation).sort()).toEqual(citationKeys);
      expect(String(citation.passage)).toContain(String(citation.excerpt));
    }
    const scores = citations.map((citation) => Number(citation.score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("prints a readable answer with the paragraph citation", async () => {
    const result = await ask(["Wann findet das Wirtschaftstreffen in Wladiwostok statt?"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/10\. bis 13\. September/);
    expect(result.stdout).toMatch(/¶\d+/);
  });

  it("says so when the article does not answer, while JSON still lists the closest passages", async () => {
    const result = await ask(["--json", "Wer hat die WM 2014 gewonnen?"]);
    const answer = JSON.parse(result.stdout) as { answered: boolean; hedged: boolean; citations: unknown[] };
    expect(answer.answered).toBe(false);
    expect(answer.hedged).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.length).toBeLessThanOrEqual(5);
    const text = await ask(["Wer hat die WM 2014 gewonnen?"]);
    expect(text.stdout).toMatch(/do not answer/);
  });

  it("answers an English question from the German article, says the quote is German, and marks a hedged answer", async () => {
    const english = await ask(["Who is John Kirby?"]);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/Sprecher des Weißen Hauses/);
    expect(english.stdout).toMatch(/quoted in German/);
    const hedged = await ask(["--json", "What does North Korea want from Russia?"]);
    const answer = JSON.parse(hedged.stdout) as { answered: boolean; hedged: boolean };
    expect(answer).toMatchObject({ answered: true, hedged: true });
    const text = await ask(["What does North Korea want from Russia?"]);
    expect(text.stdout).toMatch(/Closest passage \(it may not answer this\)/);
  });

  it("answers a batch from a file and from stdin, one JSON object per line", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ask-batch-"));
    const file = path.join(dir, "questions.txt");
    await writeFile(file, "Welche Waffen will Russland?\n\nWer ist John Kirby?\nHow do I bake bread?\n");
    const fromFile = await ask(["--json", "--batch", file]);
    expect(fromFile.code).toBe(0);
    const answers = fromFile.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { question: string; answered: boolean });
    expect(answers.map((answer) => answer.question)).toEqual(["Welche Waffen will Russland?", "Wer ist John Kirby?", "How do I bake bread?"]);
    expect(answers.map((answer) => answer.answered)).toEqual([true, true, false]);
    const fromStdin = await ask(["--json", "--batch", "-"], {}, "Wer ist John Kirby?\n");
    expect(fromStdin.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("refuses a question over MAX_QUESTION_LENGTH, and goes on past an overlong line of a batch", async () => {
    const long = `Wer ist John Kirby? ${"x".repeat(80)}`;
    const single = await ask([long], { MAX_QUESTION_LENGTH: "50" });
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/limit is 50 \(MAX_QUESTION_LENGTH\)/);
    const batch = await ask(["--json", "--batch", "-"], { MAX_QUESTION_LENGTH: "50" }, `${long}\nWer ist John Kirby?\n`);
    const lines = batch.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { error?: string; answered?: boolean });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.error).toMatch(/limit is 50/);
    expect(lines[1]?.answered).toBe(true);
  });

  it("fails with one clear line on bad flags, a missing question, or no articles", async () => {
    const badFlag = await ask(["--jsn", "Frage"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split("\n")).toHaveLength(1);
    expect(badFlag.stderr).toMatch(/^error: unknown option --jsn\. usage: /);
    expect(badFlag.stderr).not.toMatch(/To specify a positional/);
    const missingValue = await ask(["--batch"]);
    expect(missingValue.stderr).toMatch(/^error: --batch needs a value\. usage: /);
    expect(badFlag.stdout).toBe("");
    const noQuestion = await ask([]);
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toMatch(/no question/);
    const emptyDir = await mkdtemp(path.join(tmpdir(), "ask-empty-"));
    const noArticles = await ask(["Frage?"], { CONTENT_DIR: emptyDir });
    expect(noArticles.code).toBe(1);
    expect(noArticles.stderr).toMatch(/No readable articles/);
    const missingBatch = await ask(["--batch", path.join(emptyDir, "nope.txt")]);
    expect(missingBatch.code).toBe(1);
    expect(missingBatch.stderr).toMatch(/cannot read batch file/);
  });

  it("rejects a malformed configuration naming the variable", async () => {
    const result = await ask(["Frage?"], { EMBEDDINGS_ENABLED: "maybe" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EMBEDDINGS_ENABLED/);
  });

  it("--conversation --batch: consecutive lines are one conversation, a blank line starts the next", async () => {
    const contentDir = await twoFestivalsDir();
    const env = { CONTENT_DIR: contentDir, STATE_DIR: path.join(path.dirname(contentDir), "state") };
    const batch =
      "Woher kommen die Winzer beim Weinfest?\nUnd wie lange dauert es?\n\nWer eröffnet das Hafenfest?\nUnd wie lange dauert es?\n\n\nUnd wie lange dauert es?\n";
    const result = await ask(["--json", "--conversation", "--batch", "-"], env, batch);
    expect(result.code).toBe(0);
    const answers = result.stdout
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            question: string;
            answered: boolean;
            hedged: boolean;
            citations: { paragraph: number }[];
            followUp?: { previousQuestion: string };
          },
      );
    expect(answers).toHaveLength(5);
    expect(answers.map((answer) => answer.citations[0]?.paragraph).slice(0, 4)).toEqual([3, 4, 1, 2]);
    expect(answers[1]?.followUp?.previousQuestion).toBe("Woher kommen die Winzer beim Weinfest?");
    expect(answers[3]?.followUp?.previousQuestion).toBe("Wer eröffnet das Hafenfest?");
    // First lines of a conversation, and the lone question after two blank lines, are read on their own.
    for (const index of [0, 2, 4]) expect(answers[index]?.followUp).toBeUndefined();
    expect(Object.keys(answers[0] ?? {}).sort()).toEqual(["answered", "citations", "hedged", "mode", "question"]);

    const separately = await ask(["--json", "--batch", "-"], env, batch);
    const alone = separately.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { followUp?: unknown });
    expect(alone).toHaveLength(5);
    expect(alone.every((answer) => answer.followUp === undefined)).toBe(true);
  });

  it("refuses --conversation without --batch in one line", async () => {
    const result = await ask(["--conversation", "Wer eröffnet das Hafenfest?"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/--conversation reads its questions from --batch/);
  });
});
