// Prints the development questions whose first citation is wrong (calibration part only), with the query analysis.
import path from "node:path";
import { answerOutcome } from "../../src/answer/evaluation.js";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { devQuestionSplit, loadDevQuestions } from "../../src/search/dev-questions.js";

const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const language = process.argv.find((arg) => arg.startsWith("--lang="))?.slice(7);
const showAll = process.argv.includes("--all");
const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
for (const file of files.length > 0 ? files : ["test/fixtures/dev-questions.jsonl", "test/fixtures/dev-questions-2.jsonl"]) {
  for (const question of await loadDevQuestions(file)) {
    if (devQuestionSplit(question) !== "calibrate" || (language && question.lang !== language)) continue;
    const answer = await service.ask(question.question);
    const first = answer.citations[0]?.paragraph;
    const right = question.answerable ? first !== undefined && question.paragraphs.includes(first) : answerOutcome(answer) === "refused";
    if (right && !showAll) continue;
    const result = await service.search(question.question, 3);
    const tokens = result.tokens
      .map((token) => `${token.surface}${token.known ? "" : "?"}[${token.expansions.map((expansion) => `${expansion.term}:${expansion.weight.toFixed(2)}`).join(",")}]`)
      .join(" ");
    const f = answer.features;
    const features = f
      ? `cov ${f.coverage.toFixed(2)} lex ${f.lexicalScore.toFixed(1)} spec ${f.specificMatched}/${f.specificKnown} known ${f.knownWords}/${f.contentWords} type ${answer.answerType ?? "-"}:${f.answerTypeMatched === null ? "-" : f.answerTypeMatched ? "yes" : "no"} margin ${f.lexicalMargin.toFixed(2)}`
      : "";
    console.log(
      `${right ? "ok  " : "MISS"} ${question.answerable ? "A" : "U"} ${answerOutcome(answer).padEnd(8)} want ${question.paragraphs.join(",") || "-"} got ${answer.ranking.map((citation) => citation.paragraph).join(",")} | ${question.question}\n      ${features}\n      ${tokens}`,
    );
  }
}
