// Test helpers for the aggregate functions: pick an overload the way the analyzer would (exact
// types first, then numeric widening), fold rows through it, and render results as JSON.
import type { AggregateFunction, AggregateOverload, Aggregator, TypePattern } from '../../udfs/types.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { Decimal } from '../../src/types/decimal.js';

const WIDENING = ['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE'];

function matches(p: TypePattern, t: SqlType, widen: boolean, bound: Map<string, SqlType>): boolean {
  if (p.kind === 'GENERIC') {
    const prior = bound.get(p.name);
    if (prior) return JSON.stringify(prior) === JSON.stringify(t);
    bound.set(p.name, t);
    return true;
  }
  if (p.kind === 'ARRAY') return t.kind === 'ARRAY' && matches(p.item, t.item, widen, bound);
  if (p.kind === t.kind) return true;
  const from = WIDENING.indexOf(t.kind), to = WIDENING.indexOf(p.kind);
  return widen && from >= 0 && to > from;
}

export function pickOverload(fn: AggregateFunction, argTypes: SqlType[], literalTypes: SqlType[] = []): AggregateOverload {
  for (const widen of [false, true]) {
    for (const o of fn.overloads) {
      const lits = o.literalParams ?? [];
      if (o.params.length !== argTypes.length || lits.length !== literalTypes.length) continue;
      const bound = new Map<string, SqlType>();
      if (!o.params.every((p, i) => matches(p.type, argTypes[i], widen, bound))) continue;
      if (!lits.every((p, i) => matches(p.type, literalTypes[i], widen, bound))) continue;
      return o;
    }
  }
  throw new Error(`no overload of ${fn.name} for (${argTypes.map((t) => t.kind).join(', ')})`);
}

const literalType = (v: unknown): SqlType => (typeof v === 'boolean' ? { kind: 'BOOLEAN' } : { kind: 'INTEGER' });

export interface Prepared {
  overload: AggregateOverload;
  agg: Aggregator;
  returnType: SqlType;
}

export function prepare(
  fn: AggregateFunction,
  argTypes: SqlType[],
  literals: unknown[] = [],
  properties: Record<string, string> = {},
): Prepared {
  const overload = pickOverload(fn, argTypes, literals.map(literalType));
  const returns = overload.returns;
  const returnType = typeof returns === 'function' ? returns(argTypes) : (returns as SqlType);
  return { overload, agg: overload.create(argTypes, literals, { properties }), returnType };
}

/** Adds each row (an array of argument values) to a fresh accumulator. */
export function fold(agg: Aggregator, rows: unknown[][], acc: unknown = agg.initial()): unknown {
  for (const row of rows) acc = agg.add(acc, row);
  return acc;
}

/** The result after each row, as a stream aggregation emits them. */
export function emitted(agg: Aggregator, rows: unknown[][]): unknown[] {
  let acc = agg.initial();
  return rows.map((row) => {
    acc = agg.add(acc, row);
    return json(agg.result(acc));
  });
}

/** A state store's round trip: the accumulator must survive JSON. */
export const stored = <A>(acc: A): A => JSON.parse(JSON.stringify(acc)) as A;

/** Runtime values as JSON: maps become objects, decimals strings, bytes base64. */
export function json(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), json(x)]));
  if (Array.isArray(v)) return v.map(json);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, json(x)]));
}

export const t = {
  int: { kind: 'INTEGER' } as SqlType,
  bigint: { kind: 'BIGINT' } as SqlType,
  double: { kind: 'DOUBLE' } as SqlType,
  string: { kind: 'STRING' } as SqlType,
  boolean: { kind: 'BOOLEAN' } as SqlType,
  bytes: { kind: 'BYTES' } as SqlType,
  date: { kind: 'DATE' } as SqlType,
  time: { kind: 'TIME' } as SqlType,
  timestamp: { kind: 'TIMESTAMP' } as SqlType,
  decimal: (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale }),
  array: (item: SqlType): SqlType => ({ kind: 'ARRAY', item }),
  map: (key: SqlType, value: SqlType): SqlType => ({ kind: 'MAP', key, value }),
  struct: (fields: Record<string, SqlType>): SqlType => ({
    kind: 'STRUCT',
    fields: Object.entries(fields).map(([name, type]) => ({ name, type })),
  }),
};

export const dec = (text: string): Decimal => Decimal.fromString(text);
/** Single-column rows. */
export const rows = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
