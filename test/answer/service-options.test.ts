import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../src/answer/abstention.js";
import { DEFAULT_CONVERSATION_SETTINGS } from "../../src/answer/conversation/follow-up.js";
import { ANSWER_TYPE_BOOST, DEFAULT_MAX_CITATIONS, resolveServiceOptions } from "../../src/answer/service-options.js";
import { diskFileOperations } from "../../src/content/atomic-write.js";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../src/content/library/index.js";
import { DEFAULT_FUSION } from "../../src/search/fusion.js";
import { DEFAULT_LEXICAL_OPTIONS } from "../../src/search/lexical-options.js";
import { capturingLogger } from "../helpers/content-fixtures.js";

describe("resolveServiceOptions", () => {
  const { logger } = capturingLogger();

  it("applies every default once", () => {
    const resolved = resolveServiceOptions({ contentDir: "/articles", logger, embeddings: "off" });
    expect(resolved).toMatchObject({
      indexFile: null,
      auditLogFile: null,
      lexical: DEFAULT_LEXICAL_OPTIONS,
      fusion: DEFAULT_FUSION,
      thresholds: DEFAULT_THRESHOLDS,
      maxCitations: DEFAULT_MAX_CITATIONS,
      answerTypeBoost: ANSWER_TYPE_BOOST,
      maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
      conversation: DEFAULT_CONVERSATION_SETTINGS,
    });
    expect(resolved.fileOperations).toBe(diskFileOperations);
    expect(resolved.lexicons.frequency.de.has("jahr")).toBe(true);
  });

  it("keeps what is given, and fills in the rest of a partial group", () => {
    const firstThreshold = Object.keys(DEFAULT_THRESHOLDS)[0] as keyof typeof DEFAULT_THRESHOLDS;
    const resolved = resolveServiceOptions({
      contentDir: "/articles",
      logger,
      embeddings: "off",
      indexFile: "/state/index.json",
      maxCitations: 5,
      thresholds: { [firstThreshold]: 0.123 },
      fusion: { denseWeight: 0.9 },
    });
    expect(resolved.indexFile).toBe("/state/index.json");
    expect(resolved.maxCitations).toBe(5);
    expect(resolved.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, [firstThreshold]: 0.123 });
    expect(resolved.fusion.denseWeight).toBe(0.9);
  });
});
