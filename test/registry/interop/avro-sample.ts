// The Avro records the interop tests send both ways: one writer schema with every kind of field
// a user's topic has (int, long, double, string, boolean, a nullable field, a nested record, an
// array, a map, decimal and timestamp-millis), values as JSON (decimals as text, timestamps as
// epoch millis), and what Eddy should make of them: the columns ksqlDB infers from the schema
// and each record as a row.
import { Decimal } from '../../../src/types/decimal.js';

export const READING_SCHEMA = {
  type: 'record', name: 'Reading', namespace: 'interop',
  fields: [
    { name: 'i', type: 'int' },
    { name: 'l', type: 'long' },
    { name: 'd', type: 'double' },
    { name: 's', type: 'string' },
    { name: 'b', type: 'boolean' },
    { name: 'opt', type: ['null', 'string'], default: null },
    { name: 'nested', type: { type: 'record', name: 'Inner', fields: [{ name: 'x', type: 'int' }, { name: 'tag', type: 'string' }] } },
    { name: 'arr', type: { type: 'array', items: 'long' } },
    { name: 'm', type: { type: 'map', values: 'double' } },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};

/** Values past int32 and edge cases (negative decimals, -0.01, empty string/array/map, a null). */
export const READINGS = [
  { i: 1, l: 4_000_000_000, d: 1.5, s: 'héllo', b: true, opt: null, nested: { x: 7, tag: 'a' }, arr: [1, 2], m: { k: 0.25 }, price: '12.34', ts: 1_700_000_000_123 },
  { i: -2, l: -5, d: -0.75, s: '', b: false, opt: 'x', nested: { x: 0, tag: '' }, arr: [], m: {}, price: '-0.01', ts: 0 },
  { i: 2_147_483_647, l: -4_000_000_000_000, d: 1e-300, s: 'ünïcödé ✓', b: true, opt: null, nested: { x: -1, tag: 'z' }, arr: [-3], m: { a: 1, b: -2.5 }, price: '-128.00', ts: 1_000 },
];

/**
 * The columns Eddy should infer from READING_SCHEMA, as ksqlDB does from a subject's latest
 * schema: field names upper-cased, struct fields too (its avro.json cases: `c1` gives C1).
 */
export const READING_COLUMNS = [
  ['I', 'INTEGER'], ['L', 'BIGINT'], ['D', 'DOUBLE'], ['S', 'STRING'], ['B', 'BOOLEAN'], ['OPT', 'STRING'],
  ['NESTED', 'STRUCT<`X` INTEGER, `TAG` STRING>'], ['ARR', 'ARRAY<BIGINT>'], ['M', 'MAP<STRING, DOUBLE>'],
  ['PRICE', 'DECIMAL(10, 2)'], ['TS', 'TIMESTAMP'],
];

/** A reading, or anything of its shape (e.g. the Python types of its fields). */
type ReadingShape = Record<'i' | 'l' | 'd' | 's' | 'b' | 'opt' | 'arr' | 'm' | 'price' | 'ts', unknown> & { nested: { x: unknown; tag: unknown } };

/** A reading as an Eddy sink of `SELECT *` writes it: its columns' (upper-case) names; map keys as they were. */
export const asSinkRecord = (r: ReadingShape): Record<string, unknown> => ({
  I: r.i, L: r.l, D: r.d, S: r.s, B: r.b, OPT: r.opt, NESTED: { X: r.nested.x, TAG: r.nested.tag },
  ARR: r.arr, M: r.m, PRICE: r.price, TS: r.ts,
});

/** A row of Eddy's as plain JSON: Decimal as its text, Map as an object, bytes as base64. */
export function plain(v: unknown): unknown {
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), plain(x)]));
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** READINGS as Eddy's rows should read, in READING_COLUMNS order (struct fields upper-cased too). */
export const READING_ROWS: unknown[][] = READINGS.map((r) => Object.values(asSinkRecord(r)));
