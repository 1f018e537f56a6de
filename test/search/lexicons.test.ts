import { mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/search/analyzer.js";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import {
  DEFAULT_LEXICON_DIR,
  LEXICON_CHECKSUM_FILE,
  LexiconFormatError,
  lexiconAnalyzerDigest,
  lexiconChecksums,
  loadLexicons,
  recordedAnalyzerDigest,
  synonymIndexOf,
} from "../../src/search/lexicons.js";

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
    // Verb forms that stem apart: "getroffen" and "traf" are "treffen"; "met" is "meet".
    expect(lexicons.verbForms.de.get(term("getroffen"))).toEqual(expect.arrayContaining([term("treffen"), term("traf")]));
    expect(lexicons.verbForms.en.get(term("met", "en"))).toEqual([term("meet", "en")]);
    // A country's adjectives translate to its name as well: "chinesisch" and "Chinese" are about China.
    expect(lexicons.translations["de-en"].get(term("chinesische"))?.map((phrase) => phrase.join(" "))).toContain(term("China", "en"));
    expect(lexicons.translations["en-de"].get(term("Chinese", "en"))?.map((phrase) => phrase.join(" "))).toContain(term("China"));
    expect(lexicons.translations["de-en"].get(term("nordkoreanische"))?.map((phrase) => phrase.join(" "))).toContain(term("North Korea", "en"));
    expect(lexicons.translations["en-de"].get(term("meet", "en"))?.map((phrase) => phrase.join(" "))).toContain(term("treffen"));
  });

  it("were built with the analyser's current version and stop words (rebuild them with npm run build-lexicons)", () => {
    // A stop word is never counted: a word that became one must have left the frequency lists.
    expect(recordedAnalyzerDigest()).toBe(lexiconAnalyzerDigest());
  });

  it("index every synset member (rebuild the index with npm run build-lexicons after changing the synsets)", () => {
    for (const name of ["de-synonyms", "de-verb-forms"]) {
      const synsets = readFileSync(path.join(DEFAULT_LEXICON_DIR, `${name}.txt`), "utf8")
        .split("\n")
        .filter((line) => line.length > 0);
      const index = readFileSync(path.join(DEFAULT_LEXICON_DIR, `${name}-index.tsv`), "utf8");
      expect(index).toBe(`${synonymIndexOf(synsets)}\n`);
    }
  });

  it("stay small, and carry their licences", async () => {
    const files = await readdir(DEFAULT_LEXICON_DIR);
    let bytes = 0;
    for (const file of files) bytes += (await stat(path.join(DEFAULT_LEXICON_DIR, file))).size;
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
    expect(files).toEqual(expect.arrayContaining(["README.md", "LICENSE-LGPL-2.1.txt", "LICENSE-GPL-3.0.txt", "LICENSE-WordNet-3.0.txt"]));
  });

  it("come with the checksums of their files as checked (write them with npm run build-lexicons -- --checksums-only)", () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(DEFAULT_LEXICON_DIR, LEXICON_CHECKSUM_FILE), "utf8"));
    expect(committed).toEqual({ ...lexiconChecksums(), analyzer: lexiconAnalyzerDigest() });
  });
});

async function lexiconFolder(files: Partial<Record<string, string>>): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "lexicons-"));
  const defaults: Record<string, string> = {
    "de-synonyms.txt": "N\tgewehr waff\nW\tbenotig brauch\n",
    "de-synonyms-index.tsv": "benotig\t1\nbrauch\t1\ngewehr\t0\nwaff\t0\n",
    "en-de.tsv": "need\tbrauch\tbenotig\nweapon\twaff\n",
    "de-en.tsv": "waff\tweapon\n",
    "de-verb-forms.txt": "W\tgetroff traf treff\n",
    "de-verb-forms-index.tsv": "getroff\t0\ntraf\t0\ntreff\t0\n",
    "en-verb-forms.tsv": "met\tmeet\n",
    "frequency-de.tsv": "brauch\t9\nwaff\t8\n",
    "frequency-en.tsv": "weapon\t8\n",
    "de-describing.tsv": "verbot\t38\n",
    "en-describing.tsv": "impos\t0\n",
  };
  for (const [name, text] of Object.entries({ ...defaults, ...files })) if (text !== undefined) await writeFile(path.join(directory, name), text);
  return directory;
}

describe("loadLexicons", () => {
  it("looks entries up in the sorted files", async () => {
    const lexicons = loadLexicons(await lexiconFolder({}));
    expect(lexicons.translations["en-de"].get("need")).toEqual([["brauch"], ["benotig"]]);
    expect(lexicons.translations["en-de"].get("needs")).toBeUndefined();
    expect(lexicons.synonyms.get("waff")).toEqual(["gewehr"]);
    expect(lexicons.synonyms.get("brauch")).toEqual(["benotig"]);
    // Only "W" synsets are verb synsets.
    expect(lexicons.verbSynonyms.get("brauch")).toEqual(["benotig"]);
    expect([lexicons.describing.de.has("verbot"), lexicons.describing.de.has("waff"), lexicons.describing.en.has("impos")]).toEqual([true, false, true]);
    expect(lexicons.verbSynonyms.get("waff")).toBeUndefined();
    expect(lexicons.frequency.de.get("waff")).toBe(8);
    expect(lexicons.frequency.de.has("panzer")).toBe(false);
    expect(lexicons.verbForms.de.get("traf")).toEqual(["getroff", "treff"]);
    expect(lexicons.verbForms.en.get("met")).toEqual(["meet"]);
    expect(lexicons.verbForms.en.get("meet")).toBeUndefined();
  });

  it("names the file and line of a malformed entry", async () => {
    const directory = await lexiconFolder({ "frequency-de.tsv": "waff\t8\nbroken line\n" });
    expect(() => loadLexicons(directory)).toThrow(LexiconFormatError);
    expect(() => loadLexicons(directory)).toThrow(/frequency-de\.tsv line 2/);
  });

  it("refuses a table that is not sorted, since its entries could not be found", async () => {
    const directory = await lexiconFolder({ "en-de.tsv": "weapon\twaff\nneed\tbrauch\n" });
    expect(() => loadLexicons(directory)).toThrow(/en-de\.tsv line 2: keys must be unique and sorted/);
  });

  it("checks a file again only when its digest is not the one its checksums record", async () => {
    const unsorted = "weapon\twaff\nneed\tbrauch\n";
    const checksums = (text: string): string =>
      JSON.stringify({ files: { "en-de.tsv": { sha256: createHash("sha256").update(text).digest("hex"), longestKeyWords: 1 } } });
    // Recorded as checked: opened without checking its lines again (lookups in a bad one may then find nothing).
    const recorded = await lexiconFolder({ "en-de.tsv": unsorted, [LEXICON_CHECKSUM_FILE]: checksums(unsorted) });
    expect(() => loadLexicons(recorded).translations["en-de"].get("weapon")).not.toThrow();
    // Edited since, or recorded by a damaged checksum file: checked, and refused.
    const edited = await lexiconFolder({ "en-de.tsv": unsorted, [LEXICON_CHECKSUM_FILE]: checksums("need\tbrauch\nweapon\twaff\n") });
    expect(() => loadLexicons(edited)).toThrow(/en-de\.tsv line 2: keys must be unique and sorted/);
    const damaged = await lexiconFolder({ "en-de.tsv": unsorted, [LEXICON_CHECKSUM_FILE]: "{ not json" });
    expect(() => loadLexicons(damaged)).toThrow(/en-de\.tsv line 2/);
    const checked = await lexiconFolder({});
    expect(lexiconChecksums(checked).files["en-de.tsv"]).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), longestKeyWords: 1 });
  });

  it("refuses a malformed synonym index, with the way to rebuild it", async () => {
    const directory = await lexiconFolder({ "de-synonyms-index.tsv": "waff\tzero\n" });
    expect(() => loadLexicons(directory)).toThrow(/de-synonyms-index\.tsv line 1: .*npm run build-lexicons/);
  });
});
