import type { Lang } from "./locale.js";

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
    en: { name: "reindex", description: "Moderators: rebuild the index, or upload one article (check: only show how it would be read)" },
    de: { name: "neu-indizieren", description: "Moderation: Index neu aufbauen, Artikel hochladen (prüfen: nur zeigen, wie er gelesen wird)" },
    options: {
      file: {
        en: { name: "file", description: "An article to add or replace (.txt, .md or .html)" },
        de: { name: "datei", description: "Ein Artikel zum Hinzufügen oder Ersetzen (.txt, .md oder .html)" },
      },
      replace: {
        en: { name: "replace", description: "Replace an existing article with the same file name (default: no)" },
        de: { name: "ersetzen", description: "Einen vorhandenen Artikel mit gleichem Dateinamen ersetzen (Standard: nein)" },
      },
      check: {
        en: { name: "check", description: "Only show how the file would be read (title, paragraphs, lines left out); change nothing" },
        de: { name: "prüfen", description: "Nur zeigen, wie die Datei gelesen würde (Titel, Absätze, weggelassene Zeilen); nichts ändern" },
      },
      shared: {
        en: { name: "shared", description: "Bot operators: change the articles every server shares (default: this server's own)" },
        de: { name: "gemeinsam", description: "Betreiber: die Artikel ändern, die alle Server gemeinsam haben (Standard: die dieses Servers)" },
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
      shared: {
        en: { name: "shared", description: "Bot operators: remove one of the articles every server shares" },
        de: { name: "gemeinsam", description: "Betreiber: einen der Artikel entfernen, die alle Server gemeinsam haben" },
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
