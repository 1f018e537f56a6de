/**
 * A stand-in QaApi for Discord tests, built from verbatim paragraphs of the
 * t-online article, with a crude word-overlap "retrieval". It lets the Discord
 * layer be tested without the real search stack, and can be slowed down or
 * made to fail.
 */
import { makeCitation } from "../../src/answer/citation.js";
import { articleInfo } from "../../src/answer/service.js";
import { Summarizer, type SummarizeRequest, type Summary } from "../../src/answer/summary/index.js";
import type { Answer, Citation, QaApi, ServiceStatus, SourceLookup } from "../../src/answer/types.js";
import type { Article, Paragraph, Section, Sentence } from "../../src/content/types.js";

const ARTICLE_ID = "nordkorea-russland-waffen";

const SECTIONS: Array<{ heading: string | null; paragraphs: string[] }> = [
  {
    heading: null,
    paragraphs: [
      "Kim Jong Un will wohl noch im September nach Russland reisen. Dort soll er mit Kremlchef Putin eine Waffenkooperation beschließen. Nordkorea-Experte Eric Ballbach erklärt, was dahinter steckt.",
      "Das Enfant terrible der Weltpolitik geht auf Reisen: Nordkoreas Diktator Kim Jong Un soll laut US-Berichten noch im September Kremlchef Wladimir Putin in Russland besuchen. Selbst eine Visite in Moskau scheint den Berichten zufolge möglich zu sein.",
      "Nordkorea und Russland könnten bei dem Treffen einen Waffendeal beschließen, der die Kremltruppen in ihrem Angriffskrieg gegen die Ukraine sowohl mit Waffen als auch mit Munition versorgen soll. Dabei soll es laut Vertretern der US-Regierung insbesondere um Artilleriemunition und Panzerabwehrraketen gehen, mit denen Moskau die ukrainischen Truppen bekämpfen will.",
      "Aber auch Kim Jong Un will nicht mit leeren Händen wieder zurück nach Pjöngjang fahren: Den Berichten zufolge könnte der nordkoreanische Machthaber Putin um fortschrittliche Waffentechnologie etwa für Atom-U-Boote bitten. Zudem erhoffe sich Kim Lebensmittelhilfen für seine Bevölkerung.",
      "Für beide Länder ergäben sich darüber hinaus aus einer engen Kooperation geostrategische Vorteile, die westliche Staaten unter Druck setzen würden. Russland sucht händeringend nach Zulieferern von Munition und Waffen, die man nun in Nordkorea gefunden haben könnte. Nordkorea andererseits will sein Bedrohungspotenzial ausbauen und insbesondere die USA aus der Region verdrängen.",
    ],
  },
  {
    heading: "Russland braucht für seinen Krieg dringend Munition",
    paragraphs: [
      'Eine engere Kooperation beider Länder wäre also eine "Win-win-Situation", wie der Nordkorea-Experte Eric Ballbach von der Stiftung Wissenschaft und Politik (SWP) t-online erklärt. "Russland würde für seinen Angriffskrieg gegen die Ukraine dringend benötigte Munition erhalten." Die Kremltruppen klagen bereits seit Monaten über Munitionsmangel, der sich angesichts der derzeit laufenden ukrainischen Gegenoffensive verschärft haben dürfte. "Nordkorea würde sich diese Hilfe aber auch entsprechend entlohnen lassen", sagt Ballbach.',
      'Russland könne Nordkorea mit seiner fortschrittlichen Satelliten- und Atomtechnologie einiges bieten, so der Experte. "Man darf nicht vergessen, dass Nordkoreas Atomprogramm seinen Ursprung in einer engen Kooperation mit der Sowjetunion nahm."',
      "Sanktionen gegen Pjöngjang wurden wegen des fortgeschrittenen nordkoreanischen Atomprogramms erstmals im Jahr 2006 vom UN-Sicherheitsrat beschlossen und seitdem sukzessive verstärkt. Die Beschränkungen umfassen sowohl den Verkauf, die Weitergabe und die Ausfuhr etwa von Rüstungsgütern, Rohöl oder Dienstleistungen nach Nordkorea als auch den Import solcher Güter aus dem Land. Seit 2017 gab es keine neuen Resolutionen gegen Nordkorea, was auch auf deren Blockade durch China und Russland im UN-Sicherheitsrat zurückgeht.",
    ],
  },
  {
    heading: "Bereits 2019 war Kim Jong Un in Russland",
    paragraphs: [
      "Laut den US-Berichten könnte die erste Station von Kims Russland-Visite in Wladiwostok nahe der russisch-nordkoreanischen Grenze sein. Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt. Anreisen wird Nordkoreas Machthaber wohl mit einem speziellen Panzerzug. Mehr über das Gefährt Kims lesen Sie hier. Im Anschluss könnte Kim laut Aussagen Kirbys gar bis nach Moskau fliegen.",
      "Der nordkoreanische Diktator begibt sich nur selten auf Reisen ins Ausland: 2018 traf er sich mit Chinas Präsident Xi Jinping, bevor er im selben Jahr zu einem USA-Nordkorea-Gipfel in Singapur mit dem ehemaligen US-Präsidenten Donald Trump zusammenkam. In 2019 traf er sich in Hanoi abermals mit Trump und reiste erstmals nach Wladiwostok – für ein Treffen mit Putin.",
    ],
  },
];

function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^.!?]+[.!?]+["“]?(?=\s|$)|[^.!?]+$/g;
  let index = 0;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const trimmed = raw.trim();
    const start = (match.index ?? 0) + raw.indexOf(trimmed);
    sentences.push({ index: index++, text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}

export function fixtureArticle(overrides: Partial<Pick<Article, "id" | "title" | "url" | "date" | "publisher">> = {}): Article {
  const articleId = overrides.id ?? ARTICLE_ID;
  const paragraphs: Paragraph[] = [];
  const sections: Section[] = [];
  SECTIONS.forEach((section, sectionIndex) => {
    const numbers: number[] = [];
    for (const text of section.paragraphs) {
      const number = paragraphs.length + 1;
      numbers.push(number);
      paragraphs.push({ articleId, number, sectionIndex, heading: section.heading, text, sentences: splitSentences(text) });
    }
    sections.push({ heading: section.heading, paragraphNumbers: numbers });
  });
  return {
    id: articleId,
    title: overrides.title ?? "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
    kicker: null,
    publisher: overrides.publisher === undefined ? "t-online" : overrides.publisher,
    url: overrides.url === undefined ? "https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html" : overrides.url,
    date: overrides.date === undefined ? "2023-09-05" : overrides.date,
    sections,
    paragraphs,
    sources: [],
    format: "txt",
    contentHash: "0".repeat(64),
  };
}

const STOPWORDS = new Set([
  "der",
  "die",
  "das",
  "und",
  "mit",
  "den",
  "dem",
  "des",
  "von",
  "wer",
  "was",
  "wie",
  "ist",
  "the",
  "and",
  "wann",
  "wird",
  "nach",
  "eine",
  "einen",
  "einer",
  "dass",
  "sich",
  "soll",
  "will",
  "what",
  "when",
  "does",
  "with",
  "über",
  "auch",
  "noch",
  "sein",
  "seine",
  "laut",
  "dort",
  "wieso",
  "warum",
  "welche",
  "welcher",
]);

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 && !STOPWORDS.has(word)).map((word) => word.slice(0, 4));
}

export interface FakeQaOptions {
  articles?: Article[];
  /** Milliseconds each `ask` takes. */
  delayMs?: number;
  /** Makes `ask` reject with this error. */
  failWith?: Error;
  /** Replaces the computed answer. */
  answer?: (question: string) => Answer;
  /** Milliseconds each `summary` takes. */
  summaryDelayMs?: number;
}

export interface FakeQa extends QaApi {
  askCalls: string[];
  summaryCalls: SummarizeRequest[];
  /** Highest number of `ask` calls running at the same time. */
  maxConcurrentAsks: number;
}

export function createFakeQa(options: FakeQaOptions = {}): FakeQa {
  const articles = options.articles ?? [fixtureArticle()];
  let running = 0;
  // The real (lexical) summarizer: summaries are verbatim sentences of the fixture articles.
  const summarizer = new Summarizer();
  const qa: FakeQa = {
    askCalls: [],
    summaryCalls: [],
    maxConcurrentAsks: 0,
    async ask(question: string): Promise<Answer> {
      qa.askCalls.push(question);
      running += 1;
      qa.maxConcurrentAsks = Math.max(qa.maxConcurrentAsks, running);
      try {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (options.failWith) throw options.failWith;
        if (options.answer) return options.answer(question);
        return computeAnswer(question, articles);
      } finally {
        running -= 1;
      }
    },
    source(paragraphNumber: number, articleId?: string): SourceLookup | null {
      const article = articleId === undefined ? (articles.length === 1 ? articles[0] : undefined) : articles.find((candidate) => candidate.id === articleId);
      const paragraph = article?.paragraphs.find((candidate) => candidate.number === paragraphNumber);
      return article && paragraph ? { article, paragraph } : null;
    },
    status(): ServiceStatus {
      return {
        mode: "lexical",
        model: "Xenova/multilingual-e5-small",
        modelLoaded: false,
        modelLoading: false,
        modelError: "embeddings disabled by configuration",
        articles: articles.map((article) => articleInfo(article)),
        paragraphCount: articles.reduce((sum, article) => sum + article.paragraphs.length, 0),
        indexBuiltAt: "2024-05-01T12:00:00.000Z",
        indexVersion: "0123456789ab",
        unreadable: [],
      };
    },
    articles(): Article[] {
      return [...articles];
    },
    async summary(request: SummarizeRequest): Promise<Summary> {
      qa.summaryCalls.push(request);
      if (options.summaryDelayMs) await new Promise((resolve) => setTimeout(resolve, options.summaryDelayMs));
      return summarizer.summarize(articles, request);
    },
  };
  return qa;
}

function computeAnswer(question: string, articles: Article[]): Answer {
  const wanted = new Set(terms(question));
  const scored = articles
    .flatMap((article) => article.paragraphs.map((paragraph) => ({ article, paragraph })))
    .map((entry) => {
      const found = new Set(terms(entry.paragraph.text));
      let score = 0;
      for (const term of wanted) if (found.has(term)) score += 1;
      return { ...entry, score };
    })
    .filter((entry) => entry.score >= 2)
    .sort((left, right) => right.score - left.score || left.paragraph.number - right.paragraph.number)
    .slice(0, 2);
  const citations: Citation[] = scored.map(({ article, paragraph, score }) => {
    const best = [...paragraph.sentences].sort((left, right) => overlap(right.text, wanted) - overlap(left.text, wanted))[0];
    return makeCitation(article, paragraph, best?.text ?? paragraph.text, score);
  });
  const answer: Answer = {
    question: question.replace(/\s+/g, " ").trim(),
    answered: citations.length > 0,
    hedged: false,
    mode: "lexical",
    citations,
    ranking: citations,
  };
  if (!answer.answered) answer.abstainReason = "no overlapping terms";
  return answer;
}

function overlap(text: string, wanted: Set<string>): number {
  return terms(text).filter((term) => wanted.has(term)).length;
}
