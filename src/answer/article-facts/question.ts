import { foldedWords, isStopWord } from "../../search/analyzer.js";
import { ARTICLE_WORDS, questionWords } from "../article-words.js";

/**
 * Questions about an article itself rather than what it reports: who wrote
 * it, when and by whom it was published, its sources, its link, its title.
 * Their answer is in the article's metadata, not in a paragraph, so passage
 * retrieval can only miss them ("Wer hat den Artikel geschrieben?" is not
 * answered by any paragraph).
 */
export type ArticleFactKind = "author" | "date" | "publisher" | "sources" | "link" | "title";

export interface ArticleFactQuestion {
  kind: ArticleFactKind;
  /** The question's words that are neither cues nor frame: they may say which article is meant ("… der Artikel über Nordkorea"). */
  ownWords: string[];
}

/** Question words, folded, that decide between a date and a person or outlet ("wann … geschrieben" / "wer … geschrieben"). */
const WHEN = /^(?:wann|when|seit|since)$/u;
const WHO = /^(?:wer|who|whom|von)$/u;

/**
 * Cues per kind, on folded tokens (umlauts folded away: "veröffentlicht" is
 * "veroffentlicht"). Weak cues count only in a question that names the
 * article and has no other words of its own: "Wie alt ist er?" asks about a
 * person and "Wie heißt der Experte im Artikel?" about a name in it, "Wie alt
 * ist der Artikel?" and "Wie heißt der Artikel?" about the article. Cues
 * marked `where` count only after "wo"/"where" ("Wo kann ich den ganzen
 * Artikel lesen?", not "Was kann ich im Artikel lesen?").
 */
const CUES: readonly { kind: ArticleFactKind; cue: RegExp; weak?: true; where?: true }[] = [
  { kind: "author", cue: /^(?:autor\w*|author\w*|verfasser\w*|writer|journalist\w*|redakteur\w*)$/u },
  { kind: "publisher", cue: /^(?:zeitung\w*|newspaper\w*|outlet|publisher\w*|herausgeber\w*|verlag\w*)$/u },
  { kind: "publisher", cue: /^(?:medium|portal|website|webseite|site)$/u, weak: true },
  { kind: "date", cue: /^(?:datum|veroffentlich\w*|publish\w*|erschien\w*|erschein\w*|publiziert\w*|posted)$/u },
  // "aktuell" folds to "aktull" (its "ue" reads like a transliterated "ü").
  { kind: "date", cue: /^(?:dated?|alt|old|aktu?ll\w*|recent)$/u, weak: true },
  { kind: "sources", cue: /^(?:quelle[n]?|source[s]?|belege?)$/u },
  { kind: "sources", cue: /^(?:infos?|informationen|information)$/u, weak: true },
  { kind: "link", cue: /^(?:link[s]?|url)$/u },
  { kind: "link", cue: /^(?:original\w*|online|lesen|lese|read|finde[nt]?|find)$/u, weak: true, where: true },
  { kind: "title", cue: /^(?:titel|title|uberschrift\w*|headline|schlagzeile\w*)$/u },
  { kind: "title", cue: /^(?:heisst|called|named)$/u, weak: true },
];

const WHERE = /^(?:wo|where)$/u;

/** Writing verbs: "who wrote it" asks for the author, "when was it written" for the date. */
const WRITTEN = /^(?:geschrieben|verfasst|schrieb|wrote|written|authored)$/u;

/** Words that say what a question is asking for without narrowing it to something the article reports. */
const FRAME =
  /^(?:wo|where|kann|can|ich|ganze[nr]?|full|whole|gibt|stammt|kommt|steht|come|comes|from|nutzt|benutzt|verwendet|uses?|used|cite[sd]?|zitiert|genannt|listed|angegeben|wurde|ward)$/u;

/** The question words of an elliptic follow-up ("Und wann?") and what they ask of the same article. */
const ELLIPTIC: readonly { word: RegExp; kind: ArticleFactKind }[] = [
  { word: /^(?:wann|when)$/u, kind: "date" },
  { word: /^(?:wer|who)$/u, kind: "author" },
  { word: /^(?:wo|where)$/u, kind: "link" },
  { word: /^(?:woher)$/u, kind: "sources" },
];

/**
 * What an elliptic follow-up to a question about an article itself asks
 * ("Wer hat den Artikel geschrieben?" – "Und wann?"): a question word and no
 * word of its own. Null for anything else.
 */
export function articleFactFollowUp(question: string): ArticleFactKind | null {
  const all = foldedWords(question);
  if (all.some((token) => !isStopWord(token))) return null;
  return ELLIPTIC.find(({ word }) => all.some((token) => word.test(token)))?.kind ?? null;
}

/**
 * What a question asks about the article itself, or null for a question
 * about its content. It must carry a cue ("Autor", "veröffentlicht",
 * "sources", …) and either name the article ("der Artikel", "this
 * article") or have no other words of its own ("Wer hat das geschrieben?"),
 * so that "Wer hat Faust geschrieben?" or "which newspaper reported on the
 * delegation" stay questions about content.
 */
export function articleFactQuestion(question: string): ArticleFactQuestion | null {
  const all = questionWords(question);
  const asksWhen = all.some((token) => WHEN.test(token));
  const asksWho = all.some((token) => WHO.test(token));
  const asksWhere = all.some((token) => WHERE.test(token));
  const words = all.filter((token) => !isStopWord(token));
  const namesArticle = words.some((token) => ARTICLE_WORDS.test(token));
  const anyCue = (word: string): boolean => WRITTEN.test(word) || CUES.some(({ cue }) => cue.test(word));
  const ownWords = words.filter((word) => !anyCue(word) && !ARTICLE_WORDS.test(word) && !FRAME.test(word));
  if (!namesArticle && ownWords.length > 0) return null;
  const weakCounts = namesArticle && ownWords.length === 0;
  const kinds = new Set<ArticleFactKind>();
  // All tokens: some cues are stop words ("heißt").
  for (const word of all) {
    for (const { kind, cue, weak, where } of CUES) if (cue.test(word) && (!weak || weakCounts) && (!where || asksWhere)) kinds.add(kind);
    if (WRITTEN.test(word)) kinds.add(asksWhen ? "date" : "author");
  }
  // With no cue, a question that names the article and nothing else asks what its question word asks:
  // "Von wann ist der Artikel?", "Where is this article from?".
  if (kinds.size === 0 && weakCounts) {
    if (asksWhen) kinds.add("date");
    else if (all.some((token) => /^(?:woher|from)$/u.test(token))) kinds.add("publisher");
  }
  // "Wer hat den Artikel veröffentlicht?" asks for the outlet, "Wann …?" for the date.
  if (kinds.has("date") && asksWho && !asksWhen && !kinds.has("author")) return { kind: "publisher", ownWords };
  const kind = (["sources", "link", "title", "author", "publisher", "date"] as const).find((candidate) => kinds.has(candidate));
  return kind ? { kind, ownWords } : null;
}
