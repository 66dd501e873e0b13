// Column references: a lambda parameter of that name first, then the scope's columns. Unknown
// and ambiguous names fail with ksqlDB's messages, at the reference's position.
import type { ColumnRef } from '../../../grammar/ast.js';
import type { TColumn, TLambdaVar } from './typed-expr.js';
import type { AnalyzeContext } from './analyze-context.js';
import { sqlError } from './analyze-context.js';
import { excerpt } from '../../types/excerpt.js';

function display(qualifier: string | undefined, name: string): string {
  return qualifier ? `${qualifier}.${name}` : name;
}

export function resolveColumn(e: ColumnRef, ctx: AnalyzeContext): TColumn | TLambdaVar {
  if (e.qualifier === undefined) {
    const lambda = ctx.lambdas.get(e.name);
    if (lambda) return { kind: 'LambdaVar', name: e.name, slot: lambda.slot, type: lambda.type, span: e.span, source: e };
  }
  const matches = ctx.scope.columns.filter((c) => c.name === e.name && (e.qualifier === undefined || c.qualifier === e.qualifier));
  if (matches.length === 0) {
    const what = excerpt(display(e.qualifier, e.name));
    const available = ctx.scope.columns.map((c) => display(c.qualifier, c.name));
    const lead = ctx.clause ? `${ctx.clause} column` : 'Column';
    throw sqlError('UNKNOWN_COLUMN',
      `${lead} '${what}' cannot be resolved.` + (available.length ? ` Available columns: ${available.join(', ')}.` : ''), e.span);
  }
  const distinct = new Map(matches.map((c) => [c.index, c]));
  if (distinct.size > 1) {
    const options = [...distinct.values()].map((c) => display(c.qualifier, c.name));
    throw sqlError('UNKNOWN_COLUMN',
      `Column '${e.name}' is ambiguous. Could be ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}.`, e.span);
  }
  const col = matches[0];
  return { kind: 'Column', index: col.index, name: col.name, type: col.type, span: e.span, source: e };
}
