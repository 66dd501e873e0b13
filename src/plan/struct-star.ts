// `base->*` in a SELECT: one item per field of the STRUCT `base`, each named after its field.
import type { SelectItem } from '../../grammar/ast.js';
import type { ExprScope } from './expr/scope.js';
import type { FunctionRegistry } from '../../udfs/registry.js';
import { analyzeExpression } from './expr/analyze.js';
import { formatExpression } from '../../grammar/index.js';
import { SqlError } from '../types/sql-error.js';
import { formatType } from '../types/sql-type.js';

export function expandStructStars(select: SelectItem[], scope: ExprScope, registry: FunctionRegistry): SelectItem[] {
  if (!select.some((it) => it.kind === 'AllColumns' && it.structBase)) return select;
  return select.flatMap((item): SelectItem[] => {
    if (item.kind !== 'AllColumns' || !item.structBase) return [item];
    const base = item.structBase;
    const t = analyzeExpression(base, scope, registry).type;
    if (t.kind !== 'STRUCT') {
      throw new SqlError('TYPE_ERROR', `Expected a STRUCT before ->*, but ${formatExpression(base)} is ${formatType(t)}.`, { position: item.span });
    }
    return t.fields.map((f) => ({ kind: 'SingleColumn', expr: { kind: 'Dereference', base, field: f.name, span: item.span }, span: item.span }));
  });
}
