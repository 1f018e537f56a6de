// Summary vs Lead-k (and Random-k) on GermanQuAD passages: how much of each
// passage's content the selected sentences cover, at the same sentence count.
//
// GermanQuAD (deepset; CC BY 4.0; Möller, Risch, Pietsch, MRQA 2021,
// arXiv:2104.12741). Only the passages are read; the held-out questions are not.
//
//   npx tsx scripts/dev/summary-coverage.ts GERMANQUAD_DIR|PASSAGES_JSONL [--limit N] [--min-sentences N] [--verbose]
//
// Metrics (content terms = analysed, stop-word-free, stemmed tokens):
//   R1   ROUGE-1-style recall against the whole passage: clipped content-term
//        occurrences of the selection / content-term occurrences of the passage.
//   topic  share of the passage's recurring terms (in ≥ 2 of its sentences)
//        that the selection contains at least once.
//   words  mean length of the selection, since longer selections cover more;
//        "lead≈words" is the length-matched baseline: leading sentences up to
//        about the summary's word count.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { summarizeArticle, type SummaryLength } from "../../src/answer/summary/index.js";
import { splitSentences } from "../../src/content/sentences.js";
import type { Article, Paragraph } from "../../src/content/types.js";
import { analyze, tokenize } from "../../src/search/analyzer.js";
import { seededRandom } from "../../src/seeded-random.js";

const passageLine = z.object({ id: z.string().min(1), text: z.string() });

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: {
    limit: { type: "string", default: "20" },
    "min-sentences": { type: "string", default: "8" },
    verbose: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const USAGE = "usage: npx tsx scripts/dev/summary-coverage.ts GERMANQUAD_DIR|PASSAGES_JSONL [--limit N] [--min-sentences N] [--verbose]";
const target = positionals[0];
if (target === undefined) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
// The benchmark's folder (with passages.jsonl in it) or the passages file itself.
const passagesFile = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? path.join(target, "passages.jsonl") : target;
const limit = z.coerce.number().int().positive().parse(values.limit);
const minSentences = z.coerce.number().int().positive().parse(values["min-sentences"]);

/** A GermanQuAD context ("Title\n\n=== Section ===\nline\nline") as a one-section article, one paragraph per line. */
function articleFromPassage(id: string, context: string): Article {
  const [titleLine = "", ...lines] = context.split("\n");
  let heading: string | null = null;
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const headingMatch = /^\s*=+\s*(.*?)\s*=+\s*$/.exec(line);
    if (headingMatch) {
      heading = headingMatch[1] ?? null;
      continue;
    }
    const text = line.trim();
    if (text.length === 0) continue;
    paragraphs.push({ articleId: id, number: paragraphs.length + 1, sectionIndex: 0, heading, text, sentences: splitSentences(text) });
  }
  return {
    id,
    title: titleLine.trim(),
    kicker: null,
    publisher: "Wikipedia (GermanQuAD)",
    url: null,
    date: null,
    sections: [{ heading, paragraphNumbers: paragraphs.map((paragraph) => paragraph.number) }],
    paragraphs,
    sources: [],
    format: "txt",
    contentHash: id,
  };
}

function terms(text: string): string[] {
  return analyze(text, "de").map((token) => token.term);
}

function counts(items: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const item of items) result.set(item, (result.get(item) ?? 0) + 1);
  return result;
}

interface Scores {
  rouge1: number;
  topic: number;
  words: number;
}

function score(article: Article, selected: readonly string[]): Scores {
  const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
  const reference = counts(sentences.flatMap(terms));
  const selection = counts(selected.flatMap(terms));
  let overlap = 0;
  let total = 0;
  for (const [term, count] of reference) {
    total += count;
    overlap += Math.min(count, selection.get(term) ?? 0);
  }
  const sentenceFrequency = counts(sentences.flatMap((sentence) => [...new Set(terms(sentence))]));
  const recurring = [...sentenceFrequency].filter(([, frequency]) => frequency >= 2).map(([term]) => term);
  const topic = recurring.length === 0 ? 1 : recurring.filter((term) => selection.has(term)).length / recurring.length;
  return { rouge1: total === 0 ? 0 : overlap / total, topic, words: selected.reduce((sum, text) => sum + tokenize(text).length, 0) };
}

function randomSelection(sentences: readonly string[], count: number, random: () => number): string[] {
  const pool = sentences.map((text, index) => ({ text, index, key: random() }));
  return pool
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.text);
}

const RANDOM_DRAWS = 10;
const lengths: SummaryLength[] = ["short", "medium"];
const lengthSentences: Record<SummaryLength, number> = { short: 3, medium: 5, long: 8 };

const articles = readFileSync(passagesFile, "utf8")
  .split("\n")
  .filter((line) => line.trim().length > 0)
  .map((line) => passageLine.parse(JSON.parse(line)))
  .map((passage) => articleFromPassage(passage.id, passage.text))
  .filter((article) => article.paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0) >= minSentences)
  .slice(0, limit);

type Method = "summary" | "lead" | "random" | "leadWords";
const totals = new Map<string, Scores>();
const wins = new Map<SummaryLength, { win: number; tie: number; loss: number }>();
const add = (key: string, scores: Scores): void => {
  const sum = totals.get(key) ?? { rouge1: 0, topic: 0, words: 0 };
  totals.set(key, { rouge1: sum.rouge1 + scores.rouge1, topic: sum.topic + scores.topic, words: sum.words + scores.words });
};

for (const article of articles) {
  const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
  for (const length of lengths) {
    const k = lengthSentences[length];
    const summary = summarizeArticle(article, { length }).sentences.map((sentence) => sentence.text);
    const summaryScores = score(article, summary);
    const leadScores = score(article, sentences.slice(0, k));
    const random = seededRandom(k * 7919 + article.id.length);
    const draws = Array.from({ length: RANDOM_DRAWS }, () => score(article, randomSelection(sentences, k, random)));
    const randomScores: Scores = {
      rouge1: draws.reduce((sum, draw) => sum + draw.rouge1, 0) / RANDOM_DRAWS,
      topic: draws.reduce((sum, draw) => sum + draw.topic, 0) / RANDOM_DRAWS,
      words: draws.reduce((sum, draw) => sum + draw.words, 0) / RANDOM_DRAWS,
    };
    // Length-matched lead: leading sentences for as long as each one brings the word count closer to the summary's.
    const leadByWords: string[] = [];
    let leadWords = 0;
    for (const sentence of sentences) {
      const next = leadWords + tokenize(sentence).length;
      if (Math.abs(next - summaryScores.words) >= Math.abs(leadWords - summaryScores.words)) break;
      leadByWords.push(sentence);
      leadWords = next;
    }
    const perMethod: Record<Method, Scores> = { summary: summaryScores, lead: leadScores, random: randomScores, leadWords: score(article, leadByWords) };
    for (const [method, scores] of Object.entries(perMethod)) add(`${length}/${method}`, scores);
    const tally = wins.get(length) ?? { win: 0, tie: 0, loss: 0 };
    const difference = summaryScores.rouge1 - leadScores.rouge1;
    if (Math.abs(difference) < 1e-9) tally.tie += 1;
    else if (difference > 0) tally.win += 1;
    else tally.loss += 1;
    wins.set(length, tally);
    if (values.verbose) {
      console.log(
        `${article.id} ${length} (${sentences.length} sentences, ${summary.length} chosen): R1 summary ${summaryScores.rouge1.toFixed(3)} lead ${leadScores.rouge1.toFixed(3)} | topic summary ${summaryScores.topic.toFixed(3)} lead ${leadScores.topic.toFixed(3)}`,
      );
    }
  }
}

const n = articles.length;
console.log(`GermanQuAD passages: the first ${n} in file order with ≥ ${minSentences} sentences (limit ${limit})`);
console.log("length  method      R1      topic   words   (means over passages)");
for (const length of lengths) {
  const labels: Record<Method, string> = {
    summary: "summary",
    lead: `lead-${lengthSentences[length]}`,
    random: `random-${lengthSentences[length]}`,
    leadWords: "lead≈words",
  };
  for (const method of ["summary", "lead", "leadWords", "random"] as const) {
    const sum = totals.get(`${length}/${method}`);
    if (!sum || n === 0) continue;
    const label = labels[method];
    console.log(`${length.padEnd(7)} ${label.padEnd(11)} ${(sum.rouge1 / n).toFixed(3)}   ${(sum.topic / n).toFixed(3)}   ${(sum.words / n).toFixed(1)}`);
  }
  const tally = wins.get(length);
  if (tally) console.log(`${length.padEnd(7)} summary vs lead on R1: ${tally.win} better, ${tally.tie} equal, ${tally.loss} worse`);
}
