/** The one check every way of asking shares (Discord, terminal, `npm run ask`): empty or too long. */

export type QuestionCheck = { ok: true; question: string } | { ok: false; reason: "empty" } | { ok: false; reason: "too_long"; length: number; max: number };

/** Normalises whitespace and refuses empty or overlong questions (length counted in characters, not UTF-16 units). */
export function checkQuestion(raw: string, maxLength: number): QuestionCheck {
  const question = raw.replace(/\s+/g, " ").trim();
  if (question.length === 0) return { ok: false, reason: "empty" };
  const length = [...question].length;
  if (length > maxLength) return { ok: false, reason: "too_long", length, max: maxLength };
  return { ok: true, question };
}
