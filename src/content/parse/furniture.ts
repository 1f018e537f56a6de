import { isBoilerplateLine, isInlineBoilerplate } from "./boilerplate.js";
import { endsWithSentencePunctuation, isTitleLike, wordCount } from "./classify.js";
import { collapseWhitespace } from "./text.js";

/**
 * Site furniture in a page copied whole from a browser (select all, copy,
 * paste): the lines around and between the article that are the site's, not
 * the article's. Readability does this for HTML from the page's structure;
 * a plain-text copy has only the lines, so the rules look at what a line is
 * made of: icon labels, glued breadcrumbs, user-interface words, image
 * credits, date and reading-time lines, prompts, and short lines the page
 * repeats.
 */

export type FurnitureReason =
  | "icon labels"
  | "breadcrumb"
  | "site interface"
  | "image credit"
  | "image caption"
  | "consent banner"
  | "date line"
  | "author line"
  | "prompt"
  | "teaser"
  | "repeated line"
  | "pull quote"
  | "reader comments"
  | "publisher boilerplate"
  | "page chrome";

/** A dropped line and why, for `npm run reindex -- --check`. */
export interface DroppedLine {
  text: string;
  reason: FurnitureReason;
}

/** Short lines that are a site's controls and labels, whatever the site (compared lowercased, without trailing punctuation). */
// prettier-ignore
const INTERFACE_LABELS = new Set([
  "menü", "menu", "suche", "search", "anmelden", "abmelden", "login", "log in", "sign in", "registrieren", "register", "abo", "abonnieren", "subscribe",
  "home", "startseite", "homepage", "news", "nachrichten", "teilen", "share", "share this", "kommentare", "comments", "kommentieren", "player wird geladen",
  "video-player", "video player", "video", "news folgen", "folgen", "follow", "anzeige", "werbung", "advertisement", "sponsored", "zurück", "weiter",
  "schließen", "close", "audio", "artikel anhören", "listen", "listen to this article", "jetzt lesen", "newsletter", "podcast", "drucken", "print",
  "e-mail", "email", "link kopieren", "copy link", "facebook", "twitter", "x", "whatsapp", "instagram", "youtube", "linkedin", "pinterest", "telegram",
  "flipboard", "messenger", "mehr", "more", "mehr anzeigen", "show more", "alle artikel", "zur startseite", "top stories", "live", "watch live", "live ansehen", "ticker",
  "merken", "save", "gift article", "artikel verschenken", "jetzt teilen", "artikel teilen", "zum inhalt springen", "skip to content", "skip to main content", "jump to content",
  "accessibility help", "barrierefreiheit", "mein konto", "my account", "account", "notifications", "benachrichtigungen", "image", "bild", "foto",
  "info", "alle akzeptieren", "accept all", "reject all", "alle ablehnen", "einstellungen verwalten", "manage settings", "manage preferences", "show purposes",
  "play video", "video abspielen", "play", "abspielen", "pause", "x.com", "bluesky", "threads", "mastodon", "reddit", "free weekly newsletter", "free daily newsletter", "zusammenfassen", "summarize", "artikel zusammenfassen", "zur merkliste hinzufügen", "merkliste", "vorlesen", "hören", "artikel zum hören",
  "externen inhalt anzeigen", "externer inhalt", "externe inhalte anzeigen", "inhalt laden", "einbettungen aktivieren", "show external content", "load content", "allow content", "enable embeds",
]);

const ICON = /Icon(?=\p{Lu}|\s|$)/gu;
/** "HomePolitikUkraine", "NewsWorldEurope": three or more capitalised words glued together (German compounds have no inner capitals). */
const GLUED_CRUMBS = /^(?:\p{Lu}[\p{Ll}\d-]+){3,}$/u;
/** "Home › Politik › Ausland", "News / World / Europe". */
const SEPARATED_CRUMBS = /^[^.!?|>]{1,40}(?:(?:\s*[|>]\s*|\s+[›»·/]\s+)[^.!?|>]{1,40}){1,6}$/u;
const CREDIT_START = /^(?:Foto|Fotos|Bild|Bildquelle|Archivbild|Image source|Image caption|Photo|Photograph|Credit)\s*[:,]|^©\s*[\p{L}][\p{L} .&/-]{1,60}$/iu;
/**
 * A gallery's caption, opened by its place in the gallery: "Item 1 of 3 Containers are …", "[1/3]Containers …",
 * "Bild 2 von 8: …", "1 of 4 | Residents wade …".
 */
const GALLERY_CAPTION =
  /^(?:(?:Item|Image|Photo|Slide|Bild|Foto)\s+\d{1,3}\s+(?:of|von)\s+\d{1,3}:?\s+\S|\[\d{1,3}\/\d{1,3}\]\s*\S|\d{1,3}\s+(?:of|von)\s+\d{1,3}\s*[|:·]\s*\S)|\bPurchase Licensing Rights\b/u;

/** "Quelle: Reuters" on a line of its own under a video or picture: a credit of a few words, not a sentence. */
const SOURCE_CREDIT = /^(?:Quelle|Source)\s*:\s*[\p{L}\d][\p{L}\d .&/-]{0,40}$/iu;
/** A video's or picture's providers, slashed, a name of one or two words each: "FOCUS online/Wochit", "Reuters/AP". */
const SLASHED_CREDIT = /^\p{Lu}[\p{L}\d.&-]*(?:\s[\p{L}\d.&-]+)?(?:\/\s?\p{L}[\p{L}\d.&-]*(?:\s[\p{L}\d.&-]+)?)+$/u;
const MAX_SOURCE_CREDIT_WORDS = 5;
const MAX_SLASHED_CREDIT_WORDS = 4;
/** A credit on a line of its own (not closing a caption), bracketed or not: the short line above it is the caption. */
export const CREDIT_ONLY = /^\(?(?:Foto|Fotos|Bild|Bildquelle|Archivbild|Photo|Photograph|Credit)\s*:|^\(?©/iu;
const CREDIT_END =
  /(?:\((?:Foto|Fotos|Bild|Quelle|Archivbild|Photo)\s*:[^)]{1,60}\)|(?:Foto|Fotos|Bild|Photograph|Photo(?:graph)?|Image)\s*:\s*[^.]{1,60}|\[[^\]]{2,60}\/[^\]]{2,60}\]|(?<=\p{Ll})Quelle:\s*[^.]{1,60})$/u;
/** Cookie and consent banners, which a copy takes along above the page. */
const CONSENT =
  /\b(?:we and our partners|wir und unsere partner|store and(?:\/or)? access information|speichern (?:und\/oder )?(?:Informationen|Daten) auf Ihrem Gerät|personalised ads|personalized ads|personalisierte (?:Werbung|Anzeigen)|Datenschutzeinstellungen|Datenschutz-Einstellungen|privacy settings|your privacy choices|Einwilligung widerrufen|withdraw (?:your )?consent|externe Inhalte angezeigt werden|eingebettete Inhalte (?:anzuzeigen|angezeigt)|(?:an|to) Drittplattformen|(?:external|third-party|embedded) content (?:to be |being )?(?:displayed|shown|loaded)|allow (?:external|third-party) content|I(?: would|'d|’d) like to be emailed|read our privacy (?:notice|policy)|Ich möchte (?:per E-Mail|den Newsletter))\b/iu;
const MAX_CONSENT_WORDS = 150;
/** Player and list widgets: "00:00 / 03:41", "Video Duration 02 minutes 15 seconds", "list 2 of 3", "Wirtschaft 08.10.25 – 02:11 min", "01:42 Minuten". */
const WIDGET =
  /^\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}$|^Video Duration\b|^(?:Beitragslänge|Videolänge|Länge|Dauer|Duration)\s*:\s*\d{1,2}(?::\d{2})?\s*(?:min|Min\.?|Minuten|minutes|Sek\.?|Sekunden|seconds|s)?$|^(?:Bild|Foto|Image|Photo|Slide)\s+\d{1,3}\s*(?:von|of|\/)\s*\d{1,3}$|^(?:list \d+ of \d+|list of \d+ items|end of list)$|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:min|Min\.?|Minuten|minutes|Sek\.?|Sekunden|seconds)$/iu;
/**
 * Date, time and reading-time lines: "12.03.2024, 14:05 Uhr", "Published 3 hours ago", "Tue 5 Mar 2024 14.05 GMT",
 * "10. Januar 2024, 18:05 Uhr | Lesezeit: 2 min".
 */
const DATE_WORDS =
  /^(?:Aktualisiert|Veröffentlicht|Erschienen|Stand|Datum|Date|Updated|Published|Posted|Last updated|Lesedauer|Lesezeit|Reading time)\b|^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b.{0,40}\d|\b(?:ago|Uhr|GMT|UTC|BST|MEZ|MESZ|CET|CEST)\.?$|\b(?:Lesedauer|Lesezeit|Reading time)\b|(?:•|\|)\s*\d{1,2}(?::\d{2})?\s*Min\.?$|^\d{1,2}\.\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}\b/iu;
const MAX_FURNITURE_WORDS = 12;
/** Calls to follow, write in, comment or support, which sites put around every article. */
const PROMPTS: readonly RegExp[] = [
  /^(?:Follow|Folgen Sie)\b.{0,60}\b(?:on|auf|bei)\s+(?:X|Facebook|Instagram|YouTube|WhatsApp|TikTok|Threads|Bluesky|Telegram|Google News)\b/iu,
  // The site speaking to its reader about its own channels: "Folgen Sie unserem Newsletter …", "Subscribe to our podcast".
  /^(?:Folgen Sie|Abonnieren Sie|Follow|Subscribe to|Sign up (?:for|to))\s+(?:uns|unserem|unserer|unseren|unsere|us|our)\b/iu,
  /^(?:Got a story|Have a story|Haben Sie (?:Hinweise|eine Geschichte))\b/iu,
  /^(?:Bitte melden Sie sich an|Melden Sie sich an|Log in|Sign in)\b.{0,60}\b(?:kommentieren|comment)\b/iu,
  /^(?:Support|Unterstützen Sie)\b.{0,80}\b(?:journalism|Journalismus|from just|ab)\b/iu,
  /^(?:skip|after) (?:past )?newsletter promotion$|^Skip (?:next|previous) section\b/iu,
  // The site vouching for itself, or its player asking for another browser: "Why you can trust Sky News", "Please
  // use Chrome browser for a more accessible video player".
  /^(?:Why you can trust|Warum Sie (?:uns|\p{L}+) vertrauen können)\b|\bvideo[- ]?player$/iu,
  // A player's offer to read the article aloud: "Hören Sie sich den Artikel an", "Listen to this story".
  /^(?:Hören Sie (?:sich )?(?:den|diesen) (?:Artikel|Text) an|(?:Artikel|Text) vorlesen lassen|Listen to (?:this|the) (?:article|story))\b/iu,
  // A paywall's offer under the part of the article it lets through.
  /^(?:Sie haben bereits ein (?:[\p{L}+]+-)?(?:Abo|Abonnement)|Sie sind bereits (?:Abonnent|registriert)|(?:Jetzt |Diesen Artikel )?weiterlesen mit\b|Already (?:a )?(?:subscriber|have an account)|Subscribe to (?:continue|read)|Continue reading with\b|Jederzeit kündbar|Cancel anytime)/iu,
  /^(?:Thank you for reading|Danke(?:,| fürs?) (?:dass Sie|Lesen))\b/iu,
  /^(?:Ihre Meinung ist gefragt|Diskutieren Sie mit|Join the (?:conversation|discussion)|Have your say)\b/iu,
  /\b(?:straight to your inbox|(?:in|into|to) your inbox every|direkt in Ihr(?: E-Mail-)?Postfach|in Ihr Postfach)\b/iu,
  /\b(?:vorlesen lassen|Artikel (?:anhören|vorlesen)|listen to (?:this|the) (?:article|story))\b/iu,
];

/** A heading that introduces links to other articles: the block after it is the list of their headlines. */
export const RELATED_HEADER =
  /^(?:Mehr zum Thema|Mehr dazu|Zum Thema|Das könnte Sie auch interessieren|Auch interessant|Lesen Sie auch|Meistgelesen|Meist gelesen|Am meisten gelesen|Beliebte Artikel|Top-Themen|Related(?: articles| stories| topics| content)?|More on this story|More from|Read more|You might also like|Explore more|Most read|Most popular|Most viewed|Trending|Read more from\s+[^.!?:]{1,40})\s*:?$/iu;
const MAX_REPEATED_WORDS = 6;

/** A line that is site furniture, and why; null for a line that may be the article's. */
export function furnitureReason(raw: string, repeated: ReadonlySet<string> = new Set(), position: "head" | "body" = "body"): FurnitureReason | null {
  const line = collapseWhitespace(raw);
  const words = wordCount(line);
  if (line === "") return null;
  if ((line.match(ICON)?.length ?? 0) >= 2) return "icon labels";
  if (words <= MAX_CONSENT_WORDS && CONSENT.test(line)) return "consent banner";
  if (words <= 40 && (CREDIT_START.test(line) || CREDIT_END.test(line))) return "image credit";
  if (words <= 60 && GALLERY_CAPTION.test(line)) return "image caption";
  if (words <= MAX_SOURCE_CREDIT_WORDS && SOURCE_CREDIT.test(line)) return "image credit";
  if (words <= MAX_FURNITURE_WORDS && WIDGET.test(line)) return "site interface";
  if (words <= MAX_MEDIA_TEASER_WORDS && MEDIA_TEASER.test(line) && !endsWithSentencePunctuation(line)) return "teaser";
  if (words <= MAX_FURNITURE_WORDS && !endsWithSentencePunctuation(line) && (GLUED_CRUMBS.test(line) || (words >= 2 && SEPARATED_CRUMBS.test(line)))) {
    return "breadcrumb";
  }
  // After the breadcrumbs: "World / Europe" is one, "FOCUS online/Wochit" a credit.
  if (words <= MAX_SLASHED_CREDIT_WORDS && SLASHED_CREDIT.test(line)) return "image credit";
  if (words <= 5 && INTERFACE_LABELS.has(line.toLowerCase().replace(/[.:!…]+$/u, ""))) return "site interface";
  if (words <= 3 && isGluedShareButtons(line)) return "site interface";
  if (words <= 3 && AGENCY_CODES.test(line)) return "author line";
  if (words <= MAX_FURNITURE_WORDS && DATE_WORDS.test(line) && !/[.!?]["“”»«]?$/u.test(line.replace(/\b(?:Min|Uhr|ca)\.$/u, ""))) return "date line";
  if (words <= MAX_REPEATED_WORDS && repeated.has(line.toLowerCase())) return "repeated line";
  if (words <= 8 && (BYLINE.test(line) || AGENCY_BYLINE.test(line) || ROLE_BYLINE.test(line))) return "author line";
  if (words <= 12 && CONTRIBUTORS.test(line)) return "author line";
  // Above the article a glued kicker and headline is the article's own.
  if (position === "body" && isGluedTeaser(line)) return "teaser";
  if (words <= 60 && PROMPTS.some((pattern) => pattern.test(line))) return "prompt";
  if (words <= 6 && RELATED_HEADER.test(line)) return "prompt";
  if (isInlineBoilerplate(line) || isBoilerplateLine(line, "tail")) return "prompt";
  // Above the article, the publisher's words about its newsroom ("Mehr als 150 Journalistinnen …"), though sentences.
  if (position === "head" && isBoilerplateLine(line, "head")) return "publisher boilerplate";
  return null;
}

/** "CNN's Tom Ardley contributed to this report.", "Mitarbeit: Jana Roth", "Reporting by Anna Vos; Editing by Mark Potter": who worked on it. */
const CONTRIBUTORS =
  /\bcontributed (?:reporting )?to this (?:report|story|article)\.?$|^(?:Mitarbeit|(?:Additional )?[Rr]eporting by|Writing by|Editing by)\s*:?\s+\p{Lu}/u;

/** Share buttons copied as one word: "FacebookXWhatsAppE-Mail". */
const SHARE_BUTTON =
  /^(?:facebook|twitter|whatsapp|e-mail|email|mail|linkedin|pinterest|telegram|messenger|flipboard|reddit|threads|bluesky|xing|x|teilen|drucken|share|print)/u;

function isGluedShareButtons(line: string): boolean {
  let rest = line.toLowerCase().replace(/\s+/gu, "");
  let buttons = 0;
  for (let match = SHARE_BUTTON.exec(rest); match !== null && rest !== ""; match = SHARE_BUTTON.exec(rest)) {
    rest = rest.slice(match[0].length);
    buttons += 1;
  }
  return rest === "" && buttons >= 3;
}

/** Agency and editor codes on a line of their own, closing a report: "kat/dpa", "(dpa/afp)"; one a known agency. */
const AGENCY_CODES = /^\(?(?=.*\b(?:dpa|afp|ap|rtr|reuters|sid|epd|kna|apa|sda|dts|ddp)\b)\p{Ll}{2,7}(?:\s*[/,]\s*\p{Ll}{2,7})*\)?$/u;

/** A link to a video, podcast or gallery set in the text: "Video | Haubitzen im Dauerfeuer: Aufnahmen …". */
const MEDIA_TEASER = /^(?:Video|Videos|Audio|Podcast|Bildergalerie|Bilderstrecke|Fotostrecke|Fotos|Galerie|Gallery|Watch|Listen)\s*[|:–—-]\s*\p{Lu}/u;
const MAX_MEDIA_TEASER_WORDS = 20;

const BYLINE = /^(?:Von|By|Autor(?:in)?:|Author:)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*|\s+(?:von|van|de|der|und|and)|,)*(?:\s+\p{Lu}[\p{L}.'’-]*)?$/u;
/** Roles that name a line's person as the article's author, as a regular-expression alternation (see also isByline). */
export const AUTHOR_ROLES =
  "[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Jj]ournalist|[Ww]riter|Korrespondent(?:in)?|Redakteur(?:in)?|Reporter(?:in)?|Journalist(?:in)?|Autor(?:in)?";
/** A byline with the author's role after the name: "By Priya Patel, business reporter", "Von Lea Hartwig, Korrespondentin". */
const ROLE_BYLINE = new RegExp(String.raw`^(?:Von|By)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s+(?:[\p{L}-]+\s+){0,3}(?:${AUTHOR_ROLES})$`, "u");
/**
 * News agencies' and editors' codes as a byline: "Von dpa, afp, mk", "Von dpa/rtr", "Von Lea Hartwig, dpa".
 * One known agency must be among them: "Von oben" is a heading.
 */
export const AGENCY_BYLINE =
  /^(?:Von|By)\s+(?:(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*[,/]\s*)?(?=.*\b(?:dpa|afp|ap|rtr|reuters|sid|epd|kna|apa|sda|dts|ddp|ots|aze|anp)\b)\p{Ll}{2,7}(?:\s*(?:[,/]|und|and)\s*\p{Ll}{2,7})*$/u;

/** "Krise der SolarbrancheWarum deutsche Modulhersteller …": a related article's kicker glued to its headline, a link to another page. */
const GLUED_KICKER_TITLE = /^\p{Lu}[^.!?]{2,60}\p{Ll}(?=\p{Lu}\p{Ll})/u;

function isGluedTeaser(line: string): boolean {
  const kicker = GLUED_KICKER_TITLE.exec(line)?.[0];
  return kicker !== undefined && wordCount(kicker) >= 2 && isTitleLike(line) && wordCount(line) >= 5;
}

/** Short lines without sentence punctuation that occur more than once (a site name above and below the article). */
export function repeatedShortLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const raw of lines) {
    const line = collapseWhitespace(raw).toLowerCase();
    if (line === "" || wordCount(line) > MAX_REPEATED_WORDS || endsWithSentencePunctuation(line)) continue;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([line]) => line));
}

/** A paragraph of the article proper: full sentences, long enough not to be a label or a teaser line. */
export function isProse(text: string): boolean {
  return wordCount(text) >= MIN_PROSE_WORDS && endsWithSentencePunctuation(text) && !isTitleLike(text);
}

const MIN_PROSE_WORDS = 12;
