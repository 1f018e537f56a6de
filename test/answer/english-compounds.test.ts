import { beforeAll, describe, expect, it } from "vitest";
import type { QaService } from "../../src/answer/service.js";
import { bundledLexicalService } from "../helpers/content-fixtures.js";

// The bundled article says "UN-Sicherheitsrat" (¶9, ¶10) and never "Rat" alone; "council" alone reaches no compound.
describe("two English words the German article says in one", () => {
  let service: QaService;
  beforeAll(async () => {
    service = await bundledLexicalService();
  });

  it("ranks the paragraph with the compound of their translations first", async () => {
    const answer = await service.ask("what has the security council decided about north korea");
    expect(answer.citations[0]?.paragraph).toBe(10);
    expect(answer.citations[0]?.excerpt).toContain("Sicherheitsrat");
  });
});
