// Which pull queries look their key up instead of scanning the table (engine/pull-key-lookup.ts):
// the key bytes found are the KAFKA format's of the literal; anything not an equality of the one
// key column with a literal of its type, or a key whose bytes are not canonical, scans.
import { describe, it, expect } from 'vitest';
import type { Query, Statement } from '../../grammar/ast.js';
import type { SourceStep, Step } from '../../src/plan/physical-plan.js';
import type { SourceDef } from '../../src/plan/catalog.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { parseStatement } from '../../grammar/index.js';
import { Catalog } from '../../src/plan/catalog.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import { planSelect } from '../../src/plan/plan-select.js';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { pinnedKeyBytes } from '../../src/engine/pull-key-lookup.js';

const registry = new FunctionRegistry(builtinFunctions);

function table(name: string, key: [string, SqlType][], keyFormat = 'KAFKA', window?: SourceDef['window']): SourceDef {
  return {
    name, type: 'TABLE', topic: name.toLowerCase(), sql: '', readOnly: false, window,
    keyFormat: { format: keyFormat as 'KAFKA' }, valueFormat: { format: 'JSON' },
    schema: {
      key: key.map(([n, t]) => ({ name: n, type: t, namespace: 'KEY' as const })),
      value: [{ name: 'N', type: INTEGER, namespace: 'VALUE' as const }],
    },
  };
}

const catalog = new Catalog();
catalog.add(table('S', [['K', STRING]]));
catalog.add(table('I', [['ID', INTEGER]]));
catalog.add(table('B', [['ID', BIGINT]]));
catalog.add(table('D', [['X', DOUBLE]]));
catalog.add(table('J', [['K', STRING]], 'JSON'));
catalog.add(table('TWO', [['A', STRING], ['B', STRING]]));
catalog.add(table('W', [['K', STRING]], 'KAFKA', { type: 'TUMBLING', sizeMs: 1000 }));

function keyOf(sql: string): string | undefined {
  const st = parseStatement(sql) as Statement & { query: Query };
  const root = planSelect(st.query, { catalog, registry, properties: {} }, {});
  let s: Step = root;
  while (s.kind !== 'source') s = (s as { input: Step }).input;
  const bytes = pinnedKeyBytes(root, s as SourceStep, undefined);
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
}

describe('a pull query pinned to its key', () => {
  it('looks up the KAFKA format bytes of the literal', () => {
    expect(keyOf("SELECT * FROM s WHERE k = 'ab';")).toBe('6162');
    expect(keyOf("SELECT * FROM s WHERE 'ab' = k;")).toBe('6162');
    expect(keyOf("SELECT n FROM s WHERE n > 1 AND k = 'é';")).toBe('c3a9');
    expect(keyOf('SELECT * FROM i WHERE id = 7;')).toBe('00000007');
    expect(keyOf('SELECT * FROM b WHERE id = 7000000000;')).toBe('00000001a13b8600');
  });

  it('scans otherwise', () => {
    for (const sql of [
      'SELECT * FROM s;',
      "SELECT * FROM s WHERE k = 'a' OR k = 'b';",
      "SELECT * FROM s WHERE k <> 'a';",
      "SELECT * FROM s WHERE n = 1;",
      "SELECT * FROM j WHERE k = 'a';", // JSON key bytes: "a" with quotes, or not, or spaced
      'SELECT * FROM d WHERE x = 1.5;', // a double's bytes: -0.0 and 0.0 are equal values
      "SELECT * FROM two WHERE a = 'x';",
      "SELECT * FROM w WHERE k = 'a';", // windowed key
      'SELECT * FROM b WHERE id = 7;', // an INTEGER literal for a BIGINT key: cast
    ]) expect(keyOf(sql), sql).toBeUndefined();
  });
});
