/**
 * Pure functions that turn answers, paragraphs and status into Discord message
 * payloads: escaping, Discord's size limits, embeds and buttons. No I/O here.
 */
export * from "./answer.js";
export * from "./article-reference.js";
export * from "./autocomplete.js";
export * from "./embeds.js";
export * from "./escaping.js";
export * from "./help.js";
export * from "./limits.js";
export * from "./links.js";
export * from "./article-facts.js";
export * from "./summary.js";
export * from "./truncation.js";
