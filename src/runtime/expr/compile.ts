// Compiles a typed expression to a closure over row positions, built once per query: no AST
// walking, name lookups or type dispatch per row. NULL follows ksqlDB: operators give NULL,
// comparisons false; AND/OR/NOT use SQL three-valued logic. Failures throw EvaluationError.
import type { TCase, TCast, TDeref, TLogical, TSubscript, TypedExpr } from '../../plan/expr/typed-expr.js';
import { childrenOf } from '../../plan/expr/typed-expr.js';
import type { CompileEnv, CompileOptions, Evaluator } from './compile-env.js';
import { textOf } from './compile-env.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import { identityCaster, isIdentityCast, makeCaster } from '../../values/cast.js';
import { compileArithmetic, compileConcat, compileNegate } from './compile-arithmetic.js';
import { compileBetween, compileCompare } from './compile-compare.js';
import { compileIn } from './compile-in.js';
import { compileLike } from './like.js';
import { compileCall, compileLambda } from './compile-call.js';
import { isPrimitive, javaEquals } from '../../values/equality.js';

export type { Evaluator, EvaluationReporter, CompileOptions } from './compile-env.js';

/**
 * The closure computing `t` for a row (an array of column values, indexed by position). Calls
 * take their implementations from `opts.registry`; one that fails gives NULL and goes to
 * `opts.report`. Nothing is resolved or typed here: `t` already says what to do.
 */
export function compileExpression(t: TypedExpr, opts: CompileOptions): Evaluator {
  const env: CompileEnv = { frame: [], row: [], registry: opts.registry, report: opts.report, batch: opts.batch, compile: compileNode };
  const root = compileNode(t, env);
  if (!usesLambdas(t)) return root;
  // Lambda bodies read the row from the environment when an implementation calls them.
  return (row) => {
    const outer = env.row;
    env.row = row;
    try {
      return root(row);
    } finally {
      env.row = outer;
    }
  };
}

function usesLambdas(t: TypedExpr): boolean {
  return t.kind === 'Lambda' || childrenOf(t).some(usesLambdas);
}

function compileNode(t: TypedExpr, env: CompileEnv): Evaluator {
  switch (t.kind) {
    case 'Literal': { const v = t.value; return () => v; }
    case 'Column': { const i = t.index; return (row) => row[i]; }
    case 'LambdaVar': { const frame = env.frame, s = t.slot; return () => frame[s]; }
    case 'Deref': return compileDeref(t, env);
    case 'Subscript': return compileSubscript(t, env);
    case 'Negate': return compileNegate(t, env);
    case 'Not': {
      const v = compileNode(t.operand, env);
      return (row) => { const x = v(row); return x == null ? null : !x; };
    }
    case 'Arithmetic': return compileArithmetic(t, env);
    case 'Concat': return compileConcat(t, env);
    case 'Compare': return compileCompare(t, env);
    case 'Logical': return compileLogical(t, env);
    case 'Between': return compileBetween(t, env);
    case 'In': return compileIn(t, env);
    case 'Like': return compileLike(t, env);
    case 'IsNull': {
      const v = compileNode(t.value, env);
      return t.not ? (row) => v(row) != null : (row) => v(row) == null;
    }
    case 'Case': return compileCase(t, env);
    case 'Cast': return compileCast(t, env);
    case 'Call': return compileCall(t, env);
    case 'Lambda': { const fn = compileLambda(t, env); return () => fn; }
    case 'ArrayCtor': {
      const items = t.items.map((x) => compileNode(x, env));
      return (row) => items.map((f) => f(row));
    }
    case 'MapCtor': {
      const entries = t.entries.map((e) => [compileNode(e.key, env), compileNode(e.value, env)] as const);
      return (row) => {
        const m = new Map<unknown, unknown>();
        for (const [k, v] of entries) m.set(k(row), v(row));
        return m;
      };
    }
    case 'StructCtor': {
      const fields = t.fields.map((f) => [f.name, compileNode(f.value, env)] as const);
      return (row) => {
        const o: Record<string, unknown> = {};
        for (const [name, f] of fields) o[name] = f(row);
        return o;
      };
    }
  }
}

function compileDeref(t: TDeref, env: CompileEnv): Evaluator {
  const base = compileNode(t.base, env);
  const field = t.field;
  return (row) => {
    const s = base(row) as Record<string, unknown> | null;
    return s == null ? null : (s[field] ?? null);
  };
}

function compileSubscript(t: TSubscript, env: CompileEnv): Evaluator {
  const base = compileNode(t.base, env);
  const index = compileNode(t.index, env);
  if (t.base.type.kind === 'ARRAY') {
    // ksqlDB's ArrayAccess: 1-based, negative from the end, out of range is NULL.
    return (row) => {
      const a = base(row) as unknown[] | null;
      if (a == null) return null;
      const i = index(row) as number | null;
      if (i == null) return null;
      const n = i | 0;
      const at = n >= 0 ? n - 1 : a.length + n;
      return at >= 0 && at < a.length ? (a[at] ?? null) : null;
    };
  }
  const keyType = t.base.type.kind === 'MAP' ? t.base.type.key : t.index.type;
  if (isPrimitive(keyType)) {
    return (row) => {
      const m = base(row) as Map<unknown, unknown> | null;
      if (m == null) return null;
      return m.get(index(row)) ?? null;
    };
  }
  const eq = javaEquals(keyType);
  return (row) => {
    const m = base(row) as Map<unknown, unknown> | null;
    if (m == null) return null;
    const k = index(row);
    if (k == null) return m.get(null) ?? null;
    for (const [key, v] of m) if (key != null && eq(k, key)) return v ?? null;
    return null;
  };
}

function compileLogical(t: TLogical, env: CompileEnv): Evaluator {
  const l = compileNode(t.left, env), r = compileNode(t.right, env);
  if (t.op === 'AND') {
    return (row) => {
      const a = l(row);
      if (a === false) return false;
      const b = r(row);
      if (b === false) return false;
      return a == null || b == null ? null : true;
    };
  }
  return (row) => {
    const a = l(row);
    if (a === true) return true;
    const b = r(row);
    if (b === true) return true;
    return a == null || b == null ? null : false;
  };
}

function compileCase(t: TCase, env: CompileEnv): Evaluator {
  const whens = t.whens.map((w) => ({ when: compileNode(w.when, env), then: compileNode(w.then, env) }));
  const otherwise = t.else ? compileNode(t.else, env) : () => null;
  return (row) => {
    for (let i = 0; i < whens.length; i++) if (whens[i].when(row) === true) return whens[i].then(row);
    return otherwise(row);
  };
}

function compileCast(t: TCast, env: CompileEnv): Evaluator {
  const v = compileNode(t.value, env);
  if (isIdentityCast(t.value.type, t.type)) return v;
  const cast = makeCaster(t.value.type, t.type);
  if (cast === identityCaster) return v;
  const text = textOf(t);
  return (row) => {
    const x = v(row);
    if (x == null) return null;
    try {
      return cast(x);
    } catch (e) {
      throw EvaluationError.wrap(e, text());
    }
  };
}
