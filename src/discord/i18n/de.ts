import type { FurnitureReason } from "../../content/parse/furniture.js";
import type { Messages } from "./messages.js";

const GERMAN_FURNITURE_REASONS: Record<FurnitureReason, string> = {
  "icon labels": "Symbolbeschriftungen",
  breadcrumb: "Navigationspfad",
  "site interface": "Bedienelement der Seite",
  "image credit": "Bildnachweis",
  "image caption": "Bildunterschrift",
  "consent banner": "Zustimmungsbanner",
  "date line": "Datumszeile",
  "author line": "Autorenzeile",
  prompt: "Aufforderung",
  teaser: "Anreißer",
  "repeated line": "wiederholte Zeile",
  "pull quote": "hervorgehobenes Zitat",
  "reader comments": "Leserkommentare",
  "publisher boilerplate": "Selbstdarstellung des Verlags",
  "page chrome": "Seitenrahmen",
};

/** The German frame. */
export const de: Messages = {
  answerFooter: (mode) => `Wörtliche Auszüge aus dem Artikel · Suche: ${mode === "hybrid" ? "hybrid" : "lexikalisch"}`,
  sourceLabel: (count) => (count === 1 ? "Quelle" : "Quellen"),
  showParagraph: (paragraph) => `¶${paragraph} ganz lesen`,
  feedbackUp: "Hilfreich",
  feedbackDown: "Nicht hilfreich",
  otherLanguage:
    "Ich verstehe nur Fragen auf Deutsch oder Englisch, und diese scheint in einer anderen Sprache gestellt zu sein. Frag bitte auf Deutsch oder Englisch; zitiert wird in der Sprache des Artikels.",
  languageMismatchHint: "Ohne das Embedding-Modell vergleiche ich nur Wörter: Fragen in der Sprache des Artikels funktionieren am besten.",
  smallTalkThanks: "Gern geschehen! Frag gern weiter.",
  smallTalkGreeting: (summary) => `Hallo! Frag mich etwas zu den Artikeln, oder probiere ${summary} für einen Überblick.`,
  noSearchWords: (summary) =>
    `In deiner Frage steht nichts, wonach ich suchen kann: sie hat keine Wörter, oder nur zu häufige (wie „was“ oder „ist“). Frag nach etwas aus dem Artikel, oder probiere ${summary} für einen Überblick.`,
  facts: {
    noAuthor: "Für diesen Artikel ist kein Autor erfasst.",
    published: (date, publisher) => `Erschienen${date ? ` am ${date}` : ""}${publisher ? ` bei ${publisher}` : ""}.`,
    noDate: "Der Artikel nennt kein Datum.",
    noPublisher: "Der Artikel nennt keinen Herausgeber.",
    sources: (count) => `Im Artikel genannte Quellen (${count}):`,
    noSources: "Der Artikel nennt keine Quellen.",
    link: (url) => `Link: ${url}`,
    noLink: "Der Artikel nennt keinen Link zur Originalseite.",
    kicker: (kicker) => `Dachzeile: ${kicker}`,
    more: (count) => `… und ${count} weitere Artikel: nenne in deiner Frage den, den du meinst.`,
    footer: "Aus den Angaben des Artikels, nicht aus seinem Text",
  },
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
    indexValue: (timestamp, count, version) => `erstellt ${timestamp} · ${count} Absätze · Version \`${version}\``,
    shard: "Shard",
    shardValue: (ids, count) => `${ids.join(", ")} von ${count}`,
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
    whichArticle: (list, command) =>
      `Es sind mehrere Artikel geladen: Welchen soll ich zusammenfassen? Nenn ihn in deiner Frage („Zusammenfassung des Artikels über …“) oder nutze ${command} mit der Option artikel. Artikel: ${list}`,
    whichSection: (title, list, command) =>
      `Keiner der Abschnitte von „${title}“ passt dazu. Nenn ihn mit seiner Nummer („fasse Abschnitt 2 zusammen“) oder nutze ${command} mit der Option abschnitt. Abschnitte: ${list}`,
    unknownSection: (typed, title, list) =>
      `Einen Abschnitt „${typed}“ gibt es in „${title}“ nicht (die Länge wählst du mit der Option länge). Abschnitte: ${list}`,
  },
  content: {
    guildOnly: "Das geht nur auf einem Server.",
    notModerator: "Das dürfen nur Moderatorinnen und Moderatoren (Recht „Server verwalten“ oder eine Moderationsrolle).",
    notOperator:
      "Die Artikel, die alle Server gemeinsam haben, können nur die Betreiber des Bots ändern. Ohne gemeinsam:True ändert die Moderation die eigenen Artikel dieses Servers.",
    serverArticlesOff:
      "Dieser Bot führt keine eigenen Artikel pro Server: alle Server werden aus den Artikeln des Betreibers beantwortet, und nur die Betreiber des Bots können sie ändern. /artikel listet sie auf.",
    ownArticle: "Eigener Artikel dieses Servers",
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
    droppedLines: (count) =>
      `${count === 1 ? "Eine Zeile" : `${count} Zeilen`} der Webseite um den Artikel (Navigation, Bildnachweise, Hinweise …) ${count === 1 ? "wurde" : "wurden"} weggelassen, siehe unten.`,
    reindexFailed: (reason) => `Die Neuindexierung ist fehlgeschlagen; der bisherige Index bleibt in Gebrauch.\nGrund: ${reason}`,
    changeRefused: (reason) => `Nichts wurde geändert. ${reason}`,
    changeFailed: (reason) => `Die Änderung ist fehlgeschlagen. ${reason}`,
    uploadExtension: (name) => `„${name}“ kann ich nicht als Artikel lesen: erlaubt sind .txt-, .md- und .html-Dateien.`,
    uploadContentType: (name, contentType) =>
      `„${name}“ kam als ${contentType} an; erlaubt sind Text-, Markdown- und HTML-Dateien (.txt, .md, .html). Nichts wurde geändert.`,
    uploadTooLarge: (size, max) => `Die Datei ist zu groß (${size}, höchstens ${max}). Nichts wurde geändert.`,
    uploadDownloadFailed: (detail) => `Die Datei ließ sich nicht von Discord laden (${detail}). Nichts wurde geändert; bitte noch einmal versuchen.`,
    replaceWithoutFile: (option) => `„${option}“ gilt nur zusammen mit einer Datei.`,
    checkWithoutFile: (option) => `„${option}“ zeigt, wie eine Datei gelesen würde: bitte eine anhängen.`,
    readingTitle: (file) => `So würde „${file}“ gelesen`,
    readingAddedTitle: "So wurde der neue Artikel gelesen",
    readingKicker: "Dachzeile",
    readingDate: "Datum",
    readingPublisher: "Herausgeber",
    readingNotFound: "nicht gefunden",
    readingParagraphs: (paragraphs, sections) =>
      `${paragraphs} ${paragraphs === 1 ? "Absatz" : "Absätze"} in ${sections} ${sections === 1 ? "Abschnitt" : "Abschnitten"}`,
    readingSources: (count) => `${count} ${count === 1 ? "Quelle" : "Quellen"} angegeben`,
    readingNoHeading: "(ohne Zwischentitel)",
    readingMore: (count) => `… und ${count} weitere`,
    readingDropped: (count) => `Als Webseite um den Artikel weggelassen (${count} ${count === 1 ? "Zeile" : "Zeilen"})`,
    readingNothingDropped: "Nichts wurde als Webseite um den Artikel weggelassen.",
    readingHtmlFurniture: "Eine Webseite: Navigation und Seitenelemente hat der HTML-Leser weggelassen.",
    furnitureReason: (reason) => GERMAN_FURNITURE_REASONS[reason],
    readingWouldReplace: (title, id, option) =>
      `Der Artikel ${id}${title === null ? "" : ` („${title}“)`} existiert schon: Diese Datei hinzuzufügen braucht ${option}: True und ersetzt ihn.`,
    readingCheckFooter: (option) => `Nichts wurde geändert. Lade die Datei ohne ${option} erneut hoch, um sie hinzuzufügen.`,
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
    tips: "• Unter jeder Antwort zeigt „¶ ganz lesen“ den vollständigen Absatz (nur für dich).\n• 👍/👎 hilft, die Antworten zu verbessern; gespeichert werden keine Namen.\n• `öffentlich: False` bei /frage zeigt die Antwort nur dir.\n• Auch nach dem Artikel selbst kannst du fragen: „Wann ist der Artikel erschienen?“, „Welche Quellen nennt er?“\n• „Worum geht es in dem Artikel?“ oder „tl;dr“ gibt seine Zusammenfassung, wie /zusammenfassung; „fasse den Abschnitt über die Sanktionen zusammen“ die eines Abschnitts.",
  },
};
