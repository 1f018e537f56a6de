// `npm start`: runs the compiled, bundled bot (dist/bundle/main.cjs), building
// it first when it is missing or older than src/. Plain JavaScript, so starting needs neither tsx
// nor a TypeScript loader; a production install (`npm ci --omit=dev`) ships a
// built dist/ and never compiles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.join(root, "src");
const entry = path.join(root, "dist", "bundle", "main.cjs");

/** Newest modification time of any file below `folder` (0 when it does not exist). */
function newestChange(folder) {
  if (!existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(entry) || (existsSync(sourceDir) && newestChange(sourceDir) > statSync(entry).mtimeMs);
if (stale) {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) {
    process.stderr.write("dist/ is missing or out of date and could not be built (see above); nothing was started.\n");
    process.exit(build.status ?? 1);
  }
}
await import(pathToFileURL(entry).href);
