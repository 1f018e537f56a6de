import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fortuneCounts } from "../../../scripts/lexicons/fortunes.js";
import { stem } from "../../../src/search/analyzer.js";

describe("fortuneCounts", () => {
  it("counts the sayings' words once each, without their credits or the collections' index files", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "fortunes-"));
    const sayings = ["Wer oft fragt, bekommt oft Antworten.", "\t\t-- Ottilie Beispielhaft", "%", "Oft ist weniger mehr.", "%", ""].join("\n");
    await writeFile(path.join(directory, "zitate"), sayings);
    await symlink("zitate", path.join(directory, "zitate.u8"));
    await writeFile(path.join(directory, "zitate.dat"), "Oft Oft Oft");
    await writeFile(path.join(directory, "asciiart"), "Oft");
    const counts = await fortuneCounts(directory);
    expect(counts.get(stem("oft", "de"))).toBe(3);
    expect(counts.get(stem("antworten", "de"))).toBe(1);
    expect(counts.has(stem("ottilie", "de"))).toBe(false);
  });
});
