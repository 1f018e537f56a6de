import { unicodeWords } from "./analyzer.js";

/**
 * The polite or chatty wrapper around a question ("weißt du, wann …",
 * "kann mir jemand sagen, was …", "quick question: …", "does anyone know
 * who …"): it says how the question is asked, not what it is about, and its
 * words meet passages by chance ("weißt" stems like "Weißes Haus"). Taken out
 * before the search, so a wrapped question is answered as the plain one.
 */
// prettier-ignore
const WRAPPERS = [
  // German.
  /\b(?:weißt|weisst|wisst|wissen)\s+(?:du|ihr|sie)\b(?:\s+(?:eigentlich|zufällig|vielleicht))?/,
  /\b(?:weiß|weiss)\s+(?:hier\s+)?(?:jemand|wer|einer|irgendwer)\b(?:\s+(?:zufällig|vielleicht))?/,
  /\b(?:kannst|könntest|können|könnten|kann|könnte)\s+(?:(?:du|ihr|sie|mir|uns|jemand|wer|einer|bitte|mal|kurz)\s+){1,4}(?:sagen|erklären|verraten|erzählen)\b/,
  /\b(?:sag|sagt|erklär|erkläre|erklärt)\s+(?:(?:mir|uns|mal|bitte)\b\s*){1,3}/,
  /\b(?:(?:mal\s+)?(?:eine|ne|kurze|kleine)\s+)+frage\s*[:,]/,
  /\bhat\s+(?:hier\s+)?(?:jemand|wer|einer)\s+(?:eine\s+|ne\s+|n\s+)?ahnung\b/,
  /\bich\s+(?:wüsste|würde)\s+gerne?(?:\s+wissen)?\b/,
  /\bmich\s+würde\s+interessieren\b/,
  /\b(?:was|wie)\s+(?:meint|denkt|seht)\s+ihr\b/,
  /\bich\s+frage\s+mich\b/,
  /\bich\s+hab(?:e)?\s+(?:mal\s+)?(?:eine|ne)\s+frage\b\s*:?/,
  /\b(?:danke|vielen\s+dank)\s+(?:schon\s+)?im\s+voraus\b/,
  // Asking for information on a topic ("gib mir Infos zu …", "erzähl mir was über …", "any news on …").
  /\b(?:gib|gibt|geben)\s+(?:(?:mir|uns|mal|bitte)\s+)*(?:ein\s+paar\s+|paar\s+|mehr\s+)?(?:infos?|informationen)\b/,
  /\b(?:erzähl|erzähle|erzählt)\s+(?:(?:mir|uns|mal|bitte)\s+)*(?:was|etwas|mehr)?/,
  /^\s*(?:mehr\s+)?(?:infos?|informationen)\s+(?=(?:zu|über|zum|zur)\b)/,
  /\bwas\s+(?:gibt\s+es|gibts|gibt's)\s+neues\b/,
  /\b(?:give|send)\s+(?:me|us)\s+(?:some\s+|more\s+)?(?:info|information|details)\b/,
  /\b(?:any|some)\s+(?:news|updates?|info)\s+(?=(?:on|about|regarding)\b)/,
  // Where the answer is to be found ("laut Artikel", "im Text", "in the article"): every passage is in it.
  /\b(?:laut|gemäß)\s+(?:dem\s+)?(?:artikel|text)\b/,
  /\b(?:im|in\s+dem)\s+(?:artikel|text)\b/,
  /\b(?:sagt|schreibt|meint|erzählt)\s+(?:der|dieser)\s+(?:artikel|text)\b/,
  /\b(?:thanks|thank\s+you|thx)\s+in\s+advance\b/,
  /\b(?:according\s+to|in)\s+(?:the|this)\s+(?:article|text|piece)\b/,
  /\b(?:the|this)\s+(?:article|text|piece)\s+(?:says?|said|mentions?)\b/,
  // English.
  /\b(?:can|could|would)\s+(?:you|someone|somebody|anyone|anybody)\s+(?:please\s+)?(?:tell|explain|say)\b(?:\s+(?:me|us))?/,
  /\bplease\s+explain\b/,
  /\b(?:do|does)\s+(?:you|anyone|anybody|someone|somebody)\s+(?:happen\s+to\s+)?know\b/,
  /\b(?:any|got\s+any)\s+idea\b/,
  /\bi\s*(?:was|am|'m|’m)\s+wondering\b/,
  /\bi\s+wonder\b/,
  /\bi(?:'d|’d|\s+would)\s+like\s+to\s+know\b/,
  /\b(?:(?:quick|short|small|a)\s+)?question\s*:/,
  /\b(?:quick|short|small)\s+question\b\s*,?/,
].map((pattern) => unicodeWords(new RegExp(pattern.source, "giu")));

export function withoutRequestWrapper(question: string): string {
  return WRAPPERS.reduce((text, pattern) => text.replace(pattern, " "), question);
}
