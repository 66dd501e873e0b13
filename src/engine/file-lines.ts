// The lines of a file as byte views, read in large chunks: COPY decodes each line straight from
// these bytes, so a large file is never one string, nor one string per line (a 2M-line file read
// whole made the COPY's memory, and so its garbage collection, grow faster than its lines).
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 22;

/** The file's lines, a chunk's worth at a time, each without its \n or \r\n. */
export async function* fileLines(path: string): AsyncGenerator<Uint8Array[]> {
  const fh = await open(path, 'r');
  try {
    let rest: Buffer = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await fh.read(chunk, 0, CHUNK_BYTES, null);
      const data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      if (bytesRead === 0) {
        if (data.length > 0) yield [withoutCr(data)];
        return;
      }
      const lines: Uint8Array[] = [];
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        lines.push(withoutCr(data.subarray(start, nl)));
        start = nl + 1;
      }
      rest = data.subarray(start);
      if (lines.length > 0) yield lines;
    }
  } finally {
    await fh.close();
  }
}

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}

/** Whether a line holds only spaces and tabs (or nothing). */
export function isBlank(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return false;
  }
  return true;
}
