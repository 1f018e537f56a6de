import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Logger } from "pino";
import { createServiceFrom } from "../app.js";
import { ServerContent } from "../answer/servers/server-content.js";
import { loadLexicons } from "../search/lexicons.js";
import { percentile } from "../search/evaluation.js";

/**
 * `npm run bench -- servers`: a bot in many servers, each with one small
 * article of its own, asked in turn. Measures what lazy, LRU-bounded server
 * indexes cost: heap after each checkpoint (after a full GC), peak RSS, and
 * ask latency for a server whose index must be built versus one still loaded.
 * The same run repeats with every server index kept (`maxLoaded` = servers):
 * the baseline the bound is compared with.
 */

export interface ServersBenchArgs {
  servers: number;
  maxLoaded: number;
  contentDir: string;
  json: boolean;
}

interface PassFigures {
  maxLoaded: number;
  /** Heap used (MiB, after a full GC) with only the operator's index, then after each checkpoint of servers asked. */
  heapBaseMb: number;
  heapAtMb: Record<string, number>;
  loadedAtEnd: number;
  buildAskP50Ms: number;
  buildAskP95Ms: number;
  loadedAskP50Ms: number;
  loadedAskP95Ms: number;
  seconds: number;
}

const WORDS = ["Hafen", "Brücke", "Schule", "Bibliothek", "Radweg", "Schwimmbad", "Marktplatz", "Stadion", "Bahnhof", "Museum", "Park", "Theater"];

/** One server's article: its own place, facility and numbers, so each index differs. */
function articleFor(index: number): string {
  const facility = WORDS[index % WORDS.length] ?? "Hafen";
  const town = `Ort${index.toString(36)}`;
  return [
    `Titel: ${town} erneuert ${facility}`,
    "",
    `Die Gemeinde ${town} will bis ${2025 + (index % 5)} ${facility === "Park" ? "den" : "die"} ${facility} erneuern. Der Gemeinderat hat dafür ${(index % 40) + 2} Millionen Euro bewilligt.`,
    "",
    `Nach Angaben der Verwaltung beginnen die Arbeiten im ${["März", "April", "Mai", "Juni"][index % 4] ?? "Mai"}. Während der Bauzeit gibt es Umleitungen.`,
    "",
    `Bürgerinnen und Bürger können ihre Vorschläge bis zum Monatsende im Rathaus von ${town} einreichen.`,
    "",
  ].join("\n");
}

/** A full collection without starting node with --expose-gc: the flag set at run time exposes gc to a new context. */
const gc = (): void => {
  setFlagsFromString("--expose_gc");
  const collect: unknown = runInNewContext("gc");
  if (isCallable(collect)) collect();
};
function isCallable(value: unknown): value is () => void {
  return typeof value === "function";
}
const heapMb = (): number => {
  gc();
  gc();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
};

async function runPass(args: ServersBenchArgs, maxLoaded: number, root: string, logger: Logger): Promise<PassFigures> {
  const lexicons = loadLexicons();
  const operator = await createServiceFrom({ contentDir: args.contentDir, logger, embeddings: "off", lexicons });
  const servers = new ServerContent({
    operator,
    serversDir: path.join(root, "servers"),
    enabled: true,
    maxLoaded,
    logger,
    createServer: (serverId, contentDir, shared) =>
      createServiceFrom({ contentDir, logger, embeddings: "off", lexicons, server: { serverId, maxArticles: 20, maxBytes: 5_000_000, shared } }),
  });
  const ids = Array.from({ length: args.servers }, (_, index) => (100_000_000_000_000_000n + BigInt(index)).toString());
  const heapBaseMb = heapMb();
  const checkpoints = new Set([Math.round(args.servers / 4), Math.round(args.servers / 2), args.servers]);
  const heapAtMb: Record<string, number> = {};
  const building: number[] = [];
  const loaded: number[] = [];
  const started = performance.now();
  for (const [index, id] of ids.entries()) {
    const facility = WORDS[index % WORDS.length] ?? "Hafen";
    const before = performance.now();
    const scope = await servers.forServer(id);
    await scope.qa.ask(`Wie viel Geld gibt es für ${facility} in Ort${index.toString(36)}?`);
    building.push(performance.now() - before);
    // The same server again: its index is loaded now.
    const again = performance.now();
    await (await servers.forServer(id)).qa.ask(`Wann beginnen die Arbeiten in Ort${index.toString(36)}?`);
    loaded.push(performance.now() - again);
    if (checkpoints.has(index + 1)) heapAtMb[String(index + 1)] = heapMb();
  }
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    maxLoaded,
    heapBaseMb,
    heapAtMb,
    loadedAtEnd: servers.status().loadedServers,
    buildAskP50Ms: round(percentile(building, 0.5)),
    buildAskP95Ms: round(percentile(building, 0.95)),
    loadedAskP50Ms: round(percentile(loaded, 0.5)),
    loadedAskP95Ms: round(percentile(loaded, 0.95)),
    seconds: round((performance.now() - started) / 1000),
  };
}

export async function serversSuite(args: ServersBenchArgs, logger: Logger): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), "qa-bench-servers-"));
  try {
    const contentDir = path.join(root, "operator");
    await cp(args.contentDir, contentDir, { recursive: true });
    for (let index = 0; index < args.servers; index += 1) {
      const folder = path.join(root, "servers", (100_000_000_000_000_000n + BigInt(index)).toString());
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, `artikel-${index}.txt`), articleFor(index));
    }
    const bounded = await runPass({ ...args, contentDir }, args.maxLoaded, root, logger);
    const unbounded = await runPass({ ...args, contentDir }, args.servers, root, logger);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ servers: args.servers, bounded, unbounded, peakRssMb })}\n`);
      return;
    }
    const growth = (pass: PassFigures): number => (pass.heapAtMb[String(args.servers)] ?? 0) - pass.heapBaseMb;
    const lines = [
      `${args.servers} servers with one article of their own each, asked in turn (lexical)`,
      `${"".padEnd(40)}${`LRU ${bounded.maxLoaded}`.padStart(12)}${`all ${unbounded.maxLoaded} kept`.padStart(16)}`,
      ...Object.keys(bounded.heapAtMb).map(
        (at) => `${`heap after ${at} servers (MiB)`.padEnd(40)}${String(bounded.heapAtMb[at]).padStart(12)}${String(unbounded.heapAtMb[at]).padStart(16)}`,
      ),
      `${"heap growth over the operator's (MiB)".padEnd(40)}${growth(bounded).toFixed(1).padStart(12)}${growth(unbounded).toFixed(1).padStart(16)}`,
      `${"server indexes loaded at the end".padEnd(40)}${String(bounded.loadedAtEnd).padStart(12)}${String(unbounded.loadedAtEnd).padStart(16)}`,
      `${"ask, index built first p50/p95 ms".padEnd(40)}${`${bounded.buildAskP50Ms}/${bounded.buildAskP95Ms}`.padStart(12)}${`${unbounded.buildAskP50Ms}/${unbounded.buildAskP95Ms}`.padStart(16)}`,
      `${"ask, index loaded p50/p95 ms".padEnd(40)}${`${bounded.loadedAskP50Ms}/${bounded.loadedAskP95Ms}`.padStart(12)}${`${unbounded.loadedAskP50Ms}/${unbounded.loadedAskP95Ms}`.padStart(16)}`,
      `peak RSS of the whole run: ${peakRssMb} MiB; heap growth ratio (LRU / all kept): ${(growth(bounded) / Math.max(growth(unbounded), 0.1)).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
