// An embedded engine's topics stay bounded: table topics are compacted (as ksqlDB creates them on
// Kafka) and MemoryLog honours that, so a table read from its topic, a pull query on it and a
// table aggregate's sink keep one record per key however many updates went through.
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { rowsOf } from './engine-helpers.js';

const enc = new TextEncoder();
let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

async function start(cleanEveryRecords: number): Promise<Engine> {
  engine = await Engine.create({ log: new MemoryLog({ cleanEveryRecords }), properties: { 'auto.offset.reset': 'earliest' } });
  return engine;
}

async function produce(e: Engine, topic: string, rows: [string, unknown][]): Promise<void> {
  await e.log.produce(topic, rows.map(([k, v], i) => ({ key: enc.encode(k), value: enc.encode(JSON.stringify(v)), timestamp: i })));
}

async function tableRows(e: Engine, sql: string): Promise<unknown[][]> {
  const res = await e.executeScript(sql);
  return (await rowsOf(res[res.length - 1])).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe('bounded embedded topics', () => {
  it('a compacted embedded topic keeps the latest record per key and the table built from it is unchanged', async () => {
    const e = await start(10);
    await e.executeScript(`CREATE TABLE prices (sku STRING PRIMARY KEY, price INT)
      WITH (KAFKA_TOPIC='prices', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    expect((await e.log.describeTopic('prices'))!.config['cleanup.policy']).toBe('compact');
    const updates: [string, unknown][] = Array.from({ length: 200 }, (_, i) => [`sku${i % 4}`, { PRICE: i }]);
    await produce(e, 'prices', updates);
    const latest = [['sku0', 196], ['sku1', 197], ['sku2', 198], ['sku3', 199]];
    // The topic keeps about one record per key (the last few appended are not compacted yet).
    expect((await e.log.read('prices', 0, 0, 1000)).length).toBeLessThanOrEqual(4 + 10);
    expect(await tableRows(e, 'SELECT * FROM prices;')).toEqual(latest);
    // A table materialized from the compacted topic now sees the same rows.
    await e.executeScript('CREATE TABLE copy AS SELECT sku, price FROM prices;');
    expect(await tableRows(e, 'SELECT * FROM copy;')).toEqual(latest);
  });

  it('a one-key COLLECT_LIST table keeps one record in its sink topic, not one per input row', async () => {
    const e = await start(100);
    await e.executeScript(`
      CREATE STREAM s (k STRING KEY, v INT) WITH (KAFKA_TOPIC='s', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE TABLE lists AS SELECT k, COLLECT_LIST(v) AS vs FROM s GROUP BY k;`);
    await produce(e, 's', Array.from({ length: 3000 }, (_, i) => ['one', { V: i }]));
    await e.settle();
    const [end] = await e.log.endOffsets('LISTS');
    expect(end).toBe(3000);
    const kept = await e.log.read('LISTS', 0, 0, end);
    expect(kept.length).toBeLessThanOrEqual(1 + 100);
    const last = JSON.parse(Buffer.from(kept[kept.length - 1].value!).toString()) as { VS: number[] };
    // ksql.functions.collect_list.limit (1000 by default, as ksqlDB) caps the list.
    expect(last.VS).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('an embedded stream topic with RETENTION_MS drops records older than it', async () => {
    const e = await start(10);
    await e.executeScript(`CREATE STREAM clicks (user STRING KEY, url STRING)
      WITH (KAFKA_TOPIC='clicks', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1, RETENTION_MS=1000);`);
    await e.log.produce('clicks', Array.from({ length: 100 }, (_, i) => ({
      key: enc.encode('u'), value: enc.encode(JSON.stringify({ URL: `/${i}` })), timestamp: i * 100,
    })));
    const [r] = await e.executeScript("SELECT url FROM clicks EMIT CHANGES LIMIT 11;");
    expect((await rowsOf(r)).map((row) => row[0])).toEqual(Array.from({ length: 11 }, (_, i) => `/${89 + i}`));
  });
});
