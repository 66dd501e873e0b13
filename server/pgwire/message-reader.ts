// Reads the fields of a frontend message body. A body shorter than its fields say is a broken
// client: ProtocolViolation (08P01), and the connection resynchronises at Sync.
import { PgProtocolError } from './sqlstate.js';

export class MessageReader {
  private at = 0;
  constructor(private readonly body: Buffer) {}

  private need(n: number): void {
    if (this.at + n > this.body.length) throw new PgProtocolError('08P01', 'invalid message format: the message is shorter than its fields');
  }

  byte(): number { this.need(1); return this.body[this.at++]; }
  int16(): number { this.need(2); const v = this.body.readInt16BE(this.at); this.at += 2; return v; }
  int32(): number { this.need(4); const v = this.body.readInt32BE(this.at); this.at += 4; return v; }

  cstring(): string {
    const end = this.body.indexOf(0, this.at);
    if (end < 0) throw new PgProtocolError('08P01', 'invalid message format: a string has no terminator');
    const s = this.body.toString('utf8', this.at, end);
    this.at = end + 1;
    return s;
  }

  /** A length-prefixed value: null for length -1. */
  value(): Buffer | null {
    const n = this.int32();
    if (n === -1) return null;
    if (n < 0) throw new PgProtocolError('08P01', `invalid message format: value length ${n}`);
    this.need(n);
    const v = this.body.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  int16s(): number[] {
    const n = this.int16();
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int16();
    return out;
  }
}

/** Format codes as given (none, one for all, or one each) expanded to one per item. */
export function expandFormats(codes: readonly number[], n: number): number[] {
  if (codes.length === 0) return new Array<number>(n).fill(0);
  if (codes.length === 1) return new Array<number>(n).fill(codes[0]);
  if (codes.length !== n) throw new PgProtocolError('08P01', `${codes.length} format codes for ${n} values`);
  for (const c of codes) if (c !== 0 && c !== 1) throw new PgProtocolError('22023', `unsupported format code: ${c}`);
  return [...codes];
}
