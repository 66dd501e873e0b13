// Splits an aggregate call's arguments into column arguments (evaluated per row) and trailing
// literal parameters, and picks the overload. An overload may repeat its last column or literal
// parameter (variadic), so a call can split several ways: each is tried in overload order.
import type { Expr, FunctionCall } from '../../grammar/ast.js';
import type { AggregateFunction } from '../../udfs/types.js';
import type { SqlType } from '../types/sql-type.js';
import { formatType } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';
import { literalArgCounts, resolveAggregate, type ResolvedAggregate } from './aggregate-resolve.js';
import { literalValue } from './literal-value.js';

export interface AggregateCallSplit extends ResolvedAggregate {
  colArgs: Expr[];
  argTypes: SqlType[];
  literals: unknown[];
}

export function resolveAggregateCall(fn: AggregateFunction, call: FunctionCall, typeOf: (e: Expr) => SqlType): AggregateCallSplit {
  const n = call.args.length;
  const counts = literalArgCounts(fn, n);
  let firstError: unknown;
  for (const nLit of counts.length > 0 ? counts : [0]) {
    try {
      const colArgs = call.args.slice(0, n - nLit);
      const literals = call.args.slice(n - nLit).map((a) => literalValue(a, `${call.name} parameter`));
      const argTypes = colArgs.map(typeOf);
      return { colArgs, argTypes, literals, ...resolveAggregate(fn, argTypes, literals) };
    } catch (e) {
      firstError ??= e;
    }
  }
  // A variadic function names every argument's type, as ksqlDB does for them.
  if (fn.overloads.some((o) => o.variadic)) {
    throw new SqlError('FUNCTION_ARGS',
      `Function '${fn.name}' does not accept parameters (${call.args.map((a) => formatType(typeOf(a))).join(', ')}).`,
      { position: call.span });
  }
  throw firstError;
}
