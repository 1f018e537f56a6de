/** Questions about an article itself (author, date, publisher, sources, link, title), answered from its details. */
export * from "./answer.js";
export * from "./question.js";
