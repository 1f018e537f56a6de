import { maxOf } from "../../extremes.js";
import { endsWithSentencePunctuation, isHeadingLike } from "./classify.js";
import { normalizeUrl } from "./urls.js";

// ---------------------------------------------------------------------------
// Blocks: the layout-level units of an article

/**
 * A layout-level unit of an article. The plain-text and Markdown readers
 * produce these, and so does the HTML reader (`html.ts`), so every format goes
 * through the same head/tail cleaning, sectioning and source detection.
 */
export interface ArticleBlock {
  /** "heading" only for explicit (Markdown or HTML) headings; plain-text subheadings are found later. */
  kind: "text" | "list-item" | "heading";
  text: string;
  /** Heading level (1–6); 0 for other blocks. */
  level: number;
  /** Targets of links in the block, whose visible text alone is kept in `text`. */
  linkUrls?: string[];
}

export type Block = ArticleBlock;

export const LIST_MARKER = /^\s*(?:[-–—*+•·▪►]|\d{1,3}\))\s+/u;
const NUMBERED_MARKER = /^\s*\d{1,3}\.\s+/u;
/** Lines longer than this were not wrapped by hand. */
const WRAP_MAX_LENGTH = 120;
/** Nobody wraps prose this narrowly: a group of only short lines is a list of separate lines. */
const WRAP_MIN_LENGTH = 40;

function isListLine(line: string): boolean {
  return LIST_MARKER.test(line);
}

/**
 * "1. …" counts as a list item only next to another numbered line, because a
 * German sentence may itself start with an ordinal ("1. FC Köln gewinnt …").
 */
function numberedListLines(lines: readonly string[]): Set<number> {
  const numbered = new Set<number>();
  lines.forEach((line, index) => {
    if (!NUMBERED_MARKER.test(line)) return;
    const neighbour = NUMBERED_MARKER.test(lines[index - 1] ?? "") || NUMBERED_MARKER.test(lines[index + 1] ?? "");
    if (neighbour) numbered.add(index);
  });
  return numbered;
}

function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, "").replace(NUMBERED_MARKER, "");
}

/**
 * A run of lines written as one hand-wrapped paragraph: all lines short, the
 * lines before the last one run close to the wrap width, and at least one
 * break falls mid-sentence (the telltale sign of wrapping). One-paragraph-
 * per-line text has long lines or ends every line with punctuation.
 */
function looksHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const lengths = lines.map((line) => line.length);
  const longest = maxOf(lengths);
  if (longest > WRAP_MAX_LENGTH || longest < WRAP_MIN_LENGTH) return false;
  const leading = lines.slice(0, -1);
  const nearWidth = leading.filter((line) => line.length >= longest * 0.6).length;
  const breaksMidSentence = leading.some((line) => line.length >= longest * 0.6 && !endsWithSentencePunctuation(line));
  return nearWidth * 2 >= leading.length && breaksMidSentence;
}

/**
 * Plain text: paragraphs are either one per line or blank-line separated
 * (possibly hand-wrapped). Each blank-line group is looked at on its own: a
 * wrapped group is joined into one block (a short first line that looks like
 * a heading stays separate), otherwise every line is its own block.
 */
export function textBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const groups = body.split(/\n[ ]*\n/u).map((group) =>
    group
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );
  for (const lines of groups) {
    const numbered = numberedListLines(lines);
    let run: string[] = [];
    const flushRun = (): void => {
      if (run.length === 0) return;
      if (looksHardWrapped(run)) {
        const [first, ...rest] = run;
        const restLongest = maxOf(rest.map((line) => line.length));
        if (first !== undefined && rest.length > 0 && isHeadingLike(first) && first.length < restLongest * 0.6) {
          blocks.push({ kind: "text", text: first, level: 0 });
          blocks.push({ kind: "text", text: rest.join(" "), level: 0 });
        } else {
          blocks.push({ kind: "text", text: run.join(" "), level: 0 });
        }
      } else {
        for (const line of run) blocks.push({ kind: "text", text: line, level: 0 });
      }
      run = [];
    };
    lines.forEach((line, index) => {
      if (isListLine(line) || numbered.has(index)) {
        flushRun();
        blocks.push({ kind: "list-item", text: stripListMarker(line), level: 0 });
      } else {
        run.push(line);
      }
    });
    flushRun();
  }
  return blocks;
}

/** Private-use placeholders protect backslash-escaped characters from the emphasis rules. */
const ESCAPE_BASE = 0xe000;

/** Removes inline Markdown syntax, keeping the visible text: emphasis, links, code spans, inline HTML. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/gu, (_match, char: string) => String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)))
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, "")
    .replace(/\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+"[^"]*")?\)/gu, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/giu, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/gu, "")
    .replace(/`([^`]+)`/gu, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, "$2")
    .replace(/(?<![\p{L}\d*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\d*])/gu, "$1")
    .replace(/(?<![\p{L}\d_])_(?=\S)([^_]*?\S)_(?![\p{L}\d_])/gu, "$1")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, "$1")
    .replace(/[\uE000-\uE07F]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE));
}

/** The http(s) targets of `[text](url)` links and `<url>` autolinks. */
function markdownLinkTargets(text: string): string[] {
  const targets: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>/giu)) {
    const url = normalizeUrl(match[1] ?? match[2] ?? "");
    if (url !== null) targets.push(url);
  }
  return targets;
}

/**
 * Markdown: ATX (`## …`) and setext headings, blank-line separated
 * paragraphs whose lines are joined with a space, list items, block quotes;
 * thematic breaks, fenced-code fences and link definitions are dropped.
 */
export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: "text", text: paragraph.join(" "), level: 0 });
    paragraph = [];
  };
  const lines = body.split("\n");
  const numbered = numberedListLines(lines.map((line) => line.replace(/^\s*>\s?/u, "")));
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/^\s*>\s?/u, "").trimEnd();
    const trimmed = line.trim();
    if (trimmed === "" || /^(?:```|~~~)/u.test(trimmed) || /^\[[^\]]+\]:\s*\S+/u.test(trimmed)) {
      flush();
      return;
    }
    const atx = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u.exec(trimmed);
    if (atx) {
      flush();
      blocks.push({ kind: "heading", text: atx[2] ?? "", level: (atx[1] ?? "").length });
      return;
    }
    // Setext: a single line underlined with === or --- is a heading.
    if (/^(?:=+|-+)$/u.test(trimmed) && paragraph.length === 1) {
      const heading = paragraph[0] ?? "";
      paragraph = [];
      blocks.push({ kind: "heading", text: heading, level: trimmed.startsWith("=") ? 1 : 2 });
      return;
    }
    if (/^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/u.test(trimmed)) {
      flush();
      return;
    }
    if (isListLine(trimmed) || numbered.has(index)) {
      flush();
      blocks.push({ kind: "list-item", text: stripListMarker(trimmed), level: 0 });
      return;
    }
    // An indented line right after a list item continues that item.
    const previous = blocks[blocks.length - 1];
    if (paragraph.length === 0 && previous?.kind === "list-item" && /^\s{2,}/u.test(line)) {
      previous.text = `${previous.text} ${trimmed}`;
      return;
    }
    paragraph.push(trimmed);
  });
  flush();
  return blocks.map((block) => ({ ...block, text: stripInlineMarkdown(block.text), linkUrls: markdownLinkTargets(block.text) }));
}
