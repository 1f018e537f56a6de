import { describe, expect, it } from "vitest";
import { TermIds, termTable } from "../../src/search/term-ids.js";

describe("TermIds", () => {
  let seed = 3;
  const random = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const word = (): string => Array.from({ length: 1 + random(6) }, () => "aeiklmnorstuäß"[random(14)]).join("");

  it("opened with its stored hash table, finds every term at its id, and numbers new terms after them", () => {
    const built = new TermIds();
    for (let count = 0; count < 3000; count += 1) built.intern(word());
    const opened = new TermIds(built.terms, built.hashTable());
    for (const [id, term] of built.terms.entries()) expect(opened.id(term)).toBe(id);
    for (let probe = 0; probe < 2000; probe += 1) {
      const candidate = `${word()}x`;
      expect(opened.id(candidate)).toBe(built.id(candidate));
    }
    const size = opened.size;
    expect(opened.intern("neuwort")).toBe(size);
    expect(opened.intern("neuwort")).toBe(size);
    expect(opened.intern(built.terms[5] ?? "")).toBe(5);
    expect(opened.term(size)).toBe("neuwort");
    // Stored again after an addition: a table that holds the new term too.
    const reopened = new TermIds(opened.terms, opened.hashTable());
    expect(reopened.id("neuwort")).toBe(size);
  });

  it("never gives a wrong id from a damaged table, and drops one of the wrong size", () => {
    const terms = ["waff", "russland", "nordkorea", "munition"];
    const table = termTable(terms);
    // Every slot full, all pointing at the first term: lookups end, and find nothing rather than a wrong term.
    const damaged = new TermIds(terms, new Uint32Array(table.length).fill(1));
    expect(terms.map((term) => damaged.id(term))).toEqual([0, undefined, undefined, undefined]);
    expect(damaged.id("panzer")).toBeUndefined();
    const wrongSize = new TermIds(terms, new Uint32Array(8));
    expect(terms.map((term) => wrongSize.id(term))).toEqual([0, 1, 2, 3]);
  });
});
