// The engine end to end on the embedded log: DDL, INSERT VALUES, CSAS/CTAS, push and pull queries.
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/statement-result.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

async function run(sql: string): Promise<StatementResult[]> {
  engine ??= await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  return engine.executeScript(sql);
}

async function rowsOf(r: StatementResult): Promise<unknown[][]> {
  if (r.kind === 'rows') return r.rows;
  if (r.kind === 'stream') { const out: unknown[][] = []; for await (const row of r.rows) out.push(row); return out; }
  throw new Error(`no rows: ${r.message}`);
}

describe('engine basics', () => {
  it('filters and projects a stream into a new stream', async () => {
    const res = await run(`
      CREATE STREAM s (id INT KEY, name STRING, v DOUBLE) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO s (id, name, v) VALUES (1, 'a', 1.5);
      INSERT INTO s (id, name, v) VALUES (2, 'b', 10.0);
      CREATE STREAM big AS SELECT id, UCASE(name) AS name, v * 2 AS v2 FROM s WHERE v > 2 EMIT CHANGES;
      SELECT * FROM big EMIT CHANGES LIMIT 1;
    `);
    expect(await rowsOf(res[res.length - 1])).toEqual([[2, 'B', 20]]);
  });

  it('aggregates a stream into a table and answers a pull query', async () => {
    const res = await run(`
      CREATE STREAM s (id INT KEY, g STRING, v INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO s (id, g, v) VALUES (1, 'x', 1);
      INSERT INTO s (id, g, v) VALUES (2, 'x', 2);
      INSERT INTO s (id, g, v) VALUES (3, 'y', 5);
      CREATE TABLE t AS SELECT g, COUNT(*) AS n, SUM(v) AS total FROM s GROUP BY g EMIT CHANGES;
      SELECT * FROM t;
    `);
    const rows = await rowsOf(res[res.length - 1]);
    expect(rows.sort()).toEqual([['x', 2, 3], ['y', 1, 5]]);
  });
});
