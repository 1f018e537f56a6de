import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  CENTROID_MMR_TUNING,
  PREVIOUS_SELECTION_TUNING,
  SENTENCES_PER_LENGTH,
  SUMMARY_LENGTHS,
  summarizeArticle,
  type SelectionTuning,
  type SummaryLength,
} from "../answer/summary/index.js";
import {
  coveredPoints,
  isSealedSummaryArticle,
  leadByWords,
  leadSentences,
  mainPointsFileSchema,
  repeatedPointPairs,
  wordCount,
  type MainPointsFile,
} from "../answer/summary/evaluation.js";
import { articleFormatOf, loadArticleFile } from "../content/load.js";
import type { Article } from "../content/types.js";
import type { DevSplit } from "../search/dev-questions.js";
import { CliError } from "./run.js";

/**
 * `npm run bench -- summaries`: how many of each article's hand-written main
 * points the summaries mention, against Lead-k (same sentence count), a lead of
 * the same length in words, the previous selection and the older centroid-MMR
 * one. Articles whose id starts with "sealed-" form the sealed split: they are
 * only ever reported in aggregate, never article by article.
 */

export interface SummariesBenchArgs {
  /** Folders holding articles and their `<id>.points.json` files. */
  folders: string[];
  split: DevSplit | "all";
  json: boolean;
  verbose: boolean;
  tuning?: Partial<SelectionTuning>;
}

interface Evaluated {
  article: Article;
  points: MainPointsFile;
}

const METHODS = ["summary", "previous", "centroid-mmr", "lead-k", "lead≈words"] as const;
type Method = (typeof METHODS)[number];

interface MethodFigures {
  /** Points mentioned, summed over articles. */
  covered: number;
  points: number;
  /** Mean over articles of the share of points mentioned. */
  meanShare: number;
  /** Pairs of sentences mentioning the same point, summed over articles. */
  repeatedPairs: number;
  meanWords: number;
  meanSentences: number;
}

export interface SummariesBenchResult {
  split: DevSplit | "all";
  articles: string[];
  byLength: Record<SummaryLength, Record<Method, MethodFigures>>;
  /** Per calibration article, medium length: points mentioned by each method (sealed articles count in the totals only). */
  perArticle: { article: string; points: number; covered: Record<Method, number> }[];
}

export async function loadEvaluated(folders: readonly string[], split: DevSplit | "all"): Promise<Evaluated[]> {
  const articleFiles = new Map<string, string>();
  const pointFiles: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      throw new CliError(`cannot read the folder "${folder}"`, 1);
    }
    for (const name of names.sort()) {
      const file = path.join(folder, name);
      if (name.endsWith(".points.json")) pointFiles.push(file);
      else if (articleFormatOf(name)) articleFiles.set(name.replace(/\.[^.]+$/u, ""), file);
    }
  }
  const evaluated: Evaluated[] = [];
  for (const file of pointFiles) {
    const parsed = mainPointsFileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (!parsed.success) throw new CliError(`${file}: not a main-points file (${z.prettifyError(parsed.error).split("\n")[0] ?? ""})`, 1);
    const points = parsed.data;
    if (split !== "all" && isSealedSummaryArticle(points.article) !== (split === "sealed")) continue;
    const articleFile = articleFiles.get(points.article);
    if (!articleFile) throw new CliError(`${file}: no article "${points.article}" in ${folders.join(", ")}`, 1);
    evaluated.push({ article: await loadArticleFile(articleFile), points });
  }
  if (evaluated.length === 0) throw new CliError(`no articles with main points in ${folders.join(", ")} for the ${split} split`, 1);
  return evaluated;
}

function selections(article: Article, length: SummaryLength, tuning: Partial<SelectionTuning> | undefined): Record<Method, string[]> {
  const texts = (tuningUsed: Partial<SelectionTuning> | undefined): string[] =>
    summarizeArticle(article, { length, ...(tuningUsed ? { tuning: tuningUsed } : {}) }).sentences.map((sentence) => sentence.text);
  const summary = texts(tuning);
  return {
    summary,
    previous: texts(PREVIOUS_SELECTION_TUNING),
    "centroid-mmr": texts(CENTROID_MMR_TUNING),
    "lead-k": leadSentences(article, SENTENCES_PER_LENGTH[length]),
    "lead≈words": leadByWords(
      article,
      summary.reduce((sum, text) => sum + wordCount(text), 0),
    ),
  };
}

export function evaluateSummaries(evaluated: readonly Evaluated[], split: DevSplit | "all", tuning?: Partial<SelectionTuning>): SummariesBenchResult {
  const byLength = {} as Record<SummaryLength, Record<Method, MethodFigures>>;
  const perArticle = new Map<number, SummariesBenchResult["perArticle"][number]>();
  evaluated.forEach(({ article, points }, index) => {
    if (isSealedSummaryArticle(article.id)) return;
    const covered = { summary: 0, previous: 0, "centroid-mmr": 0, "lead-k": 0, "lead≈words": 0 };
    perArticle.set(index, { article: article.id, points: points.points.length, covered });
  });
  for (const length of SUMMARY_LENGTHS) {
    const figures = {} as Record<Method, MethodFigures>;
    for (const method of METHODS) figures[method] = { covered: 0, points: 0, meanShare: 0, repeatedPairs: 0, meanWords: 0, meanSentences: 0 };
    evaluated.forEach(({ article, points }, index) => {
      const chosen = selections(article, length, tuning);
      for (const method of METHODS) {
        const texts = chosen[method];
        const covered = coveredPoints(points.points, texts).length;
        const entry = figures[method];
        entry.covered += covered;
        entry.points += points.points.length;
        entry.meanShare += covered / points.points.length / evaluated.length;
        entry.repeatedPairs += repeatedPointPairs(points.points, texts);
        entry.meanWords += texts.reduce((sum, text) => sum + wordCount(text), 0) / evaluated.length;
        entry.meanSentences += texts.length / evaluated.length;
        const row = perArticle.get(index);
        if (length === "medium" && row) row.covered[method] = covered;
      }
    });
    byLength[length] = figures;
  }
  return { split, articles: evaluated.map(({ article }) => article.id), byLength, perArticle: [...perArticle.values()] };
}

function describe(evaluated: readonly Evaluated[], tuning: Partial<SelectionTuning> | undefined): string {
  const lines: string[] = [];
  for (const { article, points } of evaluated) {
    if (isSealedSummaryArticle(article.id)) continue;
    const summary = summarizeArticle(article, { length: "medium", ...(tuning ? { tuning } : {}) });
    const covered = new Set(
      coveredPoints(
        points.points,
        summary.sentences.map((sentence) => sentence.text),
      ),
    );
    lines.push(`\n${article.id} (medium, ${covered.size}/${points.points.length} points)`);
    for (const sentence of summary.sentences) lines.push(`  [¶${sentence.paragraph}] ${sentence.text}`);
    for (const [i, point] of points.points.entries()) lines.push(`  ${covered.has(i) ? "✓" : "✗"} ${point.point} (¶${point.paragraphs.join(",")})`);
  }
  return lines.join("\n");
}

export async function summariesSuite(args: SummariesBenchArgs): Promise<void> {
  const evaluated = await loadEvaluated(args.folders, args.split);
  const result = evaluateSummaries(evaluated, args.split, args.tuning);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const pad = (text: string, width: number): string => text.padEnd(width);
  const lines = [
    `Summaries against hand-written main points: ${evaluated.length} articles (${args.split} split), lexical scoring`,
    `${pad("length", 8)}${pad("method", 14)}${pad("points", 10)}${pad("mean share", 12)}${pad("repeats", 9)}${pad("sentences", 11)}words`,
  ];
  for (const length of SUMMARY_LENGTHS) {
    for (const method of METHODS) {
      const figures = result.byLength[length][method];
      const label = method === "lead-k" ? `lead-${SENTENCES_PER_LENGTH[length]}` : method;
      lines.push(
        `${pad(length, 8)}${pad(label, 14)}${pad(`${figures.covered}/${figures.points}`, 10)}${pad(figures.meanShare.toFixed(3), 12)}${pad(String(figures.repeatedPairs), 9)}${pad(figures.meanSentences.toFixed(1), 11)}${figures.meanWords.toFixed(1)}`,
      );
    }
  }
  const sealed = evaluated.filter(({ article }) => isSealedSummaryArticle(article.id)).length;
  lines.push("", `medium, per article: ${pad("article", 34)}${METHODS.map((method) => pad(method, 14)).join("")}`);
  for (const row of result.perArticle) {
    lines.push(`${pad("", 21)}${pad(row.article, 34)}${METHODS.map((method) => pad(`${row.covered[method]}/${row.points}`, 14)).join("")}`);
  }
  if (sealed > 0) lines.push(`${pad("", 21)}(${sealed} sealed articles: in the totals only)`);
  if (args.verbose) lines.push(describe(evaluated, args.tuning));
  process.stdout.write(`${lines.join("\n")}\n`);
}
