import type { Block } from "../blocks.js";
import { publisherFromBoilerplate } from "../boilerplate.js";
import { endsWithSentencePunctuation, isTitleLike, wordCount } from "../classify.js";
import { parseDate } from "../dates.js";
import { furnitureReason, isProse, repeatedShortLines, type DroppedLine } from "../furniture.js";
import { SOURCES_HEADING } from "../sources.js";
import { authorBoxLines, authorBoxStart } from "./author-box.js";
import {
  AD_LABEL,
  COMMENTS_HEADING,
  MIN_PROSE_BEFORE_COMMENTS,
  NEWSLETTER_LABEL,
  captionIndexes,
  isBareByline,
  commentsFollow,
  isPullQuote,
  relatedTeasers,
} from "./body-furniture.js";
import { splitDateSuffix } from "./date-suffix.js";
import { MAX_KICKER_WORDS, isByline, splitKicker } from "./headline.js";

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
/** Shorter title-like lines are names, desks and section labels ("Priya Castellane", "BBC News, Cumbria"). */
const MIN_HEADLINE_WORDS = 4;
/** A title-like line this long just above the first paragraph is a standfirst printed without a final period. */
const MIN_STANDFIRST_WORDS = 16;
/** Longer title-like lines are standfirsts or captions printed without a final period. */
const MAX_HEADLINE_WORDS = 18;

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
  // A line the walk took for the headline may be the standfirst under it, printed without a final period: then the
  // line above is longer than a kicker, and it is the headline ("Council approves new cycle lanes …" over "Plans
  // will remove 300 parking spaces …").
  const above = headlineIndex > 0 ? head[headlineIndex - 1] : undefined;
  if (
    above !== undefined &&
    headReasons[headlineIndex - 1] === null &&
    !isByline(above.text) &&
    isTitleLike(above.text) &&
    wordCount(above.text) > MAX_KICKER_WORDS &&
    wordCount(above.text) <= MAX_HEADLINE_WORDS
  ) {
    standfirstIndex = headlineIndex;
    headlineIndex -= 1;
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

  const below = blocks.slice(firstProse);
  // Readers' comments end the article, sentences though they are: they are not the article's. A comment count
  // above the article's text ("42 Kommentare" by the byline) is a link to them, not where they begin.
  let proseSoFar = 0;
  const commentsAt = below.findIndex((block, index) => {
    if (isArticleProse(block)) proseSoFar += 1;
    if (proseSoFar === 0 || block.kind === "list-item" || !COMMENTS_HEADING.test(block.text)) return false;
    // Under a one-paragraph report, only a heading the comments themselves follow.
    return proseSoFar >= MIN_PROSE_BEFORE_COMMENTS || commentsFollow(below, index);
  });
  const rest = commentsAt >= 0 ? below.slice(0, commentsAt) : below;
  const comments = commentsAt >= 0 ? below.slice(commentsAt) : [];
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
              : isBareByline(rest, index, repeated)
                ? "author line"
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
  for (const block of comments) dropped.push({ text: block.text, reason: "reader comments" });
  const publisher = dropped.map((line) => publisherFromBoilerplate(line.text)).find((name) => name !== null) ?? null;
  return { headline, kicker, date, publisher, blocks: kept, dropped };
}
