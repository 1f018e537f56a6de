// Shared set-up for the service's content-change tests (article-changes, rebuild, stored-index, interrupted-writes).
import type { QaServiceOptions } from "../../src/answer/service.js";
import type { ContentActor } from "../../src/content/library/index.js";
import { BUNDLED_ID, contentFixture, countingEmbedder, lexicalServiceOptions } from "../helpers/content-fixtures.js";

export const MODERATOR: ContentActor = { via: "discord", id: "123456789012345678", name: "mod" };
export const BUNDLED_FILE = `${BUNDLED_ID}.txt`;
export const BUNDLED_PARAGRAPHS = 16;
export const SECOND_QUESTION = "Wie viele Kilometer legten die Wasserstoffzüge zurück?";

export type Fixture = Awaited<ReturnType<typeof contentFixture>>;

export function hybridOptions(fixture: Fixture, embedder: ReturnType<typeof countingEmbedder>, extra: Partial<QaServiceOptions> = {}): QaServiceOptions {
  return lexicalServiceOptions(fixture, {
    embeddings: {
      options: { modelId: embedder.modelId, allowRemote: false, quantized: true, loadTimeoutMs: 1_000 },
      cacheFile: fixture.cacheFile,
      loader: async () => ({ embedder }),
    },
    ...extra,
  });
}

export function citedArticles(answer: { citations: Array<{ articleId: string }> }): string[] {
  return answer.citations.map((citation) => citation.articleId);
}
