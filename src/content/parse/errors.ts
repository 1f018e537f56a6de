import { describeArticleProblem } from "../problem-text.js";
import { articleProblemCode, type ArticleProblem, type ArticleProblemCode } from "../problems.js";

export type ArticleParseErrorCode = ArticleProblemCode;

/** An article that cannot be used. `problem` holds the facts; `message` is their English wording, after the file name. */
export class ArticleParseError extends Error {
  override readonly name = "ArticleParseError";

  constructor(
    readonly problem: ArticleProblem,
    /** The file the article came from, when known. */
    readonly file: string | null = null,
  ) {
    const reason = describeArticleProblem(problem);
    super(file === null ? reason : `${file}: ${reason}`);
  }

  get code(): ArticleParseErrorCode {
    return articleProblemCode(this.problem);
  }

  /** What is wrong, in English, without the file name. */
  get reason(): string {
    return describeArticleProblem(this.problem);
  }

  /** The same error, attributed to `file`. */
  withFile(file: string): ArticleParseError {
    return new ArticleParseError(this.problem, file);
  }
}
