// AVRO sources and sinks through statements, with the engine's registry: columns inferred from
// the registry, sink schemas registered as ksqlDB registers them, records in Confluent's framing
// that other clients (here: avsc by hand, as Confluent's serializer lays them out) read and write.
import { describe, it, expect } from 'vitest';
import avsc from 'avsc';
import { engine, run, rows, topicRecords } from './engine-helpers.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';
import { SqlError } from '../../src/types/sql-error.js';

/** Confluent's wire format: magic byte 0, the schema id (4 bytes, big-endian), Avro binary. */
function framed(id: number, schema: unknown, value: unknown): Uint8Array {
  const body = avsc.Type.forSchema(schema as avsc.Schema).toBuffer(value);
  const out = Buffer.alloc(5 + body.length);
  out.writeInt32BE(id, 1);
  body.copy(out, 5);
  return out;
}

function unframe(bytes: Uint8Array): { id: number; body: Buffer } {
  const b = Buffer.from(bytes);
  expect(b[0]).toBe(0);
  return { id: b.readInt32BE(1), body: b.subarray(5) };
}

const READINGS = {
  type: 'record', name: 'Reading', namespace: 'com.acme',
  fields: [
    { name: 'sensor', type: 'string' },
    { name: 'READING', type: ['null', 'double'], default: null },
    { name: 'TS', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'KIND', type: { type: 'enum', name: 'Kind', symbols: ['TEMP', 'HUMIDITY'] } },
    { name: 'PRICE', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 } },
  ],
};

describe('AVRO statements', () => {
  it('infers a stream\'s columns from the latest value schema and reads records other clients wrote', async () => {
    const registry = new InProcessRegistry();
    const e = await engine({ schemaRegistry: registry });
    const id = await registry.register('readings-value', { schemaType: 'AVRO', schema: JSON.stringify(READINGS) });
    await e.log.createTopic('readings', { partitions: 1 });
    await e.log.produce('readings', [{
      key: null,
      value: framed(id, READINGS, { sensor: 's1', READING: 21.5, TS: 1700000000000, KIND: 'HUMIDITY', PRICE: Buffer.from([0x04, 0xd2]) }),
    }]);
    await run(`CREATE STREAM readings WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='AVRO');`);
    const [described] = await run('DESCRIBE readings;');
    // Names upper-cased (inferred from the latest schema, as ksqlDB), types as ksqlDB maps them.
    expect(JSON.stringify(described)).toMatch(/SENSOR.*STRING.*READING.*DOUBLE.*TS.*TIMESTAMP.*KIND.*STRING.*PRICE.*DECIMAL\(6, 2\)/);
    const got = await rows('SELECT SENSOR, READING, TS, KIND, CAST(PRICE AS STRING) FROM readings;');
    // 0x04d2 = 1234 at scale 2.
    expect(got).toEqual([['s1', 21.5, 1700000000000, 'HUMIDITY', '12.34']]);
  });

  it('says which subject is missing when there is nothing to infer from', async () => {
    await engine({ schemaRegistry: new InProcessRegistry() });
    await expect(run(`CREATE STREAM x WITH (KAFKA_TOPIC='nothing_here', VALUE_FORMAT='AVRO', PARTITIONS=1);`))
      .rejects.toThrow("Schema for message values on topic 'nothing_here' does not exist in the Schema Registry.");
  });

  it('registers a sink\'s schema as ksqlDB does and writes records Confluent\'s deserializer reads', async () => {
    const registry = new InProcessRegistry();
    await engine({ schemaRegistry: registry });
    await run(`
      CREATE STREAM src (id INT KEY, name STRING, amount DECIMAL(5, 2), tags ARRAY<STRING>, pos STRUCT<x INT, y INT>)
        WITH (KAFKA_TOPIC='src', KEY_FORMAT='AVRO', VALUE_FORMAT='AVRO', PARTITIONS=1);
      INSERT INTO src (id, name, amount, tags, pos) VALUES (7, 'seven', 12.50, ARRAY['a', 'b'], STRUCT(x := 1, y := 2));
      CREATE STREAM out AS SELECT id, name, amount, tags, pos FROM src;`);
    const value = await registry.latest('OUT-value');
    const key = await registry.latest('OUT-key');
    expect(JSON.parse(value!.schema)).toMatchObject({
      type: 'record', name: 'KsqlDataSourceSchema', namespace: 'io.confluent.ksql.avro_schemas',
      fields: [
        { name: 'NAME', type: ['null', 'string'], default: null },
        { name: 'AMOUNT', type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 5, scale: 2 }], default: null },
        { name: 'TAGS', type: ['null', { type: 'array', items: ['null', 'string'] }], default: null },
        { name: 'POS', type: ['null', { type: 'record', name: 'KsqlDataSourceSchema_POS' }], default: null },
      ],
    });
    expect(JSON.parse(key!.schema)).toBe('int'); // a single key column is written bare
    const [rec] = await topicRecords('OUT');
    const v = unframe(rec.value!);
    expect(v.id).toBe(value!.id);
    const decoded = avsc.Type.forSchema(JSON.parse(value!.schema)).fromBuffer(v.body);
    expect({ ...decoded, POS: { ...decoded.POS } }).toEqual({
      NAME: 'seven', AMOUNT: Buffer.from([0x04, 0xe2]), TAGS: ['a', 'b'], POS: { X: 1, Y: 2 },
    });
    const k = unframe(rec.key!);
    expect(k.id).toBe(key!.id);
    // Byte for byte: the int 7 zig-zag encoded is 0x0e.
    expect([...k.body]).toEqual([0x0e]);
  });

  it('refuses a sink whose schema the registry finds incompatible, and creates nothing', async () => {
    const registry = new InProcessRegistry();
    await engine({ schemaRegistry: registry });
    await registry.register('OUT-value', { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'NAME', type: 'int' }] }) });
    await run(`CREATE STREAM src (name STRING) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='AVRO', PARTITIONS=1);`);
    const err = await run(`CREATE STREAM out AS SELECT name FROM src;`).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(SqlError);
    expect((err as Error).message).toMatch(/OUT-value.*incompatible/s);
    await expect(run('DESCRIBE out;')).rejects.toThrow();
    expect(await (await engine()).log.describeTopic('OUT')).toBeUndefined();
  });

  it('sends records with a wrong magic byte or an unknown schema id to the processing log and goes on', async () => {
    const registry = new InProcessRegistry();
    const log: ProcessingLogEntry[] = [];
    const e = await engine({ schemaRegistry: registry, onProcessingLog: (x) => log.push(x) });
    await run(`
      CREATE STREAM src (name STRING) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='AVRO', PARTITIONS=1);
      CREATE STREAM out AS SELECT name FROM src;`);
    const id = (await registry.latest('src-value'))!.id;
    const schema = JSON.parse((await registry.byId(id)).schema);
    await e.log.produce('src', [
      { key: null, value: Buffer.from('{"NAME":"json"}') },
      { key: null, value: framed(9999, schema, { NAME: 'lost' }) },
      { key: null, value: framed(id, schema, { NAME: 'kept' }) },
    ]);
    await e.settle();
    const out = await topicRecords('OUT');
    expect(out).toHaveLength(1);
    const body = unframe(out[0].value!).body;
    expect(avsc.Type.forSchema(schema).fromBuffer(body)).toMatchObject({ NAME: 'kept' });
    expect(log.map((x) => [x.type, x.topic, x.partition, x.offset])).toEqual([
      ['DESERIALIZATION', 'src', 0, 0], ['DESERIALIZATION', 'src', 0, 1],
    ]);
    expect(log[0].message).toContain('Unknown magic byte!');
    expect(log[1].message).toMatch(/schema id 9999/);
  });
});

describe('AVRO inference on replay', () => {
  it('pins inferred columns to the schema read: another instance gets the same columns after the subject moved on', async () => {
    const { MemoryLog } = await import('../../src/log/memory-log.js');
    const { Engine } = await import('../../src/engine/engine.js');
    const registry = new InProcessRegistry();
    const v1 = { type: 'record', name: 'R', fields: [{ name: 'A', type: ['null', 'int'], default: null }] };
    const id1 = await registry.register('pinned-value', { schemaType: 'AVRO', schema: JSON.stringify(v1) });
    const log = new MemoryLog();
    const a = await Engine.create({ log, durable: true, serviceId: 'svc', schemaRegistry: registry });
    const b = await (async () => {
      await a.executeScript("CREATE STREAM pinned WITH (KAFKA_TOPIC='pinned', VALUE_FORMAT='AVRO', PARTITIONS=1);");
      // A compatible v2 adds a column; the stream keeps the columns it was created with.
      const v2 = { ...v1, fields: [...v1.fields, { name: 'B', type: ['null', 'string'], default: null }] };
      expect(await registry.register('pinned-value', { schemaType: 'AVRO', schema: JSON.stringify(v2) })).not.toBe(id1);
      return Engine.create({ log, durable: true, serviceId: 'svc', schemaRegistry: registry });
    })();
    try {
      for (const e of [a, b]) {
        const [r] = await e.executeScript('DESCRIBE pinned;');
        if (r.kind !== 'rows') throw new Error('expected rows');
        expect(r.rows.map((x) => x[0])).toEqual(['A']);
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('AVRO on a service without a registry', () => {
  it('a durable engine with no schema.registry.url refuses AVRO at CREATE, saying what to set, and creates nothing', async () => {
    const { MemoryLog } = await import('../../src/log/memory-log.js');
    const { Engine } = await import('../../src/engine/engine.js');
    const e = await Engine.create({ log: new MemoryLog(), durable: true, serviceId: 'svc' });
    try {
      await expect(e.executeScript("CREATE STREAM a (x INT) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='AVRO', PARTITIONS=1);"))
        .rejects.toThrow(/schema\.registry\.url/);
      const [r] = await e.executeScript('SHOW STREAMS;');
      if (r.kind !== 'rows') throw new Error('expected rows');
      expect(r.rows.map((x) => x[0])).not.toContain('A');
      // JSON needs no registry.
      await e.executeScript("CREATE STREAM j (x INT) WITH (KAFKA_TOPIC='j', VALUE_FORMAT='JSON', PARTITIONS=1);");
    } finally {
      await e.close();
    }
  });
});
