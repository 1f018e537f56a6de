import type { Block } from "../blocks.js";
import { wordCount } from "../classify.js";

/**
 * Where a copy joined a headline and the date line below it into one block
 * ("… Verletzte Stand: 12.09.2024 16:47 Uhr"): the date must follow the word
 * ("nach heutigem Stand etwa 130 Milliarden" is prose), and the date line
 * ends the block (MAX_DATE_SUFFIX_WORDS).
 */
const DATE_SUFFIX =
  /\s(?=(?:Stand|Aktualisiert am|Veröffentlicht am|Updated|Published):?\s+(?:\d{1,2}\.\s?(?:\d{1,2}\.|\p{Lu})|\d{4}-\d{2}|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\s+\d{1,2},?\s+\d{4}))/u;
const MAX_DATE_SUFFIX_WORDS = 8;

export function splitDateSuffix(block: Block): Block[] {
  if (block.kind !== "text") return [block];
  const match = DATE_SUFFIX.exec(block.text);
  if (!match || wordCount(block.text.slice(0, match.index)) < 3 || wordCount(block.text.slice(match.index)) > MAX_DATE_SUFFIX_WORDS) return [block];
  return [
    { ...block, text: block.text.slice(0, match.index).trim() },
    { ...block, text: block.text.slice(match.index).trim() },
  ];
}
