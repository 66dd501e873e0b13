// A JSON row serializer compiled per schema: the constant text (`{"TEMP":`, `,"VIBRATION":`, `}`)
// is encoded once, numbers, booleans and plain ASCII strings are written as bytes straight into a
// slab, and each record is handed out as a view of it. Other values (and values of the wrong
// type, whose errors the text writers raise) go through their JsonWriter's text. Output bytes are
// the same as utf8Bytes of the text writers' concatenation.
import type { SqlType } from '../types/sql-type.js';
import { ByteSlab } from './bytes.js';
import { writeJsonDouble, writeJsonInteger } from './json-number-bytes.js';
import type { JsonWriter } from './json-write.js';

/** Writes one non-null value of a column into the slab. */
type ByteWriter = (out: ByteSlab, v: unknown) => void;

/** Characters Jackson escapes, and surrogates: a string with none is written byte for char. */
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Longest string copied char by char; longer ones are encoded natively. */
const SHORT_STRING = 32;

/** UTF-8 bytes of constant text (column names need not be ASCII). */
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const NULL_BYTES = utf8('null');
const TRUE_BYTES = utf8('true');
const FALSE_BYTES = utf8('false');

function writeBytes(out: ByteSlab, bytes: Uint8Array): void {
  out.reserve(bytes.length);
  const buf = out.bytes;
  let p = out.pos;
  for (let i = 0; i < bytes.length; i++) buf[p++] = bytes[i];
  out.pos = p;
}

/** JSON text from a text writer, UTF-8 encoded (its strings are escaped: no lone surrogates). */
function writeText(out: ByteSlab, s: string): void {
  out.reserve(s.length * 3);
  out.pos += out.buf.write(s, out.pos);
}

function byteWriter(type: SqlType, text: JsonWriter): ByteWriter {
  switch (type.kind) {
    case 'DOUBLE':
      return (out, v) => { if (typeof v === 'number') writeJsonDouble(out, v); else writeText(out, text(v)); };
    case 'INTEGER': case 'DATE': case 'TIME':
      return (out, v) => { if (typeof v === 'number') writeJsonInteger(out, v | 0); else writeText(out, text(v)); };
    case 'BIGINT': case 'TIMESTAMP':
      return (out, v) => { if (typeof v === 'number' && !Number.isNaN(v)) writeJsonInteger(out, v); else writeText(out, text(v)); };
    case 'BOOLEAN':
      return (out, v) => { if (typeof v === 'boolean') writeBytes(out, v ? TRUE_BYTES : FALSE_BYTES); else writeText(out, text(v)); };
    case 'STRING':
      return (out, v) => { if (typeof v === 'string' && !NEEDS_CARE.test(v)) writePlainString(out, v); else writeText(out, text(v)); };
    default:
      return (out, v) => writeText(out, text(v));
  }
}

/** A string with nothing to escape, in quotes. */
function writePlainString(out: ByteSlab, s: string): void {
  const n = s.length;
  out.reserve(n * 3 + 2);
  const buf = out.bytes;
  let p = out.pos;
  buf[p++] = 34;
  if (n <= SHORT_STRING) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) { p = out.pos + 1 + out.buf.write(s, out.pos + 1); break; }
      buf[p++] = c;
    }
  } else {
    p += out.buf.write(s, p);
  }
  buf[p++] = 34;
  out.pos = p;
}

export class JsonRowWriter {
  private readonly out = new ByteSlab();
  private readonly prefixes: Uint8Array[];
  private readonly writers: ByteWriter[];
  private readonly close: Uint8Array;

  /**
   * `prefixes`: the text before each column's value (`{"A":`, `,"B":`; empty for an unwrapped
   * value), `suffix` after the last (`}`); `texts`: the columns' text writers.
   */
  constructor(types: readonly SqlType[], texts: readonly JsonWriter[], prefixes: readonly string[], suffix: string) {
    this.prefixes = prefixes.map(utf8);
    this.writers = types.map((t, i) => byteWriter(t, texts[i]));
    this.close = utf8(suffix);
  }

  /** The bytes of a row; `onError(i, e)` turns a column's failure into the error to throw. */
  write(row: readonly unknown[], onError: (i: number, e: unknown) => unknown): Uint8Array {
    const out = this.out;
    out.begin();
    const n = this.writers.length;
    for (let i = 0; i < n; i++) {
      writeBytes(out, this.prefixes[i]);
      const v = row[i];
      if (v === null || v === undefined) writeBytes(out, NULL_BYTES);
      else {
        try {
          this.writers[i](out, v);
        } catch (e) {
          throw onError(i, e);
        }
      }
    }
    writeBytes(out, this.close);
    return out.take();
  }
}
