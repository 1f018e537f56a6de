import { describe, expect, it } from "vitest";
import { ParagraphLookup, toPassages } from "../../src/answer/index-state.js";
import { parseArticleBytes } from "../../src/content/load.js";

const article = (name: string, paragraphs: string[]) => parseArticleBytes(Buffer.from(`# Titel ${name}\n\n${paragraphs.join("\n\n")}\n`), `${name}.md`);

describe("paragraphs by passage id", () => {
  it("finds every passage's paragraph, and nothing for ids no passage has", () => {
    const articles = [article("eins", ["Erster Absatz hier.", "Zweiter Absatz hier."]), article("zwei", ["Nur ein Absatz."])];
    const lookup = new ParagraphLookup(articles);
    for (const passage of toPassages(articles)) expect(lookup.get(passage.id)?.paragraph.text).toBe(passage.text);
    expect(lookup.get("eins#2")?.article.id).toBe("eins");
    for (const missing of ["eins#3", "eins#01", "eins", "drei#1", "#1", ""]) expect(lookup.get(missing), missing).toBeUndefined();
  });

  it("gives the later article when two share an id, and the same passage objects for the same article", () => {
    const first = article("gleich", ["Alter Text."]);
    const later = article("gleich", ["Neuer Text."]);
    expect(new ParagraphLookup([first, later]).get("gleich#1")?.paragraph.text).toBe("Neuer Text.");
    expect(toPassages([first])[0]).toBe(toPassages([later, first])[1]);
  });
});
