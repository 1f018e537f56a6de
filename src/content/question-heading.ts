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

/** The paragraph's heading when it is a question, else null. */
export function askedHeading(paragraph: { heading: string | null }): string | null {
  return paragraph.heading !== null && isQuestion(paragraph.heading) ? paragraph.heading : null;
}

/** A paragraph's text as search reads it: under a question heading, the question first. */
export function searchableText(paragraph: { heading: string | null; text: string }): string {
  const asked = askedHeading(paragraph);
  return asked === null ? paragraph.text : `${asked} ${paragraph.text}`;
}
