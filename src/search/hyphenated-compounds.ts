/**
 * German writes some words with a one-letter part and a hyphen ("U-Boot",
 * "Atom-U-Boote", "E-Auto"), where dictionaries and questions also write them
 * joined ("Uboot"). The analyser splits a hyphenated word into its parts and
 * drops a one-letter part, so "U-Boot" would be a "Boot" (a boat); the index
 * also takes each such letter joined to the part after it ("UBoote").
 */

/** A one-letter part of a hyphenated word and the part after it ("U-Boote" in "Atom-U-Boote"). */
const LETTER_PART = /(?<![\p{L}\p{N}])(\p{L})-(\p{L}[\p{L}\p{N}]*)/gu;

/** The joined forms of every one-letter part of a text's hyphenated words, in order of appearance. */
export function joinedLetterParts(text: string): string[] {
  return [...text.matchAll(LETTER_PART)].map(([, letter = "", rest = ""]) => `${letter}${rest}`);
}
