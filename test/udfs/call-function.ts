// Calls a function's implementation directly, as the compiler would: the overload by arity (or
// index), NULL arguments short-circuiting unless the overload handles NULLs itself, and factories
// given the argument types.
import type { ScalarFunction } from '../../udfs/types.js';
import type { SqlType } from '../../src/types/sql-type.js';

export function callFunction(fn: ScalarFunction, args: unknown[], opts: { overload?: number; types?: SqlType[] } = {}): unknown {
  const ov = opts.overload !== undefined
    ? fn.overloads[opts.overload]
    : fn.overloads.find((o) => (o.variadic ? args.length >= o.params.length - 1 : o.params.length === args.length));
  if (!ov) throw new Error(`${fn.name} has no overload of ${args.length} arguments`);
  if (ov.nulls !== 'custom' && args.some((a) => a === null)) return null;
  if (ov.factory) {
    if (!opts.types) throw new Error(`${fn.name} needs argument types`);
    return ov.factory(opts.types, { kind: 'STRING' })(...args);
  }
  return ov.impl!(...args);
}

/** Name lookups into one category's functions, and calls by name (through callFunction). */
export function functionsByName(functions: readonly ScalarFunction[]): {
  fn: (name: string) => ScalarFunction;
  call: (name: string, ...args: unknown[]) => unknown;
  typed: (name: string, types: SqlType[], ...args: unknown[]) => unknown;
} {
  const fn = (name: string): ScalarFunction => functions.find((f) => f.name === name)!;
  return {
    fn,
    call: (name, ...args) => callFunction(fn(name), args),
    typed: (name, types, ...args) => callFunction(fn(name), args, { types }),
  };
}

/** Whether `f` throws. */
export function fails(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}
