// Function calls and lambdas. The implementation (or the one a factory builds, once, from the
// resolved types) gets the already-converted arguments; with nulls 'propagate' a NULL argument
// gives NULL without calling it. A lambda becomes one JS function that writes its parameters to
// the frame and evaluates its body against the current row.
import type { TCall, TLambda } from '../../plan/expr/typed-expr.js';
import { SqlError } from '../../types/sql-error.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import { reportEvaluationError } from './evaluation-error-reporter.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
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

function implementation(t: TCall): Impl {
  const o = t.overload;
  if (o.factory) return o.factory(t.args.map((a) => a.type), t.type);
  if (o.impl) return o.impl;
  throw new SqlError('INTERNAL', `Function ${t.name} has an overload without an implementation`);
}

export function compileCall(t: TCall, env: CompileEnv): Evaluator {
  const impl = implementation(t);
  const text = textOf(t);
  const propagate = (t.overload.nulls ?? 'propagate') === 'propagate';
  // Lambdas are constants (functions); mark them so the NULL check skips them.
  const args: Evaluator[] = t.args.map((a) => {
    if (a.kind !== 'Lambda') return env.compile(a, env);
    const fn = compileLambda(a, env);
    return () => fn;
  });
  // A failing call is NULL, reported to the processing log (as ksqlDB).
  const fail = (e: unknown): null => { reportEvaluationError(EvaluationError.wrap(e, text())); return null; };
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
