// On the in-process log, a sink keeps the rows it encodes with its records, and a query reading
// them with the same codec takes the rows instead of decoding. What users see must not change:
// every value a CSAS chain and a push query give is what decoding the bytes gives, including the
// values a writer coerces (then the row is not kept), and a reader with other columns or types
// over the same topic decodes the bytes.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import type { Column } from '../../src/types/schema.js';

const col = (name: string, type: Column['type']): Column => ({ name, type, namespace: 'VALUE' });

async function collect(e: Engine, sql: string): Promise<unknown[][]> {
  const [push] = await e.executeScript(sql);
  if (push.kind !== 'stream') throw new Error(`expected a push query, got ${push.kind}`);
  const rows: unknown[][] = [];
  for await (const r of push.rows) rows.push(r as unknown[]);
  return rows;
}

describe('rows kept with in-process records', () => {
  it('a serde keeps only rows that decode back the same', () => {
    const serde = createRowSerde({ format: 'JSON' }, [col('S', STRING), col('B', BOOLEAN), col('I', INTEGER), col('L', BIGINT), col('D', DOUBLE)], { isKey: false });
    expect(serde.codec).toBeTypeOf('number');
    const roundTrip = (row: unknown[]): unknown[] | null => serde.deserialize(serde.serialize(row, 't'), 't');
    for (const row of [['a"\u0001😀\ud800', true, -5, 1_700_000_000_123, 0.1], [null, null, null, null, 1e300], ['', false, 2 ** 31 - 1, -(2 ** 53) + 1, 5e-324]]) {
      expect(serde.rowToKeep!(row)).toEqual(roundTrip(row));
      expect(Object.is(serde.rowToKeep!(row)![4], roundTrip(row)![4])).toBe(true); // -0 stays apart from 0
    }
    // An integer's -0 comes back 0 (the writer prints it as 0). A double's is written -0.0 and
    // read as 0 (Jackson never reads -0.0 as -0): its row is not kept, so its bytes say -0.0.
    for (const row of [['a', true, -0, -0, 1]]) {
      const kept = serde.rowToKeep!(row)!;
      expect(kept).toEqual(roundTrip(row));
      for (const v of kept.slice(2, 4)) expect(Object.is(v, 0)).toBe(true);
    }
    expect(serde.rowToKeep!(['a', true, 1, 1, -0])).toBeUndefined();
    // Values the writer coerces: a fraction in a BIGINT is cut, NaN is written as a string.
    for (const row of [['a', true, 1, 1.5, 1], ['a', true, 1, 1, NaN], ['a', 'yes', 1, 1, 1], [1, true, 1, 1, 1]]) {
      expect(serde.rowToKeep!(row)).toBeUndefined();
    }
    // Only scalar columns: a DECIMAL, an ARRAY or a key serde has no codec.
    expect(createRowSerde({ format: 'JSON' }, [col('A', { kind: 'ARRAY', item: STRING } as Column['type'])], { isKey: false }).codec).toBeUndefined();
    expect(createRowSerde({ format: 'JSON' }, [col('S', STRING)], { isKey: true }).codec).toBeUndefined();
    // The same columns share a codec; other names or types do not.
    const same = createRowSerde({ format: 'JSON' }, [col('S', STRING), col('B', BOOLEAN), col('I', INTEGER), col('L', BIGINT), col('D', DOUBLE)], { isKey: false });
    expect(same.codec).toBe(serde.codec);
    expect(createRowSerde({ format: 'JSON' }, [col('S', STRING), col('B', BOOLEAN), col('I', INTEGER), col('L', BIGINT), col('D', STRING)], { isKey: false }).codec).not.toBe(serde.codec);
  });

  it('a CSAS chain and push queries give what decoding the bytes gives', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, properties: { 'auto.offset.reset': 'earliest' } });
    try {
      await e.executeScript(`
        CREATE STREAM r (id STRING KEY, temp DOUBLE, n INT, ts BIGINT, ok BOOLEAN, site STRING) WITH (KAFKA_TOPIC='r', VALUE_FORMAT='JSON', PARTITIONS=1);
        INSERT INTO r (id, temp, n, ts, ok, site) VALUES ('a', 31.5, 1, 1700000000000, true, 'x"y');
        INSERT INTO r (id, temp, n, ts, ok, site) VALUES ('b', -0.0, -2, 5, false, NULL);
        INSERT INTO r (id, temp, n, ts, ok, site) VALUES ('c', 1e300, 0, -1, NULL, '😀');
        CREATE STREAM hot AS SELECT id, temp * 2 AS t2, n - 2 AS n2, ts, ok, site FROM r WHERE temp > -1;
        CREATE STREAM hotter AS SELECT id, t2 / 2 AS t, n2, ok FROM hot;
        -- Another reader of HOT's topic, with other columns: decodes the bytes.
        CREATE STREAM hot_text (T2 STRING, N2 STRING) WITH (KAFKA_TOPIC='HOT', VALUE_FORMAT='JSON');`);
      await e.settle();
      const hot = await log.read('HOT', 0, 0, 10);
      expect(hot.map((r) => r.valueRow)).toEqual([[63, -1, 1700000000000, true, 'x"y'], [0, -4, 5, false, null], [2e300, -2, -1, null, '😀']]);
      for (const r of hot) expect(r.valueRow).toEqual(createRowSerde({ format: 'JSON' }, [col('T2', DOUBLE), col('N2', INTEGER), col('TS', BIGINT), col('OK', BOOLEAN), col('SITE', STRING)], { isKey: false }).deserialize(r.value, 'HOT'));
      // -0.0 * 2 is written -0.0 and read back as 0, kept row or not.
      expect(Object.is((await log.read('HOT', 0, 1, 1))[0].valueRow![0], 0)).toBe(true);
      expect(await collect(e, 'SELECT * FROM hotter EMIT CHANGES LIMIT 3;')).toEqual([['a', 31.5, -1, true], ['b', 0, -4, false], ['c', 1e300, -2, null]]);
      expect(await collect(e, 'SELECT * FROM hot_text EMIT CHANGES LIMIT 3;')).toEqual([['63.0', '-1'], ['0.0', '-4'], ['2.0E+300', '-2']]);
    } finally {
      await e.close();
    }
  });
});
