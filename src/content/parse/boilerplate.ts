import { splitSentences } from "../sentences.js";
import { wordCount } from "./classify.js";
import { collapseWhitespace } from "./text.js";

// ---------------------------------------------------------------------------
// Boilerplate and teasers

/**
 * Newsroom self-descriptions and mission statements ("Mehr als 150
 * Journalistinnen und Journalisten berichten …", "Zum journalistischen
 * Leitbild von …"). Only looked for above the body: an article's own last
 * paragraph may well talk about journalists.
 */
const NEWSROOM_PATTERNS: readonly RegExp[] = [
  /\b(?:Mehr als|Über|Rund|Fast|More than|Over|Nearly)\s+\d[\d.,]*\s+(?:Journalist|Redakteur|Reporter|journalist|reporter|editor)\w*.{0,120}\b(?:berichten|recherchieren|arbeiten|informieren|report|work)\w*/iu,
  /\b(?:unsere?|our)\s+(?:Journalist|Redakteur|Reporter|journalist|reporter|editor)\w*.{0,120}\b(?:berichten|recherchieren|arbeiten|informieren|report|work)\w*/iu,
  /\bJournalist\w*\b.{0,80}\b(?:berichten|recherchieren|informieren|report)\b.{0,80}\b(?:für Sie|rund um die Uhr|täglich|jeden Tag|for you|around the clock)\b/iu,
  /\brund um die Uhr\b.{0,80}\bfür Sie\b|\baround the clock\b.{0,80}\bfor you\b/iu,
  /\b(?:journalistisch|redaktionell)\w*\s+(?:Leitbild|Grundsätze|Standards|Richtlinien|Unabhängigkeit)\b/iu,
  /\bLeitbild\s+(?:von|unserer?|des Hauses)\b/iu,
  /\b(?:our|unsere?|Die)\s+(?:newsroom|Redaktion)\b.{0,80}\b(?:berichtet|arbeitet|recherchiert|unabhängig|report|works|independent)\b/iu,
  /\beditorial\s+(?:guidelines|standards|principles|independence)\b/iu,
];

/**
 * Boilerplate that can stand above or below the body: newsletter and
 * subscription prompts, "read more" teasers, share buttons, cookie and legal
 * notices, copyright lines, reading-time and audio labels. The start-anchored
 * prompts must make up the whole line, so a sentence that merely starts with
 * "Anmelden …" or "Werbung …" is not taken for one.
 */
const FRAME_PATTERNS: readonly RegExp[] = [
  /\bNewsletter\b.{0,80}\b(?:abonnieren|bestellen|anmelden|subscribe|sign up)\b/iu,
  /\b(?:abonnieren|bestellen|anmelden|subscribe|sign up)\b.{0,80}\bNewsletter\b/iu,
  /^(?:Jetzt\s+)?(?:kostenlos\s+)?(?:abonnieren|Abo abschließen|registrieren|anmelden|einloggen|subscribe|sign up|log in)\s*[!.:]?$/iu,
  /^(?:Lesen Sie (?:auch|mehr|hier)|Auch interessant|Das könnte Sie auch interessieren|Weitere Artikel|Empfehlungen der Redaktion)\b/iu,
  /^(?:Mehr zum Thema|Mehr dazu|Zum Thema|Related(?: articles| stories)?|Recommended(?: for you)?|More on this(?: story)?|See also)\s*(?::|$)/iu,
  /^Read (?:more|also|next)\b/iu,
  /^(?:Artikel teilen|Teilen|Share(?: this(?: article)?)?|Anzeige|Werbung|Advertisement|Sponsored(?: content)?)\s*:?$/iu,
  /^(?:Weiterlesen(?: nach der (?:Anzeige|Werbung))?|Artikel weiterlesen|Continue reading(?: (?:below|the main story))?|Story continues below(?: (?:this )?advertisement)?)\s*[.:…]?$/iu,
  /\b(?:Folgen Sie uns|Follow us on)\b/iu,
  /\bAlle Rechte vorbehalten\b|\bAll rights reserved\b/iu,
  /^(?:©|\(c\)\s|Copyright\b)/iu,
  /\bCookies?\b.{0,120}\b(?:akzeptieren|zustimmen|Einstellungen|accept|settings|consent)\b/iu,
  /\b(?:Datenschutzerklärung|Datenschutzhinweise|Privacy Policy|Terms of (?:Use|Service)|Nutzungsbedingungen|Impressum)\b/iu,
  /^(?:Lesedauer|Lesezeit|Reading time)\b|\b\d+\s*(?:min\.?|Minuten|minutes?)\s+(?:read|Lesezeit|Lesedauer)\b/iu,
  /^(?:Artikel (?:anhören|vorlesen)|Listen to (?:this )?article)\b/iu,
];

/** Boilerplate blocks are short; a long block is article text even if it matches a pattern. */
const MAX_BOILERPLATE_WORDS = 60;
/** Boilerplate that may also stand between paragraphs: teasers, ads, newsletter prompts. Only short blocks qualify. */
const INLINE_BOILERPLATE_MAX_WORDS = 30;

/** "Von Max Mustermann", "By Jane Doe and John Roe": a byline names people and nothing else. */
const BYLINE = /^(?:Von|By|Autor(?:in)?:|Author:)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|den|zu|und|and|&|,))*,?\s*$/u;
const MAX_BYLINE_WORDS = 7;
/** Date lines such as "Aktualisiert am 05.09.2023, 14:12 Uhr" above the body. */
export const DATE_LINE = /^(?:Aktualisiert|Veröffentlicht|Erschienen|Stand|Datum|Updated|Published|Posted|Date)\b/iu;

export type BoilerplatePosition = "head" | "tail";

/**
 * True for a line of publisher boilerplate. Above the body ("head") newsroom
 * blurbs count too; below it ("tail") only prompts, legal lines and bylines.
 */
export function isBoilerplateLine(text: string, position: BoilerplatePosition = "head"): boolean {
  const line = collapseWhitespace(text);
  const words = wordCount(line);
  if (line === "" || words > MAX_BOILERPLATE_WORDS) return false;
  if (words <= MAX_BYLINE_WORDS && BYLINE.test(line)) return true;
  if (matchesBoilerplatePattern(line, position)) return true;
  // Several boilerplate sentences on one line ("Die Redaktion von X arbeitet unabhängig. Mehr lesen Sie hier.").
  const sentences = splitSentences(line);
  return sentences.length > 1 && sentences.every((sentence) => isTeaserSentence(sentence.text) || matchesBoilerplatePattern(sentence.text, position));
}

function matchesBoilerplatePattern(line: string, position: BoilerplatePosition): boolean {
  if (FRAME_PATTERNS.some((pattern) => pattern.test(line))) return true;
  return position === "head" && NEWSROOM_PATTERNS.some((pattern) => pattern.test(line));
}

/** A short block between paragraphs that only advertises, teases or prompts. */
export function isInlineBoilerplate(text: string): boolean {
  if (wordCount(text) > INLINE_BOILERPLATE_MAX_WORDS) return false;
  if (FRAME_PATTERNS.some((pattern) => pattern.test(text))) return true;
  // A block that is nothing but a "more about this here" teaser is a link to another page.
  return splitSentences(text).length === 1 && isTeaserSentence(text);
}

const TEASER_PATTERNS: readonly RegExp[] = [
  /\b(?:lesen|erfahren|finden|sehen|hören)\s+Sie\s+(?:hier|in unserem|im (?:Video|Podcast|Liveblog|Newsblog|Newsticker|Artikel))\b/iu,
  /^(?:Lesen Sie (?:auch|mehr|hier)|Mehr (?:dazu|zum Thema)|Auch interessant|Zum Artikel|Hier (?:geht es|geht's|lesen|weiterlesen))\b/iu,
  /\b(?:hier|jetzt)\s+(?:weiterlesen|klicken|anmelden|abonnieren)\b/iu,
  /\b(?:Klicken|Tippen)\s+Sie\s+hier\b/iu,
  /^(?:Read (?:more|also|the full)|See also|Related:|Sign up|Subscribe)\b/iu,
  /\b(?:read|learn|find out)\s+more\b.{0,80}\bhere\b/iu,
  /\bclick here\b/iu,
];

/**
 * True for a sentence that points to another page instead of informing
 * ("Mehr über das Gefährt Kims lesen Sie hier."). Such sentences stay in the
 * paragraph text but should not be quoted as an answer.
 */
export function isTeaserSentence(text: string): boolean {
  const sentence = collapseWhitespace(text);
  return TEASER_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** Keyword before a publisher's name in boilerplate: "Leitbild von t-online", "newsroom of The Guardian". */
const PUBLISHER_LEAD =
  /\b(?:Leitbild|Redaktion|Newsroom|Angebot|Grundsätze|Standards|Richtlinien|guidelines|principles|standards|newsroom|team)\s+(?:von|der|des|bei|of|at)\s+/iu;
/**
 * A brand: one token ("t-online", "t-online.de", "SPIEGEL") plus up to two capitalised ones ("ZEIT ONLINE",
 * "The Guardian"). Dots only inside a token, so "Beispielzeitung. Alle Rechte" yields "Beispielzeitung".
 */
const BRAND = /^[\p{L}\d](?:[\p{L}\d&'’_-]|\.(?=[\p{L}\d]))*(?:\s+[\p{Lu}\d](?:[\p{L}\d&'’_-]|\.(?=[\p{L}\d]))*){0,2}/u;
/** A copyright mark and its year, first on the line or after a reservation ("Alle Rechte vorbehalten © n-tv.de"). */
const COPYRIGHT_LEAD = /(?:^|(?<=\b(?:vorbehalten|reserved)\.?\s*))(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?/iu;
const NOT_A_BRAND = new Set(["der", "die", "das", "den", "dem", "des", "uns", "unserer", "unseren", "the", "our", "us"]);

/** The publisher named in a boilerplate line, if any. */
export function publisherFromBoilerplate(line: string): string | null {
  const lead = PUBLISHER_LEAD.exec(line);
  const copyright = COPYRIGHT_LEAD.exec(line);
  let rest: string | null = null;
  if (lead) rest = line.slice(lead.index + lead[0].length);
  else if (copyright && copyright[0].length > 0) rest = line.slice(copyright.index + copyright[0].length);
  if (rest === null) return null;
  // A year or span of years after the brand is the copyright's ("© FOCUS Online 1996-2024").
  const brand =
    BRAND.exec(rest)?.[0]
      ?.replace(/\s+\d{4}(?:\s*[-–]\s*\d{4})?$/u, "")
      .replace(/[.,;:!?'’_-]+$/u, "") ?? "";
  if (brand === "" || NOT_A_BRAND.has(brand.toLowerCase()) || /^\d+$/u.test(brand)) return null;
  return brand;
}

/** Publisher guessed from an article URL: "https://www.t-online.de/…" → "t-online". */
export function publisherFromUrl(url: string): string | null {
  const host = url.includes("://") ? new URL(url).hostname : url;
  const labels = host.replace(/^www\./u, "").split(".");
  return labels.length >= 2 ? (labels[labels.length - 2] ?? null) : null;
}
