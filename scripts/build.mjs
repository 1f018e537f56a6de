// `npm run build` (also run by `npm start` when the bundle is out of date, and
// by the scale benchmark): compiles src/ into dist/ with tsc, then bundles it
// into dist/bundle/ (scripts/bundle.mjs). Plain JavaScript, so that building
// needs neither tsx nor npm.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const compiler = path.join(root, "node_modules", "typescript", "bin", "tsc");
if (!existsSync(compiler) || !existsSync(path.join(root, "node_modules", "esbuild"))) {
  process.stderr.write("TypeScript or esbuild is not installed: run `npm install` first.\n");
  process.exit(1);
}
for (const step of [[compiler, "-p", path.join(root, "tsconfig.build.json")], [path.join(root, "scripts", "bundle.mjs")]]) {
  const build = spawnSync(process.execPath, step, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
