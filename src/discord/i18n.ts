/**
 * Every piece of text the bot writes around the quoted excerpts, in German and
 * English. Quoted article text is never translated: only the frame is.
 */
import type { SummaryLength, SummaryScoring } from "../answer/summary/index.js";
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
    indexValue(builtAtTimestamp: string, paragraphCount: number): string;
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
    unknownSection(typed: string, articleTitle: string, list: string): string;
  };
  content: {
    guildOnly: string;
    notModerator: string;
    unavailable: string;
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
    /** `reason` is the service's own explanation (English), escaped. */
    reindexFailed(reason: string): string;
    changeRefused(reason: string): string;
    changeFailed(reason: string): string;
    uploadExtension(name: string): string;
    uploadContentType(name: string, contentType: string): string;
    uploadTooLarge(size: string, max: string): string;
    uploadDownloadFailed(detail: string): string;
    replaceWithoutFile(replaceOption: string): string;
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

const de: Messages = {
  answerFooter: (mode) => `Wörtliche Auszüge aus dem Artikel · Suche: ${mode === "hybrid" ? "hybrid" : "lexikalisch"}`,
  sourceLabel: (count) => (count === 1 ? "Quelle" : "Quellen"),
  showParagraph: (paragraph) => `¶${paragraph} ganz lesen`,
  feedbackUp: "Hilfreich",
  feedbackDown: "Nicht hilfreich",
  languageMismatchHint: "Ohne das Embedding-Modell vergleiche ich nur Wörter: Fragen in der Sprache des Artikels funktionieren am besten.",
  notAnswered: (summary) => `Darauf gibt der Artikel keine belastbare Antwort, deshalb zitiere ich lieber nichts. Einen Überblick gibt ${summary}.`,
  hedgedIntro: "Eine sichere Antwort finde ich nicht. Das ist die nächstliegende Stelle – sie beantwortet die Frage vielleicht nicht:",
  quoteLanguageNote: (language) => `Zitat im Original (${language === "de" ? "Deutsch" : "Englisch"}).`,
  followUpNote: (previous) => `Als Nachfrage zu „${previous}“ verstanden`,
  threadFailed:
    "Einen Thread konnte ich hier nicht öffnen (fehlt mir das Recht „Öffentliche Threads erstellen“?). Antworte einfach auf meine Antwort, um nachzufragen.",
  conversationLost: (minutes) =>
    `Das Gespräch davor kenne ich nicht mehr (nach ${minutes} Minuten ohne Frage oder einem Neustart vergessen), darum habe ich diese Frage für sich beantwortet.`,
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
    modelLoading: (model) => `${model} – wird geladen (bis dahin lexikalische Suche)`,
    index: "Index",
    indexValue: (timestamp, count) => `erstellt ${timestamp} · ${count} Absätze`,
    paragraphs: (count) => `${count} Absätze`,
    moreArticles: (count) => `… und ${count} weitere Artikel`,
  },
  summary: {
    lengthName: (length) => ({ short: "kurz", medium: "mittel", long: "lang" })[length],
    title: (length) => `Zusammenfassung (${{ short: "kurz", medium: "mittel", long: "lang" }[length]})`,
    sectionTitle: (number, heading) => ` · Abschnitt ${number}${heading ? `: ${heading}` : " (Einleitung)"}`,
    openingSection: "Einleitung (ohne Überschrift)",
    originUnknown: "Herausgeber und Datum nicht angegeben",
    footer: (count, scoring) =>
      `${count} ${count === 1 ? "Satz" : "Sätze"} wörtlich aus dem Artikel, in seiner Reihenfolge · Auswahl: ${scoring === "embeddings" ? "semantisch" : "lexikalisch"}`,
    empty: "In diesem Teil des Artikels steht kein Satz, der sich für sich allein als Zusammenfassung zitieren lässt.",
    unknownArticle: (typed, list) =>
      typed === null ? `Es sind mehrere Artikel geladen; wähl einen aus: ${list}` : `Den Artikel „${typed}“ kenne ich nicht. Verfügbar: ${list}`,
    unknownSection: (typed, title, list) =>
      `Einen Abschnitt „${typed}“ gibt es in „${title}“ nicht (die Länge wählst du mit der Option länge). Abschnitte: ${list}`,
  },
  content: {
    guildOnly: "Das geht nur auf einem Server.",
    notModerator: "Das dürfen nur Moderatorinnen und Moderatoren (Recht „Server verwalten“ oder eine Moderationsrolle).",
    unavailable: "Artikel verwalten ist in dieser Sitzung nicht möglich.",
    taskName: (task) => ({ reindex: "Index wird neu aufgebaut", "add-article": "Artikel wird hinzugefügt", "remove-article": "Artikel wird entfernt" })[task],
    phaseName: (phase) =>
      ({
        checking: "Datei wird geprüft",
        reading: "Artikel werden gelesen",
        embedding: "Absätze werden eingebettet",
        indexing: "Index wird aufgebaut",
        saving: "Index wird gespeichert",
      })[phase],
    counts: (articlesDone, articlesTotal, paragraphsDone, paragraphsTotal) =>
      `Artikel: ${articlesDone}/${articlesTotal || "?"} · Absätze: ${paragraphsDone}/${paragraphsTotal || "?"}`,
    alreadyRunning: (progress) => `Es läuft bereits eine Neuindexierung. Bitte warte, bis sie fertig ist.\n${progress}`,
    reportTitle: "Index neu aufgebaut",
    unreadableTitle: (count) => `${count === 1 ? "Eine Datei wird" : `${count} Dateien werden`} nicht gelesen (mit /artikel-entfernen entfernen)`,
    storeFailed:
      "Der neue Index ist aktiv, konnte aber nicht gespeichert werden (Datenträger voll oder schreibgeschützt?). Die Artikel sind in Ordnung; beim nächsten Start wird der Index aus ihnen neu gebaut.",
    added: "Hinzugefügt",
    changed: "Geändert",
    removed: "Entfernt",
    unchanged: "Unverändert",
    articles: "Artikel",
    paragraphs: "Absätze",
    duration: "Dauer",
    retrieval: "Suche",
    seconds: (milliseconds) => `${(milliseconds / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`,
    changeAdded: (title, id, paragraphs) => `„${title}“ hinzugefügt (${id}, ${paragraphs} Absätze).`,
    changeReplaced: (title, previous, id, paragraphs) =>
      `${previous === null ? `Artikel ${id}` : `„${previous}“`} ersetzt durch „${title}“ (${id}, ${paragraphs} Absätze).`,
    changeRemoved: (title, id) => `${title === null ? `Artikel ${id}` : `„${title}“ (${id})`} entfernt.`,
    savedAs: (fileName) => `Gespeichert als ${fileName}.`,
    reindexFailed: (reason) => `Die Neuindexierung ist fehlgeschlagen; der bisherige Index bleibt in Gebrauch.\nGrund: ${reason}`,
    changeRefused: (reason) => `Nichts wurde geändert. ${reason}`,
    changeFailed: (reason) => `Die Änderung ist fehlgeschlagen. ${reason}`,
    uploadExtension: (name) => `„${name}“ kann ich nicht als Artikel lesen: erlaubt sind .txt-, .md- und .html-Dateien.`,
    uploadContentType: (name, contentType) =>
      `„${name}“ kam als ${contentType} an; erlaubt sind Text-, Markdown- und HTML-Dateien (.txt, .md, .html). Nichts wurde geändert.`,
    uploadTooLarge: (size, max) => `Die Datei ist zu groß (${size}, höchstens ${max}). Nichts wurde geändert.`,
    uploadDownloadFailed: (detail) => `Die Datei ließ sich nicht von Discord laden (${detail}). Nichts wurde geändert; bitte noch einmal versuchen.`,
    replaceWithoutFile: (option) => `„${option}“ gilt nur zusammen mit einer Datei.`,
    listTitle: (count) => `Indexierte Artikel (${count})`,
    listFooter: (paragraphs, mode) => `${paragraphs} Absätze insgesamt · Suche: ${mode === "hybrid" ? "hybrid" : "lexikalisch"}`,
    sourceUnknown: "Quelle nicht angegeben",
    articleUnknown: (typed, list) => `Den Artikel „${typed}“ kenne ich nicht. Verfügbar: ${list}`,
    removePrompt: (title, id, paragraphs, minutes) =>
      `„${title}“ (${id}, ${paragraphs} Absätze) wirklich entfernen? Die Datei wird gelöscht und der Index neu aufgebaut. Die Bestätigung gilt ${minutes} Minuten.`,
    removeConfirm: "Entfernen",
    removeCancel: "Abbrechen",
    removeCancelled: "Abgebrochen – nichts wurde entfernt.",
    removeExpired: (command) => `Diese Bestätigung ist abgelaufen; nichts wurde entfernt. Bitte ${command} erneut ausführen.`,
    removeNotYours: "Nur wer das Entfernen angefordert hat, kann es bestätigen.",
    removeGone: "Diesen Artikel gibt es nicht mehr.",
  },
  help: {
    title: "So funktioniert’s",
    intro:
      "Ich beantworte Fragen zu den geladenen Artikeln mit wörtlichen Zitaten und nenne Absatz, Abschnitt und Quelle. Bin ich nicht sicher, zeige ich die nächstliegende Stelle und sage dazu, dass sie die Frage vielleicht nicht beantwortet. Steht nichts dazu im Artikel, sage ich das. Fragen auf Englisch gehen auch; zitiert wird im Original.",
    commandsLabel: "Befehle",
    mentionLabel: "Per Erwähnung",
    mentionUsage: (example) => `Erwähne mich mit einer Frage, z. B. \`@Bot ${example}\` – ich antworte auf deine Nachricht.`,
    conversationLabel: "Nachfragen",
    conversationUsage: (ask, minutes, withoutMention) =>
      `Antworte auf eine meiner Antworten (mit Erwähnung), um nachzufragen, z. B. „Und wo treffen sie sich?“ – ich lese die Frage dann mit den vorigen. ` +
      `\`${ask} thread: True\` öffnet einen Thread für das Gespräch${withoutMention ? "; darin lese ich jede Nachricht als Nachfrage" : "; darin erwähne mich oder antworte auf mich"}. ` +
      `Ein Gespräch endet nach ${minutes} Minuten ohne Frage; nach einem Neustart beginne ich von vorn.`,
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
  languageMismatchHint: "Without the embedding model I can only match words: questions in the article's language work best.",
  notAnswered: (summary) => `The article doesn't answer that reliably, so I'd rather not quote anything. For an overview, try ${summary}.`,
  hedgedIntro: "I can't find a sure answer. This is the closest passage – it may not answer your question:",
  quoteLanguageNote: (language) => `Quoted in the original ${language === "de" ? "German" : "English"}.`,
  followUpNote: (previous) => `Read as a follow-up to “${previous}”`,
  threadFailed: "I couldn't open a thread here (am I missing the Create Public Threads permission?). Just reply to my answer to follow up.",
  conversationLost: (minutes) =>
    `I no longer know the conversation before this (forgotten after ${minutes} minutes without a question, or a restart), so I answered this question on its own.`,
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
    modelLoading: (model) => `${model} – loading (lexical search until it is ready)`,
    index: "Index",
    indexValue: (timestamp, count) => `built ${timestamp} · ${count} paragraphs`,
    paragraphs: (count) => `${count} paragraphs`,
    moreArticles: (count) => `… and ${count} more articles`,
  },
  summary: {
    lengthName: (length) => length,
    title: (length) => `Summary (${length})`,
    sectionTitle: (number, heading) => ` · section ${number}${heading ? `: ${heading}` : " (opening)"}`,
    openingSection: "Opening (no heading)",
    originUnknown: "publisher and date not stated",
    footer: (count, scoring) =>
      `${count} ${count === 1 ? "sentence" : "sentences"} verbatim from the article, in its order · selection: ${scoring === "embeddings" ? "semantic" : "lexical"}`,
    empty: "Nothing in this part of the article can be quoted on its own as a summary.",
    unknownArticle: (typed, list) =>
      typed === null ? `Several articles are loaded; pick one: ${list}` : `I don't know the article "${typed}". Available: ${list}`,
    unknownSection: (typed, title, list) => `"${title}" has no section "${typed}" (the length has its own option, length). Sections: ${list}`,
  },
  content: {
    guildOnly: "This only works in a server.",
    notModerator: "Only moderators can do that (Manage Server permission or a moderator role).",
    unavailable: "Managing articles is not available in this session.",
    taskName: (task) => ({ reindex: "Rebuilding the index", "add-article": "Adding the article", "remove-article": "Removing the article" })[task],
    phaseName: (phase) =>
      ({
        checking: "checking the file",
        reading: "reading articles",
        embedding: "embedding paragraphs",
        indexing: "building the index",
        saving: "saving the index",
      })[phase],
    counts: (articlesDone, articlesTotal, paragraphsDone, paragraphsTotal) =>
      `Articles: ${articlesDone}/${articlesTotal || "?"} · Paragraphs: ${paragraphsDone}/${paragraphsTotal || "?"}`,
    alreadyRunning: (progress) => `A reindex is already running. Please wait until it has finished.\n${progress}`,
    reportTitle: "Index rebuilt",
    unreadableTitle: (count) => `${count === 1 ? "1 file does" : `${count} files do`} not load (remove with /remove-article)`,
    storeFailed: "The new index is live but could not be saved (disk full or read-only?). The articles are fine; the next start rebuilds the index from them.",
    added: "Added",
    changed: "Changed",
    removed: "Removed",
    unchanged: "Unchanged",
    articles: "Articles",
    paragraphs: "Paragraphs",
    duration: "Time",
    retrieval: "Retrieval",
    seconds: (milliseconds) => `${(milliseconds / 1000).toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`,
    changeAdded: (title, id, paragraphs) => `Added "${title}" (${id}, ${paragraphs} paragraphs).`,
    changeReplaced: (title, previous, id, paragraphs) =>
      `Replaced ${previous === null ? `article ${id}` : `"${previous}"`} with "${title}" (${id}, ${paragraphs} paragraphs).`,
    changeRemoved: (title, id) => `Removed ${title === null ? `article ${id}` : `"${title}" (${id})`}.`,
    savedAs: (fileName) => `Saved as ${fileName}.`,
    reindexFailed: (reason) => `The reindex failed; the previous index stays in use.\nReason: ${reason}`,
    changeRefused: (reason) => `Nothing was changed. ${reason}`,
    changeFailed: (reason) => `The change failed. ${reason}`,
    uploadExtension: (name) => `I can't read "${name}" as an article: .txt, .md and .html files are accepted.`,
    uploadContentType: (name, contentType) =>
      `"${name}" arrived as ${contentType}; only text, Markdown and HTML files (.txt, .md, .html) are accepted. Nothing was changed.`,
    uploadTooLarge: (size, max) => `The file is too large (${size}; the limit is ${max}). Nothing was changed.`,
    uploadDownloadFailed: (detail) => `The file could not be fetched from Discord (${detail}). Nothing was changed; please try again.`,
    replaceWithoutFile: (option) => `"${option}" only applies together with a file.`,
    listTitle: (count) => `Indexed articles (${count})`,
    listFooter: (paragraphs, mode) => `${paragraphs} paragraphs in total · retrieval: ${mode}`,
    sourceUnknown: "source not stated",
    articleUnknown: (typed, list) => `I don't know the article "${typed}". Available: ${list}`,
    removePrompt: (title, id, paragraphs, minutes) =>
      `Really remove "${title}" (${id}, ${paragraphs} paragraphs)? The file is deleted and the index rebuilt. This confirmation is valid for ${minutes} minutes.`,
    removeConfirm: "Remove",
    removeCancel: "Cancel",
    removeCancelled: "Cancelled – nothing was removed.",
    removeExpired: (command) => `This confirmation has expired; nothing was removed. Please run ${command} again.`,
    removeNotYours: "Only the person who asked for the removal can confirm it.",
    removeGone: "That article no longer exists.",
  },
  help: {
    title: "How it works",
    intro:
      "I answer questions about the loaded articles with verbatim quotes and name the paragraph, section and source. When I'm not sure, I show the closest passage and say that it may not answer the question. If the article doesn't say, I tell you so. Questions in German or English both work; quotes are in the original language.",
    commandsLabel: "Commands",
    mentionLabel: "By mention",
    mentionUsage: (example) => `Mention me with a question, e.g. \`@Bot ${example}\` – I reply to your message.`,
    conversationLabel: "Follow-ups",
    conversationUsage: (ask, minutes, withoutMention) =>
      `Reply to one of my answers (with the mention on) to follow up, e.g. "And where do they meet?" – I read it together with the earlier questions. ` +
      `\`${ask} thread: True\` opens a thread for the conversation${withoutMention ? "; there I read every message as a follow-up" : "; there, mention me or reply to me"}. ` +
      `A conversation ends after ${minutes} minutes without a question; after a restart I start afresh.`,
    tipsLabel: "Tips",
    tips: '• Under each answer, "Read ¶" shows the whole paragraph (only to you).\n• 👍/👎 helps improve the answers; no names are stored.\n• `public: False` on /ask shows the answer only to you.',
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
      thread: {
        en: { name: "thread", description: "Answer in a new thread, where you can ask follow-ups (default: no)" },
        de: { name: "thread", description: "Antwort in einem neuen Thread, in dem du nachfragen kannst (Standard: nein)" },
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
  summary: {
    en: { name: "summary", description: "Summarise an article with its own key sentences, quoted verbatim with ¶" },
    de: { name: "zusammenfassung", description: "Fasst einen Artikel mit seinen wichtigsten Sätzen zusammen, wörtlich mit ¶" },
    options: {
      length: {
        en: { name: "length", description: "How long: short (3 sentences), medium (5, default) or long (8)" },
        de: { name: "länge", description: "Wie lang: kurz (3 Sätze), mittel (5, Standard) oder lang (8)" },
      },
      article: {
        en: { name: "article", description: "Which article (only needed when several are loaded)" },
        de: { name: "artikel", description: "Welcher Artikel (nur nötig, wenn mehrere geladen sind)" },
      },
      section: {
        en: { name: "section", description: "Only this section of the article (default: the whole article)" },
        de: { name: "abschnitt", description: "Nur dieser Abschnitt des Artikels (Standard: der ganze Artikel)" },
      },
    },
  },
  articles: {
    en: { name: "articles", description: "List the indexed articles with id, source, date and paragraphs" },
    de: { name: "artikel", description: "Listet die indexierten Artikel mit Kennung, Quelle, Datum und Absätzen" },
    options: {},
  },
  reindex: {
    en: { name: "reindex", description: "Moderators: re-read all articles and rebuild the index, or upload one article" },
    de: { name: "neu-indizieren", description: "Moderation: alle Artikel neu einlesen und den Index neu aufbauen, oder einen hochladen" },
    options: {
      file: {
        en: { name: "file", description: "An article to add or replace (.txt, .md or .html)" },
        de: { name: "datei", description: "Ein Artikel zum Hinzufügen oder Ersetzen (.txt, .md oder .html)" },
      },
      replace: {
        en: { name: "replace", description: "Replace an existing article with the same file name (default: no)" },
        de: { name: "ersetzen", description: "Einen vorhandenen Artikel mit gleichem Dateinamen ersetzen (Standard: nein)" },
      },
    },
  },
  removeArticle: {
    en: { name: "remove-article", description: "Moderators: remove an article and rebuild the index (asks first)" },
    de: { name: "artikel-entfernen", description: "Moderation: einen Artikel entfernen und den Index neu aufbauen (mit Rückfrage)" },
    options: {
      article: {
        en: { name: "article", description: "The article to remove" },
        de: { name: "artikel", description: "Der Artikel, der entfernt werden soll" },
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
export function displayCommandName(command: { name: string; name_localizations?: Partial<Record<string, string | null>> | null }, lang: Lang): string {
  const localized = lang === "de" ? command.name_localizations?.de : command.name_localizations?.["en-US"];
  return `/${localized ?? command.name}`;
}
