// The backend messages the server sends, written into a connection's BufferWriter.
import type { BufferWriter } from './buffer-writer.js';
import type { PgColumn } from './pg-types.js';
import type { PgError } from './sqlstate.js';

export const authenticationOk = (w: BufferWriter): void => { w.begin('R').int32(0).end(); };

/** The newest 3.x minor version the server speaks, and the protocol options it did not recognise. */
export function negotiateProtocolVersion(w: BufferWriter, minor: number, unknownOptions: readonly string[]): void {
  w.begin('v').int32(minor).int32(unknownOptions.length);
  for (const o of unknownOptions) w.cstring(o);
  w.end();
}

export const parameterStatus = (w: BufferWriter, name: string, value: string): void => { w.begin('S').cstring(name).cstring(value).end(); };

export const backendKeyData = (w: BufferWriter, pid: number, secret: number): void => { w.begin('K').int32(pid).int32(secret).end(); };

/** Transaction status: 'I' idle, 'T' in a transaction block, 'E' in a failed one. */
export type TxStatus = 'I' | 'T' | 'E';

export const readyForQuery = (w: BufferWriter, status: TxStatus = 'I'): void => { w.begin('Z').byte(status.charCodeAt(0)).end(); };

export const commandComplete = (w: BufferWriter, tag: string): void => { w.begin('C').cstring(tag).end(); };

export const emptyQueryResponse = (w: BufferWriter): void => { w.begin('I').end(); };

export const parseComplete = (w: BufferWriter): void => { w.begin('1').end(); };
export const bindComplete = (w: BufferWriter): void => { w.begin('2').end(); };
export const closeComplete = (w: BufferWriter): void => { w.begin('3').end(); };
export const noData = (w: BufferWriter): void => { w.begin('n').end(); };
export const portalSuspended = (w: BufferWriter): void => { w.begin('s').end(); };

export function parameterDescription(w: BufferWriter, oids: readonly number[]): void {
  w.begin('t').int16(oids.length);
  for (const o of oids) w.int32(o);
  w.end();
}

/** `formats`: one format code per column (0 text, 1 binary); empty means all text. */
export function rowDescription(w: BufferWriter, columns: readonly PgColumn[], formats: readonly number[] = []): void {
  w.begin('T').int16(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    w.cstring(c.name).int32(0).int16(0).int32(c.oid).int16(c.typeSize).int32(-1).int16(formats[i] ?? 0);
  }
  w.end();
}

export function dataRow(w: BufferWriter, columns: readonly PgColumn[], row: readonly unknown[], formats: readonly number[] = []): void {
  w.begin('D').int16(columns.length);
  for (let i = 0; i < columns.length; i++) {
    if (formats[i] === 1) w.bytesField(columns[i].binary(row[i]));
    else w.field(columns[i].write(row[i]));
  }
  w.end();
}

/** COPY ... TO STDOUT: overall format and one code per column (0 text, 1 binary). */
export function copyOutResponse(w: BufferWriter, columns: number, binary = false): void {
  const f = binary ? 1 : 0;
  w.begin('H').byte(f).int16(columns);
  for (let i = 0; i < columns; i++) w.int16(f);
  w.end();
}

/** COPY FROM STDIN begins: text (or binary) format, `columns` columns. */
export function copyInResponse(w: BufferWriter, columns: number, binary = false): void {
  const f = binary ? 1 : 0;
  w.begin('G').byte(f).int16(columns);
  for (let i = 0; i < columns; i++) w.int16(f);
  w.end();
}

export const copyData = (w: BufferWriter, line: string): void => { w.begin('d').text(line).end(); };
export const copyDone = (w: BufferWriter): void => { w.begin('c').end(); };

export function errorResponse(w: BufferWriter, e: PgError): void {
  w.begin('E');
  const severity = e.severity ?? 'ERROR';
  w.byte(0x53).cstring(severity); // S: severity (localized)
  w.byte(0x56).cstring(severity); // V: severity (never localized)
  w.byte(0x43).cstring(e.code); // C: SQLSTATE
  w.byte(0x4d).cstring(e.message); // M
  if (e.hint !== undefined) w.byte(0x48).cstring(e.hint); // H
  if (e.position !== undefined) w.byte(0x50).cstring(String(e.position)); // P
  w.byte(0).end();
}

export function noticeResponse(w: BufferWriter, severity: 'NOTICE' | 'WARNING', code: string, message: string, hint?: string): void {
  w.begin('N').byte(0x53).cstring(severity).byte(0x56).cstring(severity).byte(0x43).cstring(code).byte(0x4d).cstring(message);
  if (hint !== undefined) w.byte(0x48).cstring(hint);
  w.byte(0).end();
}
