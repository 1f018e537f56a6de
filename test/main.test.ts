import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm start without a token (terminal session)", () => {
  it("shows only its own output: logs go to a file, warnings at most as readable lines", async () => {
    const stateDir = await mkdtemp(path.join(tmpdir(), "terminal-session-"));
    const child = run(process.execPath, ["--import", "tsx", path.resolve("src/main.ts")], {
      // The model may not load here: its warning must come as one readable line, not as JSON.
      env: { ...process.env, DISCORD_TOKEN: "", STATE_DIR: stateDir, LOG_LEVEL: "info", EMBEDDING_ALLOW_REMOTE: "false" },
      encoding: "utf8",
    });
    child.child.stdin?.end("Wer ist Eric Ballbach?\n/reindex\n/quit\n");
    const { stdout, stderr } = await child;
    expect(stdout).toMatch(/Ballbach/);
    expect(stdout).toContain(`Logs: ${path.join(stateDir, "terminal.log")}`);
    for (const output of [stdout, stderr]) expect(output).not.toMatch(/^\s*\{"level"/m);
    for (const line of stderr.split("\n").filter((each) => each.length > 0)) expect(line).toMatch(/^(warning|error): /);
    const log = await readFile(path.join(stateDir, "terminal.log"), "utf8");
    expect(log).toMatch(/"event":"terminal_mode"/);
  });
});
