import type { Article } from "../content/types.js";
import type { ReindexProgress, ReindexReport } from "./types.js";

/** Reading a reindex's progress and outcome: for busy messages, progress lines, logs and the audit trail. */

/** "embedding 120/400 paragraphs" and the like, for busy messages and progress lines. */
export function describeReindexProgress(progress: ReindexProgress): string {
  const task = progress.task === "add-article" ? "adding an article" : progress.task === "remove-article" ? "removing an article" : "reindexing";
  switch (progress.phase) {
    case "checking":
      return `${task}: checking the file`;
    case "reading":
      return `${task}: reading articles ${progress.articlesDone}/${progress.articlesTotal || "?"}`;
    case "embedding":
      return `${task}: embedding paragraphs ${progress.paragraphsDone}/${progress.paragraphsTotal}`;
    case "indexing":
      return `${task}: building the index (${progress.paragraphsTotal} paragraphs)`;
    case "saving":
      return `${task}: saving the index`;
  }
}

export function diffArticles(before: readonly Article[], after: readonly Article[]): Pick<ReindexReport, "added" | "changed" | "removed" | "unchanged"> {
  const previous = new Map(before.map((article) => [article.id, article.contentHash]));
  const current = new Set(after.map((article) => article.id));
  const result = { added: [] as string[], changed: [] as string[], removed: [] as string[], unchanged: [] as string[] };
  for (const article of after) {
    const hash = previous.get(article.id);
    if (hash === undefined) result.added.push(article.id);
    else if (hash === article.contentHash) result.unchanged.push(article.id);
    else result.changed.push(article.id);
  }
  for (const id of previous.keys()) if (!current.has(id)) result.removed.push(id);
  return result;
}

/** "1 added, 0 changed, …" for logs and the audit trail. */
export function summarizeReindex(report: ReindexReport): string {
  return (
    `${report.articles} article(s), ${report.paragraphs} paragraphs (${report.mode}); ` +
    `added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}, unchanged ${report.unchanged.length}; ${report.durationMs} ms`
  );
}
