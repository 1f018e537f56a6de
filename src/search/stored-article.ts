import { z } from "zod";
import { articleSchema } from "../content/schema.js";
import type { Article, Paragraph } from "../content/types.js";

/**
 * How an article is kept in the stored index: as the model, except that a
 * sentence is its start and end offsets in the paragraph (its text is that
 * slice, see `Sentence`) and a paragraph does not repeat its article's id.
 * That halves the file and the time to read it back.
 */

const storedParagraphSchema = z.object({
  number: z.number().int().positive(),
  sectionIndex: z.number().int().nonnegative(),
  heading: z.string().nullable(),
  text: z.string().min(1),
  /**
   * start, end, start, end, … of each sentence in order. Checked to be whole
   * offsets inside the text by fromStoredArticle, which walks them anyway:
   * checks per element here took a fifth of reading a large index.
   */
  sentences: z.array(z.number()),
});

export const storedArticleSchema = articleSchema.omit({ paragraphs: true }).extend({ paragraphs: z.array(storedParagraphSchema).min(1) });

export type StoredArticle = z.infer<typeof storedArticleSchema>;

export function toStoredArticle(article: Article): StoredArticle {
  const { paragraphs, ...rest } = article;
  return {
    ...rest,
    paragraphs: paragraphs.map((paragraph) => ({
      number: paragraph.number,
      sectionIndex: paragraph.sectionIndex,
      heading: paragraph.heading,
      text: paragraph.text,
      sentences: paragraph.sentences.flatMap((sentence) => [sentence.start, sentence.end]),
    })),
  };
}

export class StoredArticleError extends Error {
  override readonly name = "StoredArticleError";
}

/** The article back from its stored form; throws `StoredArticleError` when its sentence offsets do not fit its text. */
export function fromStoredArticle(stored: StoredArticle): Article {
  const { paragraphs, ...rest } = stored;
  return {
    ...rest,
    paragraphs: paragraphs.map((paragraph): Paragraph => {
      const offsets = paragraph.sentences;
      if (offsets.length % 2 !== 0) throw new StoredArticleError(`¶${paragraph.number} of ${stored.id} has an odd number of sentence offsets`);
      const sentences: Paragraph["sentences"] = [];
      for (let position = 0; position < offsets.length; position += 2) {
        const start = offsets[position] ?? 0;
        const end = offsets[position + 1] ?? 0;
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > paragraph.text.length) {
          throw new StoredArticleError(`¶${paragraph.number} of ${stored.id} has a sentence outside its text`);
        }
        sentences.push({ index: sentences.length, text: paragraph.text.slice(start, end), start, end });
      }
      return { articleId: stored.id, ...paragraph, sentences };
    }),
  };
}
