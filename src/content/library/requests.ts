import { z } from "zod";
import type { NotArticleShape } from "../problems.js";
import type { ArticleReading } from "../reading.js";

/** What moderators ask of the content folder, and what a change did. */

export const DEFAULT_MAX_UPLOAD_BYTES = 1_000_000;

// ---------------------------------------------------------------------------
// Requests

export const contentActorSchema = z.object({
  /** Where the request came from. */
  via: z.enum(["discord", "cli", "terminal"]),
  /** Stable id of the person (a Discord user id, a system user name). */
  id: z.string().trim().min(1).max(100),
  /** Display name at the time of the request, for people reading the audit log. */
  name: z.string().trim().min(1).max(100).optional(),
});
export type ContentActor = z.infer<typeof contentActorSchema>;

export const addArticleRequestSchema = z.object({
  /** The name the file was uploaded under; only its extension and (sanitised) stem are used. */
  fileName: z.string().min(1, "the file has no name").max(255, "the file name is longer than 255 characters"),
  // Buffers (Node) and Uint8Arrays (a fetched Discord attachment) alike.
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "the upload has no file content" }),
  actor: contentActorSchema,
  /** Allow overwriting the article with the same id. */
  replace: z.boolean().default(false),
  /** Add a text file even though it does not look like an article (see article-check.ts). */
  force: z.boolean().default(false),
});
export type AddArticleRequest = z.input<typeof addArticleRequestSchema>;

/** An upload to read without adding it (`/reindex check`). */
export const checkArticleRequestSchema = addArticleRequestSchema.pick({ fileName: true, bytes: true });
export type CheckArticleRequest = z.input<typeof checkArticleRequestSchema>;

export const removeArticleRequestSchema = z.object({
  articleId: z.string().trim().min(1, "no article id given").max(200, "the article id is longer than 200 characters"),
  actor: contentActorSchema,
});
export type RemoveArticleRequest = z.input<typeof removeArticleRequestSchema>;

// ---------------------------------------------------------------------------
// Results

/** How an upload would be read, and what adding it would do; nothing was changed. */
export interface ArticleCheck {
  articleId: string;
  /** The name it would be stored under. */
  fileName: string;
  reading: ArticleReading;
  /** Why adding it would be refused as not an article (text files only); null when it reads as one. */
  notAnArticle: NotArticleShape | null;
  /** The article with the same id it would replace (adding it then needs `replace`), or null. */
  replaces: { fileName: string; title: string | null } | null;
}

export interface ArticleChange {
  action: "added" | "replaced" | "removed";
  articleId: string;
  /** Title of the article now in the folder (for "removed": of the removed one, when it could be read). */
  title: string | null;
  /** Title of the article that was replaced or removed, when it could be read. */
  previousTitle: string | null;
  /** The file written or removed in the content folder. */
  fileName: string;
  /** The name the moderator gave, when the file was saved under a different (safe) name. */
  requestedFileName: string | null;
  /** Paragraphs of the new article (0 for a removal). */
  paragraphs: number;
  /** How the new article was read, with the lines of a page copy left out as the site around it (null for a removal). */
  reading: ArticleReading | null;
  /** One or two sentences for the moderator. */
  message: string;
}
