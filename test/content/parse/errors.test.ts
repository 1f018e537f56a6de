import { describe, expect, it } from "vitest";
import { ArticleParseError } from "../../../src/content/parse/errors.js";

describe("parseArticle: errors", () => {
  it("names the file when attributed", () => {
    expect(new ArticleParseError({ kind: "empty", whitespaceOnly: false }).withFile("a.txt").message).toBe("a.txt: the file is empty");
  });
});
