import { articleFactFollowUp, articleFactQuestion, articleFactsAnswer } from "./article-facts/index.js";
import { isKnown } from "./abstention.js";
import { paragraphAnswer, paragraphRequested } from "./paragraph-request.js";
import { answerQuestion, type AskSettings } from "./ask.js";
import type { IndexState } from "./index-state.js";
import type { SummarizeRequest, Summary } from "./summary/index.js";
import { summaryAnswer } from "./summary/ask.js";
import { summaryQuestion } from "./summary/question.js";
import type { Answer, ConversationTurn } from "./types.js";

/** Passages looked at to find the section a request names: the first of the article's is enough. */
const SECTION_SEARCH_DEPTH = 5;

/**
 * Questions that no passage answers: about an article itself ("Wer hat den
 * Artikel geschrieben?", "Und wann?" after it), asking for its summary
 * ("worum geht es?", "tl;dr") or for one of its paragraphs by number ("Absatz 3"). Their answer comes from the article's details
 * or its summary; null for any other question.
 */
export async function answerFromDetails(
  question: string,
  analyzed: string,
  history: readonly ConversationTurn[],
  state: IndexState,
  settings: AskSettings,
  summarize: (request: SummarizeRequest) => Promise<Summary>,
): Promise<Answer | null> {
  const paragraphNumber = paragraphRequested(analyzed);
  const paragraphShown = paragraphNumber === null ? null : paragraphAnswer(question, paragraphNumber, state.articles, history, state.retriever.mode);
  if (paragraphShown) return paragraphShown;
  const factFollowUp = history.at(-1)?.factArticles ? articleFactFollowUp(analyzed) : null;
  const facts = factFollowUp ? { kind: factFollowUp, ownWords: [] } : articleFactQuestion(analyzed);
  const summaryAsked = facts ? null : summaryQuestion(analyzed);
  const ownWords = facts?.ownWords ?? summaryAsked?.ownWords;
  if (ownWords === undefined) return null;
  const articleOfQuestion = async (): Promise<string | null> => (ownWords.length === 0 ? null : (await state.retriever.search(ownWords.join(" "), 1)).article);
  // Listed as for any question (`--json`, benchmarks), not shown.
  const { ranking } = await answerQuestion(question, analyzed, state, settings);
  const mode = state.retriever.mode;
  if (facts) return articleFactsAnswer(question, facts.kind, state.articles, mode, { history, ranking, articleOfQuestion });
  if (summaryAsked) {
    const searchArticle = async (articleId: string, words: readonly string[]): Promise<string[]> => {
      const found = await state.retriever.search(words.join(" "), SECTION_SEARCH_DEPTH, undefined, articleId);
      // Words the article does not have find no section, only whatever shares their letters.
      if (!found.tokens.some(isKnown)) return [];
      return found.hits.filter((hit) => (hit.lexicalHit?.coverage ?? 0) > 0).map((hit) => hit.id);
    };
    return summaryAnswer(question, summaryAsked, state.articles, mode, { history, ranking, articleOfQuestion, summarize, searchArticle });
  }
  return null;
}
