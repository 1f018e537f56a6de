import { describe, expect, it } from "vitest";
import { errorForLog, redactUrl } from "../../src/discord/log-safety.js";

describe("errorForLog", () => {
  it("keeps what helps debugging and drops tokens and request bodies", () => {
    const error = Object.assign(new Error("Unknown interaction"), {
      code: 10062,
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24.secret/callback",
      requestBody: { json: { content: "hello" } },
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({
      type: "Error",
      message: "Unknown interaction",
      code: 10062,
      status: 404,
      method: "POST",
      url: "https://discord.com/api/v10/interactions/123/[token]/callback",
    });
    expect(JSON.stringify(logged)).not.toContain("secret");
    expect(JSON.stringify(logged)).not.toContain("requestBody");
    expect(errorForLog("plain")).toEqual({ type: "string", message: "plain" });
  });

  it("redacts webhook tokens", () => {
    expect(redactUrl("/api/v10/webhooks/42/tok.en-_x/messages/@original")).toBe("/api/v10/webhooks/42/[token]/messages/@original");
  });
});
