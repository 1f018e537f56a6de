import { describe, expect, it } from "vitest";
import { buildDenseChannel } from "../../src/answer/dense-channel.js";
import { parseArticleBytes } from "../../src/content/load.js";
import { countingEmbedder } from "../helpers/content-fixtures.js";

const article = (name: string, paragraphs: string[]) => parseArticleBytes(Buffer.from(`# Titel ${name}\n\n${paragraphs.join("\n\n")}\n`), `${name}.md`);

// Fresh article objects per test: vectors are kept per article object, across channels.
const articles = () => [
  article("eins", ["Russland braucht Munition aus Nordkorea.", "Kim Jong Un reist nach Wladiwostok."]),
  article("zwei", ["Die Sanktionen gelten seit 2006.", "Der Sicherheitsrat hat sie beschlossen.", "Experten sprechen von Pariastaaten."]),
];

describe("the dense channel", () => {
  it("holds one vector per paragraph, in the order of the articles", async () => {
    const embedder = countingEmbedder();
    const channel = await buildDenseChannel(articles(), embedder, null);
    expect(channel.vectors.count).toBe(5);
    const [query] = await embedder.embedPassages(["Die Sanktionen gelten seit 2006."]);
    if (!query) throw new Error("no vector");
    const scores = [...channel.vectors.scores(query)];
    expect(scores.indexOf(Math.max(...scores))).toBe(2);
  });

  it("embeds after a change only the articles that changed, sharing the others' vectors", async () => {
    const embedder = countingEmbedder();
    const [first, second] = articles();
    if (!first || !second) throw new Error("no articles");
    const before = await buildDenseChannel([first, second], embedder, null);
    expect(embedder.passagesEmbedded).toBe(5);
    const changed = article("zwei", ["Die Sanktionen gelten seit 2006.", "Neu: China stimmte zu."]);
    const progress: number[] = [];
    const after = await buildDenseChannel([first, changed], embedder, null, (done) => progress.push(done));
    expect(embedder.passagesEmbedded).toBe(7);
    expect(embedder.embeddedTexts.slice(5)).toEqual(changed.paragraphs.map((paragraph) => paragraph.text));
    expect(progress.at(-1)).toBe(4);
    const [query] = await embedder.embedQueries(["Kim Jong Un reist nach Wladiwostok."]);
    if (!query) throw new Error("no vector");
    expect(after.vectors.scores(query)[1]).toBeCloseTo(before.vectors.scores(query)[1] ?? Number.NaN, 6);
    // Another model never reuses these vectors.
    const other = countingEmbedder("test/other-model");
    await buildDenseChannel([first, changed], other, null);
    expect(other.passagesEmbedded).toBe(4);
  });

  it("embeds an interviewer's question with the answer under it, and other headings not", async () => {
    const embedder = countingEmbedder();
    const interview = parseArticleBytes(
      Buffer.from(
        "Titel: Gespräch\n\nDer Experte spricht über Zölle und die Nato.\n\nWas raten Sie der Regierung?\n\nSie sollte jetzt Gesprächskanäle aufbauen.\n\nZur Person\n\nEr lehrt heute in Potsdam.\n",
      ),
      "gespraech.txt",
    );
    await buildDenseChannel([interview], embedder, null);
    expect(embedder.embeddedTexts).toEqual([
      "Der Experte spricht über Zölle und die Nato.",
      "Was raten Sie der Regierung? Sie sollte jetzt Gesprächskanäle aufbauen.",
      "Er lehrt heute in Potsdam.",
    ]);
  });
});
