import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/search/analyzer.js";
import { englishVerbForms, germanVerbForms, sensesOf, type DingLine } from "../../../scripts/lexicons/ding.js";

const line = (text: string): DingLine => {
  const [german = "", english = ""] = text.split(" :: ");
  return { german: german.split(" | "), english: english.split(" | ") };
};
const term = (word: string, language: "de" | "en" = "de"): string => analyze(word, language)[0]?.term ?? "";

// Lines in the list's format (shortened), as Debian's trans-de-en has them.
const TREFFEN = line(
  "treffen; schlagen {vt} | treffend; schlagend | getroffen; geschlagen | er/sie trifft | ich/er/sie traf | er/sie hat/hatte getroffen | ich/er/sie träfe | ins Schwarze treffen :: to hit {hit; hit} | hitting | hit | he/she hits | I/he/she hit | he/she has/had hit | I/he/she would hit | to hit the mark",
);
const EINLADEN = line(
  "jdn. einladen {vt} [soc.] | einladend | eingeladen | lädt ein; ladet ein <einlädt> | lud ein | jdn. zum Essen einladen :: to invite sb. | inviting | invited | invites | invited | to invite sb. for a meal",
);
const GEHEN = line("gehen {vi} | gehend | gegangen | er/sie geht | ich/er/sie ging :: to go {went; gone} | going | gone | he/she goes | I/he/she went");

describe("Ding's list", () => {
  it("pairs the parts of both sides by position, alternatives cleaned of their labels", () => {
    const senses = sensesOf(line("Hunger {m}; Hungersnot {f} | Hungersnöte {pl} :: famine | famines"));
    expect(senses).toEqual([
      { german: ["Hunger", "Hungersnot"], english: ["famine"], part: 0 },
      { german: ["Hungersnöte"], english: ["famines"], part: 1 },
    ]);
    // Sides of different lengths: only the headword's sense can be trusted.
    expect(sensesOf(line("Abholung {f} | zur Abholung bereit :: collection"))).toHaveLength(1);
  });

  it("keeps a mark's semicolons inside it: they part no alternatives", () => {
    // Cut there, "{prp; +Gen.}" made "ungeachtet prp" and "Gen" translations of "despite".
    expect(sensesOf(line("trotz; ungeachtet {prp; +Gen.} :: in spite of; despite"))).toEqual([
      { german: ["trotz", "ungeachtet"], english: ["in spite of", "despite"], part: 0 },
    ]);
  });

  it("reads a verb's forms, which Snowball stems apart, up to the first example", () => {
    const [treffen, schlagen] = germanVerbForms(TREFFEN);
    expect(treffen).toEqual(expect.arrayContaining(["treffen", "getroffen", "trifft", "traf", "träfe"].map((word) => term(word))));
    expect(treffen).not.toContain(term("Schwarze"));
    // Parts with one alternative per verb belong to each; a lone form belongs to the first verb.
    expect(schlagen).toEqual([term("geschlagen"), term("schlagen"), term("schlagend")].sort());
  });

  it("joins a separable particle to its verb ('lud ein' is a form of 'einladen')", () => {
    const [einladen] = germanVerbForms(EINLADEN);
    expect(einladen).toEqual(expect.arrayContaining(["einladen", "eingeladen", "lud", "einlud", "lädt", "einlädt"].map((word) => term(word))));
  });

  it("gives nothing for a line that is not a verb", () => {
    expect(germanVerbForms(line("Hunger {m}; Hungersnot {f} :: famine"))).toEqual([]);
  });

  it("maps English irregular forms to their infinitive from the braces after the verb", () => {
    expect(englishVerbForms(GEHEN)).toEqual([
      [term("went", "en"), term("go", "en")],
      [term("gone", "en"), term("go", "en")],
    ]);
    // "to hit {hit; hit}": the forms are the infinitive itself.
    expect(englishVerbForms(TREFFEN)).toEqual([]);
  });
});
