import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the real CLI entry points (`src/cli/<name>.ts`) in a child
 * process, offline: the embedding model is switched off unless `env` says otherwise.
 */
export async function runCliScript(name: string, args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  const child = run(process.execPath, ["--import", "tsx", path.resolve(`src/cli/${name}.ts`), ...args], {
    env: { ...process.env, EMBEDDINGS_ENABLED: "false", ...env },
    encoding: "utf8",
  });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}
