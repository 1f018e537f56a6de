import type { DroppedLine } from "./parse/furniture.js";
import type { Article, ArticleFormat } from "./types.js";

/** Words of each paragraph shown: enough to recognise it. */
export const OPENING_WORDS = 10;

/**
 * How a file was read, for a moderator who wants to see a bad paste before
 * it goes live (`npm run reindex -- --check`, `/reindex check`) and after an
 * upload: title, kicker, date, publisher, each section with the opening words
 * of its paragraphs, the sources, and what was dropped as the site's
 * furniture, with why.
 */
export interface ArticleReading {
  title: string;
  kicker: string | null;
  date: string | null;
  publisher: string | null;
  format: ArticleFormat;
  paragraphCount: number;
  sections: { heading: string | null; paragraphs: { number: number; opening: string; clipped: boolean }[] }[];
  sources: string[];
  /** Lines of a page copy left out as the site around the article (an HTML page's are left out by its reader and not listed). */
  dropped: DroppedLine[];
}

export function articleReading(article: Article, dropped: readonly DroppedLine[]): ArticleReading {
  return {
    title: article.title,
    kicker: article.kicker,
    date: article.date,
    publisher: article.publisher,
    format: article.format,
    paragraphCount: article.paragraphs.length,
    sections: article.sections.map((section) => ({
      heading: section.heading,
      paragraphs: section.paragraphNumbers.flatMap((number) => {
        const paragraph = article.paragraphs[number - 1];
        if (!paragraph) return [];
        const words = paragraph.text.split(/\s+/u);
        return [{ number, opening: words.slice(0, OPENING_WORDS).join(" "), clipped: words.length > OPENING_WORDS }];
      }),
    })),
    sources: article.sources.map((source) => source.text),
    dropped: [...dropped],
  };
}
