import { describe, expect, it } from "vitest";
import { parseSourceLine } from "../../../src/content/parse/sources.js";

describe("helpers", () => {
  it("parses source lines with URLs and domains", () => {
    expect(parseSourceLine("- Bericht unter https://Example.com/a/b?x=1. (Stand: 2023-09-05)")).toEqual({
      text: "Bericht unter https://Example.com/a/b?x=1. (Stand: 2023-09-05)",
      url: "https://example.com/a/b?x=1",
      date: "2023-09-05",
    });
    expect(parseSourceLine("www.Tagesschau.de: Bericht").url).toBe("tagesschau.de");
    expect(parseSourceLine("Telefonat mit Dr. Eric J. Ballbach").url).toBeNull();
    expect(parseSourceLine("Studie.pdf der Universität").url).toBeNull();
  });
});
