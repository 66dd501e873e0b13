// Function calls and lambdas. The implementation (or the one a factory builds, once, from the
// resolved types) gets the already-converted arguments; with nulls 'propagate' a NULL argument
// gives NULL without calling it. A lambda becomes one JS function that writes its parameters to
// the frame and evaluates its body against the current row.
import type { TCall, TLambda, TypedExpr } from '../../plan/expr/typed-expr.js';
import { SqlError } from '../../types/sql-error.js';
import { formatType } from '../../types/sql-type.js';
import { EvaluationError } from '../../values/evaluation-error.js';
import type { CompileEnv, Evaluator } from './compile-env.js';
import type { FunctionRegistry } from '../../../udfs/registry.js';
import { overloadByKey } from '../../plan/expr/function-resolve.js';
import { textOf } from './compile-env.js';
import type { BatchScorer, TypePattern } from '../../../udfs/types.js';
import type { BatchedCall } from './batched-calls.js';
import { ReusedRow } from '../reused-row.js';
import { doubleToLong } from '../../values/cast.js';

/**
 * For a function written for JS numbers (not `exactLongs`): an argument of a param declared `t`
 * with BIGINTs past 2^53 (bigints) as the nearest numbers, at the top level and in arrays and map
 * values; undefined where `t` declares no BIGINT (a generic param passes values on as they are).
 */
function bigintsAsNumbers(t: TypePattern): ((v: unknown) => unknown) | undefined {
  switch (t.kind) {
    case 'BIGINT': return (v) => (typeof v === 'bigint' ? Number(v) : v);
    case 'ARRAY': {
      const item = bigintsAsNumbers(t.item);
      return item && ((v) => (Array.isArray(v) && v.some((x) => typeof x !== 'number') ? v.map(item) : v));
    }
    case 'MAP': {
      const value = bigintsAsNumbers(t.value);
      return value && ((v) => (v instanceof Map && [...v.values()].some((x) => typeof x !== 'number') ? new Map([...v].map(([k, x]) => [k, value(x)])) : v));
    }
    default: return undefined;
  }
}

type Impl = (...args: any[]) => unknown;
type Bound = {
  impl: Impl; propagate: boolean; overArray?: (args: readonly unknown[]) => unknown;
  /** Per argument: how its BIGINTs past 2^53 become numbers for this implementation (see bigintsAsNumbers). */
  numbers?: (((v: unknown) => unknown) | undefined)[];
} | { batch: BatchScorer };

export function compileLambda(t: TLambda, env: CompileEnv): (...args: unknown[]) => unknown {
  env.lambdaDepth = (env.lambdaDepth ?? 0) + 1;
  let body: Evaluator;
  try {
    body = env.compile(t.body, env);
  } finally {
    env.lambdaDepth--;
  }
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
function implementation(t: TCall, registry: FunctionRegistry): Bound {
  const fn = registry.get(t.name);
  if (!fn || fn.kind !== 'scalar') throw new SqlError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${t.name}'`);
  if (t.model !== undefined) {
    const bound = registry.models?.(t.model)?.bind(fn.model!);
    if (bound === undefined) throw new SqlError('UNKNOWN_SOURCE', `Model ${t.model} does not exist.`);
    if (typeof bound === 'string') throw new SqlError('FUNCTION_ARGS', bound);
    if ('batch' in bound) return { batch: bound.batch };
    return { impl: bound.impl, propagate: false, overArray: bound.overArray }; // models see NULL features (as missing)
  }
  const o = overloadByKey(fn, t.overload);
  if (!o) throw new SqlError('FUNCTION_ARGS', `Function ${t.name} has no overload (${t.overload}) any more`);
  const propagate = (o.nulls ?? 'propagate') === 'propagate';
  // Params declared BIGINT (not generic ones, which pass values on as they are) take numbers.
  const declared = (i: number): TypePattern => o.params[Math.min(i, o.params.length - 1)].type;
  const numbers = o.exactLongs || o.params.length === 0 ? undefined : t.args.map((_, i) => bigintsAsNumbers(declared(i)));
  if (o.factory) return { impl: o.factory(t.args.map((a) => a.type), t.type), propagate, numbers };
  if (o.impl) return { impl: o.impl, propagate, numbers };
  throw new SqlError('INTERNAL', `Function ${t.name} has an overload without an implementation`);
}

export function compileCall(t: TCall, env: CompileEnv): Evaluator {
  const bound = implementation(t, env.registry);
  if ('batch' in bound) return compileBatchedCall(t, bound.batch, env);
  const { impl, propagate, overArray } = bound;
  const text = textOf(t);
  // Lambdas are constants (functions); mark them so the NULL check skips them.
  const args: Evaluator[] = t.args.map((a, i) => {
    if (a.kind !== 'Lambda') {
      const ev = env.compile(a, env);
      const toNumbers = bound.numbers?.[i];
      return toNumbers ? (row: unknown[]) => toNumbers(ev(row)) : ev;
    }
    const fn = compileLambda(a, env);
    return () => fn;
  });
  // A failing call is NULL, reported to the processing log (as ksqlDB).
  const report = env.report;
  const fail = (e: unknown): null => { report(EvaluationError.wrap(e, text())); return null; };
  // A BIGINT result computed in doubles past 2^53 takes the BIGINT form (values/long.ts), as
  // Java's (long) of a double takes it (saturating).
  const out = t.type.kind === 'BIGINT'
    ? (v: unknown): unknown => (v === undefined ? null : typeof v === 'number' && !Number.isSafeInteger(v) && Number.isFinite(v) ? doubleToLong(v) : v)
    : (v: unknown): unknown => (v === undefined ? null : v);
  const n = args.length;
  if (overArray) {
    // A model's features go in one array, reused row after row (the model copies them out).
    const features = new ReusedRow(n);
    // Features that are columns (the usual PREDICT(m, x0, x1, ...)) are read by position.
    if (t.args.every((a) => a.kind === 'Column')) {
      const at = Int32Array.from(t.args, (a) => (a.kind === 'Column' ? a.index : -1));
      return (row) => {
        const values = features.next();
        for (let i = 0; i < n; i++) values[i] = row[at[i]];
        try { return out(overArray(values)); } catch (e) { return fail(e); }
      };
    }
    return (row) => {
      const values = features.next();
      for (let i = 0; i < n; i++) values[i] = args[i](row);
      try { return out(overArray(values)); } catch (e) { return fail(e); }
    };
  }
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

/**
 * A model call scored a batch at a time (see batched-calls.ts): its arguments go to the
 * operator's collector for the first pass; the call itself reads its row's result. Only
 * operators that evaluate in two passes (SELECT, WHERE) give a collector; the arguments are
 * evaluated outside any lambda and before any other batched call has its results, so neither
 * may hold the call.
 */
function compileBatchedCall(t: TCall, scorer: BatchScorer, env: CompileEnv): Evaluator {
  const c = env.batch;
  const call = `${t.name}(${t.model}, ...)`;
  if (!c) {
    throw new SqlError('UNSUPPORTED', `${call}: model ${t.model} is scored a batch of rows at a time (ONNX), which a query's SELECT and WHERE do; `
      + 'it cannot be called here (GROUP BY, an aggregate\'s argument, a join condition, INSERT ... VALUES). Score it in a SELECT first (e.g. a CREATE STREAM ... AS SELECT), then use that column.');
  }
  if ((env.lambdaDepth ?? 0) > 0) throw new SqlError('UNSUPPORTED', `${call}: a model scored a batch at a time (ONNX) cannot be called inside a lambda.`);
  if (c.inArgs > 0) throw new SqlError('UNSUPPORTED', `${call}: a model scored a batch at a time (ONNX) cannot be called in the features of another such call; score one in a SELECT first.`);
  c.inArgs++;
  let args: Evaluator[];
  try {
    args = t.args.map((a) => env.compile(a, env));
  } finally {
    c.inArgs--;
  }
  // Calls of the same model on the same features (PREDICT and PREDICT_PROBA of a row) share
  // one run where the scorer can: the later call follows the first.
  const key = sharedFeaturesKey(t);
  const leader = key === undefined ? undefined : c.leaders.get(key);
  const followed = leader && scorer.follow?.(leader.batch);
  const entry: BatchedCall = followed ? { args: [], batch: followed, failed: undefined, leader } : { args, batch: scorer.newBatch(), failed: undefined };
  if (key !== undefined && !followed) c.leaders.set(key, entry);
  c.calls.push(entry);
  const features = entry.leader ?? entry; // whose argument failures this call reports
  const text = textOf(t);
  const report = env.report;
  const fail = (e: unknown): null => { report(EvaluationError.wrap(e, text())); return null; };
  return (row) => {
    const slot = c.slotOf(row);
    if (slot < 0) return fail(new Error('the row was not scored (an internal error)'));
    const failed = features.failed?.[slot];
    if (failed !== undefined) return fail(failed);
    try {
      const v = entry.batch.result(slot);
      return v === undefined ? null : v;
    } catch (e) {
      return fail(e);
    }
  };
}

/**
 * A key equal for model calls whose features are the same values on every row: the same model
 * and arguments that only read columns and constants (a volatile function like RANDOM() would
 * give each call its own values). Undefined where the arguments do more.
 */
function sharedFeaturesKey(t: TCall): string | undefined {
  const parts: string[] = [];
  for (const a of t.args) {
    const k = plainValueKey(a);
    if (k === undefined) return undefined;
    parts.push(k);
  }
  return `${t.model}\u0000${parts.join('\u0001')}`;
}

function plainValueKey(e: TypedExpr): string | undefined {
  switch (e.kind) {
    case 'Column': return `c${e.index}`;
    case 'Literal': return `l${typeof e.value}:${String(e.value)}`;
    case 'Cast': { const v = plainValueKey(e.value); return v === undefined ? undefined : `cast ${formatType(e.type)}(${v})`; }
    default: return undefined;
  }
}
