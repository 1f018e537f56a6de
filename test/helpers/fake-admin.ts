/**
 * A stand-in for the service's content management, for handler tests: it
 * reports progress in steps (optionally spaced out, or held until released),
 * records what it was asked, and can fail in the ways the real one does.
 */
import type { ContentAdminApi, ContentUpdateReport, ReindexProgress, ReindexReport } from "../../src/answer/types.js";
import { ReindexBusyError } from "../../src/answer/errors.js";
import type {
  AddArticleRequest,
  ArticleChange,
  ArticleCheck,
  CheckArticleRequest,
  ContentActor,
  RemoveArticleRequest,
} from "../../src/content/library/index.js";
import type { ArticleReading } from "../../src/content/reading.js";

export interface FakeAdminOptions {
  /** Progress reports per run (embedding 120 paragraphs in equal steps). */
  steps?: number;
  /** Milliseconds between progress reports. */
  stepDelayMs?: number;
  /** Makes every run reject with this error (after reporting its first step). */
  failWith?: Error;
}

export interface AddCall {
  fileName: string;
  byteLength: number;
  replace: boolean;
  actor: ContentActor;
}

export interface FakeAdmin extends ContentAdminApi {
  reindexActors: Array<ContentActor | undefined>;
  addCalls: AddCall[];
  removeCalls: Array<{ articleId: string; actor: ContentActor }>;
  checkCalls: Array<{ fileName: string; byteLength: number }>;
  /** Holds the next run after its first progress report until `release()` is called. */
  hold(): void;
  release(): void;
  /** Resolves when a run has started (and, when held, is waiting). */
  started(): Promise<void>;
  setFailure(error: Error | null): void;
}

const PARAGRAPHS = 120;

/** How the fake's upload reads: a page copy with one section, two paragraphs and two dropped lines. */
export const FAKE_READING: ArticleReading = {
  title: "Ein neuer Artikel",
  kicker: "Krieg in der Ukraine",
  date: "2024-05-23",
  publisher: "t-online",
  format: "txt",
  paragraphCount: 2,
  sections: [
    {
      heading: null,
      paragraphs: [
        { number: 1, opening: "Die Europäische Union arbeitet an ihrem nächsten Sanktionspaket gegen Russland.", clipped: true },
        { number: 2, opening: "Ungarn hatte zunächst Bedenken angemeldet.", clipped: false },
      ],
    },
  ],
  sources: ["Nachrichtenagentur dpa"],
  dropped: [
    { text: "Such IconE-Mail IconMenü Icon", reason: "icon labels" },
    { text: "HomePolitikUkraine", reason: "breadcrumb" },
  ],
};

export function createFakeAdmin(options: FakeAdminOptions = {}): FakeAdmin {
  let running: ReindexProgress | null = null;
  let failure = options.failWith ?? null;
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  let startedWaiters: Array<() => void> = [];

  async function run(task: ReindexProgress["task"], onProgress?: (progress: ReindexProgress) => void): Promise<ReindexReport> {
    if (running) throw new ReindexBusyError({ ...running });
    const progress: ReindexProgress = { task, phase: "reading", articlesDone: 1, articlesTotal: 1, paragraphsDone: 0, paragraphsTotal: 0 };
    running = progress;
    const report = (change: Partial<ReindexProgress>) => {
      Object.assign(progress, change);
      onProgress?.({ ...progress });
    };
    try {
      report({});
      for (const resolve of startedWaiters) resolve();
      startedWaiters = [];
      if (gate) await gate.promise;
      if (failure) throw failure;
      const steps = options.steps ?? 3;
      for (let step = 1; step <= steps; step += 1) {
        if (options.stepDelayMs) await new Promise((resolve) => setTimeout(resolve, options.stepDelayMs));
        report({ phase: "embedding", paragraphsTotal: PARAGRAPHS, paragraphsDone: Math.round((PARAGRAPHS * step) / steps) });
      }
      report({ phase: "saving" });
      return { added: [], changed: [], removed: [], unchanged: ["nordkorea-russland-waffen"], articles: 1, paragraphs: 10, durationMs: 1_234, mode: "lexical" };
    } finally {
      running = null;
    }
  }

  const admin: FakeAdmin = {
    reindexActors: [],
    addCalls: [],
    removeCalls: [],
    checkCalls: [],
    async reindex(options = {}) {
      admin.reindexActors.push(options.actor);
      return run("reindex", options.onProgress);
    },
    reindexProgress: () => (running ? { ...running } : null),
    async addArticle(request: AddArticleRequest, options = {}): Promise<ContentUpdateReport> {
      admin.addCalls.push({ fileName: request.fileName, byteLength: request.bytes.length, replace: request.replace ?? false, actor: request.actor });
      const reindex = await run("add-article", options.onProgress);
      const change: ArticleChange = {
        action: request.replace ? "replaced" : "added",
        articleId: "neuer-artikel",
        title: "Ein neuer Artikel",
        previousTitle: null,
        fileName: "neuer-artikel.html",
        requestedFileName: null,
        paragraphs: 4,
        reading: FAKE_READING,
        message: "Added.",
      };
      return { change, reindex: { ...reindex, added: ["neuer-artikel"], articles: 2, paragraphs: 14 } };
    },
    async removeArticle(request: RemoveArticleRequest, options = {}): Promise<ContentUpdateReport> {
      admin.removeCalls.push({ articleId: request.articleId, actor: request.actor });
      const reindex = await run("remove-article", options.onProgress);
      const change: ArticleChange = {
        action: "removed",
        articleId: request.articleId,
        title: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
        previousTitle: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
        fileName: `${request.articleId}.txt`,
        requestedFileName: null,
        paragraphs: 0,
        reading: null,
        message: "Removed.",
      };
      return { change, reindex: { ...reindex, removed: [request.articleId], unchanged: [] } };
    },
    async checkArticle(request: CheckArticleRequest): Promise<ArticleCheck> {
      admin.checkCalls.push({ fileName: request.fileName, byteLength: request.bytes.length });
      if (failure) throw failure;
      return { articleId: "neuer-artikel", fileName: "neuer-artikel.txt", reading: FAKE_READING, notAnArticle: null, replaces: null };
    },
    hold() {
      let open = () => undefined as void;
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = null;
    },
    started: () => new Promise<void>((resolve) => startedWaiters.push(resolve)),
    setFailure(error) {
      failure = error;
    },
  };
  return admin;
}
