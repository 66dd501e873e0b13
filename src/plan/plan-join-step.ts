// Builds a JoinStep's output: key = the join key (a foreign-key join: the left table's key);
// value = every column of the left input, then of the right, each source's columns named
// ALIAS_NAME (qualifier ALIAS, name NAME) and followed by its pseudo-columns (hidden from `*`),
// so that `S1.ROWTIME` still names S1's record time.
import type { JoinType } from '../../grammar/ast.js';
import type { JoinStep, JoinWindow, SourceStep, Step } from './physical-plan.js';
import type { Column } from '../types/schema.js';
import type { SqlType } from '../types/sql-type.js';
import type { JoinCriteria } from './plan-join-criteria.js';
import { PSEUDO_COLUMNS, WINDOW_BOUND_COLUMNS } from '../types/schema.js';
import { rowLayout } from './row-layout.js';
import { analyzeOver } from './analyze-over.js';
import type { FunctionRegistry } from '../../udfs/registry.js';

interface OutColumn { pos: number; qualifier: string; name: string; type: SqlType; star: boolean }

/** The output columns one input contributes, with their positions in the input's rows. */
function inputColumns(input: Step): OutColumn[] {
  if (input.kind === 'source') {
    const lay = rowLayout(input.schema);
    const q = input.alias;
    const out: OutColumn[] = input.schema.key.map((c, i) => ({ pos: i, qualifier: q, name: c.name, type: c.type, star: true }));
    if (input.window) {
      WINDOW_BOUND_COLUMNS.forEach((c, i) => out.push({ pos: lay.windowstart + i, qualifier: q, name: c.name, type: c.type, star: true }));
    }
    input.schema.value.forEach((c, i) => out.push({ pos: lay.keyCount + i, qualifier: q, name: c.name, type: c.type, star: true }));
    PSEUDO_COLUMNS.forEach((c, i) => out.push({ pos: lay.rowtime + i, qualifier: q, name: c.name, type: c.type, star: false }));
    return out;
  }
  if (input.kind !== 'join') throw new Error(`a join input must be a source or a join, not ${input.kind}`);
  // An earlier join: its value columns (its own key is an implementation detail, as in ksqlDB).
  const star = new Set(input.star);
  const k = input.schema.key.length;
  return input.schema.value.map((c, i) => {
    const q = input.qualifiers![k + i];
    return { pos: k + i, qualifier: q.qualifier!, name: q.name, type: c.type, star: star.has(k + i) };
  });
}

export interface JoinStepSpec {
  joinType: JoinType;
  left: Step;
  right: SourceStep;
  crit: JoinCriteria;
  within?: JoinWindow;
  keyName: string;
  key: JoinStep['key'];
  foreignKey: boolean;
}

export function joinStep(s: JoinStepSpec, registry: FunctionRegistry): JoinStep {
  const lefts = inputColumns(s.left);
  const rights = inputColumns(s.right);
  const all = [...lefts, ...rights];
  // A foreign-key join is keyed by the left table's primary key, any other by the join key.
  const keys: Column[] = s.foreignKey
    ? s.left.schema.key.map((c) => ({ name: `${(s.left as SourceStep).alias}_${c.name}`, type: c.type, namespace: 'KEY' }))
    : [{ name: s.keyName, type: s.crit.leftType, namespace: 'KEY' }];
  const value: Column[] = all.map((c) => ({ name: `${c.qualifier}_${c.name}`, type: c.type, namespace: 'VALUE' }));
  const star: number[] = [];
  all.forEach((c, i) => { if (c.star) star.push(keys.length + i); });
  return {
    kind: 'join', joinType: s.joinType, left: s.left, right: s.right,
    leftKey: s.crit.left, rightKey: s.crit.right, within: s.within,
    typedLeftKey: analyzeOver(s.crit.left, s.left, registry), typedRightKey: analyzeOver(s.crit.right, s.right, registry),
    leftColumns: lefts.map((c) => c.pos), rightColumns: rights.map((c) => c.pos),
    key: s.key, star, ...(s.foreignKey ? { foreignKey: true, foreignKeyAcrossTasks: true } : {}),
    schema: { key: keys, value },
    qualifiers: [...keys.map((k) => ({ name: k.name })), ...all.map((c) => ({ qualifier: c.qualifier, name: c.name }))],
    output: s.left.output === 'TABLE' && s.right.output === 'TABLE' ? 'TABLE' : 'STREAM',
    window: s.left.window ?? s.right.window,
  };
}
