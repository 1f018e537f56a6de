import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/search/analyzer.js";
import type { DingLine } from "../../../scripts/lexicons/ding.js";
import { attestedModifiers, compoundModifiers, MIN_MODIFIER_COMPOUNDS } from "../../../scripts/lexicons/compound-modifiers.js";

const line = (text: string): DingLine => {
  const [german = "", english = ""] = text.split(" :: ");
  return { german: german.split(" | "), english: english.split(" | ") };
};
const term = (word: string, language: "de" | "en" = "de"): string => analyze(word, language)[0]?.term ?? "";

const LINES = [
  line("Waffe {f} | Waffen {pl} :: weapon | weapons"),
  line("Kraft {f} :: power"),
  line("U-Boot {n} :: submarine"),
  line("Forum {n} :: forum"),
  line("Atomwaffe {f} | Atomwaffen {pl} :: nuclear weapon | nuclear weapons"),
  line("Atomkraft {f}; Kernkraft {f} :: nuclear power; nuclear power"),
  line("Atom-U-Boot {n} :: nuclear submarine"),
  line("Wirtschaftsforum {n} :: economic forum"),
  line("Amtsschimmel {m} :: red tape"),
];

describe("compound modifiers", () => {
  it("reads what an English word is as a German compound's first part, from compounds ending in the second word's translation", () => {
    const counts = compoundModifiers(LINES);
    // Each compound counts once, its plural and repeated senses with it.
    expect(counts.get(term("nuclear", "en"))?.get(term("Atom"))).toEqual(new Set([term("Atomwaffe"), term("Atomkraft"), "atom-u-boot"]));
    expect(counts.get(term("nuclear", "en"))?.get(term("Kern"))?.size).toBe(1);
    // The linking "s" is not the word's.
    expect(counts.get(term("economic", "en"))?.get(term("Wirtschaft"))?.size).toBe(1);
    // No translation of "tape" ends "Amtsschimmel": an idiom says nothing of "red".
    expect(counts.has(term("red", "en"))).toBe(false);
  });

  it("keeps only the modifiers enough compounds show", () => {
    expect(MIN_MODIFIER_COMPOUNDS).toBeGreaterThan(1);
    expect(attestedModifiers(compoundModifiers(LINES), () => true)).toEqual([[term("nuclear", "en"), term("Atom"), 3]]);
    // Only of words that describe: a noun's own translation is its first part already.
    expect(attestedModifiers(compoundModifiers(LINES), (english) => english !== term("nuclear", "en"))).toEqual([]);
  });
});
