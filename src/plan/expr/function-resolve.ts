// Overload resolution with ksqlDB's UdfIndex rules: try exact matches first, then implicit
// casts; among the overloads that fit, prefer non-variadic, then more parameters, then fewer
// generic parameters; a tie is ambiguous.
import type { SqlType } from '../../types/sql-type.js';
import type { ScalarFunction, ScalarOverload, TypePattern } from '../../../udfs/types.js';
import { accepts, formatPattern, formatTypePlain, hasGenerics, type Bindings } from './type-pattern.js';

/** What overload resolution knows of an argument: its type, or that it is a lambda of n params. */
export type ArgInfo = { type: SqlType } | { lambdaArity: number };

export interface Resolved { overload: ScalarOverload; bindings: Bindings }

export function paramPattern(o: ScalarOverload, i: number): TypePattern {
  return o.variadic && i >= o.params.length - 1 ? o.params[o.params.length - 1].type : o.params[i].type;
}

function fits(o: ScalarOverload, args: ArgInfo[], allowCast: boolean): Bindings | undefined {
  const n = o.params.length;
  if (o.variadic ? args.length < n - 1 : args.length !== n) return undefined;
  const b: Bindings = new Map();
  for (let i = 0; i < args.length; i++) {
    const p = paramPattern(o, i);
    const a = args[i];
    if ('lambdaArity' in a) {
      if (p.kind !== 'LAMBDA' || p.params.length !== a.lambdaArity) return undefined;
    } else if (p.kind === 'LAMBDA' || !accepts(p, a.type, b, allowCast)) {
      return undefined;
    }
  }
  return b;
}

/** UdfIndex's ordering: larger is preferred. */
function rank(a: ScalarOverload, b: ScalarOverload): number {
  const key = (o: ScalarOverload) => [
    o.variadic ? 0 : 1,
    o.params.length,
    -o.params.filter((p) => hasGenerics(p.type)).length,
    o.variadic ? o.params.length - 1 : -1,
  ];
  const ka = key(a), kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

export function formatArgs(args: ArgInfo[]): string {
  return `(${args.map((a) => ('lambdaArity' in a ? 'LAMBDA' : formatTypePlain(a.type))).join(', ')})`;
}

export function formatSignature(name: string, o: ScalarOverload): string {
  const params = o.params.map((p, i) => {
    const variadic = o.variadic && i === o.params.length - 1;
    return `${formatPattern(p.type)}${variadic ? '...' : ''}${p.name ? ` ${p.name}` : ''}`;
  });
  return `${name}(${params.join(', ')})`;
}

/**
 * How a typed call names its overload: the parameter types (what tells the overloads of one
 * function apart, since two with the same would be ambiguous), not the parameter names.
 */
export function overloadKey(o: ScalarOverload): string {
  return o.params.map((p, i) => `${formatPattern(p.type)}${o.variadic && i === o.params.length - 1 ? '...' : ''}`).join(', ');
}

/** The overload `key` names, if the function still has it. */
export function overloadByKey(fn: ScalarFunction, key: string): ScalarOverload | undefined {
  return fn.overloads.find((o) => overloadKey(o) === key);
}

/** The overload to call, or a message saying why none fits (`ambiguous` when several tie). */
export function resolveOverload(fn: ScalarFunction, args: ArgInfo[]): Resolved | { error: string } {
  for (const allowCast of [false, true]) {
    const found: Resolved[] = [];
    for (const overload of fn.overloads) {
      const bindings = fits(overload, args, allowCast);
      if (bindings) found.push({ overload, bindings });
    }
    if (found.length === 0) continue;
    found.sort((x, y) => rank(y.overload, x.overload));
    if (found.length > 1 && rank(found[0].overload, found[1].overload) === 0) {
      return {
        error: `Function '${fn.name}' cannot be resolved due to ambiguous method parameters ${formatArgs(args)}.\n`
          + 'Use CAST() to explicitly cast your parameters to one of the supported function calls.\n'
          + `Valid function calls are:\n${alternatives(fn)}\n`
          + 'For detailed information on a function run: DESCRIBE FUNCTION <Function-Name>;',
      };
    }
    return found[0];
  }
  return {
    error: `Function '${fn.name}' does not accept parameters ${formatArgs(args)}.\n`
      + `Valid alternatives are:\n${alternatives(fn)}\n`
      + 'For detailed information on a function run: DESCRIBE FUNCTION <Function-Name>;',
  };
}

function alternatives(fn: ScalarFunction): string {
  return fn.overloads.map((o) => formatSignature(fn.name, o)).join('\n');
}
