import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file below `dir`, at any depth. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A byte stream that records how many chunks were pulled from it. */
export function countingStream(
  chunkCount: number,
  chunkSize: number,
): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      pulled += 1;
      this.push(
        pulled <= chunkCount ? Buffer.alloc(chunkSize, pulled % 256) : null,
      );
    },
  });
  return { stream, pulled: () => pulled };
}
