/**
 * Every piece of text the bot writes around the quoted excerpts. Quoted
 * article text is never translated: only the frame is.
 */
import type { SummaryLength, SummaryScoring } from "../../answer/summary/index.js";
import type { RetrievalMode } from "../../answer/types.js";
import type { FurnitureReason } from "../../content/parse/furniture.js";

/** The frame of an answer from an article's own details; `date` is already formatted, names are escaped. */
export interface FactsMessages {
  noAuthor: string;
  published(date: string | null, publisher: string | null): string;
  noDate: string;
  noPublisher: string;
  sources(count: number): string;
  noSources: string;
  link(url: string): string;
  noLink: string;
  kicker(kicker: string): string;
  more(count: number): string;
  footer: string;
}

export interface Messages {
  answerFooter(mode: RetrievalMode): string;
  sourceLabel(count: number): string;
  showParagraph(paragraph: number): string;
  feedbackUp: string;
  feedbackDown: string;
  notAnswered(summaryCommand: string): string;
  /** Above a hedged answer: the passage shown is only the closest one. */
  hedgedIntro: string;
  /** Under an answer quoted in another language than the question was asked in. */
  quoteLanguageNote(language: "de" | "en"): string;
  /** In the footer of an answer read as a follow-up; `previousQuestion` is plain text. */
  followUpNote(previousQuestion: string): string;
  /** Above the answer to a reply or thread message whose conversation is no longer known (idle too long, or a restart). */
  conversationLost(minutes: number): string;
  /** When a thread for the answer could not be opened. */
  threadFailed: string;
  /** Added when the question's language differs from the articles' and only word matching ran. */
  languageMismatchHint: string;
  /** An unanswered question in neither German nor English. */
  otherLanguage: string;
  /** The question had only function words: nothing was searched for. */
  noSearchWords(summaryCommand: string): string;
  /** The message only thanked the bot ("danke!"). */
  smallTalkThanks: string;
  /** The message only greeted the bot ("hallo"). */
  smallTalkGreeting(summaryCommand: string): string;
  /** A question about an article itself ("who wrote it?"), answered from its details. */
  facts: FactsMessages;
  mentionHint(askCommand: string): string;
  emptyQuestion(askCommand: string): string;
  questionTooLong(length: number, max: number): string;
  userCooldown(seconds: number): string;
  globalCap(seconds: number): string;
  genericError: string;
  paragraphNotFound(paragraph: number, articleTitle: string, paragraphCount: number): string;
  articleNotFound: string;
  paragraphGone: string;
  unknownButton: string;
  feedbackRecorded(vote: "up" | "down"): string;
  feedbackChanged(vote: "up" | "down"): string;
  paragraphFooter(paragraph: number, paragraphCount: number): string;
  about: {
    title: string;
    description: string;
    retrieval: string;
    modeHybrid: string;
    modeLexical: string;
    model: string;
    modelLoaded(model: string): string;
    modelOff(model: string, reason: string | null): string;
    modelLoading(model: string): string;
    index: string;
    /** `version` is the index's fingerprint: shards serving the same articles show the same one. */
    indexValue(builtAtTimestamp: string, paragraphCount: number, version: string): string;
    shard: string;
    /** "0 of 2": the shard(s) this process runs, of all. */
    shardValue(ids: readonly number[], count: number): string;
    paragraphs(count: number): string;
    moreArticles(count: number): string;
  };
  summary: {
    /** "kurz" / "short": as the length choice is named for this language. */
    lengthName(length: SummaryLength): string;
    title(length: SummaryLength): string;
    /** Appended to the title for a section summary; `heading` is already escaped, null for the opening. */
    sectionTitle(sectionNumber: number, heading: string | null): string;
    /** Label of the untitled opening section. */
    openingSection: string;
    originUnknown: string;
    footer(sentenceCount: number, scoring: SummaryScoring): string;
    empty: string;
    /** `typed` and `list` are already escaped; `typed` is null when several articles are loaded and none was named. */
    unknownArticle(typed: string | null, list: string): string;
    /** A summary asked for in a question, with several articles and nothing saying which. */
    whichArticle(list: string, command: string): string;
    unknownSection(typed: string, articleTitle: string, list: string): string;
    /** One section's summary asked for in a question, and none answers to it; `articleTitle` and `list` are already escaped. */
    whichSection(articleTitle: string, list: string, command: string): string;
  };
  content: {
    guildOnly: string;
    notModerator: string;
    /** A change of the articles every server shares, asked for by someone who is not in OPERATOR_USER_IDS. */
    notOperator: string;
    /** SERVER_ARTICLES=off: servers keep no articles of their own, and only operators change the shared ones. */
    serverArticlesOff: string;
    unavailable: string;
    /** Marks a server's own article in /articles (the rest are the ones every server shares). */
    ownArticle: string;
    taskName(task: "reindex" | "add-article" | "remove-article"): string;
    phaseName(phase: "checking" | "reading" | "embedding" | "indexing" | "saving"): string;
    /** Articles and paragraphs done of total; a total of 0 is not known yet. */
    counts(articlesDone: number, articlesTotal: number, paragraphsDone: number, paragraphsTotal: number): string;
    /** `progress` is the already formatted progress line. */
    alreadyRunning(progress: string): string;
    reportTitle: string;
    /** The new index is served but could not be saved to disk. */
    storeFailed: string;
    /** Heading above the files of the content folder that did not load. */
    unreadableTitle(count: number): string;
    added: string;
    changed: string;
    removed: string;
    unchanged: string;
    articles: string;
    paragraphs: string;
    duration: string;
    retrieval: string;
    seconds(milliseconds: number): string;
    /** The file change an upload or removal made; titles are escaped. */
    changeAdded(title: string, id: string, paragraphs: number): string;
    changeReplaced(title: string, previousTitle: string | null, id: string, paragraphs: number): string;
    changeRemoved(title: string | null, id: string): string;
    savedAs(fileName: string): string;
    /** An uploaded page copy: how many lines of the site around the article were left out. */
    droppedLines(count: number): string;
    /** `reason` is the service's own explanation (English), escaped. */
    reindexFailed(reason: string): string;
    changeRefused(reason: string): string;
    changeFailed(reason: string): string;
    uploadExtension(name: string): string;
    uploadContentType(name: string, contentType: string): string;
    uploadTooLarge(size: string, max: string): string;
    uploadDownloadFailed(detail: string): string;
    replaceWithoutFile(replaceOption: string): string;
    /** `/reindex check` without a file. */
    checkWithoutFile(checkOption: string): string;
    /** How an upload would be read (`/reindex check`) or was read (after adding it). */
    readingTitle(file: string): string;
    readingAddedTitle: string;
    readingKicker: string;
    readingDate: string;
    readingPublisher: string;
    readingNotFound: string;
    readingParagraphs(paragraphs: number, sections: number): string;
    readingSources(count: number): string;
    readingNoHeading: string;
    readingMore(count: number): string;
    readingDropped(count: number): string;
    readingNothingDropped: string;
    readingHtmlFurniture: string;
    /** Why a line of a page copy was left out. */
    furnitureReason(reason: FurnitureReason): string;
    /** An article with the upload's id exists: adding it needs the replace option. */
    readingWouldReplace(title: string | null, id: string, replaceOption: string): string;
    readingCheckFooter(checkOption: string): string;
    listTitle(count: number): string;
    listFooter(paragraphs: number, mode: RetrievalMode): string;
    sourceUnknown: string;
    articleUnknown(typed: string, list: string): string;
    removePrompt(title: string, id: string, paragraphs: number, minutes: number): string;
    removeConfirm: string;
    removeCancel: string;
    removeCancelled: string;
    removeExpired(command: string): string;
    removeNotYours: string;
    removeGone: string;
  };
  help: {
    title: string;
    intro: string;
    commandsLabel: string;
    mentionLabel: string;
    mentionUsage(exampleQuestion: string): string;
    conversationLabel: string;
    /** How follow-ups work; `withoutMention` when messages in the bot's threads need no mention (MESSAGE_CONTENT_INTENT). */
    conversationUsage(askCommand: string, minutes: number, withoutMention: boolean): string;
    tipsLabel: string;
    tips: string;
  };
}
