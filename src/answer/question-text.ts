import { withoutBotAddress } from "../search/analyzer.js";

/**
 * A question's text as the search reads it. Links carry no words to search
 * for: their host and path would read as words ("com" is Portuguese for
 * "with", and the question would be taken for Portuguese). Combining marks
 * left once letters are composed (NFC) are the piles of "Z̷a̶l̸g̴o̵" text, and
 * would cut every word into letters.
 */
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const STRAY_MARKS = /\p{Mn}+/gu;

export function searchedQuestion(question: string): string {
  const plain = question.normalize("NFC").replace(STRAY_MARKS, "").replace(LINK, " ").replace(/\s+/g, " ").trim();
  return withoutBotAddress(plain);
}
