// ksqlDB's checks on one join: which kinds of inputs join, on which columns, with or without a
// WITHIN window, and on which key types. Messages are ksqlDB's.
import type { Expr, JoinType } from '../../grammar/ast.js';
import type { SourceStep, Step } from './physical-plan.js';
import type { JoinClause } from './plan-join-sources.js';
import type { JoinCriteria } from './plan-join-criteria.js';
import type { SqlType } from '../types/sql-type.js';
import { formatExpression } from '../../grammar/index.js';
import { formatType, typesEqual } from '../types/sql-type.js';
import { SqlError } from '../types/sql-error.js';

const TYPE_TEXT: Record<JoinType, string> = {
  INNER: '[INNER] JOIN', LEFT: 'LEFT [OUTER] JOIN', RIGHT: 'RIGHT [OUTER] JOIN', FULL: '[FULL] OUTER JOIN',
};

export const joinTypeText = (t: JoinType): string => TYPE_TEXT[t];

export interface JoinCheck {
  left: Step;
  right: SourceStep;
  clause: JoinClause;
  crit: JoinCriteria;
  leaves: SourceStep[];
}

/** Throws for a join ksqlDB rejects; returns true for a foreign-key table-table join. */
export function checkJoin(j: JoinCheck): boolean {
  const { left, right, clause, crit } = j;
  const fail = (m: string): SqlError => new SqlError('INVALID_STATEMENT', m, { position: clause.span });
  const written = (): string => crit.flipped
    ? `${formatExpression(crit.right)} = ${formatExpression(crit.left)}`
    : `${formatExpression(crit.left)} = ${formatExpression(crit.right)}`;
  const got = `Got ${crit.leftSource.sourceName} ${joinTypeText(clause.joinType)} ${crit.rightSource.sourceName}.`;
  let foreignKey = false;

  if (left.output === 'STREAM') {
    if (right.output === 'TABLE') {
      if (clause.joinType === 'FULL') throw fail(`Invalid join type: full-outer join not supported for stream-table join. ${got}`);
      // ksqlDB has no stream-table RIGHT join: its planner falls through to this.
      if (clause.joinType === 'RIGHT') throw fail(`Invalid join type encountered: ${joinTypeText('RIGHT')}`);
      if (!onKey(crit.right, right, j.leaves)) {
        throw fail(`Invalid join condition: stream-table joins require to join on the table's primary key. Got ${written()}.`);
      }
    }
  } else {
    if (right.output === 'STREAM') throw fail(`Invalid join order: table-stream joins are not supported; only stream-table joins. ${got}`);
    if (!onKey(crit.right, right, j.leaves)) {
      throw fail(`Invalid join condition: table-table joins require to join on the primary key of the right input table. Got ${written()}.`);
    }
    if (!onKey(crit.left, left, j.leaves)) {
      foreignKey = true;
      if (clause.joinType === 'FULL') throw fail(`Invalid join type: full-outer join not supported for foreign-key table-table join. ${got}`);
      if (clause.joinType === 'RIGHT') throw fail('RIGHT OUTER JOIN on a foreign key is not supported');
      if (left.kind !== 'source') {
        throw fail(`Invalid join condition: foreign-key table-table joins are not supported as part of n-way joins. Got ${written()}.`);
      }
      if (right.window) throw fail('Foreign-key table-table joins are not supported on windowed tables.');
    }
    if (!typesEqual(crit.leftType, crit.rightType)) {
      const l = `${formatExpression(crit.left)}{${formatType(crit.leftType)}}`;
      const r = `${formatExpression(crit.right)}{${formatType(crit.rightType)}}`;
      throw fail(`Invalid join condition: types don't match. Got ${crit.flipped ? `${r} = ${l}` : `${l} = ${r}`}.`);
    }
  }
  checkWindow(j, fail);
  checkRepartition(j, fail);
  if (!typesEqual(crit.leftType, crit.rightType)) {
    throw fail(`Invalid join. Key types differ: ${formatType(crit.leftType)} vs ${formatType(crit.rightType)}`);
  }
  checkKeyType(crit, fail);
  return foreignKey;
}

/** Whether `e` is the (single) primary key column of the source it names. */
function onKey(e: Expr, node: Step, leaves: SourceStep[]): boolean {
  if (e.kind !== 'ColumnRef') return false;
  const src = node.kind === 'source' ? node : leaves.find((l) => l.alias === e.qualifier);
  if (!src) return false;
  const key = src.schema.key;
  return key.length === 1 && key[0].name === e.name;
}

function checkWindow(j: JoinCheck, fail: (m: string) => SqlError): void {
  const { left, right, clause } = j;
  if (left.output === 'STREAM' && right.output === 'STREAM') {
    if (!clause.within) {
      throw fail('Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select');
    }
  } else if (clause.within) {
    throw fail(left.output === 'STREAM'
      ? 'A window definition was provided for a Stream-Table join. These joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to execute your join again.'
      : 'A window definition was provided for a Table-Table join. These joins are not windowed. Please drop the window definition (i.e. the WITHIN clause) and try to execute your Table-Table join again.');
  }
}

/** Windowed sources can only join on their key, and only to sources windowed alike. */
function checkRepartition(j: JoinCheck, fail: (m: string) => SqlError): void {
  const { crit } = j;
  const msg = 'Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.';
  for (const [e, src] of [[crit.left, crit.leftSource], [crit.right, crit.rightSource]] as const) {
    if (src.window && !onKey(e, src, j.leaves)) throw fail(msg);
  }
  const a = crit.leftSource.window;
  const b = crit.rightSource.window;
  if (a && b && a.type !== 'SESSION' && a.sizeMs !== b.sizeMs) throw fail(msg);
}

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP': return true;
    case 'ARRAY': return containsMap(t.item);
    case 'STRUCT': return t.fields.some((f) => containsMap(f.type));
    default: return false;
  }
}

function checkKeyType(crit: JoinCriteria, fail: (m: string) => SqlError): void {
  if (!containsMap(crit.leftType)) return;
  const e = crit.left;
  const name = e.kind === 'ColumnRef' ? `${e.qualifier}_${e.name}` : 'KSQL_COL_0';
  throw fail('Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. ' +
    `Key column name: \`${name}\`. Column type: ${formatType(crit.leftType)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`);
}
