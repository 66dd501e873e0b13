// The lines of a file, read in large chunks: COPY decodes each line straight from the chunk's
// bytes, so a large file is never one string, nor one string per line (a 2M-line file read
// whole made the COPY's memory, and so its garbage collection, grow faster than its lines). A
// chunk gives its lines as offsets, not as one view object per line: a chunk holds ~45k lines,
// and 45k views alive across the chunk's processing were copied by every young collection.
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 22;

/** Line j of the chunk is data[starts[j], ends[j]), without its \n or \r\n. */
export interface LineChunk {
  readonly data: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** A view of line j (made when needed, so that it dies young). */
export function lineAt(chunk: LineChunk, j: number): Buffer {
  return chunk.data.subarray(chunk.starts[j], chunk.ends[j]);
}

/** The file's lines, a chunk's worth at a time. */
export async function* fileLines(path: string): AsyncGenerator<LineChunk> {
  const fh = await open(path, 'r');
  try {
    let rest: Buffer = Buffer.alloc(0);
    let starts = new Int32Array(1 << 16);
    let ends = new Int32Array(1 << 16);
    for (;;) {
      // The previous chunk's unfinished line goes first; the file's bytes are read in after it
      // (only that line is copied, not the chunk).
      const chunk = Buffer.allocUnsafe(rest.length + CHUNK_BYTES);
      rest.copy(chunk, 0);
      const { bytesRead } = await fh.read(chunk, rest.length, CHUNK_BYTES, null);
      const data = chunk.subarray(0, rest.length + bytesRead);
      const last = bytesRead === 0;
      const lines = scanLines(data, starts, ends, last);
      ({ starts, ends } = lines);
      rest = data.subarray(lines.rest);
      // The arrays are handed out and then refilled: a chunk is processed before the next is read.
      if (lines.count > 0) yield { data, starts, ends, count: lines.count };
      if (last) return;
    }
  } finally {
    await fh.close();
  }
}

/**
 * The whole lines of `data` as a chunk (none: undefined), and the bytes after its last line
 * break (an unfinished line; with `final`, it is the last line).
 */
export function splitLines(data: Buffer, final: boolean): { chunk: LineChunk | undefined; rest: Buffer } {
  const { starts, ends, count, rest } = scanLines(data, new Int32Array(64), new Int32Array(64), final);
  return { chunk: count > 0 ? { data, starts, ends, count } : undefined, rest: data.subarray(rest) };
}

/**
 * The bounds of data's lines that end in a line break (with `final`, also of the text after the
 * last one) into starts and ends, grown where they are too short; `rest`: where the text after
 * the last line begins.
 */
function scanLines(data: Buffer, starts: Int32Array<ArrayBuffer>, ends: Int32Array<ArrayBuffer>, final: boolean):
  { starts: Int32Array<ArrayBuffer>; ends: Int32Array<ArrayBuffer>; count: number; rest: number } {
  let count = 0;
  let start = 0;
  const add = (end: number): void => {
    if (count === starts.length) { starts = grow(starts); ends = grow(ends); }
    starts[count] = start;
    ends[count] = endWithoutCr(data, start, end);
    count++;
  };
  for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
    add(nl);
    start = nl + 1;
  }
  if (final && start < data.length) { add(data.length); start = data.length; }
  return { starts, ends, count, rest: start };
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function endWithoutCr(data: Buffer, start: number, end: number): number {
  return end > start && data[end - 1] === 13 ? end - 1 : end;
}

/** Whether data[start, end) holds only spaces and tabs (or nothing). */
export function isBlank(data: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = data[i];
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return false;
  }
  return true;
}
