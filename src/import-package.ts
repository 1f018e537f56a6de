/**
 * Imports an ES module package at run time (transformers.js, linkedom), so
 * that a start that never needs it never loads it. Every such import goes
 * through here: the bundle (scripts/bundle.mjs) replaces this module with one
 * that imports through its loader, since an import() in code that V8 restored
 * from its code cache finds no module loader on Node 20.
 */
export async function importPackage<Module>(specifier: string): Promise<Module> {
  return (await import(specifier)) as Module;
}
