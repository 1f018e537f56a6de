import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { RACY_WINDOW_MS } from "../content/file-hashes.js";
import { loadGermanQuad } from "../search/germanquad.js";
import type { RetrievalPassage } from "../search/retriever.js";
import { seededRandom } from "../seeded-random.js";
import { CliError } from "./run.js";

/**
 * `npm run bench -- scale --paragraphs N --data DIR`: how the bot behaves on
 * a large content folder. Synthetic articles of GermanQuAD paragraphs (the
 * real passages first, then paragraphs of their sentences mixed at random)
 * are written to a temporary folder; compiled probe processes then start
 * cold (no stored index), start warm (the index the cold start stored),
 * answer GermanQuAD questions and add one article. Whole processes are
 * timed, node's start and imports included, as `npm start` would run them.
 */

export interface ScaleBenchArgs {
  paragraphs: number;
  dataDir: string;
  json: boolean;
  /** Questions timed after the first answer. */
  questions: number;
}

export interface ScaleFigures {
  paragraphs: number;
  coldStartMs: number;
  warmStartMs: number;
  addArticleMs: number;
  p50Ms: number;
  p95Ms: number;
  peakRssMb: number;
  indexBytes: number;
}

const PARAGRAPHS_PER_ARTICLE = 20;
const PARAGRAPHS_PER_SECTION = 5;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9"„])/u).filter((sentence) => sentence.length > 20);

/** The real passages, then mixed paragraphs of 3–5 of their sentences, until there are `count`. */
export function syntheticParagraphs(passages: readonly RetrievalPassage[], count: number): { heading: string; text: string }[] {
  const paragraphs = passages.slice(0, count).map((passage) => ({ heading: passage.heading ?? passage.title, text: passage.text }));
  const sentences = passages.flatMap((passage) => sentencesOf(passage.text));
  const headings = passages.map((passage) => passage.title);
  const random = seededRandom(20_260_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  while (paragraphs.length < count && sentences.length > 0) {
    const length = 3 + Math.floor(random() * 3);
    paragraphs.push({ heading: pick(headings), text: Array.from({ length }, () => pick(sentences)).join(" ") });
  }
  return paragraphs;
}

/** Markdown articles of `PARAGRAPHS_PER_ARTICLE` paragraphs each, in sections of `PARAGRAPHS_PER_SECTION`. */
function articleFiles(paragraphs: readonly { heading: string; text: string }[]): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (let start = 0; start < paragraphs.length; start += PARAGRAPHS_PER_ARTICLE) {
    const number = files.length + 1;
    const lines = [`# Sammlung ${number}: ${paragraphs[start]?.heading ?? ""}`, ""];
    for (const [position, paragraph] of paragraphs.slice(start, start + PARAGRAPHS_PER_ARTICLE).entries()) {
      if (position > 0 && position % PARAGRAPHS_PER_SECTION === 0) lines.push(`## ${paragraph.heading}`, "");
      lines.push(paragraph.text, "");
    }
    files.push({ name: `sammlung-${String(number).padStart(5, "0")}.md`, text: lines.join("\n") });
  }
  return files;
}

const probeLine = z.discriminatedUnion("event", [
  z.object({ event: z.literal("first-answer") }),
  z.object({
    event: z.literal("figures"),
    p50Ms: z.number(),
    p95Ms: z.number(),
    addArticleMs: z.number().nullable(),
    peakRssMb: z.number(),
    paragraphs: z.number(),
  }),
]);
type ProbeFigures = Extract<z.infer<typeof probeLine>, { event: "figures" }>;

/** Runs the compiled probe: the time until its first answer, and its figures. */
function runProbe(env: NodeJS.ProcessEnv, args: string[]): Promise<{ firstAnswerMs: number; figures: ProbeFigures }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, "dist", "bundle", "scale-probe.cjs"), ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let firstAnswerMs: number | null = null;
    let figures: ProbeFigures | null = null;
    let buffered = "";
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors = (errors + chunk.toString("utf8")).slice(-4000);
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf("\n");
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          continue;
        }
        const parsed = probeLine.safeParse(json);
        if (!parsed.success) continue;
        if (parsed.data.event === "first-answer") firstAnswerMs ??= performance.now() - started;
        else figures = parsed.data;
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || firstAnswerMs === null || figures === null) reject(new CliError(`the scale probe failed (exit ${code}): ${errors.trim()}`));
      else resolve({ firstAnswerMs, figures });
    });
  });
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Writes the articles (`articles/`), one more article to add, and the questions into `workDir`. */
export async function writeScaleCorpus(
  germanQuad: Awaited<ReturnType<typeof loadGermanQuad>>,
  args: Pick<ScaleBenchArgs, "paragraphs" | "questions">,
  workDir: string,
): Promise<{ extraFile: string; questionsFile: string; firstOnly: string }> {
  const contentDir = path.join(workDir, "articles");
  await mkdir(contentDir, { recursive: true });
  const paragraphs = syntheticParagraphs(germanQuad.passages, args.paragraphs + PARAGRAPHS_PER_ARTICLE);
  const files = articleFiles(paragraphs);
  const extra = files.pop();
  if (!extra) throw new CliError("no paragraphs to build articles from");
  for (const file of files) await writeFile(path.join(contentDir, file.name), file.text);
  const extraFile = path.join(workDir, "zusatz-artikel.md");
  await writeFile(extraFile, extra.text);
  const kept = new Set(germanQuad.passages.slice(0, args.paragraphs).map((passage) => passage.id));
  const questions = germanQuad.questions.filter((question) => kept.has(question.passage_id)).slice(0, args.questions + 1);
  const questionsFile = path.join(workDir, "questions.txt");
  await writeFile(questionsFile, questions.map((question) => question.question.replace(/\s+/g, " ")).join("\n"));
  const firstOnly = path.join(workDir, "first-question.txt");
  await writeFile(firstOnly, questions[0]?.question ?? "Was ist das?");
  return { extraFile, questionsFile, firstOnly };
}

export async function scaleSuite(args: ScaleBenchArgs): Promise<ScaleFigures> {
  // `npm run build`: the probe runs the bundle, as `npm start` does.
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new CliError("the build failed (see above)");
  const germanQuad = await loadGermanQuad(args.dataDir);
  const workDir = await mkdtemp(path.join(tmpdir(), "qa-bench-scale-"));
  try {
    const contentDir = path.join(workDir, "articles");
    const stateDir = path.join(workDir, "state");
    const { extraFile, questionsFile, firstOnly } = await writeScaleCorpus(germanQuad, args, workDir);
    // Files changed within this window of a start are hashed again at the next one (see file-hashes.ts); an operator's
    // articles are older than that, so the warm start is measured as it happens for them.
    await new Promise((resolve) => setTimeout(resolve, RACY_WINDOW_MS + 500));
    const env = { ...process.env, CONTENT_DIR: contentDir, STATE_DIR: stateDir, EMBEDDINGS_ENABLED: "false", LOG_LEVEL: "warn", DISCORD_TOKEN: "" };
    const cold = await runProbe(env, ["--questions", firstOnly]);
    const indexBytes = await folderBytes(stateDir);
    const warm = await runProbe(env, ["--questions", questionsFile, "--add", extraFile]);
    const round = (value: number): number => Math.round(value);
    return {
      paragraphs: warm.figures.paragraphs,
      coldStartMs: round(cold.firstAnswerMs),
      warmStartMs: round(warm.firstAnswerMs),
      addArticleMs: round(warm.figures.addArticleMs ?? 0),
      p50Ms: warm.figures.p50Ms,
      p95Ms: warm.figures.p95Ms,
      peakRssMb: Math.max(cold.figures.peakRssMb, warm.figures.peakRssMb),
      indexBytes,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export function printScaleFigures(figures: ScaleFigures, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  process.stdout.write(
    [
      `paragraphs        ${figures.paragraphs}`,
      `cold start        ${figures.coldStartMs} ms (no stored index, to the first answer)`,
      `warm start        ${figures.warmStartMs} ms (stored index, to the first answer)`,
      `add one article   ${figures.addArticleMs} ms`,
      `ask p50 / p95     ${figures.p50Ms} / ${figures.p95Ms} ms`,
      `peak RSS          ${figures.peakRssMb} MiB`,
      `index size        ${(figures.indexBytes / 2 ** 20).toFixed(1)} MiB`,
      "",
    ].join("\n"),
  );
}
