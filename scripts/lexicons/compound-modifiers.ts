import { foldToken } from "../../src/search/analyzer.js";
import { sensesOf, type DingLine } from "./ding.js";
import { wordTerm } from "./phrases.js";

/**
 * What an English word is as the first part of a German compound: German
 * says "nuclear programme" as "Atomprogramm" and "food shortage" as
 * "Lebensmittelknappheit", where the dictionaries translate "nuclear" as
 * "atomar" and "food" as "Essen". Ding's two-word English headwords and their
 * one-word German translations show it: where the compound ends with a
 * translation of the second English word, what stands before it translates
 * the first ("nuclear weapon" / "Atomwaffe", "nuclear power" / "Atomkraft").
 */

/** A modifier must be shown by this many compounds: one pair may be idiom ("red tape" / "Amtsschimmel"). */
export const MIN_MODIFIER_COMPOUNDS = 3;
/**
 * A modifier must also be shown by this share of the compounds the word's
 * commonest modifier shows: "military" is "Militär-" in 63 compounds and
 * "Kriegs-" in 6, a sense of its own.
 */
export const MIN_MODIFIER_SHARE = 0.25;
/** Letters a compound's first part has at least: shorter ones are mostly prefixes. */
const MIN_MODIFIER_LETTERS = 3;

/** English word's term → German modifier term → the compounds (their terms: a plural is its singular) that show it. */
export type ModifierCounts = Map<string, Map<string, Set<string>>>;

export function compoundModifiers(lines: readonly DingLine[]): ModifierCounts {
  // One English word → the folded German words it translates to (forms included: "Waffen").
  const heads = new Map<string, Set<string>>();
  const phrases: [string, string, string][] = [];
  for (const line of lines) {
    for (const sense of sensesOf(line)) {
      for (const german of sense.german) {
        if (/\s/u.test(german)) continue;
        const folded = foldToken(german);
        for (const english of sense.english) {
          const words = english.toLowerCase().split(/\s+/u);
          const [first, second] = words;
          if (words.length === 1 && first) heads.set(first, (heads.get(first) ?? new Set()).add(folded));
          else if (words.length === 2 && first && second) phrases.push([first, second, folded]);
        }
      }
    }
  }
  const counts: ModifierCounts = new Map();
  for (const [first, second, compound] of phrases) {
    const key = wordTerm(first, "en");
    if (!key) continue;
    for (const head of heads.get(second) ?? []) {
      if (head.length < MIN_MODIFIER_LETTERS || !compound.endsWith(head)) continue;
      // "Wirtschafts-forum": the linking "s" (after three letters or more) and a hyphen are not the word's.
      const part = compound
        .slice(0, compound.length - head.length)
        .replace(/-$/u, "")
        .replace(/(?<=\p{L}{3})s$/u, "");
      const modifier = part.length >= MIN_MODIFIER_LETTERS ? wordTerm(part, "de") : null;
      if (modifier) {
        const modifiers = counts.get(key) ?? new Map<string, Set<string>>();
        counts.set(key, modifiers.set(modifier, (modifiers.get(modifier) ?? new Set()).add(wordTerm(compound, "de") ?? compound)));
      }
      break;
    }
  }
  return counts;
}

/**
 * The modifiers shown by enough compounds (see MIN_MODIFIER_COMPOUNDS and
 * MIN_MODIFIER_SHARE), each with how many, of the English words `adjective`
 * accepts: an adjective ("nuclear") is a noun's first part in German; a
 * noun's own translation already is ("trip" / "Reise-"), and the other
 * modifiers its compounds show are other words' ("trip" / "Dienst-").
 */
export function attestedModifiers(counts: ModifierCounts, adjective: (english: string) => boolean): [english: string, german: string, compounds: number][] {
  return [...counts].flatMap(([english, modifiers]) => {
    if (!adjective(english)) return [];
    const most = Math.max(...[...modifiers.values()].map((compounds) => compounds.size));
    return [...modifiers]
      .filter(([, compounds]) => compounds.size >= Math.max(MIN_MODIFIER_COMPOUNDS, MIN_MODIFIER_SHARE * most))
      .map(([german, compounds]): [string, string, number] => [english, german, compounds.size]);
  });
}
