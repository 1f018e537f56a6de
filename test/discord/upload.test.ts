import { describe, expect, it } from "vitest";
import { checkUpload, downloadUpload, UploadRefusedError, type Upload, type UploadProblem } from "../../src/discord/upload.js";

const upload = (overrides: Partial<Upload> = {}): Upload => ({
  name: "artikel.txt",
  url: "http://127.0.0.1:9/attachments/1/2/artikel.txt",
  size: 100,
  contentType: "text/plain; charset=utf-8",
  ...overrides,
});

function problemOf(run: () => unknown): UploadProblem | null {
  try {
    run();
  } catch (error) {
    if (error instanceof UploadRefusedError) return error.problem;
    throw error;
  }
  return null;
}

async function problemOfAsync(run: () => Promise<unknown>): Promise<UploadProblem | null> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UploadRefusedError) return error.problem;
    throw error;
  }
  return null;
}

/** A fetch that streams `chunks` without announcing a length (as a chunked response would). */
function streamingFetch(chunks: Uint8Array[], status = 200): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
      { status },
    );
}

describe("checkUpload", () => {
  it("accepts .txt, .md and .html with a matching or missing content type", () => {
    expect(problemOf(() => checkUpload(upload(), 1_000))).toBeNull();
    expect(problemOf(() => checkUpload(upload({ name: "a.md", contentType: "text/markdown" }), 1_000))).toBeNull();
    expect(problemOf(() => checkUpload(upload({ name: "A.HTML", contentType: "text/html" }), 1_000))).toBeNull();
    expect(problemOf(() => checkUpload(upload({ name: "a.md", contentType: null }), 1_000))).toBeNull();
  });

  it("refuses other extensions, other content types and declared oversize", () => {
    expect(problemOf(() => checkUpload(upload({ name: "a.pdf" }), 1_000))).toEqual({ kind: "extension", name: "a.pdf" });
    expect(problemOf(() => checkUpload(upload({ name: "txt" }), 1_000))).toEqual({ kind: "extension", name: "txt" });
    expect(problemOf(() => checkUpload(upload({ contentType: "image/png" }), 1_000))).toEqual({
      kind: "content_type",
      name: "artikel.txt",
      contentType: "image/png",
    });
    expect(problemOf(() => checkUpload(upload({ size: 1_001 }), 1_000))).toEqual({ kind: "too_large", size: 1_001, max: 1_000 });
  });
});

describe("downloadUpload", () => {
  it("returns the bytes", async () => {
    const bytes = await downloadUpload(upload(), { maxBytes: 1_000, fetch: streamingFetch([Buffer.from("Titel\n\n"), Buffer.from("Text.")]) });
    expect(Buffer.from(bytes).toString("utf8")).toBe("Titel\n\nText.");
  });

  it("stops reading as soon as more than the limit has arrived, whatever the declared size", async () => {
    const chunk = new Uint8Array(400);
    const problem = await problemOfAsync(() => downloadUpload(upload({ size: 10 }), { maxBytes: 1_000, fetch: streamingFetch([chunk, chunk, chunk, chunk]) }));
    expect(problem).toEqual({ kind: "too_large", size: 1_200, max: 1_000 });
  });

  it("reports a failed download", async () => {
    expect(await problemOfAsync(() => downloadUpload(upload(), { maxBytes: 1_000, fetch: streamingFetch([], 404) }))).toEqual({
      kind: "download_failed",
      detail: "HTTP 404",
    });
    const unreachable: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    expect(await problemOfAsync(() => downloadUpload(upload(), { maxBytes: 1_000, fetch: unreachable }))).toEqual({
      kind: "download_failed",
      detail: "fetch failed",
    });
  });
});
