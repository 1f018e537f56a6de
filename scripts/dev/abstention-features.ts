// Prints the abstention features of every development question, to calibrate thresholds.
import path from "node:path";
import { abstentionFeatures } from "../../src/answer/abstention.js";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { loadDevQuestions } from "../../src/search/dev-questions.js";
import { Retriever } from "../../src/search/retriever.js";

const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
const passages = service.articles().flatMap((article) =>
  article.paragraphs.map((paragraph) => ({ id: `${article.id}#${paragraph.number}`, title: article.title, heading: paragraph.heading, text: paragraph.text })),
);
const retriever = new Retriever(passages, null);
const questions = await loadDevQuestions(process.argv[2] ?? "test/fixtures/dev-questions.jsonl");
for (const question of questions) {
  const result = await retriever.search(question.question, 10);
  const features = abstentionFeatures(result);
  const top = Number(result.hits[0]?.id.split("#")[1] ?? 0);
  const hit = question.paragraphs.includes(top);
  console.log(
    [question.answerable ? "A" : "-", question.lang, hit ? "hit " : "miss", features.contentWords, features.knownWords, features.coverage.toFixed(2), features.lexicalScore.toFixed(2), features.lexicalMargin.toFixed(2), question.question].join("\t"),
  );
}
