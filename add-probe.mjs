import { readFile } from "node:fs/promises";
const aw = await import("./dist/bundle-prof/chunk-WHZUORJU.mjs").catch(() => null);
const { diskFileOperations } = await import("./dist/content/atomic-write.js");
const log = (m) => process.stderr.write(`${performance.now().toFixed(1)} ${m}\n`);
for (const k of ["writeNewFile", "rename", "removeFile"]) { const f = diskFileOperations[k]; diskFileOperations[k] = async (...a) => { const t = performance.now(); try { return await f(...a); } finally { log(`${k} ${String(a[0]).split("/").pop()} ${(performance.now() - t).toFixed(1)}ms`); } }; }
const { createService } = await import("./dist/app.js");
const { loadConfig } = await import("./dist/config.js");
const { silentLogger } = await import("./dist/log.js");
const config = loadConfig();
const service = await createService(config, silentLogger());
const qs = (await readFile("/tmp/q20.txt", "utf8")).split("\n").filter(Boolean);
for (const q of qs) await service.ask(q);
log("asked");
const bytes = await readFile("/tmp/s50k/zusatz-artikel.md");
const t = performance.now();
await service.addArticle({ fileName: "zusatz-artikel.md", bytes, actor: { via: "cli", id: "x" } });
log(`added in ${(performance.now() - t).toFixed(1)}`);
