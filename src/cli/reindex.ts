import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ReindexProgress, ReindexReport } from "../answer/types.js";
import { ReindexBusyError, ReindexFailedError } from "../answer/errors.js";
import { describeReindexProgress } from "../answer/reindex-report.js";
import { ContentError, readArticleUpload, type ContentActor } from "../content/library/index.js";
import { readStoredIndex } from "../search/index-store.js";
import { describeArticleProblem, describeContentProblem } from "../content/problem-text.js";
import { formatArticleCheck } from "./article-check-format.js";
import { formatReindexReport } from "./format.js";
import { argumentError, CliError, runCli } from "./run.js";
import { contentScopeFor, parseServerId } from "./server-scope.js";

/**
 * `npm run reindex`: re-reads the article folder, rebuilds and stores the
 * index, and prints what changed since the stored one.
 * `--add FILE [--replace] [--force]` and `--remove ID` change the folder first, with the
 * same checks, audit log and rollback as the moderator commands (`--force`
 * adds a text file that does not look like an article).
 */

const USAGE =
  "usage: npm run reindex [-- --server ID]  |  npm run reindex -- [--server ID] --add FILE [--replace] [--force]  |  " +
  "npm run reindex -- [--server ID] --remove ID  |  npm run reindex -- --check FILE  (--server: that Discord server's own articles)";

type ReindexCommand = (
  | { kind: "reindex" }
  | { kind: "add"; file: string; replace: boolean; force: boolean }
  | { kind: "remove"; articleId: string }
  | { kind: "check"; file: string }
) & { server: string | null };

function parseReindexArgs(argv: string[]): ReindexCommand {
  let values: {
    add?: string | undefined;
    remove?: string | undefined;
    check?: string | undefined;
    replace?: boolean | undefined;
    force?: boolean | undefined;
    help?: boolean | undefined;
    server?: string | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        add: { type: "string" },
        remove: { type: "string" },
        check: { type: "string" },
        replace: { type: "boolean" },
        force: { type: "boolean" },
        server: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw argumentError(error, USAGE);
  }
  if (values.help) throw new CliError(USAGE, 0);
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0] ?? ""}". ${USAGE}`, 2);
  const actions = [values.add, values.remove, values.check].filter((value) => value !== undefined).length;
  if (actions > 1) throw new CliError(`give one of --add, --remove and --check. ${USAGE}`, 2);
  const server = parseServerId(values.server, USAGE);
  if (values.check !== undefined) {
    if (values.replace || values.force || server !== null)
      throw new CliError(`--check changes nothing, so it takes none of --replace, --force and --server. ${USAGE}`, 2);
    return { kind: "check", file: values.check, server };
  }
  if (values.replace && values.add === undefined) throw new CliError(`--replace only goes with --add. ${USAGE}`, 2);
  if (values.force && values.add === undefined) throw new CliError(`--force only goes with --add. ${USAGE}`, 2);
  if (values.add !== undefined) return { kind: "add", file: values.add, replace: values.replace ?? false, force: values.force ?? false, server };
  if (values.remove !== undefined) return { kind: "remove", articleId: values.remove, server };
  return { kind: "reindex", server };
}

function shellActor(): ContentActor {
  try {
    return { via: "cli", id: userInfo().username || "local" };
  } catch {
    return { via: "cli", id: "local" };
  }
}

/** One stderr line per phase, so a long first embedding shows it is alive without flooding the log. */
function phaseReporter(): (progress: ReindexProgress) => void {
  let lastPhase = "";
  return (progress) => {
    if (progress.phase === lastPhase || !process.stderr.isTTY) return;
    lastPhase = progress.phase;
    process.stderr.write(`${describeReindexProgress(progress)}\n`);
  };
}

async function readUpload(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    throw new CliError(`cannot read ${file} (${code === "ENOENT" ? "no such file" : code || String(error)})`);
  }
}

/** `--check FILE`: how the file would be read, without starting the service or changing anything. */
async function checkArticle(file: string): Promise<void> {
  const bytes = await readUpload(file);
  try {
    // No size limit: the file is the operator's own, and --add applies the configured one.
    const upload = await readArticleUpload(path.basename(file), bytes, Number.POSITIVE_INFINITY);
    process.stdout.write(`${formatArticleCheck(file, upload.articleId, upload.reading)}\n`);
    if (upload.notAnArticle)
      process.stdout.write(`Warning: ${describeContentProblem({ kind: "not-an-article", file: upload.given, shape: upload.notAnArticle }, "check")}\n`);
  } catch (error) {
    if (error instanceof ContentError) {
      const problem = error.problem;
      const reason =
        problem.kind === "unreadable-upload"
          ? describeArticleProblem(problem.problem)
          : problem.kind === "unsupported-type"
            ? `unsupported file type (expected ${problem.formats.join(", ")})`
            : error.message;
      throw new CliError(`${file} cannot be read as an article: ${reason}`);
    }
    throw error;
  }
}

await runCli(async ({ config, logger }) => {
  const command = parseReindexArgs(process.argv.slice(2));
  if (command.kind === "check") {
    await checkArticle(command.file);
    return;
  }
  const upload = command.kind === "add" ? await readUpload(command.file) : null;
  // Read before the service starts: starting rewrites the stored index when the folder changed.
  const stored = command.kind === "reindex" && command.server === null ? await readStoredIndex(config.paths.indexFile, logger) : null;
  // Waiting for the model (inside) means the new index (and the embedding cache) is the hybrid one the bot will use.
  const scope = await contentScopeFor(config, logger, command.server);
  const service = scope.admin;
  if (service === null) throw new CliError("these articles cannot be changed here");
  const onProgress = phaseReporter();
  try {
    let report: ReindexReport;
    if (command.kind === "add" && upload !== null) {
      const result = await service.addArticle(
        { fileName: path.basename(command.file), bytes: upload, actor: shellActor(), replace: command.replace, force: command.force },
        { onProgress },
      );
      process.stdout.write(`${result.change.message}\n`);
      report = result.reindex;
    } else if (command.kind === "remove") {
      const result = await service.removeArticle({ articleId: command.articleId, actor: shellActor() }, { onProgress });
      process.stdout.write(`${result.change.message}\n`);
      report = result.reindex;
    } else {
      // Against the stored index, not the one just built at start-up, so the report says what changed since the last index.
      // A server's articles are not stored: its report compares with what the folder held when this command started.
      report = await service.reindex({ onProgress, actor: shellActor(), ...(command.server === null ? { baseline: stored?.articles ?? [] } : {}) });
    }
    process.stdout.write(`${formatReindexReport(report)}\n`);
  } catch (error) {
    if (error instanceof ContentError || error instanceof ReindexFailedError || error instanceof ReindexBusyError) throw new CliError(error.message);
    throw error;
  }
});
