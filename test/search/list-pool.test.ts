import { describe, expect, it } from "vitest";
import { ListPool } from "../../src/search/list-pool.js";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";

describe("a list pool", () => {
  it.each([0, 1 / 8, 1])("keeps every list right through pushes, filters and sets, built or opened from its packed form (room %s)", (room) => {
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
    const opened = new ListPool(built.packed(room));
    for (let count = 0; count < 2000; count += 1) step(opened);
    for (let list = 0; list < 12; list += 1) expect([...opened.view(list)], `list ${list}`).toEqual(model[list] ?? []);
    expect(opened.values).toBe(model.reduce((sum, values) => sum + values.length, 0));
  });

  it("gives a list opened in place the room left after it, and no more", () => {
    const built = new ListPool();
    for (let value = 0; value < 16; value += 1) built.push(0, value);
    built.push(1, 99);
    const packed = built.packed(1 / 4);
    // 16 values and 4 of room, then list 1 (one value, no room).
    expect([...packed.offsets]).toEqual([0, 20]);
    const opened = new ListPool(packed);
    for (let value = 16; value < 24; value += 1) opened.push(0, value);
    expect([...opened.view(0)]).toEqual(Array.from({ length: 24 }, (_, value) => value));
    expect([...opened.view(1)]).toEqual([99]);
    // Lists out of order get no room beyond their length: writing there would overwrite another list.
    const shuffled = new ListPool({ data: Uint32Array.from([7, 8, 9, 1]), offsets: Uint32Array.from([3, 0]), lengths: Uint32Array.from([1, 3]) });
    shuffled.push(1, 10);
    shuffled.push(0, 2);
    expect([...shuffled.view(0)]).toEqual([1, 2]);
    expect([...shuffled.view(1)]).toEqual([7, 8, 9, 10]);
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
