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
    const healthcheck = [...dockerfile.matchAll(/^HEALTHCHECK .* CMD \[(.*)\]$/gm)].map((match) => JSON.parse(`[${match[1] ?? ""}]`) as string[]);
    expect(healthcheck).toHaveLength(1);
    expect(healthcheck[0]?.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    expect(existsSync(healthcheck[0]?.[3] ?? "")).toBe(true);
    // The bot itself runs compiled and bundled, from the build stage's dist/ (compiled from src/, as tsconfig.build.json says).
    const command = [...dockerfile.matchAll(/^CMD \[(.*)\]$/gm)].map((match) => JSON.parse(`[${match[1] ?? ""}]`) as string[]);
    expect(command).toEqual([["node", "--enable-source-maps", "dist/bundle/main.cjs"]]);
    expect(readFileSync("scripts/bundle.mjs", "utf8")).toMatch(/path\.join\(root, "dist", "bundle"\)/u);
    expect(dockerfile).toMatch(/^COPY scripts\/build\.mjs scripts\/bundle\.mjs scripts\/bundle-loader\.cjs \.\/scripts\/$/mu);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    const build = JSON.parse(readFileSync("tsconfig.build.json", "utf8")) as { compilerOptions: { rootDir: string; outDir: string } };
    expect(build.compilerOptions).toMatchObject({ rootDir: "src", outDir: "dist" });
    expect(existsSync("src/main.ts")).toBe(true);
    for (const copied of [...dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)].map((match) => match[1] ?? "")) expect(existsSync(copied), copied).toBe(true);
  });

  it("the systemd unit starts npm start with the .env file and restarts on failure", () => {
    const unit = readFileSync("deploy/article-qa-bot.service", "utf8");
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/npm start$/m);
    expect(unit).toMatch(/^EnvironmentFile=.*\.env$/m);
    expect(unit).toMatch(/^Restart=on-failure$/m);
  });
});
