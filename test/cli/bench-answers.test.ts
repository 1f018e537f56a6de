import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersSuite } from "../../src/cli/bench-answers.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";

// A first question, then a bare one that only the conversation gives a subject to.
const QUESTIONS = [
  {
    id: "session-1",
    lang: "de",
    question: "Wann reist Kim nach Russland?",
    article: "nordkorea-russland-waffen",
    paragraphs: [1, 2],
    answerable: true,
    kind: "answerable",
  },
  {
    id: "session-2",
    lang: "de",
    question: "wohin genau?",
    article: "nordkorea-russland-waffen",
    paragraphs: [1, 2, 14, 15, 16],
    answerable: true,
    kind: "answerable",
  },
];

describe("bench answers --in-session", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "qa-bench-session-"));
    file = path.join(dir, "questions.jsonl");
    await writeFile(file, QUESTIONS.map((question) => JSON.stringify(question)).join("\n"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("asks each question with the turns before it, where alone each stands by itself", async () => {
    const config = loadConfig({ EMBEDDINGS_ENABLED: "false", LOG_LEVEL: "silent", STATE_DIR: dir }, process.cwd());
    const run = (inSession: boolean) => answersSuite({ questions: [file], split: "all", lexical: true, json: true, inSession }, config, silentLogger());
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => (written.push(String(chunk)), true);
    try {
      const [alone, inSession] = [await run(false), await run(true)];
      expect(alone.quality.answerable.de.right).toBe(1);
      expect(inSession.quality.answerable.de.right).toBe(2);
    } finally {
      process.stdout.write = write;
    }
    expect(written).toHaveLength(2);
  });
});
