import { createHash } from "node:crypto";
import { articleIdFromFileName } from "../content/load.js";
import type { Article, Paragraph } from "../content/types.js";
import { detectLanguage, type Language } from "../search/analyzer.js";
import { Retriever, type DenseChannel, type RetrievalPassage } from "../search/retriever.js";
import { LexicalIndex } from "../search/lexical.js";
import type { StoredLexicalBase } from "./lexical-persistence.js";
import { passageId } from "./citation.js";
import type { ResolvedServiceOptions } from "./service-options.js";
import { combineLayers, type ArticleOrigin } from "./shared-layer.js";
import type { ArticleInfo } from "./types.js";

/** One complete index: the articles and everything built from them. A reindex builds a new one and swaps it in whole. */
export interface IndexState {
  /** Every article answered from: for a server, the operator's followed by its own. */
  articles: Article[];
  /** The articles of this service's own folder (for the operator's service, all of them). */
  own: Article[];
  /** The articles' main language, guessed from their text. */
  language: Language;
  /** File name → content hash of the files the articles came from. */
  files: Record<string, string>;
  paragraphById: ParagraphLookup;
  retriever: Retriever;
  builtAt: Date;
  /** What this process knows of the lexical index stored on disk (null: nothing, so the next store writes it whole). */
  lexicalBase: StoredLexicalBase | null;
}

/**
 * A short fingerprint of the files an index was built from (names and content
 * hashes): two processes serve the same articles exactly when their versions
 * agree, whenever and wherever each index was built.
 */
export function indexVersionOf(files: Readonly<Record<string, string>>): string {
  const lines = Object.entries(files)
    .map(([name, hash]) => `${name}\u0000${hash}`)
    .sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);
}

/** What `/about` and `/articles` show of an article. */
export function articleInfo(article: Article, origin: ArticleOrigin = "operator"): ArticleInfo {
  return {
    id: article.id,
    origin,
    title: article.title,
    kicker: article.kicker,
    publisher: article.publisher,
    url: article.url,
    date: article.date,
    paragraphCount: article.paragraphs.length,
    sourceCount: article.sources.length,
  };
}

type ParagraphEntry = { article: Article; paragraph: Paragraph };

/**
 * Each article's passages and paragraph entries, made once per article
 * object: a state built after a change shares them for every article that did
 * not change, so a change costs what it touched, not a walk that allocates
 * for every paragraph of the collection.
 */
interface DerivedArticle {
  passages: RetrievalPassage[];
  /** Paragraph entries by the number part of their passage id. */
  byNumber: Map<string, ParagraphEntry>;
}

const derivedByArticle = new WeakMap<Article, DerivedArticle>();

function derivedOf(article: Article): DerivedArticle {
  let derived = derivedByArticle.get(article);
  if (!derived) {
    derived = {
      passages: article.paragraphs.map((paragraph) => ({
        id: passageId(article.id, paragraph.number),
        title: article.title,
        heading: paragraph.heading,
        text: paragraph.text,
      })),
      byNumber: new Map(article.paragraphs.map((paragraph) => [String(paragraph.number), { article, paragraph }])),
    };
    derivedByArticle.set(article, derived);
  }
  return derived;
}

/**
 * Paragraphs by passage id (`article#number`), through their article: made
 * per state in the number of articles, not of paragraphs. A later article
 * with the same id takes the place of an earlier one.
 */
export class ParagraphLookup {
  private readonly byArticle: Map<string, Map<string, ParagraphEntry>>;

  constructor(articles: readonly Article[]) {
    this.byArticle = new Map(articles.map((article) => [article.id, derivedOf(article).byNumber]));
  }

  get(id: string): ParagraphEntry | undefined {
    const cut = id.lastIndexOf("#");
    return cut < 0 ? undefined : this.byArticle.get(id.slice(0, cut))?.get(id.slice(cut + 1));
  }
}

/** The articles' paragraphs as the retriever sees them (the same objects for the same article). */
export function toPassages(articles: readonly Article[]): RetrievalPassage[] {
  const passages: RetrievalPassage[] = [];
  for (const article of articles) for (const passage of derivedOf(article).passages) passages.push(passage);
  return passages;
}

/**
 * The lexical index of `articles`' paragraphs. With `reuse` (the index of
 * the state being replaced and its articles), that index is brought up to
 * date in place, paragraph by paragraph: only the paragraphs of changed,
 * added and removed articles are compared and analysed (an unchanged article
 * is the same object in both), and those taken out are returned. The
 * replaced state must not be searched afterwards.
 */
export function lexicalIndexFor(
  articles: readonly Article[],
  options: Pick<ResolvedServiceOptions, "lexical" | "lexicons">,
  reuse?: { index: LexicalIndex; articles: readonly Article[] },
): { index: LexicalIndex; removed: RetrievalPassage[] } {
  if (!reuse) return { index: LexicalIndex.build(toPassages(articles), options.lexical, options.lexicons), removed: [] };
  const same = (left: RetrievalPassage, right: RetrievalPassage): boolean =>
    left.title === right.title && left.heading === right.heading && left.text === right.text && left.language === right.language;
  const nextArticles = new Set(articles);
  const beforeArticles = new Set(reuse.articles);
  const leaving = toPassages(reuse.articles.filter((article) => !nextArticles.has(article)));
  const arriving = toPassages(articles.filter((article) => !beforeArticles.has(article)));
  // A replaced article may keep paragraphs as they were: those stay in the index.
  const next = new Map(arriving.map((passage) => [passage.id, passage]));
  const before = new Map(leaving.map((passage) => [passage.id, passage]));
  const removed = leaving.filter((passage) => {
    const replacement = next.get(passage.id);
    return !replacement || !same(passage, replacement);
  });
  const added = arriving.filter((passage) => {
    const previous = before.get(passage.id);
    return !previous || !same(previous, passage);
  });
  reuse.index.remove(removed);
  reuse.index.add(added);
  return { index: reuse.index, removed };
}

export function buildIndexState(
  articles: Article[],
  own: Article[],
  files: Record<string, string>,
  dense: DenseChannel | null,
  options: Pick<ResolvedServiceOptions, "lexical" | "fusion" | "lexicons">,
  builtAt: Date,
  lexicalIndex?: LexicalIndex,
  lexicalBase: StoredLexicalBase | null = null,
  previous?: Retriever,
): IndexState {
  const paragraphById = new ParagraphLookup(articles);
  const retriever = new Retriever(toPassages(articles), dense, {
    lexical: options.lexical,
    fusion: options.fusion,
    lexicons: options.lexicons,
    ...(lexicalIndex ? { lexicalIndex } : {}),
    ...(previous ? { previous } : {}),
  });
  const language = detectLanguage(languageSample(articles));
  return { articles, own, language, files, paragraphById, retriever, builtAt, lexicalBase };
}

/** Enough of the articles' opening paragraphs to tell their main language (all of them would take long on a large collection). */
const LANGUAGE_SAMPLE_CHARACTERS = 20_000;
function languageSample(articles: readonly Article[]): string {
  const parts: string[] = [];
  let length = 0;
  for (let position = 0; position < 5 && length < LANGUAGE_SAMPLE_CHARACTERS; position += 1) {
    for (const article of articles) {
      const text = article.paragraphs[position]?.text;
      if (text === undefined) continue;
      parts.push(text);
      length += text.length;
      if (length >= LANGUAGE_SAMPLE_CHARACTERS) break;
    }
  }
  return parts.join(" ");
}

/** The articles served from a folder's own ones: for a server, the operator's come first (see combineLayers). */
export function serveLayers(
  own: readonly Article[],
  files: Readonly<Record<string, string>>,
  options: Pick<ResolvedServiceOptions, "server">,
): ReturnType<typeof combineLayers> {
  const names = Object.keys(files);
  const fileOf = (article: Article): string => names.find((name) => articleIdFromFileName(name) === article.id) ?? article.id;
  return combineLayers(own, options.server?.shared.articles ?? null, fileOf);
}
