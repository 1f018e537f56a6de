import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ContentAdminApi } from "../answer/types.js";
import { ReindexBusyError, ReindexFailedError } from "../answer/errors.js";
import type { Answer, ConversationTurn, QaApi } from "../answer/types.js";
import { historyAfter } from "../answer/conversation/turns.js";
import type { ContentActor } from "../content/library/index.js";
import { parseSummaryCommand, UnknownArticleError, UnknownSectionError } from "../answer/summary/index.js";
import { formatSummaryText } from "./summary-format.js";
import { checkQuestion } from "../answer/question-check.js";
import { formatAnswer, formatArticleList, formatReindexReport, formatSource, formatStatus, questionTooLong } from "./format.js";

const HELP = [
  "Ask a question about the articles in German or English, e.g. „Welche Waffen will Russland?“",
  "Commands:",
  "  /source N [article-id]  show paragraph N in full",
  "  /summary [short|medium|long] [article-id] [section]   an extractive summary with ¶ citations",
  "  /about                  articles, retrieval mode and model",
  "  /articles               the indexed articles with their ids",
  "  /reindex                re-read the article folder and rebuild the index",
  "  /new                    start a new conversation (each question otherwise follows up on the previous ones)",
  "  /help                   this help",
  '  /quit                   leave (Ctrl+D, or "exit" alone, works too)',
  "Questions about an article itself work too: „Wann ist der Artikel erschienen?“, „what are the article's sources?“",
  "So does asking for a summary in words: „Worum geht es in dem Artikel?“, „tl;dr“, „fasse den Abschnitt über die Sanktionen zusammen“.",
  "The German names work too: /frage, /quelle, /zusammenfassung [kurz|mittel|lang], /artikel, /neu-indizieren, /neu, /info, /hilfe, /ende.",
].join("\n");

/** What the terminal needs: questions, plus reindexing when the service offers it. */
export type TerminalQa = QaApi & Partial<Pick<ContentAdminApi, "reindex">>;

/** Whoever sits at this terminal, for the audit log. */
function terminalActor(): ContentActor {
  try {
    return { via: "terminal", id: userInfo().username || "local" };
  } catch {
    return { via: "terminal", id: "local" };
  }
}

async function reindexFromTerminal(qa: TerminalQa): Promise<string> {
  if (!qa.reindex) return "Reindexing is not available in this session.";
  try {
    return formatReindexReport(await qa.reindex({ actor: terminalActor() }));
  } catch (error) {
    if (error instanceof ReindexBusyError || error instanceof ReindexFailedError) return error.message;
    throw error;
  }
}

export interface TerminalOptions {
  qa: TerminalQa;
  input: Readable;
  output: Writable;
  /** Show a prompt (interactive use); off when input is piped. */
  prompt?: boolean;
  /** MAX_QUESTION_LENGTH: longer questions get a message instead of an answer. */
  maxQuestionLength?: number;
  /** Where the session's logs go, named once at the start. */
  logFile?: string;
}

/** The German names Discord shows German users, so that "/quelle 7" works here as well. */
export const GERMAN_COMMANDS: Readonly<Record<string, string>> = {
  frage: "ask",
  quelle: "source",
  zusammenfassung: "summary",
  artikel: "articles",
  "neu-indizieren": "reindex",
  info: "about",
  hilfe: "help",
  ende: "quit",
  neu: "new",
};

/** The terminal's one conversation: each question follows up on the ones before, until /new. */
export class TerminalConversation {
  private turns: ConversationTurn[] = [];

  get history(): readonly ConversationTurn[] {
    return this.turns;
  }

  add(answer: Answer): void {
    this.turns = historyAfter(this.turns, answer);
  }

  clear(): void {
    this.turns = [];
  }
}

const BARE_QUIT = /^(?:exit|quit)$/iu;

/**
 * Handles one line of input; returns the text to print, or null to quit.
 * With a `conversation`, a question follows up on the earlier ones of it.
 */
export async function handleTerminalLine(
  qa: TerminalQa,
  line: string,
  maxQuestionLength = Number.POSITIVE_INFINITY,
  conversation?: TerminalConversation,
): Promise<string | null> {
  const text = line.trim();
  if (text.length === 0) return "";
  // "exit" or "quit" typed alone is no question about an article: it is how most prompts are left.
  if (BARE_QUIT.test(text)) return null;
  if (!text.startsWith("/")) {
    const checked = checkQuestion(text, maxQuestionLength);
    if (!checked.ok) return checked.reason === "too_long" ? questionTooLong(checked.length, checked.max) : "";
    const history = conversation?.history ?? [];
    const answer = await qa.ask(checked.question, history.length > 0 ? { history } : {});
    conversation?.add(answer);
    return formatAnswer(answer);
  }
  const [typed = "", ...rest] = text.slice(1).split(/\s+/);
  const command = GERMAN_COMMANDS[typed.toLowerCase()] ?? typed.toLowerCase();
  if (command === "ask") {
    if (rest.length === 0) return `usage: /${typed} QUESTION   (or type the question on its own)`;
    return handleTerminalLine(qa, rest.join(" "), maxQuestionLength, conversation);
  }
  switch (command) {
    case "new":
      conversation?.clear();
      return "New conversation: the next question is read on its own.";
    case "quit":
    case "exit":
    case "q":
      return null;
    case "help":
    case "?":
      return HELP;
    case "summary":
      try {
        return formatSummaryText(
          await qa.summary(
            parseSummaryCommand(
              rest,
              qa.status().articles.map((article) => article.id),
            ),
          ),
        );
      } catch (error) {
        if (error instanceof UnknownArticleError || error instanceof UnknownSectionError) return error.message;
        throw error;
      }
    case "about":
    case "status":
      return formatStatus(qa.status());
    case "articles":
      return formatArticleList(qa.articles());
    case "reindex":
      return reindexFromTerminal(qa);
    case "source": {
      const [numberText, articleId] = rest;
      const number = Number(numberText);
      if (!numberText || !Number.isInteger(number) || number < 1) return "usage: /source N [article-id]   (N is a paragraph number, e.g. /source 7)";
      const lookup = qa.source(number, articleId);
      if (lookup) return formatSource(lookup);
      const articles = qa.status().articles;
      if (articleId === undefined && articles.length > 1) {
        return `Several articles are indexed; name one: ${articles.map((article) => article.id).join(", ")}`;
      }
      const known = articles.find((article) => article.id === (articleId ?? articles[0]?.id));
      return known ? `There is no paragraph ${number}: „${known.title}“ has ${known.paragraphCount}.` : `No article with id ${articleId ?? "?"}.`;
    }
    default:
      return `Unknown command /${command}. Type /help for the list.`;
  }
}

/** An interactive question loop over the same service the bot uses. Resolves on /quit or end of input. */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const { qa, input, output } = options;
  const lines = createInterface({ input, output: options.prompt ? output : undefined, terminal: options.prompt ?? false });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  const conversation = new TerminalConversation();
  const status = qa.status();
  write(
    `Article Q&A (${status.articles.length} article(s), ${status.paragraphCount} paragraphs, ${status.mode} retrieval). Type /help for commands; questions follow up on each other until /new.`,
  );
  if (options.logFile) write(`Logs: ${options.logFile}`);
  if (options.prompt) lines.setPrompt("? ");
  if (options.prompt) lines.prompt();
  for await (const line of lines) {
    let reply: string | null;
    try {
      reply = await handleTerminalLine(qa, line, options.maxQuestionLength, conversation);
    } catch (error) {
      reply = `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (reply === null) break;
    if (reply.length > 0) write(reply);
    if (options.prompt) lines.prompt();
  }
  lines.close();
}
