import type { Block } from "../blocks.js";
import { isProse, furnitureReason } from "../furniture.js";

/** The site's box about the author under a pasted article: name and role, links to more of their articles, the site's prompts. */

/**
 * Where the box about the author begins when no source list precedes it: a
 * name over a role ("Timo Brandl" / "Sportredakteur"), with the name
 * repeated above it as the photo's label; -1 when there is none. Only the
 * last such pair counts, and a sentence of the article after it means it
 * was none.
 */
export function authorBoxStart(blocks: readonly Block[]): number {
  for (let index = blocks.length - 1; index >= 1; index -= 1) {
    const name = authorAbove(blocks, index);
    if (name === null) continue;
    const laterProse = blocks.slice(index + 1).some((block) => block.kind === "text" && isProse(block.text) && !block.text.startsWith(`${name} `));
    if (laterProse) return -1;
    let start = index - 1;
    while (start > 0 && blocks[start - 1]?.text === name) start -= 1;
    return start;
  }
  return -1;
}

/** The author's role under their name in the box below an article ("Redakteurin Politik", "Wirtschaftsredakteur", "Senior Correspondent"). */
const AUTHOR_ROLE =
  /^(?:(?:Senior|Chief|Leitende[r]?|Stellvertretende[r]?)\s+)?(?:(?:\p{Lu}\p{Ll}+(?:redakteur|autor|korrespondent|reporter|ressortleiter))(?:in)?|(?:Redakteur|Autor|Korrespondent|Reporter|Ressortleiter)(?:in)?|Editor|Correspondent|Reporter|Writer)\b[^.!?]{0,40}$/u;
/** Links to more of the author's articles ("Mehr von Jonas Reichwald", "More from Jane Doe"). */
const MORE_FROM_AUTHOR = /^(?:Mehr von|Alle Artikel von|Weitere Artikel von|More from|More by|All articles by)\s+\p{Lu}[^.!?]{0,40}$/u;
/** A person's name on a line of its own: two or three capitalised words. */
const NAME_LINE = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*){1,2}$/u;

/**
 * The author's name when the block at `index` is their role under it ("Jonas
 * Reichwald" / "Redakteur Politik"), else null. A role counts under a name
 * only: "Reporter ohne Grenzen" may be a source.
 */
function authorAbove(blocks: readonly Block[], index: number): string | null {
  const name = blocks[index - 1]?.text;
  return name !== undefined && AUTHOR_ROLE.test(blocks[index]?.text ?? "") && NAME_LINE.test(name) ? name : null;
}

/**
 * Positions (offset by `first`) of the author box and the site's prompts
 * after a source list: the author's name and role, links to more of their
 * articles, "share" and "comment" prompts. The source list is the article's
 * own; this box is the site's, the same under every article, and so is what
 * follows it.
 */
export function authorBoxLines(blocks: readonly Block[], first: number): Set<number> {
  const found = new Set<number>();
  const authors = new Set<string>();
  blocks.forEach((block, index) => {
    const text = block.text;
    const name = authorAbove(blocks, index);
    if (name !== null) {
      found.add(first + index).add(first + index - 1);
      authors.add(name);
    } else if (MORE_FROM_AUTHOR.test(text)) found.add(first + index);
    else {
      const reason = furnitureReason(text);
      if (reason === "prompt" || reason === "site interface" || reason === "author line") found.add(first + index);
    }
  });
  // The box repeats the author's name (over the photo, then as its heading) and may open a line with it
  // ("Daniel Kruse schreibt über …", "Hanna Reuter folgen"): the author is no source of their own article.
  blocks.forEach((block, index) => {
    for (const author of authors) if (block.text === author || block.text.startsWith(`${author} `)) found.add(first + index);
  });
  return found;
}
