// COPY ... FROM STDIN (FORMAT binary), what drivers' bulk loads send (pgx's CopyFrom, psycopg's
// binary copy, Npgsql's binary import): the signature PGCOPY\n\377\r\n\0, flags and a header
// extension, then per row a field count and each field's length (-1: NULL) and bytes in its
// column type's binary format, and -1 at the end (or simply the end of the data). Each row becomes a line of Postgres's text
// format (tab between fields, \N for NULL, backslash escapes), which COPY's line loader reads as
// it reads psql's: one row per line, so a processing-log entry's STDIN:n is the n-th row. Fields
// are read as the column's type (its oid), as Postgres reads them; a row that cannot be read ends
// the COPY with where it is (rows before it stay loaded: a stream's records are not taken back).
import { splitLines, type LineChunk } from '../../src/engine/file-lines.js';
import { textCell } from './copy-cells.js';
import { decodeBinaryParam, type ParamValue } from './pg-binary.js';
import { PgProtocolError } from './sqlstate.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Flag bit 16: each row carries an oid first (WITH OIDS, gone since Postgres 12). */
const HAS_OIDS = 1 << 16;
/** Rows per chunk of lines handed on. */
const CHUNK_ROWS = 4096;

/** `oids` and `names`: the type oid and name of each column a row holds, in order. */
export async function* binaryCopyLines(data: AsyncIterable<Buffer>, oids: readonly number[], names: readonly string[]): AsyncGenerator<LineChunk> {
  let buf: Buffer = Buffer.alloc(0);
  let at = 0;
  let header = false;
  let row = 0;
  let ended = false;
  const lines: string[] = [];
  // Data held back while the row being read is known to need more (a large row arriving in many
  // messages is joined once, not once per message).
  let held: Buffer[] = [];
  let heldBytes = 0;
  let need = 0;
  for await (const got of data) {
    if (ended) { if (got.length > 0) throw bad('received copy data after EOF marker'); continue; }
    if (buf.length - at + heldBytes + got.length < need) { held.push(got); heldBytes += got.length; continue; }
    buf = at < buf.length || held.length > 0 ? Buffer.concat([buf.subarray(at), ...held, got]) : got;
    held = [];
    heldBytes = 0;
    need = 0;
    at = 0;
    if (!header) {
      const n = Math.min(buf.length, SIGNATURE.length);
      if (buf.compare(SIGNATURE, 0, n, 0, n) !== 0) throw bad('COPY file signature not recognized');
      if (buf.length < SIGNATURE.length + 8) continue;
      const flags = buf.readInt32BE(SIGNATURE.length);
      if (flags & HAS_OIDS) throw bad('COPY with OIDs is not supported');
      const extension = buf.readInt32BE(SIGNATURE.length + 4);
      if (extension < 0) throw bad('invalid COPY file header (wrong length)');
      if (buf.length < SIGNATURE.length + 8 + extension) continue;
      at = SIGNATURE.length + 8 + extension;
      header = true;
    }
    for (;;) {
      const end = rowEnd(buf, at, oids.length, row + 1);
      if (end === 0) { need = rowNeeds; break; } // the row is not all here yet
      if (end < 0) {
        ended = true;
        if (buf.length > at + 2) throw bad('received copy data after EOF marker');
        break;
      }
      row++;
      lines.push(textLine(buf, at + 2, oids, names, row));
      at = end;
      if (lines.length >= CHUNK_ROWS) yield linesChunk(lines.splice(0));
    }
    if (lines.length > 0) yield linesChunk(lines.splice(0));
  }
  // The end marker may be left out (pgx does): the data then ends where a row would start.
  if (!header) throw bad('COPY data ended before its binary header');
  if (!ended && (at < buf.length || heldBytes > 0)) throw bad(`COPY data ended inside row ${row + 1}`);
}

/** When rowEnd returns 0: the bytes from `at` the row needs at least. */
let rowNeeds = 0;

/**
 * Where the row at `at` ends, 0 while it is incomplete (see rowNeeds), or -1 for the end-of-data
 * marker. Checks its field count against the columns'.
 */
function rowEnd(b: Buffer, at: number, columns: number, row: number): number {
  rowNeeds = 2;
  if (b.length - at < 2) return 0;
  const count = b.readInt16BE(at);
  if (count === -1) return -1;
  if (count !== columns) throw bad(`row field count is ${count}, expected ${columns}`, row);
  let p = at + 2;
  for (let i = 0; i < count; i++) {
    rowNeeds = p + 4 - at;
    if (b.length - p < 4) return 0;
    const len = b.readInt32BE(p);
    p += 4;
    if (len < -1) throw bad(`invalid field size ${len}`, row);
    if (len > 0) {
      rowNeeds = p + len - at;
      if (b.length - p < len) return 0;
      p += len;
    }
  }
  return p;
}

/** The complete row whose fields start at `p`, as a text-format line. */
function textLine(b: Buffer, p: number, oids: readonly number[], names: readonly string[], row: number): string {
  let line = '';
  for (let i = 0; i < oids.length; i++) {
    const len = b.readInt32BE(p);
    p += 4;
    if (i > 0) line += '\t';
    if (len === -1) { line += '\\N'; continue; }
    let v: ParamValue;
    try {
      v = decodeBinaryParam(oids[i], b.subarray(p, p + len));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new PgProtocolError(e instanceof PgProtocolError ? e.code : '22P03', `${why} (COPY row ${row}, column ${names[i]})`);
    }
    p += len;
    line += textOf(v);
  }
  // The line loader skips blank lines: a row of one empty or blank text says so in escapes.
  if (oids.length === 1 && /^[ \v\f]*$/.test(line)) return line === '' ? '\\N' : `\\${line.charCodeAt(0).toString(8).padStart(3, '0')}${line.slice(1)}`;
  return line;
}

/** A decoded value as COPY's text format writes it for the line loader (bytes as base64, as DELIMITED reads BYTES). */
function textOf(v: ParamValue): string {
  if (typeof v === 'string') return textCell(v, '\t', '\\N');
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return String(v);
}

/** The lines as a chunk the COPY loader reads (none holds a line break: textCell escapes them). */
function linesChunk(lines: string[]): LineChunk {
  return splitLines(Buffer.from(lines.join('\n'), 'utf8'), true).chunk!;
}

function bad(message: string, row?: number): PgProtocolError {
  return new PgProtocolError('22P04', row === undefined ? message : `${message} (COPY row ${row})`);
}
