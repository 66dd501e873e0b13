// Values as Java's String.valueOf prints them, for the test functions that return text of their
// arguments (ksqlDB's TestUdtf returns String.valueOf(x), BigDecimal.toString, Struct.toString).
import { Decimal } from '../../../src/types/decimal.js';

export function javaText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? String(v) : javaDouble(v);
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)) return structText(v as Record<string, unknown>);
  return String(v);
}

/** A DOUBLE: Java always prints a fraction ("1.0"). */
export function javaDouble(d: number): string {
  return Number.isInteger(d) ? d.toFixed(1) : String(d);
}

/** Kafka Connect's Struct.toString: the non-null fields as name=value. */
function structText(s: Record<string, unknown>): string {
  const fields = Object.entries(s).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${javaText(v)}`);
  return `Struct{${fields.join(',')}}`;
}
