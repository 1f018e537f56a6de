import { describe, expect, it } from "vitest";
import { ListPool } from "../../src/search/list-pool.js";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";

describe("a list pool", () => {
  it("keeps every list right through pushes, filters and sets, built or opened from its packed form", () => {
    const built = new ListPool();
    const model: number[][] = [];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const step = (pool: ListPool): void => {
      const list = Math.floor(random() * 12);
      const values = (model[list] ??= []);
      const choice = random();
      if (choice < 0.6) {
        const value = Math.floor(random() * 1000);
        pool.push(list, value);
        values.push(value);
      } else if (choice < 0.85) {
        const limit = Math.floor(random() * 1000);
        pool.filter(list, (value) => value < limit);
        model[list] = values.filter((value) => value < limit);
      } else {
        const replacement = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * 1000));
        pool.set(list, replacement);
        model[list] = replacement;
      }
    };
    for (let count = 0; count < 500; count += 1) step(built);
    // An opened pool reads its lists in place: a list that shrank there and grows again must stay whole.
    const opened = new ListPool(built.packed());
    for (let count = 0; count < 2000; count += 1) step(opened);
    for (let list = 0; list < 12; list += 1) expect([...opened.view(list)], `list ${list}`).toEqual(model[list] ?? []);
  });
});

describe("an opened lexical index", () => {
  it("after a paragraph is replaced, scores as one built with the new paragraph", () => {
    const documents: LexicalDocument[] = [
      { id: "a#1", title: "A", heading: null, text: "Russland braucht Munition und Raketen aus Nordkorea." },
      { id: "a#2", title: "A", heading: null, text: "Nordkorea hofft auf Lebensmittel und Öl." },
      { id: "b#1", title: "B", heading: null, text: "Munition Munition Granaten aus Russland." },
    ];
    const replacement: LexicalDocument = { id: "a#2", title: "A", heading: null, text: "Nordkorea will Munition und Weizen." };
    const scores = (index: LexicalIndex): Array<[string, number]> =>
      index
        .search("Munition Nordkorea", 50)
        .hits.map((hit): [string, number] => [hit.id, hit.score])
        .sort((left, right) => left[0].localeCompare(right[0]));
    const restored = LexicalIndex.restore(LexicalIndex.build(documents).stored());
    restored.remove([documents[1] as LexicalDocument]);
    restored.add([replacement]);
    expect(scores(restored)).toEqual(scores(LexicalIndex.build([documents[0] as LexicalDocument, replacement, documents[2] as LexicalDocument])));
  });
});
