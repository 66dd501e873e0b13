// INSERT INTO ... SELECT whose result differs from the target stream only in value types that
// widen (INTEGER → BIGINT → DECIMAL → DOUBLE, a DECIMAL into one that holds it): the rows are
// cast to the target's types, as ksqlDB casts them implicitly. Names, column order, keys and
// anything else must match as before.
import type { Expr } from '../../grammar/ast.js';
import type { Step } from '../plan/physical-plan.js';
import type { PlanContext } from '../plan/plan-context.js';
import { colRef, projectStep } from '../plan/plan-helpers.js';
import type { Column, LogicalSchema } from '../types/schema.js';
import { typesEqual, type SqlType } from '../types/sql-type.js';
import type { Span } from '../types/sql-error.js';
import { insertCoercible } from './insert-coercion.js';

/** `root` projected onto the target's value types, or undefined when the schemas do not match that way. */
export function castToSink(root: Step, target: LogicalSchema, ctx: PlanContext, span: Span): Step | undefined {
  const from = root.schema;
  if (from.key.length !== target.key.length || from.value.length !== target.value.length) return undefined;
  if (!from.key.every((c, i) => c.name === target.key[i].name && typesEqual(c.type, target.key[i].type))) return undefined;
  if (!from.value.every((c, i) => c.name === target.value[i].name && widens(c.type, target.value[i].type))) return undefined;
  const ref = (c: Column): Expr => colRef(c.name, span);
  return projectStep(root,
    from.key.map((c) => ({ name: c.name, expr: ref(c) })),
    from.value.map((c, i) => {
      const to = target.value[i].type;
      return { name: c.name, expr: typesEqual(c.type, to) ? ref(c) : { kind: 'Cast', value: ref(c), type: to, span } as Expr };
    }),
    ctx, false);
}

function widens(from: SqlType, to: SqlType): boolean {
  if (typesEqual(from, to)) return true;
  // A DECIMAL into a DECIMAL that holds every value of it: no fewer integer digits, no fewer decimals.
  if (from.kind === 'DECIMAL' && to.kind === 'DECIMAL') return to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
  return from.kind !== 'STRING' && insertCoercible(from, to);
}
