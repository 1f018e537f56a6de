/**
 * The content folder as moderators change it (see library.ts), the requests
 * and their results, the errors, the audit log and the recovery of a change
 * that a killed process left unfinished.
 */
export * from "./audit.js";
export * from "./errors.js";
export * from "./library.js";
export * from "./recovery.js";
export * from "./requests.js";
export * from "./undoable-change.js";
export * from "./upload-reading.js";
