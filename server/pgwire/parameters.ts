// $n parameters of the extended query protocol in Eddy SQL: how many a statement has, their
// types (for ParameterDescription and for reading Bind's values), and the statement with each
// $n replaced by an Eddy literal of its value. A `$n` inside a string, a quoted name or a
// comment is no parameter, and `${name}` is an Eddy variable.
import type { Engine } from '../../src/engine/engine.js';
import { parseStatement, substituteVariables } from '../../grammar/index.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { OID } from './pg-types.js';
import { PgProtocolError } from './sqlstate.js';
import { inferFromContext, markerText } from './parameter-inference.js';
import { eddyLiteral, limitLiteral } from './parameter-literals.js';
import { readParam } from './pg-text-input.js';

/** One `$n` in the statement text. */
export interface ParameterRef {
  n: number;
  start: number;
  end: number;
  /** `LIMIT $n`: Eddy's grammar takes a bare whole number there. */
  afterLimit: boolean;
}

/** Bind's parameter count is an int16: no statement can use more. */
const MAX_PARAMETERS = 65535;

const NUMBER = /\$(\d+)/y;
const VARIABLE = /\$?\$\{[A-Za-z_][A-Za-z0-9_@]*\}/y;
const WORD = /[A-Za-z_][A-Za-z0-9_@]*/y;

/** Every `$n` outside strings, quoted names, comments and `${variables}`, in text order. */
export function findParameters(sql: string): ParameterRef[] {
  const out: ParameterRef[] = [];
  let previous = ''; // the last word or symbol before here, upper-cased
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.slice(i).search(/[\r\n]/);
      i = nl < 0 ? sql.length : i + nl;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i = quotedEnd(sql, i);
      previous = c;
    } else if (c === '$') {
      VARIABLE.lastIndex = i;
      NUMBER.lastIndex = i;
      const variable = VARIABLE.exec(sql);
      const number = variable ? null : NUMBER.exec(sql);
      if (number) out.push({ n: Number(number[1]), start: i, end: i + number[0].length, afterLimit: previous === 'LIMIT' });
      i += variable ? variable[0].length : number ? number[0].length : 1;
      previous = '$';
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(sql)![0];
      previous = word.toUpperCase();
      i += word.length;
    } else {
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return out;
}

/** The offset just past the quoted run starting at `start` (a doubled quote stays inside). */
export function quotedEnd(sql: string, start: number): number {
  const q = sql[start];
  for (let j = start + 1; ;) {
    const k = sql.indexOf(q, j);
    if (k < 0) return sql.length;
    if (sql[k + 1] === q) { j = k + 2; continue; }
    return k + 1;
  }
}

/** The highest n of the `$n` in the statement (0 if none). Throws 42P02 for $0 or beyond Bind's limit. */
export function parameterCount(sql: string): number {
  return countOf(findParameters(sql));
}

function countOf(refs: readonly ParameterRef[]): number {
  let max = 0;
  for (const r of refs) {
    if (r.n < 1 || r.n > MAX_PARAMETERS) throw new PgProtocolError('42P02', `there is no parameter $${r.n}`);
    max = Math.max(max, r.n);
  }
  return max;
}

/** The Postgres type oid of an Eddy type. */
export function oidOf(t: SqlType | undefined): number {
  switch (t?.kind) {
    case 'BOOLEAN': return OID.BOOL;
    case 'INTEGER': return OID.INT4;
    case 'BIGINT': return OID.INT8;
    case 'DOUBLE': return OID.FLOAT8;
    case 'DECIMAL': return OID.NUMERIC;
    case 'BYTES': return OID.BYTEA;
    case 'DATE': return OID.DATE;
    case 'TIME': return OID.TIME;
    case 'TIMESTAMP': return OID.TIMESTAMP;
    case 'ARRAY': case 'MAP': case 'STRUCT': return OID.JSON;
    default: return OID.TEXT;
  }
}

/**
 * The type oid of each parameter: the declared one (Parse's) when not 0, else what its place in the
 * statement says (see parameter-inference.ts), else text. A statement that does not parse gets
 * declared-or-text types: its error comes when it runs.
 */
export function inferParameterTypes(sql: string, declared: readonly number[], engine: Engine): number[] {
  const refs = findParameters(sql);
  const count = Math.max(countOf(refs), declared.length);
  const inferred = new Map<number, SqlType>();
  if (refs.length > 0 && declared.slice(0, count).filter((oid) => oid !== 0).length < count) {
    for (const r of refs) if (r.afterLimit) inferred.set(r.n, { kind: 'BIGINT' });
    try {
      let marked = replaceParameters(sql, refs, (r) => markerText(r.n));
      if (marked.includes('${')) marked = substituteVariables(marked, engine.state.variables);
      const fromContext = inferFromContext(parseStatement(marked, undefined, new Set(engine.state.types.keys())), engine.state.catalog, engine.state.registry);
      for (const [n, t] of fromContext) if (!inferred.has(n)) inferred.set(n, t);
    } catch {
      // Not valid Eddy SQL (or an undefined variable): no context to infer from.
    }
  }
  return Array.from({ length: count }, (_, i) => declared[i] || oidOf(inferred.get(i + 1)));
}

function replaceParameters(sql: string, refs: readonly ParameterRef[], literal: (r: ParameterRef) => string): string {
  let out = '';
  let at = 0;
  for (const r of refs) {
    out += sql.slice(at, r.start) + literal(r);
    at = r.end;
  }
  return out + sql.slice(at);
}

/**
 * The statement with every $n replaced by an Eddy literal of its value: `values[i]` (null for NULL)
 * in format `formats[i]` (0 text, 1 binary) of type oid `types[i]` (0 or missing: text).
 * Bad values throw PgProtocolError with Postgres's SQLSTATE (22P02 invalid input, 22003 out of
 * range, 22P03 bad binary data). String literals escape `${` as `$${`: the result is meant for
 * Engine.parse, which substitutes variables.
 */
export function bindParameters(sql: string, values: readonly (Buffer | null)[], formats: readonly number[], types: readonly number[]): string {
  const refs = findParameters(sql);
  if (refs.length === 0) return sql;
  const count = countOf(refs);
  if (values.length < count) {
    throw new PgProtocolError('08P01', `bind message supplies ${values.length} parameters, but the statement requires ${count}`);
  }
  const literals = new Map<string, string>();
  return replaceParameters(sql, refs, (r) => {
    const key = `${r.n}${r.afterLimit ? 'L' : ''}`;
    let literal = literals.get(key);
    if (literal === undefined) {
      literal = bindOne(r, values[r.n - 1], formats[r.n - 1] ?? 0, types[r.n - 1] || OID.TEXT);
      literals.set(key, literal);
    }
    return literal;
  });
}

function bindOne(r: ParameterRef, bytes: Buffer | null | undefined, format: number, oid: number): string {
  if (bytes === null || bytes === undefined) {
    // LIMIT NULL means no limit, as in Postgres.
    return r.afterLimit ? String(Number.MAX_SAFE_INTEGER) : 'NULL';
  }
  try {
    const value = readParam(oid, format, bytes);
    return r.afterLimit ? limitLiteral(oid, value) : eddyLiteral(oid, value);
  } catch (e) {
    if (e instanceof PgProtocolError && e.code === '22P03') {
      throw new PgProtocolError(e.code, `${e.message} in bind parameter ${r.n}`, e.hint);
    }
    throw e;
  }
}
