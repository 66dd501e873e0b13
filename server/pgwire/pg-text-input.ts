// A Bind parameter's value read from the client's bytes: the text format as Postgres reads each
// type's input (with Postgres's messages and SQLSTATEs for bad input), or the binary format
// (pg-binary.ts). Every oid not listed here is read as text.
import { daysFromCivil, monthLength, MS_PER_DAY } from '../../src/types/civil-date.js';
import { Decimal } from '../../src/types/decimal.js';
import { decodeBinaryParam, utf8Text, type ParamValue } from './pg-binary.js';
import { PgProtocolError } from './sqlstate.js';

/** How a parameter of a type oid is read and written. */
export type Kind = 'bool' | 'int' | 'float' | 'numeric' | 'text' | 'json' | 'uuid' | 'bytea' | 'date' | 'time' | 'timestamp';

const KIND: Record<number, Kind> = {
  16: 'bool', 20: 'int', 21: 'int', 23: 'int', 26: 'int', 700: 'float', 701: 'float', 1700: 'numeric',
  17: 'bytea', 114: 'json', 3802: 'json', 2950: 'uuid',
  1082: 'date', 1083: 'time', 1114: 'timestamp', 1184: 'timestamp',
};

/** Type names as Postgres's input errors spell them. */
export const TYPE_NAME: Record<number, string> = {
  16: 'boolean', 20: 'bigint', 21: 'smallint', 23: 'integer', 26: 'oid', 700: 'real', 701: 'double precision',
  1700: 'numeric', 17: 'bytea', 114: 'json', 3802: 'json', 2950: 'uuid', 1082: 'date', 1083: 'time',
  1114: 'timestamp', 1184: 'timestamp with time zone',
};

const INT_RANGE: Record<number, [bigint, bigint]> = {
  21: [-32768n, 32767n], 23: [-2147483648n, 2147483647n], 20: [-(2n ** 63n), 2n ** 63n - 1n], 26: [0n, 4294967295n],
};

export const kindOf = (oid: number): Kind => KIND[oid] ?? 'text';

export function invalid(oid: number, text: string): PgProtocolError {
  return new PgProtocolError('22P02', `invalid input syntax for type ${TYPE_NAME[oid] ?? 'text'}: "${text}"`);
}

function outOfRange(text: string): PgProtocolError {
  return new PgProtocolError('22008', `date/time field value out of range: "${text}"`);
}

export const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const FLOAT_SPECIAL: Record<string, number> = {
  nan: NaN, infinity: Infinity, '+infinity': Infinity, inf: Infinity, '+inf': Infinity, '-infinity': -Infinity, '-inf': -Infinity,
};
const FLOAT4_MAX = 3.4028234663852886e38;

function readInt(oid: number, text: string): bigint {
  const t = text.trim();
  if (!INTEGER.test(t)) throw invalid(oid, text);
  const v = BigInt(t);
  const [min, max] = INT_RANGE[oid];
  if (v < min || v > max) throw new PgProtocolError('22003', `value "${text}" is out of range for type ${TYPE_NAME[oid]}`);
  return v;
}

function readFloat(oid: number, text: string): number {
  const t = text.trim();
  const special = FLOAT_SPECIAL[t.toLowerCase()];
  if (special !== undefined) return special;
  if (!DECIMAL.test(t)) throw invalid(oid, text);
  const v = Number(t);
  if (!Number.isFinite(v) || (oid === 700 && Math.abs(v) > FLOAT4_MAX)) {
    throw new PgProtocolError('22003', `"${text}" is out of range for type ${TYPE_NAME[oid]}`);
  }
  return v;
}

/** Exponents beyond this would make huge digit strings (numeric's own limit is 1000 digits of exponent). */
const MAX_EXPONENT = 1000;

function readNumeric(text: string): string {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'nan') return 'NaN';
  if (lower === 'infinity' || lower === '+infinity' || lower === 'inf' || lower === '+inf') return 'Infinity';
  if (lower === '-infinity' || lower === '-inf') return '-Infinity';
  if (!DECIMAL.test(t)) throw invalid(1700, text);
  const exponent = /[eE]([+-]?\d+)$/.exec(t);
  if (exponent && Math.abs(Number(exponent[1])) > MAX_EXPONENT) throw new PgProtocolError('22003', 'value overflows numeric format');
  return Decimal.fromString(t).toString();
}

/** Postgres's boolean input: prefixes of true/false/yes/no, on/of(f), 1/0, any case, blanks trimmed. */
function readBool(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t.length > 0) {
    if ('true'.startsWith(t) || 'yes'.startsWith(t) || t === 'on' || t === '1') return true;
    if ('false'.startsWith(t) || 'no'.startsWith(t) || t === 'of' || t === 'off' || t === '0') return false;
  }
  throw invalid(16, text);
}

const DATE_TIME = /^(\d{4,})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?)?$/i;

interface DateTime { days: number; msOfDay: number; offsetMs: number }

/** Milliseconds of the day; fractions beyond milliseconds are dropped, as Eddy's TIME does. */
function clock(text: string, h: string, m: string, s: string | undefined, fraction: string | undefined): number {
  const hh = Number(h), mm = Number(m), ss = Number(s ?? 0);
  if (hh > 23 || mm > 59 || ss > 59) throw outOfRange(text);
  return ((hh * 60 + mm) * 60 + ss) * 1000 + Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
}

/** ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, Z or UTC: milliseconds east of UTC. */
function offset(text: string, zone: string | undefined): number {
  if (zone === undefined || /^(z|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(zone)!;
  const h = Number(m[2]), mi = Number(m[3] ?? 0), s = Number(m[4] ?? 0);
  if (h > 15 || mi > 59 || s > 59) throw outOfRange(text);
  return (m[1] === '-' ? -1 : 1) * ((h * 60 + mi) * 60 + s) * 1000;
}

/** Postgres's ISO date/time input (DateStyle ISO): `2024-01-02`, `2024-01-02 03:04:05.678`, with `T`, with an offset. */
function readDateTime(oid: number, text: string): DateTime {
  const t = text.trim();
  if (t.toLowerCase() === 'epoch') return { days: 0, msOfDay: 0, offsetMs: 0 };
  if (/^[+-]?infinity$/i.test(t)) throw new PgProtocolError('22008', `${TYPE_NAME[oid]} out of range: Eddy has no infinity: "${text}"`);
  const m = DATE_TIME.exec(t);
  if (!m) throw invalid(oid, text);
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) throw outOfRange(text);
  const msOfDay = m[4] === undefined ? 0 : clock(text, m[4], m[5], m[6], m[7]);
  return { days: daysFromCivil(year, month, day), msOfDay, offsetMs: offset(text, m[8]) };
}

/** time input ignores an offset, as Postgres's does; a full date-time gives its time of day. */
function readTime(text: string): number {
  const t = text.trim();
  const m = TIME.exec(t);
  if (m) return clock(text, m[1], m[2], m[3], m[4]);
  if (DATE_TIME.test(t)) return readDateTime(1083, text).msOfDay;
  throw invalid(1083, text);
}

function readBytea(text: string): Buffer {
  if (text.startsWith('\\x')) {
    const hex = text.slice(2).replace(/\s+/g, '');
    const bad = /[^0-9a-fA-F]/.exec(hex);
    if (bad) throw new PgProtocolError('22P02', `invalid hexadecimal digit: "${bad[0]}"`);
    if (hex.length % 2 !== 0) throw new PgProtocolError('22P02', 'invalid hexadecimal data: odd number of digits');
    return Buffer.from(hex, 'hex');
  }
  // The escape format: \\ is a backslash, \ooo an octal byte, anything else as it is.
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] !== 0x5c) { out.push(src[i]); continue; }
    if (src[i + 1] === 0x5c) { out.push(0x5c); i++; continue; }
    const octal = src.subarray(i + 1, i + 4).toString('latin1');
    if (!/^[0-3][0-7][0-7]$/.test(octal)) throw new PgProtocolError('22P02', 'invalid input syntax for type bytea');
    out.push(parseInt(octal, 8));
    i += 3;
  }
  return Buffer.from(out);
}

function readJson(text: string): string {
  try {
    JSON.parse(text);
  } catch {
    throw new PgProtocolError('22P02', 'invalid input syntax for type json');
  }
  return text;
}

function readUuid(text: string): string {
  const t = text.trim();
  const hex = (t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t).replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex) || /^-|--|-$/.test(t)) throw invalid(2950, text);
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A parameter's text format read as its type (see ParamValue). */
export function readTextParam(oid: number, text: string): ParamValue {
  switch (kindOf(oid)) {
    case 'bool': return readBool(text);
    case 'int': return readInt(oid, text);
    case 'float': return readFloat(oid, text);
    case 'numeric': return readNumeric(text);
    case 'bytea': return readBytea(text);
    case 'json': return readJson(text);
    case 'uuid': return readUuid(text);
    case 'date': return readDateTime(oid, text).days;
    case 'time': return readTime(text);
    case 'timestamp': { const d = readDateTime(oid, text); return d.days * MS_PER_DAY + d.msOfDay - d.offsetMs; }
    case 'text': return text;
  }
}

/** A parameter's bytes read per its format code (0 text, 1 binary) and type oid. */
export function readParam(oid: number, format: number, bytes: Buffer): ParamValue {
  if (format === 1) return decodeBinaryParam(oid, bytes);
  if (format !== 0) throw new PgProtocolError('08P01', `unsupported format code: ${format}`);
  return readTextParam(oid, utf8Text(bytes));
}
