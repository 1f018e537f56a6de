// Development questions as calibration data: `--json` writes one line per question (label, first passage right or not,
// abstention features); otherwise the questions whose first passage or outcome is wrong are printed with their analysis.
// Only the calibration part unless --split=sealed|all; languages with --lang=de|en; --all prints the right ones too.
import path from "node:path";
import { answerOutcome } from "../../src/answer/evaluation.js";
import { QaService } from "../../src/answer/service.js";
import { silentLogger } from "../../src/log.js";
import { devQuestionSplit, loadDevQuestions } from "../../src/search/dev-questions.js";

const option = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const split = option("split") ?? "calibrate";
const language = option("lang");
const json = process.argv.includes("--json");
const showAll = process.argv.includes("--all");

const service = await QaService.create({ contentDir: path.resolve("data/articles"), logger: silentLogger(), embeddings: "off" });
for (const file of files.length > 0
  ? files
  : ["test/fixtures/dev-questions.jsonl", "test/fixtures/dev-questions-2.jsonl", "test/fixtures/dev-questions-3.jsonl"]) {
  for (const question of await loadDevQuestions(file)) {
    if ((split !== "all" && devQuestionSplit(question) !== split) || (language && question.lang !== language)) continue;
    const answer = await service.ask(question.question);
    const first = answer.ranking[0]?.paragraph;
    const rightFirst = question.answerable && first !== undefined && question.paragraphs.includes(first);
    const tokens = (await service.search(question.question, 1)).tokens;
    if (json) {
      const kind = question.answerable ? "answerable" : (question.kind ?? "near-topic");
      console.log(
        JSON.stringify({
          id: question.id,
          lang: question.lang,
          kind,
          rightFirst,
          answerType: answer.answerType ?? null,
          features: answer.features,
          question: question.question,
        }),
      );
      continue;
    }
    const right = question.answerable ? rightFirst : answerOutcome(answer) !== "answered";
    if (right && !showAll) continue;
    const f = answer.features;
    const features = f
      ? `coverage ${f.coverage.toFixed(2)} specific ${f.specificStrong}/${f.specificKnown} unknown ${f.unknownSpecific} known ${f.knownWords}/${f.contentWords} ` +
        `type ${answer.answerType ?? "-"}:${f.answerTypeMatched === null ? "-" : f.answerTypeMatched ? "yes" : "no"} margin ${f.lexicalMargin.toFixed(2)}`
      : "";
    const analysis = tokens
      .map(
        (token) =>
          `${token.surface}${token.known ? "" : "?"}(c${token.commonness},s${token.spread.toFixed(2)})[${token.expansions.map((expansion) => `${expansion.term}:${expansion.weight.toFixed(2)}`).join(",")}]`,
      )
      .join(" ");
    console.log(
      `${right ? "ok  " : "MISS"} ${question.answerable ? "A" : "U"} ${answerOutcome(answer).padEnd(8)} want ${question.paragraphs.join(",") || "-"} ` +
        `got ${answer.ranking.map((citation) => citation.paragraph).join(",")} | ${question.question}\n      ${features}\n      ${analysis}`,
    );
  }
}
