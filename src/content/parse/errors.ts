// ---------------------------------------------------------------------------
// Errors

export type ArticleParseErrorCode =
  "empty" | "no-article-text" | "no-paragraphs" | "too-complex" | "metadata" | "binary" | "encoding" | "unsupported-type" | "duplicate-id" | "read-failed";

/** An article that cannot be used; `message` is written for the moderator who maintains the files. */
export class ArticleParseError extends Error {
  override readonly name = "ArticleParseError";

  constructor(
    readonly code: ArticleParseErrorCode,
    /** What is wrong, without the file name. */
    readonly reason: string,
    /** The file the article came from, when known. */
    readonly file: string | null = null,
  ) {
    super(file === null ? reason : `${file}: ${reason}`);
  }

  /** The same error, attributed to `file`. */
  withFile(file: string): ArticleParseError {
    return new ArticleParseError(this.code, this.reason, file);
  }
}
