// A parameter value as an Eddy literal of the matching type, for the statement bindParameters
// builds: numbers as numeric literals (a DOUBLE with an exponent), temporal values as CASTs of ISO
// text (which also work in comparisons and function arguments), bytes through TO_BYTES.
import { civilFromDays, MS_PER_DAY } from '../../src/types/civil-date.js';
import { Decimal } from '../../src/types/decimal.js';
import type { ParamValue } from './pg-binary.js';
import { INTEGER, invalid, kindOf, TYPE_NAME } from './pg-text-input.js';
import { PgProtocolError } from './sqlstate.js';

/** A string literal; `${` is escaped because the statement then goes through variable substitution. */
export function quoteString(s: string): string {
  return "'" + s.replace(/'/g, "''").replace(/\$\{/g, () => '$${') + "'";
}

/** Negative numbers in parentheses, so `a-$1` cannot become the comment `a--1`. */
const signed = (s: string): string => (s.startsWith('-') ? `(${s})` : s);

/** float4 values decoded from binary print as the float they are: 1.1, not 1.100000023841858. */
function float4Text(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

function doubleLiteral(oid: number, v: number): string {
  if (!Number.isFinite(v)) return `CAST('${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'}' AS DOUBLE)`;
  if (Object.is(v, -0)) return '(-0.0E0)';
  const s = oid === 700 && Math.fround(v) === v ? float4Text(v) : String(v);
  // An exponent makes it a DOUBLE literal (1.5 alone would be a DECIMAL).
  return signed(/e/i.test(s) ? s : `${s}E0`);
}

const BIGINT_MAX = 2n ** 63n - 1n;
const MAX_DECIMAL_PRECISION = 38;

function decimalLiteral(text: string): string {
  if (text === 'NaN' || text.endsWith('Infinity')) {
    throw new PgProtocolError('22P02', `Eddy's DECIMAL has no ${text}: use a double precision parameter`);
  }
  const d = Decimal.fromString(text);
  if (d.precision > MAX_DECIMAL_PRECISION) {
    throw new PgProtocolError('22003', `numeric value ${text} has more than ${MAX_DECIMAL_PRECISION} digits, the most a DECIMAL holds`);
  }
  const s = d.toString();
  // A whole number beyond BIGINT is no valid integer literal: say it is a DECIMAL.
  const whole = d.scale <= 0 && (d.unscaled < 0n ? -d.unscaled : d.unscaled) > BIGINT_MAX;
  return whole ? `CAST('${s}' AS DECIMAL(${d.precision}, 0))` : signed(s);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoDate(days: number, oid: number): string {
  const c = civilFromDays(days);
  if (c.year < 1 || c.year > 9999) throw new PgProtocolError('22008', `${TYPE_NAME[oid]} out of range for Eddy (years 1 to 9999)`);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

function isoTime(msOfDay: number): string {
  const s = Math.floor(msOfDay / 1000);
  return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}.${pad(msOfDay % 1000, 3)}`;
}

/** The Eddy literal of a parameter value of type `oid`. */
export function eddyLiteral(oid: number, v: ParamValue): string {
  switch (kindOf(oid)) {
    case 'bool': return v ? 'TRUE' : 'FALSE';
    case 'int': return signed(String(v));
    case 'float': return doubleLiteral(oid, v as number);
    case 'numeric': return decimalLiteral(v as string);
    case 'bytea': return `TO_BYTES('${(v as Buffer).toString('hex')}', 'hex')`;
    case 'date': return `CAST('${isoDate(v as number, oid)}' AS DATE)`;
    case 'time': {
      const ms = v as number;
      if (ms < 0 || ms >= MS_PER_DAY) throw new PgProtocolError('22008', `time out of range: ${ms} ms of the day`);
      return `CAST('${isoTime(ms)}' AS TIME)`;
    }
    case 'timestamp': {
      const ms = v as number;
      const days = Math.floor(ms / MS_PER_DAY);
      return `CAST('${isoDate(days, oid)}T${isoTime(ms - days * MS_PER_DAY)}' AS TIMESTAMP)`;
    }
    case 'json': case 'uuid': case 'text': return quoteString(v as string);
  }
}

/** LIMIT takes a bare whole number in Eddy's grammar, whatever type the client gave the parameter. */
export function limitLiteral(oid: number, v: ParamValue): string {
  const kind = kindOf(oid);
  let n: bigint;
  if (kind === 'int') n = v as bigint;
  else if (kind === 'float' && Number.isInteger(v)) n = BigInt(v as number);
  else if (kind === 'text' || kind === 'numeric') {
    if (!INTEGER.test((v as string).trim())) throw invalid(20, v as string);
    n = BigInt((v as string).trim());
  } else throw new PgProtocolError('42804', `argument of LIMIT must be a whole number, not type ${TYPE_NAME[oid]}`);
  if (n < 0n) throw new PgProtocolError('2201W', 'LIMIT must not be negative');
  // Beyond what the grammar takes, any LIMIT means "all the rows" anyway.
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return String(n > max ? max : n);
}
