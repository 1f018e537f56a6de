import { describe, expect, it } from "vitest";
import { stripInlineMarkdown } from "../../../src/content/parse/blocks.js";

describe("parseArticle: Markdown", () => {
  it("strips inline markdown but keeps literal characters", () => {
    expect(stripInlineMarkdown("**fett**, __auch__, *kursiv*, _so_, `code`, ~~weg~~ und [Link](https://a.de/x_(y))")).toBe(
      "fett, auch, kursiv, so, code, weg und Link",
    );
    expect(stripInlineMarkdown("snake_case_name bleibt, 2 * 3 * 4 auch, \\*kein\\* Stern")).toBe("snake_case_name bleibt, 2 * 3 * 4 auch, *kein* Stern");
    expect(stripInlineMarkdown("Bild ![alt](bild.png) weg")).toBe("Bild  weg");
  });
});
