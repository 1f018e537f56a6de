import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/tmp");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("says what each malformed variable accepts, one line each, without echoing the value", () => {
    const found = problems({ USER_COOLDOWN_SECONDS: "abc", MAX_QUESTION_LENGTH: "-3", LOG_LEVEL: "loud", EMBEDDINGS_ENABLED: "perhaps" });
    expect(found).toEqual([
      "EMBEDDINGS_ENABLED: expected true or false",
      "USER_COOLDOWN_SECONDS: expected a number of seconds, 0 or more (e.g. 5 or 2.5)",
      "MAX_QUESTION_LENGTH: expected a whole number greater than 0",
      "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent",
    ]);
    for (const line of found) expect(line).not.toMatch(/abc|-3|loud|perhaps|NaN/);
  });

  it("takes METRICS_PORT only as a port number", () => {
    expect(problems({ METRICS_PORT: "70000" })).toEqual(["METRICS_PORT: expected a port number from 1 to 65535"]);
    expect(loadConfig({ METRICS_PORT: "9464" }, "/tmp").METRICS_PORT).toBe(9464);
    expect(loadConfig({}, "/tmp").METRICS_PORT).toBeUndefined();
  });

  it("takes the defaults for unset or blank variables", () => {
    expect(problems({ USER_COOLDOWN_SECONDS: " ", MAX_QUESTION_LENGTH: "" })).toEqual([]);
    expect(loadConfig({}, "/tmp").MAX_QUESTION_LENGTH).toBe(500);
  });
});
