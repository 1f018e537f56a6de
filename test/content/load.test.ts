import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleIdFromFileName, findInvalidUtf8, loadArticleFile, loadArticles } from "../../src/content/load.js";
import { ArticleParseError } from "../../src/content/parse.js";
import { describeLoadProblems } from "../../src/content/problem-text.js";

const BUNDLED_DIR = path.resolve("data/articles");
const GOOD_ARTICLE = "Ein Titel\nDer erste Absatz steht hier. Er hat zwei Sätze.\nDer zweite Absatz.\n";

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "content-load-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function writeArticle(name: string, content: string | Uint8Array, dir = workDir): Promise<string> {
  const filePath = path.join(dir, name);
  await writeFile(filePath, content);
  return filePath;
}

async function loadError(filePath: string): Promise<ArticleParseError> {
  try {
    await loadArticleFile(filePath);
  } catch (error) {
    if (error instanceof ArticleParseError) return error;
    throw error;
  }
  throw new Error("expected an ArticleParseError");
}

describe("articleIdFromFileName", () => {
  it.each([
    ["nordkorea-russland-waffen.txt", "nordkorea-russland-waffen"],
    ["Nordkorea Rußland_Waffen.TXT", "nordkorea-russland-waffen"],
    ["Über Öl & Gas (2023).md", "ueber-oel-gas-2023"],
    ["Café crème.md", "cafe-creme"],
    ["/some/dir/Artikel.v2.txt", "artikel-v2"],
    ["---.txt", "article"],
  ])("%s → %s", (name, id) => {
    expect(articleIdFromFileName(name)).toBe(id);
  });
});

describe("findInvalidUtf8", () => {
  it("accepts valid UTF-8 and finds the first bad byte", () => {
    expect(findInvalidUtf8(new TextEncoder().encode("Grüße aus Pjöngjang – 😀"))).toBe(-1);
    expect(findInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xc3, 0x28]))).toBe(2);
    expect(findInvalidUtf8(Uint8Array.from([0x61, 0xe4, 0x62]))).toBe(1); // Latin-1 "ä"
    expect(findInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(findInvalidUtf8(Uint8Array.from([0x61, 0xe2, 0x82]))).toBe(1); // truncated
  });
});

describe("loadArticleFile", () => {
  it("loads the bundled article with the sha256 of its bytes", async () => {
    const filePath = path.join(BUNDLED_DIR, "nordkorea-russland-waffen.txt");
    const article = await loadArticleFile(filePath);
    const expectedHash = createHash("sha256")
      .update(await readFile(filePath))
      .digest("hex");
    expect(article.contentHash).toBe(expectedHash);
    expect(article.id).toBe("nordkorea-russland-waffen");
    expect(article.paragraphs).toHaveLength(16);
  });

  it("reads a UTF-8 BOM file and parses .md as Markdown", async () => {
    const filePath = await writeArticle("Mit BOM.md", "\uFEFF# Titel\n\nText mit **Betonung**.\n");
    const article = await loadArticleFile(filePath);
    expect(article.id).toBe("mit-bom");
    expect(article.format).toBe("md");
    expect(article.title).toBe("Titel");
    expect(article.paragraphs[0]?.text).toBe("Text mit Betonung.");
  });

  it("rejects binary content with the file name and reason", async () => {
    const withNul = await loadError(await writeArticle("bild.txt", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a])));
    expect(withNul.code).toBe("binary");
    expect(withNul.message).toMatch(/^bild\.txt: .*NUL bytes/u);
    const controls = await loadError(await writeArticle("steuer.txt", Uint8Array.from([0x41, 0x01, 0x02, 0x03, 0x42, 0x04, 0x43])));
    expect(controls.code).toBe("binary");
    expect(controls.message).toMatch(/^steuer\.txt: .*control characters/u);
  });

  it("rejects invalid UTF-8 and UTF-16 with a hint", async () => {
    const latin1 = await loadError(await writeArticle("latin1.txt", Uint8Array.from([0x54, 0x69, 0x74, 0x65, 0x6c, 0x0a, 0x47, 0x72, 0xfc, 0xdf, 0x65])));
    expect(latin1.code).toBe("encoding");
    expect(latin1.message).toBe("latin1.txt: the file is not valid UTF-8 (first bad byte at offset 8, line 2); save it as UTF-8");
    const utf16 = await loadError(await writeArticle("utf16.txt", Uint8Array.from([0xff, 0xfe, 0x41, 0x00])));
    expect(utf16.code).toBe("encoding");
    expect(utf16.message).toMatch(/^utf16\.txt: .*UTF-16/u);
  });

  it("rejects empty and whitespace-only files with the file name", async () => {
    expect((await loadError(await writeArticle("leer.txt", ""))).message).toBe("leer.txt: the file is empty");
    expect((await loadError(await writeArticle("blank.md", "  \n\n\t"))).message).toBe("blank.md: the file contains only whitespace");
  });

  it("rejects unsupported extensions and missing files", async () => {
    expect((await loadError(await writeArticle("daten.json", "{}"))).code).toBe("unsupported-type");
    const missing = await loadError(path.join(workDir, "gibt-es-nicht.txt"));
    expect(missing.code).toBe("read-failed");
    expect(missing.message).toMatch(/^gibt-es-nicht\.txt: cannot read the file/u);
  });
});

describe("loadArticles", () => {
  it("loads the bundled folder without errors", async () => {
    const { articles, errors } = await loadArticles(BUNDLED_DIR);
    expect(errors).toEqual([]);
    expect(articles.map((article) => article.id)).toContain("nordkorea-russland-waffen");
  });

  it("loads .txt and .md in name order, reports bad files and ignores other files", async () => {
    const dir = path.join(workDir, "mixed");
    await mkdir(dir);
    await writeArticle("b-zweiter.md", "# Zweiter\n\nText zwei.\n", dir);
    await writeArticle("a-erster.txt", GOOD_ARTICLE, dir);
    await writeArticle("c-kaputt.txt", Uint8Array.from([0x41, 0x00, 0x42]), dir);
    await writeArticle("d-leer.txt", "", dir);
    await writeArticle("notizen.json", "{}", dir);
    await writeArticle("bild.png", Uint8Array.from([0x89, 0x50, 0x00]), dir);
    await writeArticle(".versteckt.txt", GOOD_ARTICLE, dir);
    await writeArticle("B-Zweiter.txt", GOOD_ARTICLE, dir);

    const { articles, errors } = await loadArticles(dir);
    expect(articles.map((article) => article.id)).toEqual(["b-zweiter", "a-erster"]);
    expect(errors.map((error) => error.file)).toEqual(["b-zweiter.md", "c-kaputt.txt", "d-leer.txt"]);
    expect(errors[0]?.problem).toEqual({ kind: "duplicate-id", id: "b-zweiter", clash: "B-Zweiter.txt" });
    expect(errors[1]?.problem).toEqual({ kind: "nul-bytes" });
    expect(errors[2]?.problem).toEqual({ kind: "empty", whitespaceOnly: false });
    expect(describeLoadProblems(errors.slice(1))).toBe(
      "c-kaputt.txt: the file contains NUL bytes: it looks like a binary file, not text; d-leer.txt: the file is empty",
    );
  });

  it("throws a clear error for a missing folder or a file given as folder", async () => {
    await expect(loadArticles(path.join(workDir, "fehlt"))).rejects.toThrow(/Article folder .*fehlt cannot be read \(it does not exist\)/u);
    const file = await writeArticle("kein-ordner.txt", GOOD_ARTICLE);
    await expect(loadArticles(file)).rejects.toThrow(/is not a directory/u);
  });
});
