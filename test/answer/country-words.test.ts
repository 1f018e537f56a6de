import { beforeAll, describe, expect, it } from "vitest";
import type { QaService } from "../../src/answer/service.js";
import { bundledLexicalService } from "../helpers/content-fixtures.js";

// The bundled article names "Chinas Präsident Xi Jinping" (¶16) and never the adjective.
describe("a country asked for by its adjective", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await bundledLexicalService();
  });

  it.each(["wer ist der chinesische Präsident?", "who is the chinese president"])("finds the passage naming the country: %s", async (question) => {
    const answer = await service.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.paragraph).toBe(16);
    expect(answer.citations[0]?.excerpt).toContain("Xi Jinping");
  });
});
