import { describeLoadProblems } from "../content/problem-text.js";
import type { ArticleLoadProblem } from "../content/problems.js";
import { describeReindexProgress } from "./reindex-report.js";
import type { ReindexProgress } from "./types.js";

/**
 * The errors of the service's content administration, apart from the service
 * so that callers need not import it. They carry facts (the progress, the
 * problems); `message` is the English wording for logs and the CLI, and the
 * Discord layer words the facts per locale.
 */

export class ReindexBusyError extends Error {
  override readonly name = "ReindexBusyError";

  constructor(readonly progress: ReindexProgress) {
    super(`A reindex is already running (${describeReindexProgress(progress)}). Try again when it has finished.`);
  }
}

export class ReindexFailedError extends Error {
  override readonly name = "ReindexFailedError";

  constructor(readonly problems: readonly ArticleLoadProblem[]) {
    super(`the index could not be rebuilt, so the previous one stays in use: ${describeLoadProblems(problems)}`);
  }
}
