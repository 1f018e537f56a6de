// Preloaded (`node --import`) into a child process to crash it at a chosen
// point: counts the file-system changes the process makes (creating or opening
// a file for writing, appending, renaming, removing) and, when
// CRASH_AFTER_CHANGES=N is set, kills the process with SIGKILL right after the
// N-th change completes, as a power cut or `kill -9` would. With
// CRASH_COUNT_FILE set, the number of changes made is written there at exit.
import fs from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";

const crashAfter = Number(process.env.CRASH_AFTER_CHANGES ?? "0");
const countFile = process.env.CRASH_COUNT_FILE;
let changes = 0;

function changed() {
  changes += 1;
  if (crashAfter > 0 && changes >= crashAfter) process.kill(process.pid, "SIGKILL");
}

const writesFlags = (flags) => typeof flags === "string" && /[wax+]/.test(flags);

for (const name of ["writeFile", "appendFile", "rename", "rm", "unlink", "copyFile"]) {
  const original = fsp[name];
  fsp[name] = async (...args) => {
    const result = await original(...args);
    changed();
    return result;
  };
}
const originalOpen = fsp.open;
fsp.open = async (file, flags, ...rest) => {
  const handle = await originalOpen(file, flags, ...rest);
  if (writesFlags(flags)) changed();
  return handle;
};
syncBuiltinESMExports();

if (countFile) process.on("exit", () => fs.writeFileSync(countFile, String(changes)));
