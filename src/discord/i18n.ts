/**
 * Every piece of text the bot writes around the quoted excerpts, in German and
 * English. Quoted article text is never translated: only the frame is.
 */
import type { RetrievalMode } from "../answer/types.js";

export type Lang = "de" | "en";
export const LANGS: readonly Lang[] = ["de", "en"];

/** German for any `de*` locale, English for everything else (Discord's locales are "de", "en-US", "en-GB", …). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("de") ? "de" : "en";
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** "2023-09-05" → "5. September 2023" / "5 September 2023"; anything unparseable is returned unchanged. */
export function formatDate(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : dateFormats[lang].format(date);
}

export interface Messages {
  answerFooter(mode: RetrievalMode): string;
  sourceLabel(count: number): string;
  showParagraph(paragraph: number): string;
  feedbackUp: string;
  feedbackDown: string;
  notAnswered(summaryCommand: string): string;
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
    index: string;
    indexValue(builtAtTimestamp: string, paragraphCount: number): string;
    paragraphs(count: number): string;
    moreArticles(count: number): string;
  };
  help: {
    title: string;
    intro: string;
    commandsLabel: string;
    mentionLabel: string;
    mentionUsage(exampleQuestion: string): string;
    tipsLabel: string;
    tips: string;
  };
}

const de: Messages = {
  answerFooter: (mode) => `Wörtliche Auszüge aus dem Artikel · Suche: ${mode === "hybrid" ? "hybrid" : "lexikalisch"}`,
  sourceLabel: (count) => (count === 1 ? "Quelle" : "Quellen"),
  showParagraph: (paragraph) => `¶${paragraph} ganz lesen`,
  feedbackUp: "Hilfreich",
  feedbackDown: "Nicht hilfreich",
  notAnswered: (summary) =>
    `Darauf gibt der Artikel keine belastbare Antwort, deshalb zitiere ich lieber nichts. Einen Überblick gibt ${summary}.`,
  mentionHint: (ask) => `Stell mir eine Frage zum Artikel, z. B. „Wann reist Kim nach Russland?“ – direkt nach der Erwähnung oder mit ${ask}.`,
  emptyQuestion: (ask) => `Die Frage ist leer. Schreib sie hinter ${ask}, z. B. „Wann reist Kim nach Russland?“`,
  questionTooLong: (length, max) => `Die Frage ist mit ${length} Zeichen zu lang (höchstens ${max}). Bitte kürzer fassen.`,
  userCooldown: (seconds) => `Nicht so schnell: Du kannst in ${seconds} s die nächste Frage stellen.`,
  globalCap: (seconds) => `Gerade kommen sehr viele Fragen an. Bitte versuch es in ${seconds} s noch einmal.`,
  genericError: "Da ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.",
  paragraphNotFound: (paragraph, title, count) => `¶${paragraph} gibt es nicht: „${title}“ hat die Absätze 1–${count}.`,
  articleNotFound: "Diesen Artikel kenne ich nicht. Wähl einen aus der Vorschlagsliste.",
  paragraphGone: "Dieser Absatz ist nicht mehr verfügbar (die Artikel wurden inzwischen geändert).",
  unknownButton: "Dieser Knopf funktioniert nicht mehr.",
  feedbackRecorded: (vote) => `Danke! Deine Bewertung (${vote === "up" ? "👍" : "👎"}) ist gespeichert.`,
  feedbackChanged: (vote) => `Deine Bewertung ist jetzt ${vote === "up" ? "👍" : "👎"}.`,
  paragraphFooter: (paragraph, count) => `Absatz ${paragraph} von ${count} · wörtlich aus dem Artikel`,
  about: {
    title: "Über diesen Bot",
    description:
      "Ich beantworte Fragen zu den folgenden Artikeln ausschließlich mit wörtlichen Zitaten und nenne immer den Absatz. Alles läuft lokal, ohne generative KI.",
    retrieval: "Suche",
    modeHybrid: "hybrid (Stichwörter + semantische Ähnlichkeit)",
    modeLexical: "lexikalisch (Stichwörter)",
    model: "Modell",
    modelLoaded: (model) => `${model} (geladen)`,
    modelOff: (model, reason) => (reason ? `${model} – nicht aktiv: ${reason}` : `${model} – nicht aktiv`),
    index: "Index",
    indexValue: (timestamp, count) => `erstellt ${timestamp} · ${count} Absätze`,
    paragraphs: (count) => `${count} Absätze`,
    moreArticles: (count) => `… und ${count} weitere Artikel`,
  },
  help: {
    title: "So funktioniert’s",
    intro:
      "Ich beantworte Fragen zu den geladenen Artikeln mit wörtlichen Zitaten und nenne Absatz, Abschnitt und Quelle. Steht die Antwort nicht im Artikel, sage ich das.",
    commandsLabel: "Befehle",
    mentionLabel: "Per Erwähnung",
    mentionUsage: (example) => `Erwähne mich mit einer Frage, z. B. \`@Bot ${example}\` – ich antworte auf deine Nachricht.`,
    tipsLabel: "Tipps",
    tips: "• Unter jeder Antwort zeigt „¶ ganz lesen“ den vollständigen Absatz (nur für dich).\n• 👍/👎 hilft, die Antworten zu verbessern; gespeichert werden keine Namen.\n• `öffentlich: False` bei /frage zeigt die Antwort nur dir.",
  },
};

const en: Messages = {
  answerFooter: (mode) => `Verbatim excerpts from the article · retrieval: ${mode}`,
  sourceLabel: (count) => (count === 1 ? "Source" : "Sources"),
  showParagraph: (paragraph) => `Read ¶${paragraph}`,
  feedbackUp: "Helpful",
  feedbackDown: "Not helpful",
  notAnswered: (summary) => `The article doesn't answer that reliably, so I'd rather not quote anything. For an overview, try ${summary}.`,
  mentionHint: (ask) => `Ask me a question about the article, e.g. "When will Kim travel to Russia?" – right after the mention, or use ${ask}.`,
  emptyQuestion: (ask) => `The question is empty. Type it after ${ask}, e.g. "When will Kim travel to Russia?"`,
  questionTooLong: (length, max) => `Your question has ${length} characters; the limit is ${max}. Please shorten it.`,
  userCooldown: (seconds) => `Not so fast: you can ask your next question in ${seconds} s.`,
  globalCap: (seconds) => `Lots of questions are coming in right now. Please try again in ${seconds} s.`,
  genericError: "Something went wrong. Please try again in a moment.",
  paragraphNotFound: (paragraph, title, count) => `There is no ¶${paragraph}: "${title}" has paragraphs 1–${count}.`,
  articleNotFound: "I don't know that article. Pick one from the suggestions.",
  paragraphGone: "That paragraph is no longer available (the articles have changed since).",
  unknownButton: "This button no longer works.",
  feedbackRecorded: (vote) => `Thanks! Your rating (${vote === "up" ? "👍" : "👎"}) has been saved.`,
  feedbackChanged: (vote) => `Your rating is now ${vote === "up" ? "👍" : "👎"}.`,
  paragraphFooter: (paragraph, count) => `Paragraph ${paragraph} of ${count} · verbatim from the article`,
  about: {
    title: "About this bot",
    description:
      "I answer questions about the articles below using verbatim quotes only, always naming the paragraph. Everything runs locally, without generative AI.",
    retrieval: "Retrieval",
    modeHybrid: "hybrid (keywords + semantic similarity)",
    modeLexical: "lexical (keywords)",
    model: "Model",
    modelLoaded: (model) => `${model} (loaded)`,
    modelOff: (model, reason) => (reason ? `${model} – not active: ${reason}` : `${model} – not active`),
    index: "Index",
    indexValue: (timestamp, count) => `built ${timestamp} · ${count} paragraphs`,
    paragraphs: (count) => `${count} paragraphs`,
    moreArticles: (count) => `… and ${count} more articles`,
  },
  help: {
    title: "How it works",
    intro:
      "I answer questions about the loaded articles with verbatim quotes and name the paragraph, section and source. If the article doesn't say, I tell you so.",
    commandsLabel: "Commands",
    mentionLabel: "By mention",
    mentionUsage: (example) => `Mention me with a question, e.g. \`@Bot ${example}\` – I reply to your message.`,
    tipsLabel: "Tips",
    tips: "• Under each answer, \"Read ¶\" shows the whole paragraph (only to you).\n• 👍/👎 helps improve the answers; no names are stored.\n• `public: False` on /ask shows the answer only to you.",
  },
};

const messagesByLang: Record<Lang, Messages> = { de, en };

export function messages(lang: Lang): Messages {
  return messagesByLang[lang];
}

/** Example question used in hints; German articles, so a German question works best in both languages. */
export const EXAMPLE_QUESTION = "Wann reist Kim nach Russland?";

// ---------------------------------------------------------------------------
// Command names and descriptions (Discord shows these in the user's client language)

export interface NameAndDescription {
  name: string;
  description: string;
}

export type LocalizedText = Record<Lang, NameAndDescription>;

export interface CommandTexts extends LocalizedText {
  options: Record<string, LocalizedText>;
}

/** Localised names of the built-in commands and their options; English is the default name Discord routes on. */
export const commandTexts = {
  ask: {
    en: { name: "ask", description: "Ask a question about the article; the answer quotes it verbatim" },
    de: { name: "frage", description: "Stell eine Frage zum Artikel; die Antwort zitiert ihn wörtlich" },
    options: {
      question: {
        en: { name: "question", description: "Your question, e.g. When will Kim travel to Russia?" },
        de: { name: "frage", description: "Deine Frage, z. B. Wann reist Kim nach Russland?" },
      },
      public: {
        en: { name: "public", description: "Show the answer to everyone in the channel (default: yes)" },
        de: { name: "öffentlich", description: "Antwort für alle im Kanal sichtbar (Standard: ja)" },
      },
    },
  },
  source: {
    en: { name: "source", description: "Show a whole paragraph of the article, with its citation" },
    de: { name: "quelle", description: "Zeigt einen ganzen Absatz des Artikels mit Quellenangabe" },
    options: {
      paragraph: {
        en: { name: "paragraph", description: "Paragraph number (¶), e.g. 7" },
        de: { name: "absatz", description: "Nummer des Absatzes (¶), z. B. 7" },
      },
      article: {
        en: { name: "article", description: "Which article (only needed when several are loaded)" },
        de: { name: "artikel", description: "Welcher Artikel (nur nötig, wenn mehrere geladen sind)" },
      },
    },
  },
  about: {
    en: { name: "about", description: "Which articles I know, how I search, and when the index was built" },
    de: { name: "info", description: "Welche Artikel ich kenne, wie ich suche und wann der Index erstellt wurde" },
    options: {},
  },
  help: {
    en: { name: "help", description: "How to ask me questions" },
    de: { name: "hilfe", description: "Wie du mir Fragen stellst" },
    options: {},
  },
} satisfies Record<string, CommandTexts>;

/** Anything with discord.js' shared name/description setters (commands and options alike). */
interface Nameable<Self> {
  setName(name: string): Self;
  setDescription(description: string): Self;
  setNameLocalizations(localizations: Partial<Record<"de" | "en-US" | "en-GB", string>>): Self;
  setDescriptionLocalizations(localizations: Partial<Record<"de" | "en-US" | "en-GB", string>>): Self;
}

/** Sets the English default plus de, en-US and en-GB localisations on a command or option builder. */
export function localize<Builder extends Nameable<Builder>>(builder: Builder, text: LocalizedText): Builder {
  return builder
    .setName(text.en.name)
    .setDescription(text.en.description)
    .setNameLocalizations({ de: text.de.name, "en-US": text.en.name, "en-GB": text.en.name })
    .setDescriptionLocalizations({ de: text.de.description, "en-US": text.en.description, "en-GB": text.en.description });
}

/** The name a user of that language sees for a command, with its slash ("/frage", "/ask"). */
export function displayCommandName(
  command: { name: string; name_localizations?: Partial<Record<string, string | null>> | null },
  lang: Lang,
): string {
  const localized = lang === "de" ? command.name_localizations?.de : command.name_localizations?.["en-US"];
  return `/${localized ?? command.name}`;
}
