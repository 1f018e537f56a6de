import { mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/search/analyzer.js";
import { DEFAULT_LEXICON_DIR, LexiconFormatError, loadLexicons } from "../../src/search/lexicons.js";

const term = (word: string, language: "de" | "en" = "de"): string =>
  analyze(word, language)
    .map((token) => token.term)
    .join(" ");

describe("the bundled lexicons", () => {
  const lexicons = loadLexicons();

  it("hold terms in the analyser's current form (rebuild them with npm run build-lexicons when it changes)", () => {
    const weapon = lexicons.translations["en-de"].get(term("weapon", "en"));
    expect(weapon?.map((phrase) => phrase.join(" "))).toContain(term("Waffe"));
    expect(lexicons.translations["en-de"].get(term("north korea", "en"))?.[0]?.join(" ")).toBe(term("Nordkorea"));
    expect(lexicons.translations["en-de"].get(term("moscow", "en"))?.map((phrase) => phrase.join(" "))).toContain(term("Moskau"));
    expect(lexicons.translations["de-en"].get(term("Munition"))?.map((phrase) => phrase.join(" "))).toContain(term("ammunition", "en"));
    expect(lexicons.synonyms.get(term("Sanktion"))?.length ?? 0).toBeGreaterThan(0);
    // A verb form's reduced stem meets verbs only: "stammt" → "stamm" must not reach the noun "Stamm" and its "Haus".
    expect(lexicons.verbSynonyms.get(term("stammen"))).not.toContain(term("Haus"));
    expect(lexicons.frequency.de.get(term("bekommen")) ?? 0).toBeGreaterThan(lexicons.frequency.de.get(term("Panzerabwehrrakete")) ?? 0);
  });

  it("stay small, and carry their licences", async () => {
    const files = await readdir(DEFAULT_LEXICON_DIR);
    let bytes = 0;
    for (const file of files) bytes += (await stat(path.join(DEFAULT_LEXICON_DIR, file))).size;
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
    expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE-LGPL-2.1.txt", "LICENSE-GPL-3.0.txt"]));
  });
});

describe("loadLexicons", () => {
  it("names the file and line of a malformed entry", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "lexicons-"));
    await writeFile(path.join(directory, "de-synonyms.txt"), "N\twaff rustung\n");
    await writeFile(path.join(directory, "en-de.tsv"), "weapon\twaff\n");
    await writeFile(path.join(directory, "de-en.tsv"), "waff\tweapon\n");
    await writeFile(path.join(directory, "frequency-de.tsv"), "waff\t8\nbroken line\n");
    await writeFile(path.join(directory, "frequency-en.tsv"), "weapon\t8\n");
    expect(() => loadLexicons(directory)).toThrow(LexiconFormatError);
    expect(() => loadLexicons(directory)).toThrow(/frequency-de\.tsv line 2/);
  });
});
