// An aggregate whose argument fails to evaluate on a row (division by zero, a bad cast) sees NULL
// for that argument and the row goes to the processing log with its topic, partition and offset,
// as ksqlDB does; the other records of the batch are aggregated as usual. An aggregator that
// itself throws keeps the group's accumulator as it was.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { engine, run, rows, utf8 } from './engine-helpers.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';

/** An engine that collects its processing-log entries. */
async function logged(functionsDir?: string): Promise<ProcessingLogEntry[]> {
  const entries: ProcessingLogEntry[] = [];
  await engine({ functionsDir, onProcessingLog: (e) => entries.push(e) });
  return entries;
}

/** Writes JSON values to topic 's' in one produce call, so the query reads them as one batch. */
async function produceBatch(values: object[]): Promise<void> {
  const e = await engine();
  await e.log.produce('s', values.map((v) => ({ key: null, value: utf8(JSON.stringify(v)) })));
  await e.settle();
}

const STREAM = `CREATE STREAM s (k STRING, v INT, t STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;
const BATCH = [{ K: 'a', V: 1, T: '1' }, { K: 'a', V: 0, T: 'x' }, { K: 'a', V: 2, T: '3' }];

describe('errors inside aggregate arguments', () => {
  it('a division by zero inside SUM\'s argument logs the row and keeps the rest of the batch', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, SUM(10 / v) AS total FROM s GROUP BY k EMIT CHANGES;`);
    await produceBatch(BATCH);
    // COUNT(*) counts the failing row (its SUM argument is NULL), as ksqlDB does.
    expect(await rows(`SELECT k, n, total FROM t;`)).toEqual([['a', 3, 15]]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ queryId: 'CTAS_T_0', type: 'EVALUATION', topic: 's', partition: 0, offset: 1 });
    expect(log[0].message).toMatch(/zero/i);
  });

  it('a failing CAST inside AVG\'s argument averages the other rows', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, AVG(CAST(t AS INT)) AS m, COUNT(*) AS n FROM s GROUP BY k EMIT CHANGES;`);
    await produceBatch(BATCH);
    expect(await rows(`SELECT m, n FROM t;`)).toEqual([[2, 3]]);
    expect(log.map((e) => e.offset)).toEqual([1]);
  });

  it('COLLECT_LIST, TOPK, LATEST_BY_OFFSET and EWMA get NULL for a failing argument', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, COLLECT_LIST(10 / v) AS l, TOPK(10 / v, 2) AS top,
        LATEST_BY_OFFSET(10 / v, false) AS latest, EWMA(10 / v, 0.5) AS e, COUNT(*) AS n
        FROM s GROUP BY k EMIT CHANGES;`);
    await produceBatch([{ K: 'a', V: 1 }, { K: 'a', V: 0 }, { K: 'a', V: 2 }, { K: 'a', V: 0 }]);
    const [[l, top, latest, e, n]] = await rows(`SELECT l, top, latest, e, n FROM t;`);
    expect(l).toEqual([10, null, 5, null]);
    expect(top).toEqual([10, 5]);
    expect(latest).toBeNull();
    expect(e).toBe(7.5);
    expect(n).toBe(4);
    expect(log.map((x) => x.offset)).toEqual([1, 3]);
  });

  it('a failing argument in a TUMBLING window aggregate is logged; the window keeps the other rows', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, SUM(10 / v) AS total FROM s
        WINDOW TUMBLING (SIZE 1 HOUR) GROUP BY k EMIT CHANGES;`);
    await produceBatch(BATCH);
    expect(await rows(`SELECT k, n, total FROM t;`)).toEqual([['a', 3, 15]]);
    expect(log.map((x) => x.offset)).toEqual([1]);
  });

  it('a failing argument in a SESSION window aggregate is logged; the session keeps the other rows', async () => {
    const log = await logged();
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, SUM(10 / v) AS total FROM s
        WINDOW SESSION (1 HOUR) GROUP BY k EMIT CHANGES;`);
    await produceBatch(BATCH);
    expect(await rows(`SELECT k, n, total FROM t;`)).toEqual([['a', 3, 15]]);
    expect(log.map((x) => x.offset)).toEqual([1]);
  });

  it('a failing argument in a table aggregation is logged on add and on retraction, and the count stays right', async () => {
    const log = await logged();
    await run(`
      CREATE TABLE src (id INT PRIMARY KEY, k STRING, v INT) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, SUM(10 / v) AS total FROM src GROUP BY k EMIT CHANGES;
      INSERT INTO src (id, k, v) VALUES (1, 'a', 1);
      INSERT INTO src (id, k, v) VALUES (2, 'a', 0);
      INSERT INTO src (id, k, v) VALUES (2, 'a', 5);`);
    expect(await rows(`SELECT k, n, total FROM t;`)).toEqual([['a', 2, 12]]);
    // Row 2 failed when added and again when its old version was retracted.
    expect(log.map((x) => x.offset)).toEqual([1, 2]);
  });
});

describe('errors inside an aggregator', () => {
  it('an aggregate function that throws on a row logs it and keeps the group\'s total as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eddy-agg-'));
    writeFileSync(join(dir, 'picky-sum.js'), `export const pickySum = {
      kind: 'aggregate', name: 'PICKY_SUM', category: 'AGGREGATE', description: 'Sums; refuses 0.', examples: [],
      overloads: [{ params: [{ name: 'x', type: { kind: 'INTEGER' } }], returns: { kind: 'INTEGER' },
        create: () => ({
          initial: () => 0,
          add: (acc, [x]) => { if (x === 0) throw new Error('PICKY_SUM refuses zero'); return acc + (x ?? 0); },
          result: (acc) => acc,
        }) }],
    };\n`);
    const log = await logged(dir);
    await run(`${STREAM}
      CREATE TABLE t AS SELECT k, COUNT(*) AS n, PICKY_SUM(v) AS total FROM s GROUP BY k EMIT CHANGES;`);
    await produceBatch(BATCH);
    expect(await rows(`SELECT k, n, total FROM t;`)).toEqual([['a', 3, 3]]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'EVALUATION', topic: 's', partition: 0, offset: 1 });
    expect(log[0].message).toMatch(/PICKY_SUM refuses zero/);
  });
});
