import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { envSchema, loadConfig } from "../../src/config.js";

describe(".env.example", () => {
  const text = readFileSync(".env.example", "utf8");
  const values = parse(text);

  it("documents every configuration variable, each with a comment", () => {
    expect(Object.keys(values).sort()).toEqual(Object.keys(envSchema.shape).sort());
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      if (/^[A-Z_]+=/.test(line)) expect(lines[index - 1], line).toMatch(/^# /);
    });
  });

  it("is a valid configuration as it stands", () => {
    expect(() => loadConfig(values, "/tmp")).not.toThrow();
  });
});
