import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { dictEntries, translationsOf } from "../../../scripts/lexicons/freedict.js";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const dictNumber = (value: number): string => {
  let text = "";
  let rest = value;
  do {
    text = (BASE64[rest % 64] ?? "") + text;
    rest = Math.floor(rest / 64);
  } while (rest > 0);
  return text;
};

/** Writes a dictd dictionary (index and gzip-compressed data) of the given entries. */
async function writeDictionary(directory: string, name: string, entries: readonly [string, string][]): Promise<void> {
  const index: string[] = [];
  let data = "";
  for (const [headword, text] of entries) {
    index.push(`${headword}\t${dictNumber(Buffer.byteLength(data))}\t${dictNumber(Buffer.byteLength(text))}`);
    data += text;
  }
  await writeFile(path.join(directory, `${name}.index`), index.join("\n") + "\n");
  await writeFile(path.join(directory, `${name}.dict.dz`), gzipSync(data));
}

let directory = "";
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe("dictEntries", () => {
  it("reads the entries and skips the dictionary's own header entries, with or without their hyphen", async () => {
    directory = await mkdtemp(path.join(tmpdir(), "freedict-"));
    await writeDictionary(directory, "test-eng-deu", [
      ["00-database-info", "00-database-info\nThis is a dictionary\n"],
      ["00databaseinfo", "00databaseinfo\nmaintainer Einhard Leichtfuss, size 460315\n"],
      ["shell", "shell /ʃel/\nGranate, Geschoss\n"],
    ]);
    const read = [];
    for await (const entry of dictEntries(directory, "test-eng-deu")) read.push(entry);
    expect(read.map((entry) => entry.headword)).toEqual(["shell"]);
    expect(translationsOf(read[0] ?? { headword: "", body: [] })).toEqual(["Granate", "Geschoss"]);
  });
});
