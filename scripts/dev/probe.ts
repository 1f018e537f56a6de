import path from "node:path";
import { readFileSync } from "node:fs";
import { QaService } from "/work/main/src/answer/service.js";
import { silentLogger } from "/work/main/src/log.js";
const service = await QaService.create({ contentDir: path.resolve("/work/main/data/articles"), logger: silentLogger(), embeddings: "off" });
for (const q of readFileSync(process.argv[2] ?? "/tmp/q.txt", "utf8").split("\n").filter(Boolean)) {
  const a = await service.ask(q);
  const r = await service.search(q, 1);
  const f = a.features!;
  console.log(`${a.answered ? (a.hedged ? "HEDGED" : "ANSWER") : "REFUSE"} ${a.ranking.map((c) => c.paragraph).join(",")} | ${q} | cov ${f.coverage.toFixed(2)} margin ${f.lexicalMargin.toFixed(2)} spec ${f.specificStrong}/${f.specificKnown} unk ${f.unknownSpecific} type ${a.answerType ?? "-"}:${f.answerTypeMatched}\n    ${r.tokens.map((t) => `${t.surface}(c${t.commonness},s${t.spread.toFixed(2)})[${t.expansions.map((e) => e.term + ":" + e.weight.toFixed(2)).join(",")}]`).join(" ")}`);
}
