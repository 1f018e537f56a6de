import { open } from "node:fs/promises";

/**
 * The file's bytes, asked for in one read of its whole size: `readFile`
 * reads in 512 KB pieces, each asked for by the main thread, so a start busy
 * decoding the articles stalls it between pieces.
 */
export async function readWholeFile(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file cut short while it was read is decoded as what was read (the header check then refuses it).
    return filled < size ? bytes.subarray(0, filled) : bytes;
  } finally {
    await handle.close();
  }
}
