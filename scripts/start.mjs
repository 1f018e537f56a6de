// `npm start`: runs the compiled, bundled bot (dist/bundle/main.cjs), building
// it first when it is missing or older than what it is made from (see
// SOURCES and INSTALLED_PACKAGES). Plain JavaScript, so starting needs
// neither tsx nor a TypeScript loader; a production install (`npm ci
// --omit=dev`) ships a built dist/ and never compiles.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "dist", "bundle", "main.cjs");
/** What the bundle is made from: a change to any of them calls for a build. */
const SOURCES = ["src", "scripts/build.mjs", "scripts/bundle.mjs", "scripts/bundle-loader.cjs", "tsconfig.json", "tsconfig.build.json"];
/** npm rewrites this on every install: the bundle holds some packages (zod, pino, …), so it is rebuilt after an update of them. */
const INSTALLED_PACKAGES = "node_modules/.package-lock.json";

/** Newest modification time of a file, or of any file below a folder (0 when it does not exist). */
function newestChange(relative) {
  const target = path.join(root, relative);
  if (!existsSync(target)) return 0;
  if (!statSync(target).isDirectory()) return statSync(target).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether this install can build (a production install, `npm ci --omit=dev`, cannot: it runs the dist/ it ships). */
const canBuild = existsSync(path.join(root, "node_modules", "typescript")) && existsSync(path.join(root, "node_modules", "esbuild"));
const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : null;
const stale =
  builtAt === null ||
  Math.max(...SOURCES.map(newestChange)) > builtAt ||
  // Newer packages call for a build only where one can be made; otherwise the shipped bundle runs as it is.
  (canBuild && newestChange(INSTALLED_PACKAGES) > builtAt);
if (stale) {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) {
    process.stderr.write("dist/ is missing or out of date and could not be built (see above); nothing was started.\n");
    process.exit(build.status ?? 1);
  }
}
await import(pathToFileURL(entry).href);
