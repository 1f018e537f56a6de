import { describe, expect, it } from "vitest";
import { parseDate } from "../../../src/content/parse/dates.js";

describe("helpers", () => {
  it.each([
    ["Stand: 05. September 2023", "2023-09-05"],
    ["5.9.2023", "2023-09-05"],
    ["am 05.09.23", "2023-09-05"],
    ["2023-09-05", "2023-09-05"],
    ["September 5, 2023", "2023-09-05"],
    ["Sept. 5th 2023", "2023-09-05"],
    ["5 September 2023", "2023-09-05"],
    ["1. März 2024", "2024-03-01"],
    ["31.02.2023", null],
    ["keine Angabe", null],
  ])("parseDate(%s)", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});
