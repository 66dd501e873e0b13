// BIGINT holds Java's long range exactly: 64-bit ids and nanosecond times past 2^53 keep every
// digit through decoding, arithmetic, comparisons, grouping and encoding (they were JS numbers,
// rounded to 53 bits: 1234567890123456789 came out as 1234567890123456800).
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';

const props = { 'auto.offset.reset': 'earliest' };

async function values(e: Engine, topic: string): Promise<string[]> {
  const [end] = await e.log.endOffsets(topic);
  return (await e.log.read(topic, 0, 0, end)).map((r) => Buffer.from(r.value!).toString());
}

describe('BIGINT past 2^53', () => {
  it('keeps every digit from JSON input through arithmetic, casts and comparisons to JSON output', async () => {
    const e = await Engine.create({ properties: props });
    try {
      await e.executeScript(`
        CREATE STREAM s (id STRING KEY, v BIGINT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM out AS SELECT id, v, v + 1 AS next, v * 2 AS twice, CAST(v AS STRING) AS text,
          v > 1234567890123456788 AS above, CAST('9223372036854775807' AS BIGINT) AS max,
          ROUND(v) AS r, FLOOR(v) AS f, ABS(-v) AS a, GREATEST(v, CAST(1 AS BIGINT)) AS g FROM s;`);
      await e.log.produce('s', [{ key: Buffer.from('a'), value: Buffer.from('{"V":1234567890123456789}') }]);
      await e.settle();
      expect(await values(e, 'OUT')).toEqual([
        '{"V":1234567890123456789,"NEXT":1234567890123456790,"TWICE":2469135780246913578,"TEXT":"1234567890123456789","ABOVE":true,"MAX":9223372036854775807,'
          + '"R":1234567890123456789,"F":1234567890123456789,"A":1234567890123456789,"G":1234567890123456789}',
      ]);
    } finally {
      await e.close();
    }
  });

  it('groups ids that differ only past 2^53 apart, and sums them exactly', async () => {
    const e = await Engine.create({ properties: props });
    try {
      await e.executeScript(`
        CREATE STREAM s (id BIGINT KEY, n BIGINT) WITH (KAFKA_TOPIC='s', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
        CREATE TABLE t AS SELECT id, COUNT(*) AS c, SUM(n) AS total FROM s GROUP BY id;
        INSERT INTO s (id, n) VALUES (9007199254740992, 4611686018427387904);
        INSERT INTO s (id, n) VALUES (9007199254740993, 1);
        INSERT INTO s (id, n) VALUES (9007199254740993, 4611686018427387904);`);
      await e.settle();
      const [pull] = await e.executeScript('SELECT id, c, total FROM t;');
      const rows = pull.kind === 'rows' ? pull.rows : [];
      expect(rows.map((r) => r.map(String)).sort()).toEqual([
        ['9007199254740992', '1', '4611686018427387904'],
        ['9007199254740993', '2', '4611686018427387905'],
      ]);
    } finally {
      await e.close();
    }
  });
});
