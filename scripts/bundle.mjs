// The second half of `npm run build`: bundles the compiled entry points
// (dist/main.js, dist/cli/scale-probe.js) with esbuild into dist/bundle/, so a
// start loads a few files instead of some hundred modules (Node 20 has no
// compile cache: every module is read, resolved and compiled at each start).
// Packages that load files of their own at run time (native add-ons, model
// runtimes, dynamic requires) stay outside and are imported from node_modules.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Packages the bundle imports from node_modules instead of holding them. */
export const EXTERNAL_PACKAGES = ["@xenova/transformers", "discord.js", "linkedom", "snowball-stemmers"];

await build({
  absWorkingDir: root,
  entryPoints: { main: "dist/main.js", "scale-probe": "dist/cli/scale-probe.js" },
  outdir: "dist/bundle",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Code reached only through import() (the Discord client, sharding) goes to chunks of its own, loaded when used.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL_PACKAGES,
  // Bundled CommonJS packages (pino, dotenv) call require() for Node's own modules.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  // Smaller files parse faster (about 10 % of a start); names are kept for error messages and stack traces.
  minify: true,
  keepNames: true,
  sourcemap: "linked",
  logLevel: "warning",
});
