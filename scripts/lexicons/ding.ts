import { readFile } from "node:fs/promises";
import { cleanEntry, wordTerm } from "./phrases.js";

/**
 * Ding's German-English list (Debian's trans-de-en): one entry per line,
 * "German | parts :: English | parts", where the parts at the same position
 * correspond (the headword's sense, then its plural or verb forms, then
 * compounds and examples) and ";" separates alternatives of one part.
 */

/** One sense of a line: German and English alternatives at the same position of its parts. */
export interface DingSense {
  german: string[];
  english: string[];
  /** 0 for the headword's own sense; later parts are forms, compounds and examples. */
  part: number;
}

export interface DingLine {
  /** The parts of each side, raw (with their labels). */
  german: string[];
  english: string[];
}

/** The lines of the list, split into their sides' parts; comment lines and lines without two sides are skipped. */
export async function dingLines(file: string): Promise<DingLine[]> {
  const lines: DingLine[] = [];
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    if (line.startsWith("#")) continue;
    const sides = line.split(" :: ");
    if (sides.length !== 2) continue;
    lines.push({ german: (sides[0] ?? "").split(" | "), english: (sides[1] ?? "").split(" | ") });
  }
  return lines;
}

/** Alternatives are parted by semicolons, except inside a mark ("trotz; ungeachtet {prp; +Gen.}"). */
export const ALTERNATIVES = /;\s+(?![^{]*\})/u;

/** Alternatives of one part, cleaned: "Hunger {m}; Hungersnot {f}" → ["Hunger", "Hungersnot"]; examples with "…" are dropped. */
function alternatives(part: string): string[] {
  return part
    .split(ALTERNATIVES)
    .filter((alternative) => !alternative.includes("…") && !alternative.includes("..."))
    .map(cleanEntry)
    .filter((alternative) => alternative.length > 0);
}

/** The senses of a line. Parts pair up by position; a line whose sides disagree in length is read for its first part only. */
export function sensesOf(line: DingLine): DingSense[] {
  const parts = line.german.length === line.english.length ? line.german.length : 1;
  const senses: DingSense[] = [];
  for (let part = 0; part < parts; part += 1) {
    senses.push({ german: alternatives(line.german[part] ?? ""), english: alternatives(line.english[part] ?? ""), part });
  }
  return senses;
}

const VERB_MARK = /\{v[itr]?\}/u;
/** Pronouns that introduce a conjugated form: "ich/er/sie traf", "er/sie hat/hatte getroffen". */
const PRONOUNS =
  /^(?:(?:ich|du|er|sie|es|wir|ihr|man)(?:\/(?:ich|du|er|sie|es|wir|ihr|man))*\s+)?(?:(?:hat|hatte|ist|war|habe|hast|haben|bin|sind)(?:\/(?:hat|hatte|ist|war|habe|hast|haben|bin|sind))*\s+)?/u;
/** Separable verb particles: "lud ein" is a form of "einladen". */
// prettier-ignore
const PARTICLES = new Set([
  "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "heraus", "herein", "hin", "hinaus", "los", "mit", "nach",
  "vor", "weg", "weiter", "zu", "zurück", "zusammen",
]);

/** The words of a conjugated form ("lud ein", "<einlädt>"): the finite verb, and with a particle also the joined form. */
function formWords(alternative: string): string[] | null {
  const words = alternative
    .replace(/\([^)]*\)/gu, " ")
    .replace(/[<>]/gu, " ")
    .replace(PRONOUNS, "")
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  if (words.length === 1) return words;
  if (words.length === 2 && PARTICLES.has(words[1] ?? "")) return [words[0] ?? "", `${words[1] ?? ""}${words[0] ?? ""}`];
  return null;
}

/**
 * German verb forms that Snowball stems apart from their infinitive
 * ("traf", "getroffen" → "treffen"; "lud ein" → "einladen"): for each verb
 * headword, the terms of the infinitive and of the forms Ding lists after it
 * (participles, present, past, subjunctive), as long as the following parts
 * read as forms (single words, or a word and its particle).
 */
export function germanVerbForms(line: DingLine): string[][] {
  const head = line.german[0] ?? "";
  if (!VERB_MARK.test(head)) return [];
  const infinitives = head.split(ALTERNATIVES).map((alternative) => {
    const words = cleanEntry(alternative).split(" ");
    return words.length === 1 ? wordTerm(words[0] ?? "", "de") : null;
  });
  const groups = infinitives.map((infinitive) => (infinitive ? new Set([infinitive]) : null));
  for (const part of line.german.slice(1)) {
    // Not cleanEntry: it reads "ich/er/sie" as a gloss between slashes.
    const forms = part
      .replace(/<([^>]*)>/gu, "; $1")
      .split(ALTERNATIVES)
      .map((alternative) => formWords(alternative.replace(/\{[^}]*\}|\[[^\]]*\]/gu, " ").trim()));
    if (forms.some((words) => words === null)) break;
    // With one verb, every alternative is a form of it; a part with one alternative conjugates the headword's first
    // verb; otherwise they align by position.
    const single = infinitives.length === 1 || forms.length === 1;
    if (!single && forms.length !== infinitives.length) break;
    forms.forEach((words, position) => {
      const group = groups[single ? 0 : position];
      for (const word of words ?? []) {
        const term = word.length >= 3 ? wordTerm(word, "de") : null;
        if (group && term) group.add(term);
      }
    });
  }
  return groups.filter((group): group is Set<string> => group !== null && group.size > 1).map((group) => [...group].sort());
}

/**
 * English irregular forms from the braces Ding gives after a verb ("to go
 * {went; gone}"): each form's term → the infinitive's term.
 */
export function englishVerbForms(line: DingLine): [string, string][] {
  const pairs: [string, string][] = [];
  for (const alternative of (line.english[0] ?? "").split(ALTERNATIVES)) {
    const match = /^to\s+([a-z]+)[^{]*\{([^}]*)\}/u.exec(alternative.trim());
    if (!match?.[1] || !match[2]) continue;
    const infinitive = wordTerm(match[1], "en");
    if (!infinitive) continue;
    for (const form of match[2].split(/[;,]\s*/u)) {
      const term = form.trim().length >= 3 ? wordTerm(form.trim(), "en") : null;
      if (term && term !== infinitive) pairs.push([term, infinitive]);
    }
  }
  return pairs;
}
