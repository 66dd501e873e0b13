// The binary format (format code 1) of the Postgres types clients use, as the server's send and
// recv functions define them: result values out (binaryWriter, textToBinary) and Bind parameter
// values in (decodeBinaryParam). Integers and floats are big-endian; date, time and timestamp
// count from 2000-01-01 (days, microseconds); numeric is base-10000 digits.
// The oids are spelled out here rather than imported from pg-types.ts, which imports this file.
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';
import { anyJson, jsonWriter } from '../rest/json-values.js';
import { PgProtocolError } from './sqlstate.js';

/** Days and milliseconds from 1970-01-01 (Eddy's epoch) to 2000-01-01 (Postgres's). */
const PG_EPOCH_DAYS = 10957;
const PG_EPOCH_MS = 946684800000n;

const NUMERIC_NEG = 0x4000, NUMERIC_NAN = 0xc000, NUMERIC_PINF = 0xd000, NUMERIC_NINF = 0xf000;

export type BinaryValueWriter = (v: unknown) => Buffer | null;

/** A parameter value decoded from its binary format, in the representation bindParameters reads:
 *  integers as bigint, floats as number, numeric as decimal text, date/time/timestamp as Eddy's
 *  numbers (days since 1970, ms of the day, epoch ms), bytea as bytes, text types as strings. */
export type ParamValue = string | number | bigint | boolean | Buffer;

const int32 = (n: number): Buffer => { const b = Buffer.allocUnsafe(4); b.writeInt32BE(n); return b; };
const int64 = (n: bigint): Buffer => { const b = Buffer.allocUnsafe(8); b.writeBigInt64BE(n); return b; };
const float64 = (n: number): Buffer => { const b = Buffer.allocUnsafe(8); b.writeDoubleBE(n); return b; };
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** Eddy's BIGINT is a JS number (a bigint is accepted too). */
const toBigInt = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v as number)));

/** The binary writer of Eddy result values of type `t`: one call per column, one Buffer per value. */
export function binaryWriter(t: SqlType | undefined): BinaryValueWriter {
  const nullable = (f: (v: unknown) => Buffer): BinaryValueWriter => (v) => (v === null || v === undefined ? null : f(v));
  switch (t?.kind) {
    case 'BOOLEAN': return nullable((v) => Buffer.from([v ? 1 : 0]));
    case 'INTEGER': return nullable((v) => int32(v as number));
    case 'BIGINT': return nullable((v) => int64(toBigInt(v)));
    case 'DOUBLE': return nullable((v) => float64(v as number));
    case 'DECIMAL': return nullable((v) => numericBinary(v instanceof Decimal ? v : Decimal.fromString(String(v))));
    case 'STRING': return nullable((v) => utf8(v as string));
    case 'BYTES': return nullable((v) => {
      const u = v as Uint8Array;
      return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    });
    case 'DATE': return nullable((v) => int32((v as number) - PG_EPOCH_DAYS));
    case 'TIME': return nullable((v) => int64(BigInt(v as number) * 1000n));
    case 'TIMESTAMP': return nullable((v) => int64((BigInt(v as number) - PG_EPOCH_MS) * 1000n));
    case 'ARRAY': case 'MAP': case 'STRUCT': {
      // json's binary format is its text.
      const json = jsonWriter(t);
      return nullable((v) => utf8(json(v)));
    }
    default:
      // Columns sent as text (SHOW/DESCRIBE cells, NULL-typed): the text's bytes, as pg-types.ts writes it.
      return nullable((v) => utf8(typeof v === 'string' ? v
        : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : anyJson(v)));
  }
}

/** The binary format of a value given as Postgres text of type `oid` (catalog answers). */
export function textToBinary(oid: number, text: string): Buffer {
  switch (oid) {
    case 16: return Buffer.from([text === 't' || text === 'true' ? 1 : 0]);
    case 21: { const b = Buffer.allocUnsafe(2); b.writeInt16BE(wholeNumber(text, oid)); return b; }
    case 23: return int32(wholeNumber(text, oid));
    case 26: { const b = Buffer.allocUnsafe(4); b.writeUInt32BE(wholeNumber(text, oid)); return b; }
    case 20: return int64(BigInt(text));
    case 700: { const b = Buffer.allocUnsafe(4); b.writeFloatBE(Number(text)); return b; }
    case 701: return float64(Number(text));
    case 1700: return numericBinary(Decimal.fromString(text));
    // text, name, "char", varchar, bpchar, json: the text itself.
    case 25: case 19: case 18: case 1043: case 1042: case 114: return utf8(text);
    case 3802: return Buffer.concat([Buffer.from([1]), utf8(text)]);
    default: throw new PgProtocolError('0A000', `binary format of type oid ${oid} is not supported: ask for text results`);
  }
}

function wholeNumber(text: string, oid: number): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new PgProtocolError('XX000', `not a whole number for type oid ${oid}: "${text}"`);
  return n;
}

// ---------- numeric ----------

/** numeric_send: ndigits, weight, sign, dscale (int16 each), then the base-10000 digits. */
export function numericBinary(d: Decimal): Buffer {
  let unscaled = d.unscaled, scale = d.scale;
  if (scale < 0) { unscaled *= 10n ** BigInt(-scale); scale = 0; }
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const whole = digits.slice(0, digits.length - scale), fraction = digits.slice(digits.length - scale);
  // Whole digits group from the point leftwards, fraction digits rightwards.
  const wholePadded = '0'.repeat((4 - (whole.length % 4)) % 4) + whole;
  const fractionPadded = fraction + '0'.repeat((4 - (fraction.length % 4)) % 4);
  const all = wholePadded + fractionPadded;
  const groups: number[] = [];
  for (let i = 0; i < all.length; i += 4) groups.push(Number(all.slice(i, i + 4)));
  let weight = wholePadded.length / 4 - 1;
  let start = 0, end = groups.length;
  while (start < end && groups[start] === 0) { start++; weight--; }
  while (end > start && groups[end - 1] === 0) end--;
  const n = end - start;
  if (n === 0) weight = 0;
  const b = Buffer.allocUnsafe(8 + 2 * n);
  b.writeInt16BE(n, 0);
  b.writeInt16BE(weight, 2);
  b.writeUInt16BE(negative && n > 0 ? NUMERIC_NEG : 0, 4);
  b.writeInt16BE(scale, 6);
  for (let i = 0; i < n; i++) b.writeUInt16BE(groups[start + i], 8 + 2 * i);
  return b;
}

/** numeric_recv: the value as plain decimal text with dscale fraction digits, or NaN/Infinity/-Infinity. */
export function numericFromBinary(b: Buffer): string {
  if (b.length < 8) throw badBinary();
  const n = b.readUInt16BE(0), weight = b.readInt16BE(2), sign = b.readUInt16BE(4), dscale = b.readUInt16BE(6);
  if (b.length !== 8 + 2 * n || dscale > 0x3fff) throw badBinary();
  if (sign === NUMERIC_NAN) return 'NaN';
  if (sign === NUMERIC_PINF) return 'Infinity';
  if (sign === NUMERIC_NINF) return '-Infinity';
  if (sign !== 0 && sign !== NUMERIC_NEG) throw badBinary();
  const digit = (k: number): string => {
    if (k < 0 || k >= n) return '0000';
    const g = b.readUInt16BE(8 + 2 * k);
    if (g > 9999) throw badBinary();
    return String(g).padStart(4, '0');
  };
  let whole = '';
  for (let k = 0; k <= weight; k++) whole += digit(k);
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  let fraction = '';
  for (let k = weight + 1; fraction.length < dscale; k++) fraction += digit(k);
  fraction = fraction.slice(0, dscale);
  const text = dscale > 0 ? `${whole}.${fraction}` : whole;
  return sign === NUMERIC_NEG && /[1-9]/.test(text) ? '-' + text : text;
}

// ---------- parameters ----------

function badBinary(): PgProtocolError {
  return new PgProtocolError('22P03', 'incorrect binary data format');
}

function sized(b: Buffer, n: number): Buffer {
  if (b.length !== n) throw badBinary();
  return b;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text from a client's bytes; Postgres refuses invalid UTF-8 rather than guessing. */
export function utf8Text(b: Uint8Array): string {
  try {
    return strictUtf8.decode(b);
  } catch {
    throw new PgProtocolError('22021', 'invalid byte sequence for encoding "UTF8"');
  }
}

const INT64_MAX = 2n ** 63n - 1n, INT64_MIN = -(2n ** 63n);

/** Microseconds → Eddy's milliseconds, floored (a time before 2000 stays on its millisecond). */
function microsToMs(us: bigint, what: string): bigint {
  if (us === INT64_MAX || us === INT64_MIN) throw new PgProtocolError('22008', `${what} out of range: infinity is not supported`);
  return us / 1000n - (us % 1000n < 0n ? 1n : 0n);
}

/** A Bind parameter in binary format, decoded per its type oid (see ParamValue). Throws 22P03 on bad data. */
export function decodeBinaryParam(oid: number, b: Buffer): ParamValue {
  switch (oid) {
    case 16: return sized(b, 1)[0] !== 0;
    case 21: return BigInt(sized(b, 2).readInt16BE(0));
    case 23: return BigInt(sized(b, 4).readInt32BE(0));
    case 26: return BigInt(sized(b, 4).readUInt32BE(0));
    case 20: return sized(b, 8).readBigInt64BE(0);
    case 700: return sized(b, 4).readFloatBE(0);
    case 701: return sized(b, 8).readDoubleBE(0);
    case 1700: return numericFromBinary(b);
    case 17: return b;
    case 18: case 19: case 25: case 705: case 1042: case 1043: case 114: return utf8Text(b);
    case 3802:
      if (b.length < 1 || b[0] !== 1) throw new PgProtocolError('22P03', `unsupported jsonb version number ${b[0] ?? 'missing'}`);
      return utf8Text(b.subarray(1));
    case 2950: return uuidText(sized(b, 16));
    case 1082: {
      const days = sized(b, 4).readInt32BE(0);
      if (days === 0x7fffffff || days === -0x80000000) throw new PgProtocolError('22008', 'date out of range: infinity is not supported');
      return days + PG_EPOCH_DAYS;
    }
    case 1083: return Number(microsToMs(sized(b, 8).readBigInt64BE(0), 'time'));
    case 1114: case 1184: return Number(microsToMs(sized(b, 8).readBigInt64BE(0), 'timestamp') + PG_EPOCH_MS);
    default:
      throw new PgProtocolError('0A000', `binary format of parameters of type oid ${oid} is not supported: send the parameter as text`);
  }
}

function uuidText(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
