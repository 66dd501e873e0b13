// The first message of a connection: what it asks for, and the session parameters a real
// Postgres 15 reports after authentication (pgjdbc refuses to connect without server_version).
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

export type StartupRequest =
  | { kind: 'ssl' | 'gssenc' }
  | { kind: 'cancel'; pid: number; secret: number }
  | { kind: 'startup'; params: Map<string, string>; minor: number }
  | { kind: 'unsupported'; version: number };

export function readStartup(body: Buffer): StartupRequest {
  const code = body.readInt32BE(0);
  if (code === SSL_REQUEST) return { kind: 'ssl' };
  if (code === GSSENC_REQUEST) return { kind: 'gssenc' };
  if (code === CANCEL_REQUEST) return { kind: 'cancel', pid: body.length >= 12 ? body.readInt32BE(4) : -1, secret: body.length >= 12 ? body.readInt32BE(8) : -1 };
  if (code >>> 16 !== 3) return { kind: 'unsupported', version: code };
  const params = new Map<string, string>();
  let at = 4;
  for (;;) {
    const keyEnd = body.indexOf(0, at);
    if (keyEnd <= at) break;
    const valueEnd = body.indexOf(0, keyEnd + 1);
    if (valueEnd < 0) break;
    params.set(body.toString('utf8', at, keyEnd), body.toString('utf8', keyEnd + 1, valueEnd));
    at = valueEnd + 1;
  }
  return { kind: 'startup', params, minor: code & 0xffff };
}

export const SERVER_VERSION = '15.0 (Eddy)';

export function parameterStatuses(params: ReadonlyMap<string, string>): [string, string][] {
  return [
    ['application_name', params.get('application_name') ?? ''],
    ['client_encoding', 'UTF8'],
    ['DateStyle', 'ISO, MDY'],
    ['integer_datetimes', 'on'],
    ['IntervalStyle', 'postgres'],
    ['is_superuser', 'off'],
    ['server_encoding', 'UTF8'],
    ['server_version', SERVER_VERSION],
    ['session_authorization', params.get('user') ?? 'eddy'],
    ['standard_conforming_strings', 'on'],
    ['TimeZone', 'UTC'],
  ];
}
