// Grid over lexical options on a question file: prints MRR@10, Success@1 and Success@10 per setting.
//   GRID='[{"ngramSize":3},{"ngramSize":4}]' npx tsx scripts/dev/tune-lexical.ts PASSAGES.jsonl QUESTIONS.jsonl
import { readFileSync } from "node:fs";
import { z } from "zod";
import { rankingMetrics, rankOf } from "../../src/search/evaluation.js";
import { passageFromContext } from "../../src/search/germanquad.js";
import { LexicalIndex } from "../../src/search/lexical.js";
import type { LexicalOptions } from "../../src/search/lexical-options.js";

const [passagesFile, questionsFile] = process.argv.slice(2);
if (!passagesFile || !questionsFile) throw new Error("usage: tune-lexical PASSAGES QUESTIONS");
const readLines = <T>(file: string, schema: z.ZodType<T>): T[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => schema.parse(JSON.parse(line)));
const passages = readLines(passagesFile, z.object({ id: z.string(), text: z.string() }));
const questions = readLines(questionsFile, z.object({ question: z.string(), passage_id: z.string() }));
const documents = passages.map((passage) => passageFromContext(passage.id, passage.text));
const grid = z.array(z.record(z.string(), z.number())).parse(JSON.parse(process.env.GRID ?? "[{}]")) as Partial<LexicalOptions>[];
for (const options of grid) {
  const index = LexicalIndex.build(documents, options);
  const ranks = questions.map((question) =>
    rankOf(
      index.search(question.question, 10).hits.map((hit) => hit.id),
      question.passage_id,
    ),
  );
  const metrics = rankingMetrics(ranks);
  console.log(JSON.stringify(options), metrics.mrr10.toFixed(4), metrics.success1.toFixed(4), metrics.success10.toFixed(4));
}
