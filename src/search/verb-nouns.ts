import { stem } from "./analyzer.js";

/**
 * The noun stems a German verb form shares with the noun made from it, which
 * Snowball stems apart from the form: "geliefert" and "Lieferung" ("liefer"),
 * "verhandelt" and "Verhandlung" ("verhandl"), "sanktioniert" and "Sanktion".
 * "Wann wird geliefert?" asks for the delivery. Returns index terms; the
 * caller keeps those the index has, and only for a word it lacks as written.
 */

/** Shortest verb root considered. */
const MIN_ROOT = 4;

export function verbNounStems(term: string, folded = term): string[] {
  if (/\d/u.test(term)) return [];
  const forms = [term];
  // An infinitive in "-ern" or "-eln", whose "-ern" Snowball takes off whole ("verändern" → "verand"): its root
  // ends in "t" as a participle would ("verändert" → "veränder", the noun's "Veränderung").
  if (/(?:er|el)n$/u.test(folded) && folded.length >= MIN_ROOT + 3) forms.push(`${folded.slice(0, -1)}t`);
  // A participle without its "ge-" ("geliefert" → "liefert"); separable verbs ("ausgeliefert") are left alone.
  if (/^ge.{4,}t$/u.test(term)) forms.push(term.slice(2));
  const stems = new Set<string>();
  for (const form of forms) {
    if (!form.endsWith("t")) continue;
    const root = form.slice(0, -1);
    if (root.length < MIN_ROOT) continue;
    stems.add(root);
    stems.add(stem(root, "de"));
    // "-eln" verbs lose the "e" in the noun: "verhandeln" / "Verhandlung", "sammeln" / "Sammlung".
    if (root.endsWith("el")) stems.add(`${root.slice(0, -2)}l`);
    // "-ieren" verbs: "sanktionieren" / "Sanktion", "kontrollieren" / "Kontrolle".
    if (root.endsWith("ier") && root.length - 3 >= MIN_ROOT + 1) stems.add(stem(root.slice(0, -3), "de"));
  }
  stems.delete(term);
  return [...stems];
}
