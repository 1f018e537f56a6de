import { foldToken, tokenize } from "./analyzer.js";

/**
 * Country and region names in German and English from ICU (Node's full
 * Intl), which the bilingual dictionaries mostly lack. One entry per
 * two-letter region code in use that has a name in at least one of the languages.
 */
export interface RegionName {
  code: string;
  de: string | undefined;
  en: string | undefined;
}

/** Whether a two-letter code is in use: ICU canonicalises a deprecated one to its successor ("DD" → "DE"). */
function isCurrentRegionCode(code: string): boolean {
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

let readOnce: readonly RegionName[] | null = null;

/** Every region's names, read from ICU once (676 codes in two languages take a while) and shared by the indexes built on them. */
export function regionNames(): readonly RegionName[] {
  readOnce ??= readRegionNames();
  return readOnce;
}

function readRegionNames(): RegionName[] {
  const german = new Intl.DisplayNames(["de"], { type: "region", fallback: "none" });
  const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const regions: RegionName[] = [];
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      // A deprecated code ("DD", "SU") is named as its successor ("Germany", "Russia"): the current code stands for the name.
      if (!isCurrentRegionCode(code)) continue;
      const de = german.of(code);
      const en = english.of(code);
      if (de || en) regions.push({ code, de, en });
    }
  }
  return regions;
}

let codeByName: ReadonlyMap<string, string> | null = null;

/**
 * Region names in German and English, folded word by word and joined by a
 * space ("sudkorea", "south korea"), to their two-letter codes; built when
 * first needed (ICU takes a while). The first code keeps a name two share.
 */
export function regionCodesByName(): ReadonlyMap<string, string> {
  if (codeByName) return codeByName;
  const names = new Map<string, string>();
  for (const region of regionNames()) {
    for (const name of [region.de, region.en]) {
      const key = name ? tokenize(name).map(foldToken).join(" ") : "";
      if (key && !names.has(key)) names.set(key, region.code);
    }
  }
  codeByName = names;
  return names;
}
