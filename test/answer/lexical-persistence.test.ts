import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lexicalIndexFor, toPassages } from "../../src/answer/index-state.js";
import { openStoredLexical, storeLexical, type StoredLexicalBase } from "../../src/answer/lexical-persistence.js";
import { resolveServiceOptions } from "../../src/answer/service-options.js";
import type { Article } from "../../src/content/types.js";
import { silentLogger } from "../../src/log.js";
import { LexicalIndex } from "../../src/search/lexical.js";

/**
 * Random series of uploads, replacements and removals, each stored the way a
 * change stores it (journal or whole file): at every step, the index a start
 * opens from disk scores every question exactly as one built from the
 * articles.
 */

const WORDS = (
  "Russland Nordkorea Munition Raketen Satelliten Lebensmittel Kreml Wladiwostok Schoigu Sanktionen Hafen Fähre Wasserstoff Züge Bornholm " +
  "Stadtwerke Wärmespeicher Turm Fernwärme Winter Herbst Delegation Besuch Gipfel Panzer Granaten Weizen Öl Technik Abkommen"
).split(" ");

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function article(id: string, version: number, random: () => number): Article {
  const paragraphCount = 1 + Math.floor(random() * 4);
  const paragraphs = Array.from({ length: paragraphCount }, (_, position) => {
    const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)] ?? "Satz");
    const text = `${words.join(" ")} (Fassung ${version}).`;
    return { articleId: id, number: position + 1, sectionIndex: 0, heading: null, text, sentences: [{ index: 0, text, start: 0, end: text.length }] };
  });
  return {
    id,
    title: `Artikel ${id}`,
    kicker: null,
    publisher: null,
    url: null,
    date: null,
    sections: [{ heading: null, paragraphNumbers: paragraphs.map((paragraph) => paragraph.number) }],
    paragraphs,
    sources: [],
    format: "txt",
    contentHash: `${id}-v${version}`,
  };
}

const filesOf = (articles: readonly Article[]): Record<string, string> => Object.fromEntries(articles.map((item) => [`${item.id}.txt`, item.contentHash]));
const scores = (index: LexicalIndex, question: string): Array<[string, number]> =>
  index
    .search(question, 50)
    .hits.map((hit): [string, number] => [hit.id, Math.round(hit.score * 1e9)])
    .sort((left, right) => left[0].localeCompare(right[0]));

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "qa-lexical-persistence-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the lexical index kept on disk across changes", () => {
  it.each([1, 2, 3])("opens as if built from the articles after every change (seed %i)", async (seed) => {
    const random = generator(seed);
    const options = resolveServiceOptions({ contentDir: folder, logger: silentLogger(), embeddings: "off" });
    const indexFile = path.join(folder, "index.json");
    let articles = Array.from({ length: 6 }, (_, number) => article(`a${number}`, 1, random));
    let index = LexicalIndex.build(toPassages(articles), options.lexical, options.lexicons);
    let base: StoredLexicalBase = await storeLexical(indexFile, { index, files: filesOf(articles), articles }, null, null, options);
    let wholeWrites = 0;
    let version = 2;
    for (let step = 0; step < 40; step += 1) {
      const choice = random();
      const target = Math.floor(random() * 9);
      const id = `a${target}`;
      const present = articles.some((item) => item.id === id);
      const previous = articles;
      if (choice < 0.3 && present && articles.length > 1) articles = articles.filter((item) => item.id !== id);
      else if (present) articles = articles.map((item) => (item.id === id ? article(id, version, random) : item));
      else articles = [...articles, article(id, version, random)];
      version += 1;
      const updated = lexicalIndexFor(articles, options, { index, articles: previous });
      index = updated.index;
      const before = await readFile(path.join(folder, "index.lexical.bin"));
      base = await storeLexical(indexFile, { index, files: filesOf(articles), articles }, { removed: updated.removed }, base, options);
      if (!(await readFile(path.join(folder, "index.lexical.bin"))).equals(before)) wholeWrites += 1;

      const opened = await openStoredLexical(indexFile, filesOf(articles), toPassages(articles), options);
      if (!opened.index) throw new Error(`step ${step}: not opened (${opened.reason})`);
      const built = LexicalIndex.build(toPassages(articles), options.lexical, options.lexicons);
      for (const question of ["Munition aus Nordkorea", "Fähre nach Bornholm Fassung", "Wärmespeicher Winter", "Sanktionen Kreml Gipfel"]) {
        expect(scores(index, question), `in memory, step ${step}: ${question}`).toEqual(scores(built, question));
        expect(scores(opened.index, question), `step ${step}: ${question}`).toEqual(scores(built, question));
      }
    }
    // Small changes never rewrite the whole file (the drift stays below the floor of 500 paragraphs).
    expect(wholeWrites).toBe(0);
  });
});
