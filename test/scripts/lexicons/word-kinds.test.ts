import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/search/analyzer.js";
import type { DingLine } from "../../../scripts/lexicons/ding.js";
import { describingWords, dingWordKinds, isAdjective, semcorWordKinds } from "../../../scripts/lexicons/word-kinds.js";
import { semcorSenses } from "../../../scripts/lexicons/wordnet.js";

const line = (text: string): DingLine => {
  const [german = "", english = ""] = text.split(" :: ");
  return { german: german.split(" | "), english: english.split(" | ") };
};
const term = (word: string, language: "de" | "en" = "de"): string => analyze(word, language)[0]?.term ?? "";
const describing = (text: string): string[] => text.split("\n").map((entry) => entry.split("\t")[0] ?? "");

describe("word kinds", () => {
  it("tells nouns from verbs, adjectives and adverbs by Ding's marks, counting a verb's forms as verbs", () => {
    const kinds = dingWordKinds([
      line("Verbot {n} | Verbote {pl} :: ban | bans"),
      line(
        "verbieten {vt} | verbietend | verboten | er/sie verbietet | ich/er/sie verbot :: to forbid {forbade; forbidden} | forbidding | forbidden | he/she forbids | I/he/she forbade",
      ),
      line("verboten {adj} :: forbidden"),
      line("wertvoll {adj} :: valuable"),
      line("Schwester {f} :: sister"),
      line("Klaps {m}; schlagen {vt} :: slap"),
    ]);
    const german = describing(describingWords(kinds.de, new Map(), () => true));
    // "verboten" is an adjective and a verb form; the noun "Verbot" shares its stem, once.
    expect(german).toEqual(expect.arrayContaining([term("verboten"), term("wertvoll"), term("verbieten")]));
    expect(german).not.toContain(term("Schwester"));
    const english = describing(describingWords(kinds.en, new Map(), () => true));
    expect(english).toEqual(expect.arrayContaining([term("valuable", "en"), term("forbidden", "en")]));
    expect(english).not.toContain(term("sister", "en"));
    // A headword whose alternatives are of different kinds says nothing of its English side.
    expect(kinds.en.has(term("slap", "en"))).toBe(false);
  });

  it("reads a kind written once after the last alternative as every alternative's, prepositions and conjunctions as no names", () => {
    const kinds = dingWordKinds([
      line("normalerweise; üblicherweise {adv} :: normally; usually"),
      line("trotz; ungeachtet {prp; +Gen.} :: in spite of; despite"),
      line("Haus {n}; Gebäude {n}; Bau :: house; building"),
    ]);
    const german = describing(describingWords(kinds.de, new Map(), () => true));
    expect(german).toEqual(expect.arrayContaining([term("normalerweise"), term("üblicherweise"), term("trotz"), term("ungeachtet")]));
    // Nouns carry their gender each: an unmarked alternative beside them is of no known kind.
    expect(kinds.de.has(term("Bau"))).toBe(false);
    expect(describing(describingWords(kinds.en, new Map(), () => true))).toEqual(expect.arrayContaining([term("usually", "en"), term("despite", "en")]));
  });

  it("prefers how running text uses an English word, lists the percentage of noun uses, sorted, and only the terms asked for", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "word-kinds-"));
    const file = path.join(dir, "cntlist.rev");
    await writeFile(file, ["slap%2:35:00:: 1 15", "slap%1:04:00:: 1 5", "sister%1:18:00:: 1 20", "worth%1:07:00:: 1 9", "worth%5:00:00:x:00 1 21"].join("\n"));
    const running = semcorWordKinds(await semcorSenses(file));
    // Sense types 3 and 5 are adjectives: "worth" is one more often than a noun, "slap" a verb.
    expect([isAdjective(term("worth", "en"), running, new Map()), isAdjective(term("slap", "en"), running, new Map())]).toEqual([true, false]);
    const text = describingWords(
      running,
      dingWordKinds([line("Klaps {m} :: slap"), line("blass {adj} :: pale")]).en,
      (candidate) => candidate !== term("pale", "en"),
    );
    expect(text.split("\n")).toEqual([`${term("slap", "en")}\t25`, `${term("worth", "en")}\t30`]);
  });
});
