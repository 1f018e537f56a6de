/**
 * Prints each development conversation turn by turn: how it was read (alone
 * or as a follow-up, with which carried-over words), the outcome and the
 * first paragraphs. Calibration part only, unless --split=sealed|all is given.
 *
 *   npx tsx scripts/dev/conversation-trace.ts [--split=calibrate|sealed|all]
 */
import { pino } from "pino";
import { QaService } from "../../src/answer/service.js";
import { turnOf } from "../../src/answer/conversation/turns.js";
import { answerOutcome } from "../../src/answer/evaluation.js";
import type { ConversationTurn } from "../../src/answer/types.js";
import { devConversationSplit, loadDevConversations } from "../../src/search/dev-conversations.js";

const split = process.argv.find((argument) => argument.startsWith("--split="))?.slice("--split=".length) ?? "calibrate";
const service = await QaService.create({ contentDir: "data/articles", logger: pino({ level: "silent" }), embeddings: "off" });
const conversations = [
  ...(await loadDevConversations("test/fixtures/dev-conversations.jsonl")),
  ...(await loadDevConversations("test/fixtures/dev-conversations-2.jsonl")),
].filter((conversation) => split === "all" || devConversationSplit(conversation) === split);
for (const conversation of conversations) {
  const history: ConversationTurn[] = [];
  process.stdout.write(`${conversation.id}\n`);
  for (const turn of conversation.turns) {
    const answer = await service.ask(turn.question, { history });
    history.push(turnOf(answer));
    const first = answer.citations[0]?.paragraph ?? answer.ranking[0]?.paragraph;
    const right =
      turn.paragraphs.length === 0 ? answerOutcome(answer) === "refused" : first !== undefined && turn.paragraphs.includes(first) && answer.answered;
    const read = answer.followUp ? `follow-up [${answer.followUp.carriedWords.join(" ")}]` : "alone";
    process.stdout.write(
      `  ${right ? "ok " : "BAD"} ${turn.kind.padEnd(9)} ${turn.question}  → ${answerOutcome(answer)} ¶${answer.ranking
        .slice(0, 3)
        .map((citation) => citation.paragraph)
        .join(
          ",",
        )} want ${turn.paragraphs.join(",") || "refusal"}; ${read}${answer.abstainReason ? `; ${answer.abstainReason}` : ""}${answer.hedgeReason ? `; ${answer.hedgeReason}` : ""}\n`,
    );
  }
}
