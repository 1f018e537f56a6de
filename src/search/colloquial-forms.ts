/**
 * Colloquial verb forms in questions, read as the standard word: "kriegen" is
 * "bekommen", but its forms reduce to "krieg", the stem of "Krieg", so "was
 * kriegt Nordkorea dafür?" was answered from a passage about a war. "kriegen"
 * itself stays: it is also "Kriegen" (wars). Questions only: the articles and
 * the dictionaries keep their words (the dictionaries list "gekriegt" as a
 * form of "kriegen", which must not become one of "bekommen").
 */
const STANDARD_FORMS: ReadonlyMap<string, string> = new Map([
  ["kriegt", "bekommt"],
  ["kriegst", "bekommst"],
  ["kriegste", "bekommst"],
  ["kriegte", "bekam"],
  ["kriegten", "bekamen"],
  ["gekriegt", "bekommen"],
]);

/** The question with each colloquial form replaced by the standard one, keeping its capital. */
export function inStandardForms(question: string): string {
  return question.replace(/[\p{L}]+/gu, (word) => {
    const standard = STANDARD_FORMS.get(word.toLowerCase());
    if (standard === undefined) return word;
    return word[0] === word[0]?.toUpperCase() ? standard[0]?.toUpperCase() + standard.slice(1) : standard;
  });
}
