// The data of a COPY ... FROM STDIN: the client's CopyData messages, handed over by the
// connection as they arrive (they bypass its one-message-at-a-time queue, whose current message
// is this COPY), read as chunks of lines. Everything that waited is taken at once, so a client
// sending one line per message (psql) still gives chunks of many lines. While more than
// HIGH_WATER bytes wait, the socket is paused: a fast client cannot fill the memory. CopyDone
// ends the data; CopyFail, a cancel or the client going away fails it; a line \. ends it too
// (the end-of-data marker of older clients; what follows it is dropped).
import { splitLines, type LineChunk } from '../../src/engine/file-lines.js';
import { PgProtocolError } from './sqlstate.js';

const HIGH_WATER = 8 << 20;

export class CopyIn {
  private waiting: Buffer[] = [];
  private bytes = 0;
  private paused = false;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /** `closed`: told once the COPY takes no more data (the connection stops routing it here). */
  constructor(private readonly pause: () => void, private readonly resume: () => void, private readonly closed: () => void) {}

  /** A CopyData message's bytes. */
  data(b: Buffer): void {
    if (this.ended) return;
    this.waiting.push(b);
    this.bytes += b.length;
    if (this.bytes > HIGH_WATER && !this.paused) { this.paused = true; this.pause(); }
    this.notify();
  }

  /** CopyDone. */
  done(): void { this.end(undefined); }

  /** CopyFail, with the client's message. */
  fail(message: string): void {
    this.end(new PgProtocolError('57014', `COPY from stdin failed: ${message}`,
      'Lines loaded before the failure stay in the stream: a stream\'s records are not taken back.'));
  }

  /** No more data will be read (the COPY ended, or failed on its side): the socket flows again. */
  close(): void {
    this.ended = true;
    this.waiting = [];
    if (this.paused) { this.paused = false; this.resume(); }
    this.closed();
  }

  private end(failure: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = failure;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * The data as it arrived, everything waiting at once (COPY ... FROM STDIN (FORMAT binary) reads
   * it so); throws on CopyFail, or when `stop` rejects (cancel, disconnect).
   */
  async *chunks(stop: Promise<never>): AsyncGenerator<Buffer> {
    for (;;) {
      while (this.waiting.length === 0 && !this.ended) {
        await Promise.race([new Promise<void>((r) => { this.wake = r; }), stop]);
      }
      if (this.failure) throw this.failure;
      if (this.waiting.length === 0) return; // CopyDone, and everything before it taken
      const taken = this.waiting;
      this.waiting = [];
      this.bytes = 0;
      if (this.paused) { this.paused = false; this.resume(); }
      yield taken.length === 1 ? taken[0] : Buffer.concat(taken);
    }
  }

  /** The data as chunks of lines (see chunks). */
  async *lines(stop: Promise<never>): AsyncGenerator<LineChunk> {
    let rest: Buffer = Buffer.alloc(0);
    const data = this.chunks(stop);
    for (;;) {
      const next = await data.next();
      const last = next.done === true;
      const got = rest.length === 0 && !last ? next.value as Buffer : Buffer.concat(last ? [rest] : [rest, next.value as Buffer]);
      const { chunk, rest: after } = splitLines(got, last);
      rest = after;
      if (chunk) {
        const end = endMarker(chunk);
        if (end >= 0) {
          if (end > 0) yield { ...chunk, count: end };
          await data.return(undefined);
          return;
        }
        yield chunk;
      }
      if (last) return;
    }
  }
}

/** The index of the first line that is \. (the end-of-data marker), or -1. */
function endMarker(c: LineChunk): number {
  for (let j = 0; j < c.count; j++) {
    if (c.ends[j] - c.starts[j] === 2 && c.data[c.starts[j]] === 92 && c.data[c.starts[j] + 1] === 46) return j;
  }
  return -1;
}
