import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { percentile } from "../search/evaluation.js";
import { PassageVectors, topPositions } from "../search/passage-vectors.js";

/**
 * `npm run bench -- dense --paragraphs N`: the dense channel's part of a
 * question at scale, on random unit vectors of the default model's size
 * (no model is needed to time arithmetic): every cosine, their mean and
 * spread, and the best candidates. Against the plain way in the same run:
 * one Float32Array per passage, an object per cosine and a full sort.
 */

export interface DenseBenchArgs {
  paragraphs: number;
  json: boolean;
}

const DIMENSION = 384;
const PARAGRAPHS_PER_ARTICLE = 20;
const CANDIDATES = 50;
const QUERIES = 60;

function unitVector(random: () => number): Float32Array {
  const vector = Float32Array.from({ length: DIMENSION }, () => random() - 0.5);
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Timed {
  p50Ms: number;
  p95Ms: number;
  /** Heap and array-buffer memory the vectors took when they were made. */
  memoryMb: number;
}

// A full collection before each reading, so that memory figures are what is alive (the flag is set here, not by the caller).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

function memoryNow(): number {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** What the dense channel takes from a question's cosines: the best positions and the spread. */
type DenseOutcome = { best: number[]; deviation: number };

function time(queries: readonly Float32Array[], search: (query: Float32Array) => DenseOutcome): { p50Ms: number; p95Ms: number; outcomes: DenseOutcome[] } {
  const latencies: number[] = [];
  const outcomes: DenseOutcome[] = [];
  for (const query of queries) {
    const started = performance.now();
    outcomes.push(search(query));
    latencies.push(performance.now() - started);
  }
  return { p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), outcomes };
}

export function denseSuite(args: DenseBenchArgs): { paragraphs: number; plain: Timed; blocks: Timed } {
  const random = randomSource(7);
  const queries = Array.from({ length: QUERIES }, () => unitVector(random));
  const ids = Array.from(
    { length: args.paragraphs },
    (_, position) => `artikel-${Math.floor(position / PARAGRAPHS_PER_ARTICLE)}#${(position % PARAGRAPHS_PER_ARTICLE) + 1}`,
  );

  const beforePlain = memoryNow();
  const rows = Array.from({ length: args.paragraphs }, () => unitVector(random));
  const plainMemory = memoryNow() - beforePlain;
  const plain = time(queries, (query) => {
    const all = ids.map((id, position) => {
      const row = rows[position] ?? new Float32Array(0);
      let sum = 0;
      for (let index = 0; index < DIMENSION; index += 1) sum += (query[index] ?? 0) * (row[index] ?? 0);
      return { id, position, cosine: sum };
    });
    all.sort((left, right) => right.cosine - left.cosine);
    const mean = all.reduce((sum, entry) => sum + entry.cosine, 0) / all.length;
    const variance = all.reduce((sum, entry) => sum + (entry.cosine - mean) ** 2, 0) / all.length;
    return { best: all.slice(0, CANDIDATES).map((entry) => entry.position), deviation: Math.sqrt(variance) };
  });

  const beforeBlocks = memoryNow();
  const blocks: Float32Array[] = [];
  for (let start = 0; start < rows.length; start += PARAGRAPHS_PER_ARTICLE)
    blocks.push(PassageVectors.block(rows.slice(start, start + PARAGRAPHS_PER_ARTICLE), DIMENSION));
  const vectors = new PassageVectors(DIMENSION, blocks);
  const blocksMemory = memoryNow() - beforeBlocks;
  const blocked = time(queries, (query) => {
    const cosines = vectors.scores(query);
    let sum = 0;
    for (const cosine of cosines) sum += cosine;
    const mean = sum / cosines.length;
    let squares = 0;
    for (const cosine of cosines) squares += (cosine - mean) ** 2;
    return { best: topPositions(cosines, CANDIDATES), deviation: Math.sqrt(squares / cosines.length) };
  });
  const agree = plain.outcomes.every((outcome, index) => {
    const other = blocked.outcomes[index];
    return other !== undefined && outcome.best.join() === other.best.join() && Math.abs(outcome.deviation - other.deviation) < 1e-9;
  });
  if (!agree) throw new Error("the two ways ranked the vectors differently");
  const megabytes = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    paragraphs: args.paragraphs,
    plain: { p50Ms: plain.p50Ms, p95Ms: plain.p95Ms, memoryMb: megabytes(plainMemory) },
    blocks: { p50Ms: blocked.p50Ms, p95Ms: blocked.p95Ms, memoryMb: megabytes(blocksMemory) },
  };
}

export function printDenseFigures(figures: ReturnType<typeof denseSuite>, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const ratio = (left: number, right: number): string => (right > 0 ? (left / right).toFixed(2) : "–");
  const lines = [
    `dense channel, ${figures.paragraphs} paragraphs of ${DIMENSION} dimensions, ${QUERIES} questions`,
    `${"".padEnd(24)}${"blocks".padStart(10)}${"plain".padStart(10)}${"ratio".padStart(8)}`,
    `${"question p50 (ms)".padEnd(24)}${figures.blocks.p50Ms.toFixed(2).padStart(10)}${figures.plain.p50Ms.toFixed(2).padStart(10)}${ratio(figures.blocks.p50Ms, figures.plain.p50Ms).padStart(8)}`,
    `${"question p95 (ms)".padEnd(24)}${figures.blocks.p95Ms.toFixed(2).padStart(10)}${figures.plain.p95Ms.toFixed(2).padStart(10)}${ratio(figures.blocks.p95Ms, figures.plain.p95Ms).padStart(8)}`,
    `${"vectors' memory (MiB)".padEnd(24)}${figures.blocks.memoryMb.toFixed(1).padStart(10)}${figures.plain.memoryMb.toFixed(1).padStart(10)}${ratio(figures.blocks.memoryMb, figures.plain.memoryMb).padStart(8)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
