// Writes one JSON line per calibration question: its label, the first passage's correctness and the abstention features.
import path from "node:path";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { devQuestionSplit, loadDevQuestions } from "../../src/search/dev-questions.js";

const split = process.argv.find((arg) => arg.startsWith("--split="))?.slice(8) ?? "calibrate";
const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
for (const file of ["test/fixtures/dev-questions.jsonl", "test/fixtures/dev-questions-2.jsonl"]) {
  for (const question of await loadDevQuestions(file)) {
    if (split !== "all" && devQuestionSplit(question) !== split) continue;
    const answer = await service.ask(question.question);
    const first = answer.ranking[0]?.paragraph;
    const tokens = (await service.search(question.question, 1)).tokens.map((token) => ({
      known: token.known,
      bridged: token.expansions.length > 0,
      commonness: token.commonness,
      spread: token.spread,
    }));
    console.log(
      JSON.stringify({
        id: question.id,
        lang: question.lang,
        kind: question.answerable ? "answerable" : (question.kind ?? "near-topic"),
        rightFirst: question.answerable && first !== undefined && question.paragraphs.includes(first),
        answerType: answer.answerType ?? null,
        features: answer.features,
        tokens,
        question: question.question,
      }),
    );
  }
}
