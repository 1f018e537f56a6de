import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countryAdjectives } from "../../../scripts/lexicons/pertainyms.js";

// Lines in WordNet's data format (shortened glosses), as Debian's wordnet-base has them.
const NOUNS = [
  "  1 This software and database is being provided to you, the LICENSEE, by",
  "08730550 15 n 04 Taiwan 0 China 1 Nationalist_China 0 Republic_of_China 0 000 | a government on the island of Taiwan",
  "09044862 15 n 03 United_States 0 America 0 USA 0 000 | North American republic",
  "08955082 15 n 02 North_Korea 0 Democratic_People's_Republic_of_Korea 0 000 | a communist country",
  "09999999 15 n 01 Atlantis 0 000 | a legendary island",
];
const ADJECTIVES = [
  "02964783 01 a 01 Chinese 0 001 \\ 08730550 n 0102 | of or pertaining to China",
  "02927513 01 a 01 American 1 002 + 00410406 v 0101 \\ 09044862 n 0102 | of or relating to the United States",
  "02967991 01 a 02 North_Korean 0 communist(a) 0 002 + 09719105 n 0101 \\ 08955082 n 0101 | of North Korea",
  "02999999 01 a 01 Atlantean 0 001 \\ 09999999 n 0101 | of Atlantis",
  "01104026 00 s 01 particular(a) 0 001 & 01103021 a 0000 | unique or specific to a person",
];
const REGIONS = new Map([
  ["China", "CN"],
  ["Taiwan", "TW"],
  ["United States", "US"],
  ["North Korea", "KP"],
]);

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wordnet-"));
  await writeFile(join(dir, "data.noun"), `${NOUNS.join("\n")}\n`);
  await writeFile(join(dir, "data.adj"), `${ADJECTIVES.join("\n")}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("country adjectives from WordNet's pertainyms", () => {
  it("links an adjective to the region named by the noun its pointer reaches", async () => {
    const adjectives = await countryAdjectives(dir, REGIONS);
    // "Chinese" points to "China", the second word of Taiwan's synset: China, not Taiwan.
    expect(adjectives.get("CN")).toEqual(["Chinese"]);
    expect(adjectives.has("TW")).toBe(false);
  });

  it("falls back on the noun's synset when the word reached is no region name, and keeps phrases whole", async () => {
    const adjectives = await countryAdjectives(dir, REGIONS);
    expect(adjectives.get("US")).toEqual(["American"]);
    // The pointer's source 01 is the first word only: "communist" pertains to no country.
    expect(adjectives.get("KP")).toEqual(["North Korean"]);
  });

  it("leaves out adjectives of nouns that are no region, and adjectives without a pertainym", async () => {
    const adjectives = await countryAdjectives(dir, REGIONS);
    expect([...adjectives.keys()].sort()).toEqual(["CN", "KP", "US"]);
  });
});
