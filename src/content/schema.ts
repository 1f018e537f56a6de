import { z } from "zod";
import type { Article } from "./types.js";

/** zod mirror of the article model, for reading it back from disk. */

const sentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const paragraphSchema = z.object({
  articleId: z.string(),
  number: z.number().int().positive(),
  sectionIndex: z.number().int().nonnegative(),
  heading: z.string().nullable(),
  text: z.string().min(1),
  sentences: z.array(sentenceSchema),
});

export const articleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  kicker: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  date: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string().nullable(), paragraphNumbers: z.array(z.number().int().positive()) })),
  paragraphs: z.array(paragraphSchema).min(1),
  sources: z.array(z.object({ text: z.string(), url: z.string().nullable(), date: z.string().nullable() })),
  format: z.enum(["txt", "md", "html"]),
  contentHash: z.string().min(1),
}) satisfies z.ZodType<Article>;
