// Java's toString() of a ksqlDB runtime value (java.sql.Date, BigDecimal, ByteBuffer, Connect
// Struct...). COUNT_DISTINCT hashes values other than numbers and strings through their text, so
// this text decides which HyperLogLog register a value lands in. Dates and times print in UTC.
import type { SqlType } from '../types/sql-type.js';
import type { Decimal } from '../types/decimal.js';
import { bigDecimalToString } from './java-number.js';

export function javaStringFor(t: SqlType): (v: unknown) => string {
  switch (t.kind) {
    case 'INTEGER':
    case 'BIGINT':
      return (v) => (v === null ? 'null' : String(v));
    case 'DOUBLE':
      return (v) => (v === null ? 'null' : javaDouble(v as number));
    case 'BOOLEAN':
    case 'STRING':
      return (v) => String(v);
    case 'DECIMAL':
      return (v) => (v === null ? 'null' : javaBigDecimal(v as Decimal));
    case 'DATE':
      return (v) => (v === null ? 'null' : isoDate(new Date((v as number) * 86400000)));
    case 'TIME':
      return (v) => (v === null ? 'null' : new Date(v as number).toISOString().slice(11, 19));
    case 'TIMESTAMP':
      return (v) => (v === null ? 'null' : javaTimestamp(v as number));
    case 'BYTES':
      // ByteBuffer has no content-based toString: Java hashes this text, contents ignored.
      return (v) => {
        if (v === null) return 'null';
        const n = (v as Uint8Array).length;
        return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
      };
    case 'ARRAY': {
      const item = javaStringFor(t.item);
      return (v) => (v === null ? 'null' : '[' + (v as unknown[]).map(item).join(', ') + ']');
    }
    case 'MAP': {
      const key = javaStringFor(t.key);
      const value = javaStringFor(t.value);
      return (v) => {
        if (v === null) return 'null';
        const parts: string[] = [];
        for (const [k, x] of v as Map<unknown, unknown>) parts.push(key(k) + '=' + value(x));
        return '{' + parts.join(', ') + '}';
      };
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ name: f.name, text: javaStringFor(f.type) }));
      return (v) => {
        if (v === null) return 'null';
        const o = v as Record<string, unknown>;
        // Connect's Struct.toString skips null fields.
        const parts = fields.filter((f) => (o[f.name] ?? null) !== null).map((f) => f.name + '=' + f.text(o[f.name]));
        return 'Struct{' + parts.join(',') + '}';
      };
    }
    default:
      return (v) => String(v);
  }
}

/** Double.toString: plain between 10^-3 and 10^7, else computerized scientific notation. */
export function javaDouble(d: number): string {
  if (d !== d) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return 1 / d < 0 ? '-0.0' : '0.0';
  const a = Math.abs(d);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : s + '.0';
  }
  const [mantissa, exp] = d.toExponential().split('e');
  return (mantissa.includes('.') ? mantissa : mantissa + '.0') + 'E' + (exp.startsWith('+') ? exp.slice(1) : exp);
}

/** BigDecimal.toString: scientific notation once the adjusted exponent drops below -6. */
export function javaBigDecimal(d: Decimal): string {
  const neg = d.unscaled < 0n;
  return bigDecimalToString(neg, (neg ? -d.unscaled : d.unscaled).toString(), d.scale);
}

/** java.sql.Timestamp.toString: "yyyy-mm-dd hh:mm:ss.f", trailing zeros of the fraction dropped. */
export function javaTimestamp(ms: number): string {
  const date = new Date(ms);
  const iso = date.toISOString();
  const millis = ((ms % 1000) + 1000) % 1000;
  const fraction = millis === 0 ? '0' : String(millis).padStart(3, '0').replace(/0+$/, '');
  return isoDate(date) + ' ' + iso.slice(11, 19) + '.' + fraction;
}

function isoDate(date: Date): string {
  const y = date.getUTCFullYear();
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return String(y).padStart(4, '0') + '-' + mm + '-' + dd;
}
