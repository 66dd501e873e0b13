// The name ksqlDB gives an unaliased SELECT item: a column keeps its name, a struct field access
// `a->b->c` is named after its last field (`C`); anything else has none (the planner then uses
// KSQL_COL_n). Joins prefix source names and duplicates get `_1`, `_2`: that is the planner's part.
import type { Expr } from '../../../grammar/ast.js';

export function implicitColumnName(expr: Expr): string | undefined {
  switch (expr.kind) {
    case 'ColumnRef': return expr.name;
    case 'Dereference': return expr.field;
    default: return undefined;
  }
}
