import type { ArticleLoadError } from "../content/load.js";
import { describeReindexProgress } from "./reindex-report.js";
import type { ReindexProgress } from "./types.js";

/** The errors of the service's content administration, apart from the service so that callers need not import it. */

export class ReindexBusyError extends Error {
  constructor(readonly progress: ReindexProgress) {
    super(`A reindex is already running (${describeReindexProgress(progress)}). Try again when it has finished.`);
    this.name = "ReindexBusyError";
  }
}

export class ReindexFailedError extends Error {
  constructor(readonly problems: ArticleLoadError[]) {
    // Load errors usually name their file already ("x.txt: the file is empty").
    const described = problems.map((problem) => (problem.message.startsWith(`${problem.file}:`) ? problem.message : `${problem.file}: ${problem.message}`));
    super(`the index could not be rebuilt, so the previous one stays in use: ${described.join("; ")}`);
    this.name = "ReindexFailedError";
  }
}
