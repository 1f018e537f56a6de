import { describe, expect, it } from "vitest";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";

const documents: LexicalDocument[] = [
  { id: "a", title: "Krieg", heading: null, text: "Die Kremltruppen klagen seit Monaten über Munitionsmangel an der Front." },
  { id: "b", title: "Krieg", heading: "Technik", text: "Nordkoreas Atomprogramm hat seinen Ursprung in der Sowjetunion." },
  { id: "c", title: "Krieg", heading: "Reise", text: "Kim Jong Un reist mit einem Panzerzug nach Wladiwostok." },
  { id: "d", title: "Küche", heading: null, text: "Brot wird aus Mehl, Wasser, Salz und Hefe gebacken." },
];

describe("LexicalIndex", () => {
  const index = LexicalIndex.build(documents);

  it("ranks the paragraph that contains the question's words first", () => {
    expect(index.search("Wie reist Kim nach Wladiwostok?").hits[0]?.id).toBe("c");
    expect(index.search("Woraus wird Brot gebacken?").hits[0]?.id).toBe("d");
  });

  it("matches compound parts in both directions", () => {
    expect(index.search("Munition").hits[0]?.id).toBe("a");
    expect(index.search("Atom").hits[0]?.id).toBe("b");
    expect(index.search("Mangel an Munition").hits[0]?.id).toBe("a");
  });

  it("reports raw coverage of the question by each hit", () => {
    const result = index.search("Panzerzug Wladiwostok Fußball");
    const top = result.hits[0];
    expect(top?.id).toBe("c");
    expect(result.tokens.find((token) => token.surface === "Fußball")?.known).toBe(false);
    expect(top?.coverage ?? 1).toBeLessThan(1);
    expect(top?.coverage ?? 0).toBeGreaterThan(0.4);
  });

  it("returns nothing for a question made only of stop words", () => {
    const result = index.search("Was ist das denn?");
    expect(result.tokens).toHaveLength(0);
    expect(result.hits).toHaveLength(0);
  });

  it("does not depend on umlaut spelling", () => {
    expect(index.search("Kueche Brot").hits[0]?.id).toBe("d");
  });
});
