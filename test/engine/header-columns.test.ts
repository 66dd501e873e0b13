// Kafka record headers as columns, as ksqlDB declares them: `HEADERS` (every header, as an
// ARRAY<STRUCT<KEY STRING, VALUE BYTES>>) and `HEADER('k')` (the last header k, BYTES). Results
// carry on the headers of the record they came from, as Kafka Streams forwards them.
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { Header } from '../../src/log/log.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

/** `durable`: a service on a MemoryLog (its table queries keep a record cache). */
async function start(sql: string, durable = false): Promise<Engine> {
  engine = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' }, ...(durable ? { durable: true, serviceId: 'svc' } : {}) });
  await engine.executeScript(sql);
  return engine;
}

const h = (key: string, value: string | null): Header => ({ key, value: value === null ? null : new Uint8Array(Buffer.from(value)) });

async function produce(e: Engine, topic: string, key: string, value: object, headers: Header[]): Promise<void> {
  await e.log.produce(topic, [{ key: Buffer.from(key), value: Buffer.from(JSON.stringify(value)), headers, timestamp: 1000 }]);
}

/** A topic's records: key, value and headers (header values as text). */
async function records(e: Engine, topic: string): Promise<{ key: string; value: unknown; headers: [string, string | null][] }[]> {
  await e.settle();
  const ends = await e.log.endOffsets(topic);
  const out: { key: string; value: unknown; headers: [string, string | null][] }[] = [];
  for (let p = 0; p < ends.length; p++) {
    for (const r of await e.log.read(topic, p, 0, ends[p])) {
      out.push({
        key: Buffer.from(r.key!).toString(),
        value: r.value === null ? null : JSON.parse(Buffer.from(r.value).toString()),
        headers: r.headers.map((x) => [x.key, x.value === null ? null : Buffer.from(x.value).toString()]),
      });
    }
  }
  return out;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

const SOURCE = `CREATE STREAM src (k STRING KEY, all_h ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, v INT, trace BYTES HEADER('trace'))
  WITH (kafka_topic='src', value_format='JSON', partitions=1);`;

describe('header columns', () => {
  it('HEADERS holds every header in order; HEADER(\'k\') the last header k, or NULL; the value format never sees them', async () => {
    const e = await start(SOURCE);
    await produce(e, 'src', 'a', { V: 1 }, []);
    await produce(e, 'src', 'b', { V: 2 }, [h('trace', 't1'), h('other', null), h('trace', 't2')]);
    const [r] = await e.executeScript("SELECT k, all_h, v, trace, FROM_BYTES(trace, 'utf8') AS trace_text FROM src EMIT CHANGES LIMIT 2;");
    if (r.kind !== 'stream') throw new Error('not a push query');
    const rows: unknown[][] = [];
    for await (const row of r.rows) rows.push(row);
    const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
    expect(rows).toEqual([
      ['a', [], 1, null, null],
      ['b', [{ KEY: 'trace', VALUE: bytes('t1') }, { KEY: 'other', VALUE: null }, { KEY: 'trace', VALUE: bytes('t2') }], 2, bytes('t2'), 't2'],
    ]);
  });

  it('a CSAS writes header columns as ordinary columns, and its records carry the headers of their input records', async () => {
    const e = await start(`${SOURCE}
      CREATE STREAM out AS SELECT k, trace, v FROM src WHERE v > 1;`);
    await produce(e, 'src', 'a', { V: 1 }, [h('trace', 'skip')]);
    await produce(e, 'src', 'b', { V: 2 }, [h('trace', 't2'), h('tenant', 'acme')]);
    await produce(e, 'src', 'c', { V: 3 }, []);
    expect(await records(e, 'OUT')).toEqual([
      { key: 'b', value: { TRACE: b64('t2'), V: 2 }, headers: [['trace', 't2'], ['tenant', 'acme']] },
      { key: 'c', value: { TRACE: null, V: 3 }, headers: [] },
    ]);
  });

  it.each([false, true])('an aggregate\'s result carries the headers of the record that last updated it (durable, with its record cache: %s)', async (durable) => {
    const e = await start(`${SOURCE}
      CREATE TABLE counts AS SELECT k, COUNT(*) AS n FROM src GROUP BY k;`, durable);
    await produce(e, 'src', 'a', { V: 1 }, [h('trace', 'first')]);
    await produce(e, 'src', 'b', { V: 1 }, [h('trace', 'other')]);
    await produce(e, 'src', 'a', { V: 2 }, [h('trace', 'second')]);
    const out = await records(e, 'COUNTS');
    const last = new Map(out.map((r) => [r.key, r]));
    expect(last.get('a')).toEqual({ key: 'a', value: { N: 2 }, headers: [['trace', 'second']] });
    expect(last.get('b')).toEqual({ key: 'b', value: { N: 1 }, headers: [['trace', 'other']] });
  });

  it('DESCRIBE marks them; wrong types, INSERT VALUES into them and INSERT INTO a source with them are refused as ksqlDB refuses them', async () => {
    const e = await start(SOURCE);
    const [d] = await e.executeScript('DESCRIBE src;');
    if (d.kind !== 'rows') throw new Error('not rows');
    expect(d.rows).toEqual([
      ['K', 'STRING (key)'],
      ['ALL_H', 'ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>> (headers)'],
      ['V', 'INTEGER'],
      ['TRACE', "BYTES (header('trace'))"],
    ]);
    await expect(e.executeScript("CREATE STREAM bad1 (k STRING KEY, h BYTES HEADERS) WITH (kafka_topic='bad1', value_format='JSON', partitions=1);"))
      .rejects.toThrow('Invalid type for HEADERS column: expected ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>>, got BYTES');
    await expect(e.executeScript("CREATE STREAM bad2 (k STRING KEY, h INT HEADER('x')) WITH (kafka_topic='bad2', value_format='JSON', partitions=1);"))
      .rejects.toThrow("Invalid type for HEADER('x') column: expected BYTES, got INTEGER");
    await expect(e.executeScript("INSERT INTO src (k, v, trace) VALUES ('a', 1, NULL);")).rejects.toThrow('Cannot insert into HEADER columns: TRACE');
    await expect(e.executeScript("INSERT INTO src VALUES ('a', NULL, 1, NULL);")).rejects.toThrow('Cannot insert into HEADER columns: ALL_H, TRACE');
    await e.executeScript("INSERT INTO src (k, v) VALUES ('a', 1);");
    await e.executeScript("CREATE STREAM plain (k STRING KEY, all_h ARRAY<STRUCT<key STRING, value BYTES>>, v INT, trace BYTES) WITH (kafka_topic='plain', value_format='JSON', partitions=1);");
    await expect(e.executeScript('INSERT INTO src SELECT * FROM plain;')).rejects.toThrow('Cannot insert into SRC because it has header columns');
    expect(e.state.catalog.get('BAD1')).toBeUndefined();
  });
});
