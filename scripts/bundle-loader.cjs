// Runs a bundle of dist/bundle/ through V8's code cache. Node 20 has no
// compile cache of its own: without one, every start parses and compiles
// the whole bundle again. The cache is keyed by the bundle's sha256 (V8
// itself checks little more than its length): `<name>-<hash>.compiled` is
// made by the build (top-level code only), `<name>-<hash>.run` by the first
// run that gets far enough (with the functions a start and first answers
// compiled). Both are best effort: a missing, rejected or unwritable cache
// only costs the time it would have saved.
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

/** How long a run goes on before its compiled functions are written to the cache (a start and its first answers). */
const RUN_CACHE_AFTER_MS = 15_000;

function cacheFiles(bundle, source) {
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const base = path.join(path.dirname(bundle), "cache", `${path.basename(bundle, ".code.cjs")}-${hash}`);
  return { compiled: `${base}.compiled`, run: `${base}.run` };
}

function readIfThere(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeAtomically(file, data) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only install (a container's dist/) keeps the build's cache.
  }
}

/** Compiles `bundle` (a CommonJS file) with the cache, or without it when there is none or V8 refuses it. */
function compile(bundle, source, cachedData) {
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
    // The bundle imports ES modules (transformers.js) with import(), which a vm.Script needs to be given.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return { script, accepted: cachedData !== undefined && script.cachedDataRejected === false };
}

/**
 * Node 20 marks the main context's loader for vm scripts experimental and
 * says so on stderr at the first import() (when transformers.js or linkedom
 * load). That one notice is not for operators; every other warning passes.
 */
function quietLoaderNotice() {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    if (String(typeof warning === "string" ? warning : warning?.message).includes("USE_MAIN_CONTEXT_DEFAULT_LOADER")) return;
    return emitWarning.call(process, warning, ...rest);
  };
}

/** Runs `dist/bundle/<name>.code.cjs` as a CommonJS module. */
function run(name) {
  quietLoaderNotice();
  const bundle = path.join(__dirname, `${name}.code.cjs`);
  const source = readFileSync(bundle, "utf8");
  const files = cacheFiles(bundle, source);
  let compiled = compile(bundle, source, readIfThere(files.run));
  const hadRunCache = compiled.accepted;
  if (!hadRunCache) compiled = compile(bundle, source, readIfThere(files.compiled));
  const moduleObject = { exports: {} };
  compiled.script.runInThisContext()(moduleObject.exports, Module.createRequire(bundle), moduleObject, bundle, path.dirname(bundle));
  if (!hadRunCache) {
    const writeRunCache = () => writeAtomically(files.run, compiled.script.createCachedData());
    setTimeout(writeRunCache, RUN_CACHE_AFTER_MS).unref();
    process.once("beforeExit", writeRunCache);
  }
}

/** What the build stores as `<name>-<hash>.compiled` beside a bundle. */
function compiledCache(bundle) {
  const source = readFileSync(bundle, "utf8");
  const { script } = compile(bundle, source, undefined);
  writeAtomically(cacheFiles(bundle, source).compiled, script.createCachedData());
}

/**
 * import() for the bundle (see src/import-package.ts): in a module of its own,
 * so that it runs with Node's module loader, not from the code cache.
 */
function importPackage(specifier) {
  return import(specifier);
}

module.exports = { run, compiledCache, importPackage };
