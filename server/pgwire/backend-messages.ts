// The backend messages the server sends, written into a connection's BufferWriter.
import type { BufferWriter } from './buffer-writer.js';
import type { PgColumn } from './pg-types.js';
import type { PgError } from './sqlstate.js';

export const authenticationOk = (w: BufferWriter): void => { w.begin('R').int32(0).end(); };

export const parameterStatus = (w: BufferWriter, name: string, value: string): void => { w.begin('S').cstring(name).cstring(value).end(); };

export const backendKeyData = (w: BufferWriter, pid: number, secret: number): void => { w.begin('K').int32(pid).int32(secret).end(); };

/** 'I': idle, outside a transaction (Eddy has none). */
export const readyForQuery = (w: BufferWriter): void => { w.begin('Z').byte(0x49).end(); };

export const commandComplete = (w: BufferWriter, tag: string): void => { w.begin('C').cstring(tag).end(); };

export const emptyQueryResponse = (w: BufferWriter): void => { w.begin('I').end(); };

/** Text-format columns (format code 0), no table oid. */
export function rowDescription(w: BufferWriter, columns: readonly PgColumn[]): void {
  w.begin('T').int16(columns.length);
  for (const c of columns) w.cstring(c.name).int32(0).int16(0).int32(c.oid).int16(c.typeSize).int32(-1).int16(0);
  w.end();
}

export function dataRow(w: BufferWriter, columns: readonly PgColumn[], row: readonly unknown[]): void {
  w.begin('D').int16(columns.length);
  for (let i = 0; i < columns.length; i++) w.field(columns[i].write(row[i]));
  w.end();
}

export function errorResponse(w: BufferWriter, e: PgError): void {
  w.begin('E');
  w.byte(0x53).cstring('ERROR'); // S: severity (localized)
  w.byte(0x56).cstring('ERROR'); // V: severity (never localized)
  w.byte(0x43).cstring(e.code); // C: SQLSTATE
  w.byte(0x4d).cstring(e.message); // M
  if (e.position !== undefined) w.byte(0x50).cstring(String(e.position)); // P
  w.byte(0).end();
}
