import type { SmallTalk } from "./small-talk.js";
import type { AddArticleRequest, ArticleChange, ArticleCheck, CheckArticleRequest, ContentActor, RemoveArticleRequest } from "../content/library/index.js";
import type { ArticleLoadProblem, ArticleProblem } from "../content/problems.js";
import type { Article, Paragraph } from "../content/types.js";
import type { Language } from "../search/analyzer.js";
import type { AbstentionFeatures } from "./abstention.js";
import type { AnswerType } from "./answer-types.js";
import type { ArticleFactKind } from "./article-facts/question.js";
import type { ArticleOrigin } from "./shared-layer.js";
import type { SummarizeRequest, Summary } from "./summary/index.js";

/** Which retrieval channels served an answer. */
export type RetrievalMode = "hybrid" | "lexical";

export interface Citation {
  articleId: string;
  articleTitle: string;
  publisher: string | null;
  articleUrl: string | null;
  articleDate: string | null;
  paragraph: number;
  heading: string | null;
  /** One or two verbatim sentences of the paragraph that answer the question. */
  excerpt: string;
  /** The full paragraph text. */
  passage: string;
  /** Fused retrieval score (higher is better; comparable only within one answer). */
  score: number;
}

export interface Answer {
  question: string;
  /** False when the articles do not answer the question: then nothing should be quoted as an answer. */
  answered: boolean;
  /**
   * True when the first citation is only the closest passage, which may not
   * answer the question: shown as such, never as the answer. Always false when
   * `answered` is false.
   */
  hedged: boolean;
  mode: RetrievalMode;
  /** What is shown, best first: up to a few passages when answered, the closest one when hedged, none when refused. */
  citations: Citation[];
  /** The closest passages, best first, whatever the outcome (for `--json`, benchmarks and diagnostics). */
  ranking: Citation[];
  /** The kind of thing the question asks for ("date" for "wann"), when it asks for one. */
  answerType?: AnswerType;
  /** Set when the question was read as a follow-up: which earlier question it continues, and the words carried over from it. */
  followUp?: { previousQuestion: string; carriedWords: string[] };
  /** Set when the quote is in another language than the question (an English question about a German article). */
  quoteLanguage?: Language;
  /** Why the answer was withheld (for logs and tests), when `answered` is false. */
  abstainReason?: string;
  /** Why the closest passage is shown only as such, when `hedged` is true. */
  hedgeReason?: string;
  /** The features the outcome was decided from (diagnostics; not part of the JSON output). */
  features?: AbstentionFeatures;
  /**
   * Set when an unanswered question is in another language than the articles
   * and only the lexical channel ran: it can match names, not translations.
   */
  languageMismatch?: boolean;
  /** Set when the question has only function words ("was ist das?", "???"): there was nothing to search for. */
  noSearchWords?: boolean;
  /** Set when such a message only thanks or greets ("danke!", "hallo"): it gets a reply in kind. */
  smallTalk?: SmallTalk;
  /** Set when an unanswered question is in neither German nor English ("Qu'est-ce que …?"): the bot reads only those. */
  otherLanguage?: boolean;
  /**
   * Set when the question asks about an article itself (who wrote it, when it
   * was published, its sources): answered from the article's details, not
   * from a paragraph, so `citations` is empty.
   */
  articleFacts?: ArticleFacts;
  /** Set when the question asks for a summary ("worum geht es?", "tl;dr"): the article's own sentences, as /summary gives them. */
  summary?: Summary;
  /** Set when a summary was asked for and nothing says which of several articles: the articles to choose from. */
  summaryChoices?: { articles: { articleId: string; title: string }[]; more: number };
  /** Set when one section's summary was asked for and none answers to the request: the article's sections, as `sectionLabels` writes them. */
  sectionChoices?: { articleId: string; title: string; sections: string[] };
}

/** An article's own details, as its file states them. */
export interface ArticleFactSheet {
  articleId: string;
  title: string;
  kicker: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  /** The article's list of sources, each line verbatim. */
  sources: string[];
}

export interface ArticleFacts {
  asked: ArticleFactKind;
  /** The article the question is about; all of them (up to a few) when it did not say which. */
  articles: ArticleFactSheet[];
  /** Articles left out of `articles`. */
  more: number;
}

export interface ArticleInfo {
  id: string;
  /** The operator's articles are answered in every server; a server's own only there. */
  origin: ArticleOrigin;
  title: string;
  /** The topic line above the headline, when the article has one. */
  kicker: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  paragraphCount: number;
  sourceCount: number;
}

export interface ServiceStatus {
  mode: RetrievalMode;
  /** Embedding model id when the dense channel is active, otherwise the configured id. */
  model: string;
  /** Whether the embedding model is loaded (hybrid) or unavailable (lexical). */
  modelLoaded: boolean;
  /** True while the embedding model is still loading (answers are lexical meanwhile). */
  modelLoading: boolean;
  /** Why the dense channel is off, when it is. */
  modelError: string | null;
  articles: ArticleInfo[];
  paragraphCount: number;
  /** ISO timestamp of when the current index was built. */
  indexBuiltAt: string;
  /** Fingerprint of the article files the index was built from (see indexVersionOf); equal across processes serving the same files. */
  indexVersion: string;
  /** Files in the content folder that did not load (at the last start or reindex), with why. */
  unreadable: { articleId: string; file: string; problem: ArticleProblem }[];
}

export interface SourceLookup {
  article: Article;
  paragraph: Paragraph;
}

/** One question of a conversation and what it was answered with: what a follow-up continues. */
export interface ConversationTurn {
  question: string;
  /**
   * The question with the words it carried over from earlier turns: a chain
   * of follow-ups ("Wer ist Ballbach?", "Was sagt er?", "Und warum?") keeps
   * its subject without reading every earlier turn again.
   */
  topic: string;
  answered: boolean;
  /** Passages (`articleId#paragraph`) the answer showed. */
  citedIds: string[];
  answerType: AnswerType | null;
  /** Set when the turn asked about articles themselves (see Answer.articleFacts): the ids of the articles it showed. */
  factArticles?: string[];
}

export interface AskOptions {
  /** The earlier turns of the conversation the question continues, oldest first; none for a question on its own. */
  history?: readonly ConversationTurn[];
}

/** The one object the Discord layer and the CLI talk to. */
export interface QaApi {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A paragraph by number; `articleId` may be omitted when only one article is indexed. */
  source(paragraph: number, articleId?: string): SourceLookup | null;
  status(): ServiceStatus;
  articles(): Article[];
  /** An extractive, cited summary of one article (or one of its sections); cached per article version. */
  summary(request: SummarizeRequest): Promise<Summary>;
}

// ---------------------------------------------------------------- content administration

export interface ReindexProgress {
  /** What the running operation is: a plain reindex, or one that follows an article upload or removal. */
  task: "reindex" | "add-article" | "remove-article";
  /** "checking": validating and writing the uploaded file; then the index is rebuilt. */
  phase: "checking" | "reading" | "embedding" | "indexing" | "saving";
  articlesDone: number;
  articlesTotal: number;
  paragraphsDone: number;
  paragraphsTotal: number;
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  articles: number;
  paragraphs: number;
  durationMs: number;
  mode: "hybrid" | "lexical";
  /**
   * Set when the new index is served but could not be stored (a full or
   * read-only disk): the articles are fine, the next start rebuilds the index
   * from them, and the next change tries to store it again.
   */
  storeFailure?: string;
  /**
   * Files of the content folder that could not be read, left out of the new
   * index (present only when there are any). One broken file does not hold
   * up the others; it is listed until it is fixed or removed.
   */
  skipped?: ArticleLoadProblem[];
}

/** What an upload or removal did: the file change and the reindex that made it live. */
export interface ContentUpdateReport {
  change: ArticleChange;
  reindex: ReindexReport;
}

/** How an upload or removal reports on the reindex that follows it. */
export interface ContentChangeOptions {
  /** Told of every phase and count while the file is checked and the index rebuilt. */
  onProgress?: (progress: ReindexProgress) => void;
}

export interface ReindexOptions {
  /** Told of every phase and count while the index is rebuilt. */
  onProgress?: (progress: ReindexProgress) => void;
  /** Who asked: when given, the reindex is recorded in the audit log. */
  actor?: ContentActor;
  /** Articles to report additions, changes and removals against, e.g. those of the stored index (the CLI). */
  baseline?: readonly Article[];
}

/** The content-management half of the service, for moderator commands (Discord, terminal, CLI). */
export interface ContentAdminApi {
  reindex(options?: ReindexOptions): Promise<ReindexReport>;
  reindexProgress(): ReindexProgress | null;
  addArticle(request: AddArticleRequest, options?: ContentChangeOptions): Promise<ContentUpdateReport>;
  removeArticle(request: RemoveArticleRequest, options?: ContentChangeOptions): Promise<ContentUpdateReport>;
  /** How an upload would be read, and whether adding it would replace an article; changes nothing. */
  checkArticle(request: CheckArticleRequest): Promise<ArticleCheck>;
}
