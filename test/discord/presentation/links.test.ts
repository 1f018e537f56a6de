import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "../../../src/discord/presentation/index.js";

describe("links", () => {
  it("accepts only http(s), adds https to bare domains and encodes parentheses", () => {
    expect(safeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl("t-online.de")).toBe("https://t-online.de/");
    expect(safeLinkUrl("https://example.org/a_(b)")).toBe("https://example.org/a_%28b%29");
    expect(safeLinkUrl(null)).toBeNull();
    expect(safeLinkUrl("http://[invalid")).toBeNull();
  });
});
