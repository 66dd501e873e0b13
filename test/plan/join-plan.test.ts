// Join planning: the tree ksqlDB builds, the join key it chooses, the output columns, and the
// errors for joins it rejects — checked on the plan, without running anything.
import { describe, it, expect } from 'vitest';
import type { Query, Statement } from '../../grammar/ast.js';
import type { JoinStep, ProjectStep, Step } from '../../src/plan/physical-plan.js';
import type { SourceDef } from '../../src/plan/catalog.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { parseStatement, formatExpression } from '../../grammar/index.js';
import { Catalog } from '../../src/plan/catalog.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import { planSelect } from '../../src/plan/plan-select.js';
import { formatSchema } from '../../src/types/schema.js';
import { BIGINT, INTEGER, STRING, struct } from '../../src/types/sql-type.js';

const registry = new FunctionRegistry(builtinFunctions);

function source(name: string, type: 'STREAM' | 'TABLE', key: [string, SqlType][], value: [string, SqlType][], window?: SourceDef['window']): SourceDef {
  return {
    name, type, topic: name.toLowerCase(), sql: '', readOnly: false, window,
    keyFormat: { format: 'KAFKA' }, valueFormat: { format: 'JSON' },
    schema: {
      key: key.map(([n, t]) => ({ name: n, type: t, namespace: 'KEY' as const })),
      value: value.map(([n, t]) => ({ name: n, type: t, namespace: 'VALUE' as const })),
    },
  };
}

function catalog(): Catalog {
  const c = new Catalog();
  c.add(source('S', 'STREAM', [['ID', INTEGER]], [['K', INTEGER], ['NAME', STRING]]));
  c.add(source('S2', 'STREAM', [['ID', INTEGER]], [['NAME', STRING]]));
  c.add(source('T', 'TABLE', [['ID', INTEGER]], [['NAME', STRING], ['N', BIGINT]]));
  c.add(source('U', 'TABLE', [['ID', INTEGER]], [['V', STRING]]));
  c.add(source('W', 'STREAM', [['ID', INTEGER]], [['V', STRING]], { type: 'SESSION', sizeMs: 0 }));
  c.add(source('X', 'STREAM', [['ID', INTEGER]], [['P', struct([{ name: 'A', type: INTEGER }, { name: 'B', type: STRING }])]]));
  return c;
}

function plan(sql: string, sink: string | null = 'OUT'): Step {
  const st = parseStatement(sql) as Statement & { query: Query };
  return planSelect(st.query, { catalog: catalog(), registry, properties: {} }, sink ? { sinkName: sink } : {});
}

function joinOf(step: Step): JoinStep {
  let s = step;
  while (s.kind !== 'join') s = (s as { input: Step }).input;
  return s;
}

function errorOf(sql: string): string {
  try { plan(sql); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
}

describe('join planning', () => {
  it('plans a stream-table join keyed by the stream expression', () => {
    const root = plan('SELECT s.k, t.name FROM s JOIN t ON s.k = t.id;') as ProjectStep;
    const j = joinOf(root);
    expect(j.joinType).toBe('INNER');
    expect(j.output).toBe('STREAM');
    expect(formatExpression(j.leftKey)).toBe('S.K');
    expect(formatExpression(j.rightKey)).toBe('T.ID');
    expect(j.key).toEqual({ synthetic: false, viable: [{ qualifier: 'S', name: 'K' }, { qualifier: 'T', name: 'ID' }] });
    expect(formatSchema(root.schema)).toBe('`K` INTEGER KEY, `T_NAME` STRING');
  });

  it('lays out every source column, ALIAS_NAME, with hidden pseudo-columns', () => {
    const j = joinOf(plan('SELECT * FROM s x JOIN t y ON x.id = y.id;'));
    expect(j.schema.value.map((c) => c.name)).toEqual([
      'X_ID', 'X_K', 'X_NAME', 'X_ROWTIME', 'X_ROWPARTITION', 'X_ROWOFFSET',
      'Y_ID', 'Y_NAME', 'Y_N', 'Y_ROWTIME', 'Y_ROWPARTITION', 'Y_ROWOFFSET',
    ]);
    expect(j.star).toEqual([1, 2, 3, 7, 8, 9]);
    expect(j.leftColumns).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keys FULL OUTER joins by a synthetic ROWKEY that SELECT * includes first', () => {
    const root = plan('SELECT * FROM t FULL OUTER JOIN u ON t.id = u.id;');
    expect(joinOf(root).key.synthetic).toBe(true);
    expect(formatSchema(root.schema)).toBe('`ROWKEY` INTEGER KEY, `T_ID` INTEGER, `T_NAME` STRING, `T_N` BIGINT, `U_ID` INTEGER, `U_V` STRING');
  });

  it('uses the first viable key column the projection contains', () => {
    expect(formatSchema(plan('SELECT t.name, u.id, u.v FROM t JOIN u ON t.id = u.id;').schema))
      .toBe('`U_ID` INTEGER KEY, `NAME` STRING, `V` STRING');
    expect(formatSchema(plan('SELECT u.id, t.id, u.v FROM t JOIN u ON t.id = u.id;').schema))
      .toBe('`T_ID` INTEGER KEY, `U_ID` INTEGER, `V` STRING');
  });

  it('builds a left-deep tree for n-way joins, flipping conditions written the other way', () => {
    const j = joinOf(plan('SELECT s.id, t.name, u.v FROM s JOIN t ON t.id = s.id JOIN u ON u.id = s.id;'));
    expect(j.left.kind).toBe('join');
    expect(formatExpression(j.leftKey)).toBe('S.ID');
    expect(j.key.viable.map((v) => `${v.qualifier}.${v.name}`)).toEqual(['S.ID', 'T.ID', 'U.ID']);
  });

  it('expands base->* in a join into the struct fields', () => {
    expect(formatSchema(plan('SELECT x.id, x.p->* FROM x JOIN s WITHIN 1 SECOND ON x.id = s.id;').schema))
      .toBe('`X_ID` INTEGER KEY, `A` INTEGER, `B` STRING');
  });

  it('lets transient queries select without the key', () => {
    expect(formatSchema(plan('SELECT t.name, u.v FROM t JOIN u ON t.id = u.id;', null).schema))
      .toBe('`NAME` STRING, `V` STRING');
  });

  it('rejects what ksqlDB rejects, with its messages', () => {
    expect(errorOf('SELECT * FROM s JOIN t ON s.id = 0;'))
      .toBe("Invalid comparison expression '0' in join '(S.ID = 0)'. Each side of the join comparision must contain references from exactly one source.");
    expect(errorOf('SELECT * FROM s JOIN t ON s.id = t.id AND s.k = t.id;'))
      .toBe('Invalid join condition: joins on multiple conditions are not yet supported. Got ((S.ID = T.ID) AND (S.K = T.ID)).');
    expect(errorOf('SELECT * FROM t JOIN u ON id = id;')).toContain("Column 'ID' is ambiguous. Could be T.ID or U.ID.");
    expect(errorOf('SELECT * FROM t JOIN u ON x.id = u.id;')).toBe("'X' is not a valid stream/table name or alias.");
    expect(errorOf('SELECT * FROM s JOIN t ON s.nope = t.id;')).toContain("JOIN ON column 'S.NOPE' cannot be resolved.");
    expect(errorOf('SELECT * FROM s a JOIN s b WITHIN 1 SECOND ON a.id = b.id;'))
      .toBe("Can not join 'S' to 'S': self joins are not yet supported.");
    expect(errorOf('SELECT * FROM w JOIN s WITHIN 1 SECOND ON w.id = s.id;'))
      .toBe('Can not join windowed source to non-windowed source.\n`W` is SESSION windowed\n`S` is not windowed');
    expect(errorOf('SELECT * FROM t JOIN u ON t.name = u.v;'))
      .toBe('Invalid join condition: table-table joins require to join on the primary key of the right input table. Got T.NAME = U.V.');
    expect(errorOf('SELECT * FROM s JOIN s2 WITHIN 1 SECOND ON s.name = s2.id;')).toBe('Invalid join. Key types differ: STRING vs INTEGER');
    expect(errorOf('SELECT t.id, t.id AS k2, u.v FROM t JOIN u ON t.id = u.id;'))
      .toBe('The projection contains a key column (`T_ID`) more than once, aliased as: K2 and T_ID.');
    expect(errorOf('SELECT t.name, u.v FROM t FULL OUTER JOIN u ON t.id = u.id;'))
      .toContain('must include the join expression ROWKEY in its projection (eg, SELECT ROWKEY...).\nROWKEY was added as a synthetic key column');
  });
});
