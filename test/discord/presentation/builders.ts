/** Builders and fuzz helpers shared by the presentation tests. */
import { makeCitation } from "../../../src/answer/citation.js";
import type { Answer, Citation } from "../../../src/answer/types.js";
import { fixtureArticle } from "../../helpers/fake-qa.js";

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function citation(overrides: Partial<Citation> = {}): Citation {
  const article = fixtureArticle();
  const paragraph = article.paragraphs[5];
  if (!paragraph) throw new Error("fixture has fewer paragraphs than expected");
  return { ...makeCitation(article, paragraph, paragraph.sentences[0]?.text ?? paragraph.text, 0.9), ...overrides };
}

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "Warum braucht Russland Munition?",
    answered: true,
    hedged: false,
    mode: "hybrid",
    citations: [citation()],
    ranking: [citation()],
    ...overrides,
  };
}

/** A deterministic pseudo-random generator, so the fuzz cases are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const FUZZ_PIECES = [
  "Wort",
  " ",
  ". ",
  "😀",
  "👨‍👩‍👧",
  "*",
  "_",
  "\\",
  "`",
  "|",
  "~",
  "[x](http://evil)",
  "@everyone",
  "<@123456789012345678>",
  "\n",
  "# ",
  "- ",
  "1. ",
  "ä",
  "e\u0301",
  "Munition",
  "„Zitat“",
];

export function fuzzText(random: () => number, pieces: number): string {
  let text = "";
  for (let index = 0; index < pieces; index++) text += FUZZ_PIECES[Math.floor(random() * FUZZ_PIECES.length)] ?? "";
  return text;
}
