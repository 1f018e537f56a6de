import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { RetrievalPassage } from "./retriever.js";

/**
 * GermanQuAD test split (deepset; CC BY 4.0; Möller, Risch, Pietsch, MRQA 2021,
 * arXiv:2104.12741) as a retrieval benchmark: each passage becomes a
 * one-paragraph article whose first line is its title and whose
 * "=== … ===" line is its section heading.
 */

const passageLine = z.object({ id: z.string().min(1), text: z.string() });
const questionLine = z.object({ id: z.string().min(1), question: z.string().min(1), passage_id: z.string().min(1) });

export type BenchmarkQuestion = z.infer<typeof questionLine>;

async function readJsonLines<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Error(`cannot read ${file}`);
  }
  return text
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${path.basename(file)} line ${index + 1}: not JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`${path.basename(file)} line ${index + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    });
}

/** Splits a GermanQuAD context ("Title\n\n=== Section ===\nText…") into title, heading and body. */
export function passageFromContext(id: string, context: string): RetrievalPassage {
  const lines = context.split("\n");
  const title = (lines.shift() ?? "").trim();
  let heading: string | null = null;
  const body: string[] = [];
  for (const line of lines) {
    const headingMatch = /^\s*=+\s*(.*?)\s*=+\s*$/.exec(line);
    if (headingMatch) heading = headingMatch[1] ?? null;
    else if (line.trim().length > 0) body.push(line.trim());
  }
  return { id, title, heading, text: body.join(" "), language: "de" };
}

export async function loadGermanQuad(dataDir: string): Promise<{ passages: RetrievalPassage[]; questions: BenchmarkQuestion[] }> {
  const passages = await readJsonLines(path.join(dataDir, "passages.jsonl"), passageLine);
  const questions = await readJsonLines(path.join(dataDir, "questions.jsonl"), questionLine);
  return { passages: passages.map((passage) => passageFromContext(passage.id, passage.text)), questions };
}
