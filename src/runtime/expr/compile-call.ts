// Function calls and lambdas. The implementation (or the one a factory builds, once, from the
// resolved types) gets the already-converted arguments; with nulls 'propagate' a NULL argument
// gives NULL without calling it. A lambda becomes one JS function that writes its parameters to
// the frame and evaluates its body against the current row.
import type { TCall, TLambda } from '../../plan/expr/typed-expr.js';
import { SqlError } from '../../types/sql-error.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';
import { overloadByKey } from '../../plan/expr/function-resolve.js';
import { textOf } from './compile-env.js';

type Impl = (...args: any[]) => unknown;

export function compileLambda(t: TLambda, env: CompileEnv): (...args: unknown[]) => unknown {
  const body = env.compile(t.body, env);
  const frame = env.frame;
  const slots = t.params.map((p) => p.slot);
  switch (slots.length) {
    case 1: { const [a] = slots; return (x) => { frame[a] = x ?? null; return body(env.row); }; }
    case 2: { const [a, b] = slots; return (x, y) => { frame[a] = x ?? null; frame[b] = y ?? null; return body(env.row); }; }
    default:
      return (...xs) => {
        for (let i = 0; i < slots.length; i++) frame[slots[i]] = xs[i] ?? null;
        return body(env.row);
      };
  }
}

/**
 * The implementation of the overload the plan chose (or of the named model), looked up by name
 * and signature: no overload resolution here. A function gone from the registry since the plan
 * was made (a user function removed) fails the query's start, naming it.
 */
function implementation(t: TCall, registry: FunctionRegistry): { impl: Impl; propagate: boolean } {
  const fn = registry.get(t.name);
  if (!fn || fn.kind !== 'scalar') throw new SqlError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${t.name}'`);
  if (t.model !== undefined) {
    const bound = registry.models?.(t.model)?.bind(fn.model!);
    if (bound === undefined) throw new SqlError('UNKNOWN_SOURCE', `Model ${t.model} does not exist.`);
    if (typeof bound === 'string') throw new SqlError('FUNCTION_ARGS', bound);
    return { impl: bound.impl, propagate: false }; // models see NULL features (as missing)
  }
  const o = overloadByKey(fn, t.overload);
  if (!o) throw new SqlError('FUNCTION_ARGS', `Function ${t.name} has no overload (${t.overload}) any more`);
  const propagate = (o.nulls ?? 'propagate') === 'propagate';
  if (o.factory) return { impl: o.factory(t.args.map((a) => a.type), t.type), propagate };
  if (o.impl) return { impl: o.impl, propagate };
  throw new SqlError('INTERNAL', `Function ${t.name} has an overload without an implementation`);
}

export function compileCall(t: TCall, env: CompileEnv): Evaluator {
  const { impl, propagate } = implementation(t, env.registry);
  const text = textOf(t);
  // Lambdas are constants (functions); mark them so the NULL check skips them.
  const args: Evaluator[] = t.args.map((a) => {
    if (a.kind !== 'Lambda') return env.compile(a, env);
    const fn = compileLambda(a, env);
    return () => fn;
  });
  // A failing call is NULL, reported to the processing log (as ksqlDB).
  const report = env.report;
  const fail = (e: unknown): null => { report(EvaluationError.wrap(e, text())); return null; };
  const out = (v: unknown): unknown => (v === undefined ? null : v);
  const n = args.length;
  if (n === 0) {
    return () => { try { return out(impl()); } catch (e) { return fail(e); } };
  }
  if (n === 1) {
    const [a] = args;
    return (row) => {
      const x = a(row);
      if (propagate && x == null) return null;
      try { return out(impl(x)); } catch (e) { return fail(e); }
    };
  }
  if (n === 2) {
    const [a, b] = args;
    return (row) => {
      const x = a(row);
      if (propagate && x == null) return null;
      const y = b(row);
      if (propagate && y == null) return null;
      try { return out(impl(x, y)); } catch (e) { return fail(e); }
    };
  }
  return (row) => {
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = args[i](row);
      if (propagate && v == null) return null;
      values[i] = v;
    }
    try { return out(impl.apply(undefined, values)); } catch (e) { return fail(e); }
  };
}
