import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering the project promises: the core (content, search, answer) never
 * imports discord.js, the Discord layer and the terminal talk to the service
 * through its contracts, and no module imports itself through a cycle.
 */

const SOURCE_ROOT = path.resolve("src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gms;

/** Each file's imports: relative ones resolved to source files, others as written. */
const graph = new Map<string, string[]>(
  sourceFiles(SOURCE_ROOT).map((file) => {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(IMPORT)].map((match) => {
      const specifier = match[1] ?? "";
      return specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier).replace(/\.js$/u, ".ts") : specifier;
    });
    return [file, targets];
  }),
);

const relative = (file: string): string => path.relative(SOURCE_ROOT, file);

describe("architecture", () => {
  it("finds the modules and their imports", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(path.join(SOURCE_ROOT, "main.ts"))).toContain(path.join(SOURCE_ROOT, "app.ts"));
  });

  it("has no import cycle", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(relative).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("keeps discord.js out of the core", () => {
    const core = [...graph.entries()].filter(([file]) => /^(?:content|search|answer)\//u.test(relative(file)));
    expect(core.length).toBeGreaterThan(20);
    for (const [file, targets] of core)
      expect(
        targets.filter((target) => target.startsWith("discord")),
        relative(file),
      ).toEqual([]);
  });

  it("lets the Discord layer and the terminal use the service's contracts, not the service itself", () => {
    const service = path.join(SOURCE_ROOT, "answer", "service.ts");
    const importers = [...graph.entries()].filter(([, targets]) => targets.includes(service)).map(([file]) => relative(file));
    // Only the place that constructs a service: the app (the benchmarks, too, build theirs through it).
    expect(importers).toEqual(["app.ts"]);
  });
});
