// Picks the aggregate overload for the argument types and computes its result type. Used by the
// planner (for schemas) and the runtime (to create the aggregator) so both agree.
import type { AggregateFunction, AggregateOverload, AggregatePattern, TypePattern } from '../../udfs/types.js';
import type { SqlType } from '../types/sql-type.js';
import { formatType } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';

const WIDEN: Record<string, number> = { INTEGER: 1, BIGINT: 2, DECIMAL: 3, DOUBLE: 4 };

type Bindings = Map<string, SqlType>;

function matches(p: AggregatePattern, t: SqlType, b: Bindings, exact: boolean): boolean {
  if (t.kind === 'NULL') return true;
  switch (p.kind) {
    case 'ANY': return true;
    case 'GENERIC': {
      const bound = b.get(p.name);
      if (!bound) { b.set(p.name, t); return true; }
      return JSON.stringify(bound) === JSON.stringify(t);
    }
    case 'ANY_STRUCT': return t.kind === 'STRUCT';
    case 'ARRAY': return t.kind === 'ARRAY' && matches(p.item, t.item, b, exact);
    case 'MAP': return t.kind === 'MAP' && matches(p.key, t.key, b, exact) && matches(p.value, t.value, b, exact);
    case 'STRUCT': return t.kind === 'STRUCT' && JSON.stringify(p) === JSON.stringify(t);
    case 'LAMBDA': return false;
    default:
      if (p.kind === t.kind) return true;
      if (exact) return false;
      return WIDEN[t.kind] !== undefined && WIDEN[p.kind] !== undefined && WIDEN[t.kind] < WIDEN[p.kind];
  }
}

export function substitute(p: TypePattern, b: Bindings): SqlType {
  switch (p.kind) {
    case 'GENERIC': {
      const t = b.get(p.name);
      if (!t) throw new SqlError('INTERNAL', `unbound type variable ${p.name}`);
      return t;
    }
    case 'ARRAY': return { kind: 'ARRAY', item: substitute(p.item, b) };
    case 'MAP': return { kind: 'MAP', key: substitute(p.key, b), value: substitute(p.value, b) };
    case 'DECIMAL': return { kind: 'DECIMAL', precision: p.precision ?? 38, scale: p.scale ?? 0 };
    case 'ANY_STRUCT': case 'LAMBDA': throw new SqlError('INTERNAL', `pattern ${p.kind} is not a result type`);
    default: return p as SqlType;
  }
}

export interface ResolvedAggregate { overload: AggregateOverload; returnType: SqlType }

/**
 * `literals`: the literal arguments' values (their kinds pick between overloads of the same
 * length: EARLIEST_BY_OFFSET(col, 2) is (col, n), (col, false) is (col, ignoreNulls)), or a count.
 */
export function resolveAggregate(fn: AggregateFunction, argTypes: SqlType[], literals: number | readonly unknown[]): ResolvedAggregate {
  const literalCount = typeof literals === 'number' ? literals : literals.length;
  for (const exact of [true, false]) {
    for (const o of fn.overloads) {
      if (!fitsCounts(o, argTypes.length, literalCount)) continue;
      if (typeof literals !== 'number' && !literals.every((v, i) => literalFits(literalParam(o, i), v))) continue;
      const b: Bindings = new Map();
      if (!argTypes.every((t, i) => matches(columnParam(o, i), t, b, exact))) continue;
      const returnType = typeof o.returns === 'function' ? o.returns(argTypes) : substitute(o.returns, b);
      return { overload: o, returnType };
    }
  }
  throw new SqlError('FUNCTION_ARGS',
    `Function '${fn.name}' does not accept parameters (${argTypes.map(formatType).join(', ')}).`);
}

/** Whether an overload takes this many column and literal arguments (a variadic part repeats 0+ times). */
function fitsCounts(o: AggregateOverload, columns: number, literals: number): boolean {
  const p = o.params.length, l = o.literalParams?.length ?? 0;
  if (o.variadic === 'params') return columns >= p - 1 && literals === l;
  if (o.variadic === 'literals') return columns === p && literals >= l - 1;
  return columns === p && literals === l;
}

function columnParam(o: AggregateOverload, i: number): AggregatePattern {
  return o.params[o.variadic === 'params' ? Math.min(i, o.params.length - 1) : i].type;
}

function literalParam(o: AggregateOverload, i: number): TypePattern {
  const ps = o.literalParams ?? [];
  return ps[o.variadic === 'literals' ? Math.min(i, ps.length - 1) : i].type;
}

/**
 * Every way the overloads split a call of `argCount` arguments into column arguments and
 * trailing literal ones, as the number of literals, in overload order (TOPK(col, 3) → [1]).
 */
export function literalArgCounts(fn: AggregateFunction, argCount: number): number[] {
  const out: number[] = [];
  for (const o of fn.overloads) {
    const p = o.params.length, l = o.literalParams?.length ?? 0;
    const n = o.variadic === 'literals' ? argCount - p : l;
    if (n >= 0 && fitsCounts(o, argCount - n, n) && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Whether a literal value can be a literal parameter of this type (NULL fits any). */
function literalFits(p: TypePattern, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (p.kind) {
    case 'BOOLEAN': return typeof v === 'boolean';
    case 'STRING': return typeof v === 'string';
    case 'INTEGER': case 'BIGINT': case 'DOUBLE': return typeof v === 'number';
    default: return true;
  }
}
