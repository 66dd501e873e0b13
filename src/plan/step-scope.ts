// The expression scope of a step's output: what a WHERE, SELECT or GROUP BY over it can see.
import type { StepBase } from './physical-plan.js';
import type { ExprScope, ScopeColumn } from './expr/scope.js';
import { rowLayout } from './row-layout.js';
import { BIGINT, INTEGER, type SqlType } from '../types/sql-type.js';

export function stepScope(step: StepBase): ExprScope {
  const alias = step.alias;
  const { schema } = step;
  const lay = rowLayout(schema);
  const cols: ScopeColumn[] = [];
  const all = [...schema.key, ...schema.value];
  all.forEach((c, i) => {
    const q = step.qualifiers?.[i];
    cols.push({ name: q ? q.name : c.name, qualifier: q ? q.qualifier : alias, type: c.type, index: i });
  });
  // A join's columns carry each source's own pseudo-columns (S1.ROWTIME), so the row's are not
  // named again: an unqualified ROWTIME would be ambiguous, as in ksqlDB.
  if (step.qualifiers) return { columns: cols };
  // A column named like a pseudo-column (the key of PARTITION BY ROWTIME) hides it.
  const pseudo = (name: string, type: SqlType, index: number): void => {
    if (!all.some((c) => c.name === name)) cols.push({ name, qualifier: alias, type, index });
  };
  pseudo('ROWTIME', BIGINT, lay.rowtime);
  pseudo('ROWPARTITION', INTEGER, lay.rowpartition);
  pseudo('ROWOFFSET', BIGINT, lay.rowoffset);
  if (step.window) {
    pseudo('WINDOWSTART', BIGINT, lay.windowstart);
    pseudo('WINDOWEND', BIGINT, lay.windowend);
  }
  return { columns: cols };
}

export const PSEUDO_NAMES = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);
