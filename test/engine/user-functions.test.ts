// User functions load from a directory at start and work in SQL like built-ins.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Engine } from '../../src/engine/engine.js';

describe('user functions', () => {
  it('loads a TypeScript module and calls it from a query', async () => {
    const engine = await Engine.create({
      functionsDir: join(__dirname, 'fixtures', 'user-functions'),
      properties: { 'auto.offset.reset': 'earliest' },
    });
    try {
      const res = await engine.executeScript(`
        CREATE STREAM s (id INT KEY, t STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        INSERT INTO s (id, t) VALUES (1, 'one two three');
        SELECT id, REVERSE_WORDS(t) AS r FROM s EMIT CHANGES LIMIT 1;
        DESCRIBE FUNCTION REVERSE_WORDS;`);
      const push = res[2];
      if (push.kind !== 'stream') throw new Error('expected a push query');
      const rows: unknown[][] = [];
      for await (const r of push.rows) rows.push(r);
      expect(rows).toEqual([[1, 'three two one']]);
      const desc = res[3];
      expect(desc.kind === 'rows' && desc.rows.some((r) => r[1] === 'Reverses the order of the words in a string.')).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('refuses a module that exports no function, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-udf-test-'));
    writeFileSync(join(dir, 'nothing.js'), 'export const x = 1;\n');
    await expect(Engine.create({ functionsDir: dir })).rejects.toThrow(/nothing\.js exports no function/);
  });

  it('refuses a user function that shadows a built-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-udf-test-'));
    writeFileSync(join(dir, 'abs.js'), `export const abs = { kind: 'scalar', name: 'ABS', overloads: [{ params: [], returns: { kind: 'INTEGER' }, impl: () => 1 }] };\n`);
    await expect(Engine.create({ functionsDir: dir })).rejects.toThrow(/ABS has the name of a function that already exists/);
  });
});
