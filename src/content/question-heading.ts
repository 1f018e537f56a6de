/**
 * A heading asked as a question: an interviewer's question over the answer,
 * or a subheading put as one ("Was ist mit Festgeld?"). The parser makes such
 * a line the heading of the paragraph that answers it; search reads it as
 * part of that paragraph's text, since it says what the answer is about.
 */
const QUESTION_END = /\?["“”»«’]?$/u;

export function isQuestion(text: string): boolean {
  return QUESTION_END.test(text.trim());
}

/** A paragraph's text as search reads it: under a question heading, the question first. */
export function searchableText(paragraph: { heading: string | null; text: string }): string {
  return paragraph.heading !== null && isQuestion(paragraph.heading) ? `${paragraph.heading} ${paragraph.text}` : paragraph.text;
}
