import type { Block } from "./blocks.js";
import { publisherFromBoilerplate } from "./boilerplate.js";
import { endsWithSentencePunctuation, isTitleLike, wordCount, wordsOf } from "./classify.js";
import { parseDate } from "./dates.js";
import { AGENCY_BYLINE, CREDIT_ONLY, RELATED_HEADER, furnitureReason, isProse, repeatedShortLines, type DroppedLine } from "./furniture.js";
import { SOURCES_HEADING } from "./sources.js";

/**
 * A whole web page pasted as text: the article is the run of prose in the
 * middle. Above it, the headline is the last title-like line before the first
 * paragraph (with a kicker line, or a kicker glued to it, just before), after
 * the date and author lines; the rest above is the site's. Below the last
 * paragraph, lines without a sentence end are the site's (related articles,
 * labels, footer), up to a source list.
 */
export interface PageCopy {
  headline: string | null;
  kicker: string | null;
  /** From a date line above the article ("Aktualisiert am 18.08.2023"). */
  date: string | null;
  /** Named in a dropped line ("© 2024 Beispielzeitung"). */
  publisher: string | null;
  /** The article's blocks, the headline first as a level-1 heading. */
  blocks: Block[];
  dropped: DroppedLine[];
}

/** Furniture lines above the first paragraph from which a text is taken for a page copy. */
const MIN_HEAD_FURNITURE = 2;
const MAX_KICKER_WORDS = 8;
/** Shorter title-like lines are names, desks and section labels ("Priya Castellane", "BBC News, Cumbria"). */
const MIN_HEADLINE_WORDS = 4;
/** A title-like line this long just above the first paragraph is a standfirst printed without a final period. */
const MIN_STANDFIRST_WORDS = 16;
/** Longer title-like lines are standfirsts or captions printed without a final period. */
const MAX_HEADLINE_WORDS = 18;
/** "Hochwasser in SüdbadenStadt evakuiert drei Dörfer", "14. SanktionspaketEU will …": a short kicker glued to the headline. */
const GLUED_KICKER = /(?<=[\p{Ll}\d)])(?=\p{Lu}\p{Ll}|\p{Lu}{2,5}\s)/gu;

/** The page copy's article, or null when the text does not look like a whole page (then nothing is changed). */
export function readPageCopy(input: readonly Block[]): PageCopy | null {
  const blocks = input.flatMap(splitDateSuffix);
  const repeated = repeatedShortLines(blocks.filter((block) => block.kind !== "list-item").map((block) => block.text));
  const isArticleProse = (block: Block): boolean => block.kind === "text" && isProse(block.text) && furnitureReason(block.text, repeated) === null;
  // The publisher's words about its newsroom above the article are sentences, but not the article's.
  const firstProse = blocks.findIndex((block) => isArticleProse(block) && furnitureReason(block.text, repeated, "head") === null);
  if (firstProse < 0) return null;
  const head = blocks.slice(0, firstProse);
  // Each line's furniture reason above the article, worked out once for the walks below.
  const headReasons = head.map((block) => furnitureReason(block.text, repeated, "head"));
  // A publisher's lines about its newsroom stand above many a clean article too: they make no page copy.
  const headFurniture = headReasons.filter((reason) => reason !== null && reason !== "publisher boilerplate").length;
  if (headFurniture < MIN_HEAD_FURNITURE) return null;

  const dropped: DroppedLine[] = [];
  let date: string | null = null;
  const captions = captionIndexes(blocks, repeated);
  // Walking up from the first paragraph: furniture, date and author lines, then a standfirst without a
  // final period (long), then the headline, then perhaps a kicker.
  let standfirstIndex = -1;
  let headlineIndex = -1;
  // Headline and standfirst stand above the date and author lines; what is between those and the first
  // paragraph (captions, share buttons) is not looked at for them.
  const lowestMeta = head.findLastIndex((block, index) => headReasons[index] === "date line" || headReasons[index] === "author line" || isByline(block.text));
  head.forEach((block, index) => {
    if (index > lowestMeta && headReasons[index] === "date line") date ??= parseDate(block.text);
  });
  // Above the lowest date or author line first; some sites put those above the headline, so then below them.
  for (const start of lowestMeta >= 0 ? [lowestMeta, head.length - 1] : [head.length - 1]) {
    standfirstIndex = -1;
    for (let index = start; index >= 0; index -= 1) {
      const block = head[index];
      if (block === undefined) continue;
      const reason = headReasons[index] ?? null;
      if (reason === "date line") date ??= parseDate(block.text);
      if (reason !== null || isByline(block.text) || !isTitleLike(block.text)) continue;
      const words = wordCount(block.text);
      // Long lines without a final period are a standfirst or a caption; the nearest one below the headline is the standfirst.
      if (words > MAX_HEADLINE_WORDS) {
        standfirstIndex = words >= MIN_STANDFIRST_WORDS ? index : standfirstIndex;
        continue;
      }
      if (words >= MIN_HEADLINE_WORDS) {
        headlineIndex = index;
        break;
      }
    }
    if (headlineIndex >= 0) break;
  }
  let headline: string | null = null;
  let kicker: string | null = null;
  let kickerIndex = -1;
  const headlineBlock = headlineIndex >= 0 ? head[headlineIndex] : undefined;
  if (headlineBlock) {
    const glued = splitKicker(headlineBlock.text);
    headline = glued.headline;
    kicker = glued.kicker;
    const before = head[headlineIndex - 1];
    if (kicker === null && before && headReasons[headlineIndex - 1] === null && isTitleLike(before.text) && wordCount(before.text) <= MAX_KICKER_WORDS) {
      kicker = before.text;
      kickerIndex = headlineIndex - 1;
    }
  }
  // A long line between the date or author lines and the first paragraph, without a final period, is the standfirst.
  const leads = head.filter(
    (block, index) =>
      index > lowestMeta && index > headlineIndex && block.kind === "text" && wordCount(block.text) >= MIN_STANDFIRST_WORDS && headReasons[index] === null,
  );
  head.forEach((block, index) => {
    if (index === headlineIndex || index === kickerIndex || index === standfirstIndex || leads.includes(block)) return;
    const reason = headReasons[index] ?? null;
    if (reason === "date line") date ??= parseDate(block.text);
    dropped.push({ text: block.text, reason: reason ?? "page chrome" });
  });

  const rest = blocks.slice(firstProse);
  // The source list is the last one headed so: the author's biography below it may be a sentence, which is no
  // reason to take the heading for the article's. Without a source list, the author box ends the article.
  const sourcesAt = rest.findLastIndex((block) => block.kind !== "list-item" && SOURCES_HEADING.test(block.text));
  const boxWithoutSources = sourcesAt < 0 ? authorBoxStart(rest) : -1;
  const articleEnd = sourcesAt >= 0 ? sourcesAt : boxWithoutSources >= 0 ? boxWithoutSources : rest.length;
  const lastProse = rest.slice(0, articleEnd).findLastIndex(isArticleProse);
  const kept: Block[] = headline === null ? [] : [{ kind: "heading", text: headline, level: 1 }];
  const standfirst = standfirstIndex >= 0 ? head[standfirstIndex] : undefined;
  if (standfirst) kept.push(standfirst);
  kept.push(...leads);
  const relatedRun = relatedTeasers(rest);
  let chromeBelow = false;
  // The source list ends where the site's box about the author (and everything of the site below it) begins.
  const boxFrom = sourcesAt >= 0 ? sourcesAt + 1 : boxWithoutSources;
  const authorBox = boxFrom >= 0 ? authorBoxLines(rest.slice(boxFrom), boxFrom) : new Set<number>();
  const sourcesEnd = authorBox.size > 0 ? Math.min(...authorBox) : rest.length;
  rest.forEach((block, index) => {
    if (index >= sourcesEnd) {
      // The box's prompts and labels keep their own reason; its name and role lines are the author's.
      const reason = furnitureReason(block.text, repeated);
      dropped.push({ text: block.text, reason: reason ?? (authorBox.has(index) ? "author line" : "page chrome") });
      return;
    }
    const inTail = index > lastProse && (sourcesAt < 0 || index < sourcesAt);
    const previous = index > 0 ? rest[index - 1] : undefined;
    // Under "Mehr zum Thema" the next headline is a teaser; under an "Anzeige" or "Newsletter" label, the line it
    // labels, unless a sentence follows it: then it is that paragraph's subheading, and the label stood for an
    // advertisement the copy did not take along.
    const next = rest[index + 1];
    const beforeSentence = next !== undefined && next.kind === "text" && isProse(next.text);
    const underRelated = relatedRun.has(index);
    // An advertisement's teaser is a headline; a newsletter's pitch may be a sentence.
    const underLabel =
      previous !== undefined &&
      ((AD_LABEL.test(previous.text.trim()) && !endsWithSentencePunctuation(block.text)) || NEWSLETTER_LABEL.test(previous.text.trim()));
    const teaser = block.kind === "text" && !isProse(block.text) && (underRelated || (underLabel && !beforeSentence));
    const reason =
      block.kind === "heading"
        ? null
        : captions.has(firstProse + index)
          ? "image caption"
          : teaser
            ? "teaser"
            : isPullQuote(block, rest)
              ? "pull quote"
              : furnitureReason(block.text, repeated);
    if (reason === "date line") date ??= parseDate(block.text);
    // Below the article, sentences right after the last paragraph stay; from the first line without a
    // sentence end on, the rest is the site's (related articles, footer).
    // A recognised prompt or teaser there goes alone; a line the rules do not know (a related headline, a
    // section label) starts the site's part.
    if (inTail && (chromeBelow || (reason === null && !endsWithSentencePunctuation(block.text)))) {
      chromeBelow = true;
      dropped.push({ text: block.text, reason: reason ?? "page chrome" });
    } else if (reason !== null && (sourcesAt < 0 || index < sourcesAt)) dropped.push({ text: block.text, reason });
    else kept.push(block);
  });
  const publisher = dropped.map((line) => publisherFromBoilerplate(line.text)).find((name) => name !== null) ?? null;
  return { headline, kicker, date, publisher, blocks: kept, dropped };
}

/** Quotation marks that open or close a pull quote. */
const QUOTE_MARKS = /^[„“”"«»‚‘’›‹]+|[„“”"«»‚‘’›‹]+$/gu;
const MIN_PULL_QUOTE_WORDS = 4;
const MAX_PULL_QUOTE_WORDS = 40;

/**
 * A quotation set apart as a pull quote: a line that is nothing but a quote
 * whose every sentence is repeated word for word in the article ("„Das ist
 * ein Kahlschlag mit Ansage.“").
 */
function isPullQuote(block: Block, blocks: readonly Block[]): boolean {
  if (block.kind !== "text" || !/^[„“”"«»‚‘›‹]/u.test(block.text)) return false;
  const inner = block.text.replace(QUOTE_MARKS, "").trim();
  const words = wordCount(inner);
  if (words < MIN_PULL_QUOTE_WORDS || words > MAX_PULL_QUOTE_WORDS) return false;
  // Each of its sentences stands in the article's text, where an attribution may cut the quote ("“We were lucky,” … said").
  const parts = inner
    .split(/[.!?…]+/u)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const others = blocks.filter((other) => other !== block && other.kind === "text" && other.text.length > block.text.length);
  return parts.every((part) => others.some((other) => other.text.includes(part)));
}

/**
 * Positions of the headlines listed under a "Mehr zum Thema" or
 * "Meistgelesen" header: the lines without a sentence end that follow it,
 * but for the last of them when a paragraph follows, which is that
 * paragraph's subheading.
 */
function relatedTeasers(blocks: readonly Block[]): Set<number> {
  const found = new Set<number>();
  blocks.forEach((block, index) => {
    if (!RELATED_HEADER.test(block.text)) return;
    let end = index + 1;
    while (end < blocks.length && blocks[end]?.kind === "text" && !isProse(blocks[end]?.text ?? "")) end += 1;
    const last = end < blocks.length ? end - 2 : end - 1;
    for (let at = index + 1; at <= Math.max(last, index + 1) && at < end; at += 1) found.add(at);
  });
  return found;
}

/** Labels whose next line is the site's: an advertisement's or a video's teaser, a newsletter's pitch. */
const AD_LABEL = /^(?:Anzeige|Werbung|Advertisement|Sponsored|Video|Audio|Podcast)$/iu;
const NEWSLETTER_LABEL = /^Newsletter$/iu;

/**
 * Where the box about the author begins when no source list precedes it: a
 * name over a role ("Timo Brandl" / "Sportredakteur"), with the name
 * repeated above it as the photo's label; -1 when there is none. Only the
 * last such pair counts, and a sentence of the article after it means it
 * was none.
 */
function authorBoxStart(blocks: readonly Block[]): number {
  for (let index = blocks.length - 1; index >= 1; index -= 1) {
    const name = authorAbove(blocks, index);
    if (name === null) continue;
    const laterProse = blocks.slice(index + 1).some((block) => block.kind === "text" && isProse(block.text) && !block.text.startsWith(`${name} `));
    if (laterProse) return -1;
    let start = index - 1;
    while (start > 0 && blocks[start - 1]?.text === name) start -= 1;
    return start;
  }
  return -1;
}

/** The author's role under their name in the box below an article ("Redakteurin Politik", "Wirtschaftsredakteur", "Senior Correspondent"). */
const AUTHOR_ROLE =
  /^(?:(?:Senior|Chief|Leitende[r]?|Stellvertretende[r]?)\s+)?(?:(?:\p{Lu}\p{Ll}+(?:redakteur|autor|korrespondent|reporter|ressortleiter))(?:in)?|(?:Redakteur|Autor|Korrespondent|Reporter|Ressortleiter)(?:in)?|Editor|Correspondent|Reporter|Writer)\b[^.!?]{0,40}$/u;
/** Links to more of the author's articles ("Mehr von Jonas Reichwald", "More from Jane Doe"). */
const MORE_FROM_AUTHOR = /^(?:Mehr von|Alle Artikel von|Weitere Artikel von|More from|More by|All articles by)\s+\p{Lu}[^.!?]{0,40}$/u;
/** A person's name on a line of its own: two or three capitalised words. */
const NAME_LINE = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*){1,2}$/u;

/**
 * The author's name when the block at `index` is their role under it ("Jonas
 * Reichwald" / "Redakteur Politik"), else null. A role counts under a name
 * only: "Reporter ohne Grenzen" may be a source.
 */
function authorAbove(blocks: readonly Block[], index: number): string | null {
  const name = blocks[index - 1]?.text;
  return name !== undefined && AUTHOR_ROLE.test(blocks[index]?.text ?? "") && NAME_LINE.test(name) ? name : null;
}

/**
 * Positions (offset by `first`) of the author box and the site's prompts
 * after a source list: the author's name and role, links to more of their
 * articles, "share" and "comment" prompts. The source list is the article's
 * own; this box is the site's, the same under every article, and so is what
 * follows it.
 */
function authorBoxLines(blocks: readonly Block[], first: number): Set<number> {
  const found = new Set<number>();
  const authors = new Set<string>();
  blocks.forEach((block, index) => {
    const text = block.text;
    const name = authorAbove(blocks, index);
    if (name !== null) {
      found.add(first + index).add(first + index - 1);
      authors.add(name);
    } else if (MORE_FROM_AUTHOR.test(text)) found.add(first + index);
    else {
      const reason = furnitureReason(text);
      if (reason === "prompt" || reason === "site interface" || reason === "author line") found.add(first + index);
    }
  });
  // The box repeats the author's name (over the photo, then as its heading) and may open a line with it
  // ("Daniel Kruse schreibt über …", "Hanna Reuter folgen"): the author is no source of their own article.
  blocks.forEach((block, index) => {
    for (const author of authors) if (block.text === author || block.text.startsWith(`${author} `)) found.add(first + index);
  });
  return found;
}

/**
 * Where a copy joined a headline and the date line below it into one block
 * ("… Verletzte Stand: 12.09.2024 16:47 Uhr"): the date must follow the word
 * ("nach heutigem Stand etwa 130 Milliarden" is prose), and the date line
 * ends the block (MAX_DATE_SUFFIX_WORDS).
 */
const DATE_SUFFIX =
  /\s(?=(?:Stand|Aktualisiert am|Veröffentlicht am|Updated|Published):?\s+(?:\d{1,2}\.\s?(?:\d{1,2}\.|\p{Lu})|\d{4}-\d{2}|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},?\s+\d{4}))/u;
const MAX_DATE_SUFFIX_WORDS = 8;

/** A short line just above an image credit ("Foto: dpa") is the image's caption. */
const MAX_CAPTION_WORDS = 30;
const CREDIT_BEFORE_CAPTION = /^Image source\b/iu;
const MAX_CREDIT_WORDS = 10;

function captionIndexes(blocks: readonly Block[], repeated: ReadonlySet<string>): Set<number> {
  const captions = new Set<number>();
  blocks.forEach((block, index) => {
    const before = blocks[index - 1];
    if (index === 0 || before === undefined || before.kind !== "text" || wordCount(before.text) > MAX_CAPTION_WORDS) return;
    // "Image source, …" comes before its caption ("Image caption, …"), which the credit rules know already.
    if (CREDIT_BEFORE_CAPTION.test(block.text)) return;
    // Only a credit on a line of its own: one closing a caption ("… gefertigt.(Foto: dpa)") is the caption itself.
    const creditAlone = CREDIT_ONLY.test(block.text) && wordCount(block.text) <= MAX_CREDIT_WORDS;
    if (creditAlone && furnitureReason(block.text, repeated) === "image credit" && furnitureReason(before.text, repeated) === null) captions.add(index - 1);
  });
  return captions;
}

function splitDateSuffix(block: Block): Block[] {
  if (block.kind !== "text") return [block];
  const match = DATE_SUFFIX.exec(block.text);
  if (!match || wordCount(block.text.slice(0, match.index)) < 3 || wordCount(block.text.slice(match.index)) > MAX_DATE_SUFFIX_WORDS) return [block];
  return [
    { ...block, text: block.text.slice(0, match.index).trim() },
    { ...block, text: block.text.slice(match.index).trim() },
  ];
}

/** "Von Anna Beispiel", "By Jane Doe", "Jane Doe Wales correspondent": an author line, not a headline. */
function isByline(text: string): boolean {
  if (wordCount(text) > 7) return false;
  return (
    /^(?:Von|By|Autor(?:in)?:|Author:)\s/u.test(text) ||
    AGENCY_BYLINE.test(text) ||
    /\b(?:correspondent|reporter|editor|journalist|writer|contributor|Korrespondent(?:in)?|Redakteur(?:in)?|Reporter(?:in)?|Journalist(?:in)?|Autor(?:in)?)\b/iu.test(
      text,
    )
  );
}

/** A kicker glued to the headline, with or without a space, when one short part stands before a longer one. */
function splitKicker(text: string): { kicker: string | null; headline: string } {
  const cuts = [...text.matchAll(GLUED_KICKER)].map((match) => match.index);
  const [cut] = cuts;
  if (cuts.length !== 1 || cut === undefined) return splitSpacedKicker(text) ?? { kicker: null, headline: text };
  const kicker = text.slice(0, cut).trim();
  const headline = text.slice(cut).trim();
  return wordCount(kicker) <= MAX_KICKER_WORDS && wordCount(headline) >= 3 ? { kicker, headline } : { kicker: null, headline: text };
}

const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/**
 * A kicker and headline pasted as one line with a space between them
 * ("Waffen aus Nordkorea für Russland Putins letzter Ausweg?"): in German
 * two capitalised words rarely stand side by side, except a name and its
 * title or first name ("Kanzler Olaf Scholz") or a name in the genitive
 * before its noun ("Putins Armee"). So the cut is the one place where two
 * capitalised words meet after a kicker that reads as a phrase (two to
 * MAX_KICKER_WORDS words, one of them lower case, no punctuation) and does
 * not end in a genitive; with no such place, or more than one, the line
 * stays whole.
 */
function splitSpacedKicker(text: string): { kicker: string; headline: string } | null {
  const words = wordsOf(text);
  const cuts: number[] = [];
  for (let at = 2; at <= Math.min(MAX_KICKER_WORDS, words.length - 2); at += 1) {
    const last = words[at - 1] ?? "";
    const next = words[at] ?? "";
    if (!capitalised(last) || !capitalised(next) || /s$/u.test(last)) continue;
    const kickerWords = words.slice(0, at);
    if (!kickerWords.some((word) => /^\p{Ll}/u.test(word)) || kickerWords.some((word) => /[.,:;!?–—]/u.test(word))) continue;
    cuts.push(at);
  }
  const [cut] = cuts;
  if (cuts.length !== 1 || cut === undefined) return null;
  return { kicker: words.slice(0, cut).join(" "), headline: words.slice(cut).join(" ") };
}
