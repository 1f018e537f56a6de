import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Every temporary folder a test run makes (in the tests, and in the CLI processes they start) goes
 * under one folder that is removed when the run ends, so runs leave nothing behind in the system's
 * temporary directory. Workers and child processes read it from TMPDIR, which `os.tmpdir()` honours.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const runRoot = await mkdtemp(path.join(tmpdir(), "qa-bot-test-run-"));
  process.env.TMPDIR = runRoot;
  return async () => {
    await rm(runRoot, { recursive: true, force: true });
  };
}
