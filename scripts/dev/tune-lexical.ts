// Grid over lexical options on a question file: prints MRR@10 per setting.
import { readFileSync } from "node:fs";
import { LexicalIndex, type LexicalOptions } from "../../src/search/lexical.js";
import { rankingMetrics, rankOf } from "../../src/search/evaluation.js";

const [passagesFile, questionsFile] = process.argv.slice(2);
if (!passagesFile || !questionsFile) throw new Error("usage: tune-lexical PASSAGES QUESTIONS");
interface Passage { id: string; text: string }
interface Question { question: string; passage_id: string }
const passages = readFileSync(passagesFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Passage);
const questions = readFileSync(questionsFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Question);
const documents = passages.map((passage) => {
  const [title = "", ...rest] = passage.text.split("\n");
  let heading: string | null = null;
  const body: string[] = [];
  for (const line of rest) {
    const match = /^=+\s*(.*?)\s*=+$/.exec(line.trim());
    if (match) heading = match[1] ?? null;
    else if (line.trim()) body.push(line.trim());
  }
  return { id: passage.id, title, heading, text: body.join(" "), language: "de" as const };
});
const grid: Partial<LexicalOptions>[] = JSON.parse(process.env.GRID ?? "[{}]") as Partial<LexicalOptions>[];
for (const options of grid) {
  const index = LexicalIndex.build(documents, options);
  const ranks = questions.map((question) => rankOf(index.search(question.question, 10).hits.map((hit) => hit.id), question.passage_id));
  const metrics = rankingMetrics(ranks);
  console.log(JSON.stringify(options), metrics.mrr10.toFixed(4), metrics.success1.toFixed(4), metrics.success10.toFixed(4));
}
