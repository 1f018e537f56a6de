import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// No container runtime can pull images here, so the image itself is not built in the tests:
// these checks keep the Dockerfile and the systemd unit pointing at what exists.
describe("Dockerfile and systemd unit", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8");

  it("runs the bot as the unprivileged node user, with the state folder as a volume and a health check", () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/var"\]$/m);
    const commands = [...dockerfile.matchAll(/^(?:CMD|HEALTHCHECK .* CMD) \[(.*)\]$/gm)].map((match) => JSON.parse(`[${match[1] ?? ""}]`) as string[]);
    expect(commands).toHaveLength(2);
    for (const command of commands) {
      expect(command.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
      expect(existsSync(command[3] ?? "")).toBe(true);
    }
    for (const copied of [...dockerfile.matchAll(/^COPY (\S+)/gm)].map((match) => match[1] ?? "")) expect(existsSync(copied), copied).toBe(true);
  });

  it("the systemd unit starts npm start with the .env file and restarts on failure", () => {
    const unit = readFileSync("deploy/article-qa-bot.service", "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/npm start$/m);
    expect(unit).toMatch(/^EnvironmentFile=.*\.env$/m);
    expect(unit).toMatch(/^Restart=on-failure$/m);
  });
});
