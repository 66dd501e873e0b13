// The sources of a join: its FROM relation flattened into source steps (FROM order) and one clause
// per JOIN, with the checks ksqlDB makes on the sources themselves.
import type { Expr, JoinRelation, JoinType, Relation, SourceRef, WithinSpec } from '../../grammar/ast.js';
import type { SourceStep } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import type { Span } from '../types/sql-error.js';
import { SqlError } from '../types/sql-error.js';

export interface JoinClause {
  joinType: JoinType;
  /** Index in `leaves` of the source this clause joins in. */
  right: number;
  on: Expr;
  within?: WithinSpec;
  span: Span;
}

export interface JoinSources {
  leaves: SourceStep[];
  clauses: JoinClause[];
}

export function joinSources(rel: JoinRelation, ctx: PlanContext): JoinSources {
  const refs: SourceRef[] = [];
  const clauses: JoinClause[] = [];
  const walk = (r: Relation): void => {
    if (r.kind === 'SourceRef') { refs.push(r); return; }
    walk(r.left);
    refs.push(r.right);
    clauses.push({ joinType: r.joinType, right: refs.length - 1, on: r.on, within: r.within, span: r.span });
  };
  walk(rel);

  const leaves: SourceStep[] = [];
  for (const ref of refs) {
    const def = ctx.catalog.require(ref.name, ref.span);
    const twice = leaves.find((l) => l.sourceName === def.name);
    if (twice) {
      throw new SqlError('INVALID_STATEMENT', leaves.length > 1
        ? `N-way joins do not support multiple occurrences of the same source. Source: '${def.name}'.`
        : `Can not join '${def.name}' to '${twice.sourceName}': self joins are not yet supported.`, { position: ref.span });
    }
    leaves.push({
      kind: 'source', sourceName: def.name, alias: ref.alias ?? def.name, topic: def.topic,
      keyFormat: def.keyFormat, valueFormat: def.valueFormat,
      timestampColumn: def.timestampColumn, timestampFormat: def.timestampFormat,
      schema: def.schema, output: def.type, window: def.window,
    });
  }
  const kafka = leaves.filter((l) => l.valueFormat.format === 'KAFKA').map((l) => l.alias);
  if (kafka.length > 0) {
    throw new SqlError('INVALID_STATEMENT',
      `Source(s) ${kafka.join(', ')} are using the 'KAFKA' value format. This format does not yet support JOIN.`, { position: rel.span });
  }
  return { leaves, clauses };
}
