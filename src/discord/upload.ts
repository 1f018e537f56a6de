/**
 * Uploaded article files: which ones are accepted, and downloading their bytes
 * from Discord's CDN without ever holding more than MAX_UPLOAD_BYTES.
 */
import path from "node:path";
import type { ReadableStreamReadResult } from "node:stream/web";
import { z } from "zod";
import { articleFormatOf } from "../content/load.js";

/** The attachment fields this module reads (discord.js `Attachment` has them). */
export const uploadSchema = z.object({
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  size: z.number().int().nonnegative(),
  contentType: z.string().nullable(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** Extensions accepted for upload (what the article reader parses). */
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".html"] as const;

/** Content types Discord reports for those files; a missing one is judged by the extension alone. */
const ACCEPTED_CONTENT_TYPES = new Set(["text/plain", "text/markdown", "text/x-markdown", "text/html", "application/xhtml+xml"]);

const DOWNLOAD_TIMEOUT_MS = 30_000;

export type UploadProblem =
  | { kind: "extension"; name: string }
  | { kind: "content_type"; name: string; contentType: string }
  | { kind: "too_large"; size: number; max: number }
  | { kind: "download_failed"; detail: string };

/** An upload that is refused; `problem` says why, for a message the moderator can act on. */
export class UploadRefusedError extends Error {
  override readonly name = "UploadRefusedError";

  constructor(readonly problem: UploadProblem) {
    super(`upload refused: ${problem.kind}`);
  }
}

/** Checks what Discord tells about the file before anything is downloaded; throws `UploadRefusedError`. */
export function checkUpload(upload: Upload, maxBytes: number): void {
  const extension = path.extname(upload.name).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension) || articleFormatOf(upload.name) === undefined) {
    throw new UploadRefusedError({ kind: "extension", name: upload.name });
  }
  if (upload.contentType !== null) {
    const base = upload.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!ACCEPTED_CONTENT_TYPES.has(base)) throw new UploadRefusedError({ kind: "content_type", name: upload.name, contentType: upload.contentType });
  }
  if (upload.size > maxBytes) throw new UploadRefusedError({ kind: "too_large", size: upload.size, max: maxBytes });
}

export interface DownloadOptions {
  maxBytes: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Downloads an accepted upload. The limit is enforced again on the declared
 * length and while reading, because the size Discord reports is not a promise
 * about the bytes that arrive.
 */
/** One read of the response body; typed here because the DOM's stream types are not part of this project's lib. */
type ReadResult = ReadableStreamReadResult<Uint8Array>;

export async function downloadUpload(upload: Upload, options: DownloadOptions): Promise<Uint8Array> {
  checkUpload(upload, options.maxBytes);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timed out")), options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    const response = await (options.fetch ?? fetch)(upload.url, { signal: controller.signal, redirect: "follow" });
    if (!response.ok || !response.body) throw new UploadRefusedError({ kind: "download_failed", detail: `HTTP ${response.status}` });
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      controller.abort();
      throw new UploadRefusedError({ kind: "too_large", size: declared, max: options.maxBytes });
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const chunk: ReadResult = await reader.read();
      if (chunk.done) break;
      const value = chunk.value;
      received += value.byteLength;
      if (received > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        controller.abort();
        throw new UploadRefusedError({ kind: "too_large", size: received, max: options.maxBytes });
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof UploadRefusedError) throw error;
    const detail = controller.signal.aborted ? "the download timed out" : error instanceof Error ? error.message : String(error);
    throw new UploadRefusedError({ kind: "download_failed", detail });
  } finally {
    clearTimeout(timer);
  }
}
