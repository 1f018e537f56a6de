// The second half of `npm run build`: bundles the compiled entry points
// (dist/main.js, dist/cli/scale-probe.js) with esbuild into dist/bundle/, so a
// start loads one file instead of some hundred modules, and runs it through
// V8's code cache (see bundle-loader.cjs): Node 20 has no compile cache, so
// every start otherwise resolves, reads and compiles everything again.
// Packages that load files of their own at run time (native add-ons, model
// runtimes, dynamic requires) stay outside and are loaded from node_modules.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "bundle");

/** Packages the bundle loads from node_modules instead of holding them. */
const EXTERNAL_PACKAGES = ["@xenova/transformers", "discord.js", "linkedom", "snowball-stemmers"];
/** Entry points: dist/bundle/<name>.cjs runs <name>.code.cjs through the code cache. */
const ENTRIES = { main: "dist/main.js", "scale-probe": "dist/cli/scale-probe.js" };

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [`${name}.code`, file])),
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  // CommonJS, since only a script (not an ES module) can be compiled with a code cache on Node 20.
  format: "cjs",
  platform: "node",
  target: "node20",
  external: EXTERNAL_PACKAGES,
  // The modules find their data files (lexicons, stop words) relative to their own URL: the bundle's.
  define: { "import.meta.url": "__bundleUrl" },
  // The loader beside the bundle (dist/bundle/loader.cjs) imports ES module packages for it (see the plugin below).
  banner: {
    js: '"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;\nconst __loaderImport = (specifier) => require("./loader.cjs").importPackage(specifier);',
  },
  // Not minified: with the code cache, minifying saved 2 % of a start, and a stack trace is read in the bundle itself
  // (Node 20 applies source maps to modules it loads, not to code run through vm as the loader does).
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [
    {
      // Run-time imports of ES module packages go through the loader (see src/import-package.ts).
      name: "import-package-through-loader",
      setup(build) {
        build.onLoad({ filter: /[\\/]dist[\\/]import-package\.js$/ }, () => ({
          contents: "export const importPackage = (specifier) => __loaderImport(specifier);\n",
          loader: "js",
        }));
      },
    },
  ],
});
copyFileSync(path.join(root, "scripts", "bundle-loader.cjs"), path.join(outdir, "loader.cjs"));
const loader = createRequire(import.meta.url)(path.join(outdir, "loader.cjs"));
for (const name of Object.keys(ENTRIES)) {
  writeFileSync(path.join(outdir, `${name}.cjs`), `"use strict";\n// Built by scripts/bundle.mjs.\nrequire("./loader.cjs").run(${JSON.stringify(name)});\n`);
  loader.compiledCache(path.join(outdir, `${name}.code.cjs`));
}
