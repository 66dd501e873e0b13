// Eddy's PROTOBUF format against Confluent's Python client, on the real broker and registry
// (Apicurio): records written by Python's ProtobufSerializer are read by Eddy with columns
// inferred from the registry (oneofs too), and an Eddy PROTOBUF sink is read by Python's
// ProtobufDeserializer with the same values and the Python types a user expects. The first test
// checks the harness itself (the clients agree with each other), so a failure below it is Eddy's.
//
// What the harness found about Apicurio 2.6.13 (the "known limit"): the Python
// ProtobufSerializer registers its schema as a base64 FileDescriptorProto, and Apicurio stores and
// returns that text as it is (Confluent's registry turns it into .proto text): Eddy reads both
// forms (src/format/protobuf/proto-descriptor.ts). And Apicurio ignores ?format=serialized, so
// Python's ProtobufDeserializer given the registry cannot read a schema registered as .proto text
// (Eddy's sinks register text, as ksqlDB does); the harness builds the writer's class itself
// (protoc from grpcio-tools), as a user with generated classes would have them, and gives the
// deserializer that class.
import { describe, expect, it } from 'vitest';
import { freshSuffix } from '../../kafka/engine-on-kafka-helpers.js';
import { kafkaEnabled } from '../../setup/kafka-broker.js';
import { registryEnabled } from '../registry-fixture.js';
import { interopHarness } from './interop-harness.js';
import { pythonConsume, pythonProduce } from './interop-clients.js';
import {
  PB_COLUMNS, PB_ONEOF_COLUMNS, PB_ONEOF_RECORDS, PB_ONEOF_ROWS, PB_ONEOF_SCHEMA, PB_READINGS, PB_ROWS, PB_SCHEMA, pbAsSinkRecord,
} from './protobuf-sample.js';

const h = interopHarness('pb');

/** The Python types a user of ProtobufDeserializer gets for PB_READINGS[0] (a Python-side fact). */
const PB_PYTHON_TYPES = {
  i: 'int', l: 'int', d: 'float', s: 'str', b: 'bool', nested: { x: 'int', tag: 'str' },
  arr: ['int', 'int'], m: { k: 'float' }, price: 'Decimal', ts: 'datetime',
};

/** The registry's latest schema text under a subject (to say which form it was registered in). */
async function latestSchema(subject: string): Promise<{ id: number; schemaType: string; schema: string }> {
  const res = await fetch(`${h.at.registry}/subjects/${subject}/versions/latest`, { signal: AbortSignal.timeout(10_000) });
  return await res.json() as { id: number; schemaType: string; schema: string };
}

describe.skipIf(!kafkaEnabled || !registryEnabled)('registry interop: PROTOBUF', () => {
  it('the harness: Python ProtobufSerializer → Python ProtobufDeserializer gives the same values, decimals as Decimal, timestamps as datetime', async () => {
    const topic = `pb_self_${freshSuffix()}`;
    await pythonProduce(h.python, 'protobuf_interop', h.at, topic, PB_SCHEMA, PB_READINGS);
    const got = await pythonConsume(h.python, 'protobuf_interop', h.at, topic, PB_READINGS.length);
    expect(got.map((r) => r.value)).toEqual(PB_READINGS);
    expect(got[0].types).toEqual(PB_PYTHON_TYPES);
    // Confluent framing with a registered id (the message index [0] follows it).
    const latest = await latestSchema(`${topic}-value`);
    expect(latest.schemaType).toBe('PROTOBUF');
    expect(got.map((r) => r.schema_id)).toEqual(PB_READINGS.map(() => latest.id));
  });

  describe('Eddy reads what Python wrote', () => {
    it('CREATE STREAM with no columns infers them from the serialized schema Python registered; a push query returns the same values', async () => {
      const topic = `pb_in_${freshSuffix()}`;
      await pythonProduce(h.python, 'protobuf_interop', h.at, topic, PB_SCHEMA, PB_READINGS);
      // What makes this case: the registry holds the FileDescriptorProto in base64, not .proto text.
      expect((await latestSchema(`${topic}-value`)).schema).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='PROTOBUF');`);
      const got = await h.pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${PB_READINGS.length};`);
      expect(got.columns).toEqual(PB_COLUMNS);
      expect(got.rows).toEqual(PB_ROWS);
    });

    it('oneofs: a STRUCT column <oneof>_<index> each, the member Python set filled and the others NULL', async () => {
      const topic = `pb_oneof_${freshSuffix()}`;
      await pythonProduce(h.python, 'protobuf_interop', h.at, topic, PB_ONEOF_SCHEMA, PB_ONEOF_RECORDS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='PROTOBUF');`);
      const got = await h.pushQuery(engine, `SELECT * FROM s EMIT CHANGES LIMIT ${PB_ONEOF_RECORDS.length};`);
      expect(got.columns).toEqual(PB_ONEOF_COLUMNS);
      expect(got.rows).toEqual(PB_ONEOF_ROWS);
      const member = await h.pushQuery(engine, `SELECT ID, METHOD_0->TRANSFER->IBAN AS IBAN FROM s WHERE METHOD_0->TRANSFER IS NOT NULL EMIT CHANGES LIMIT 1;`);
      expect(member.rows).toEqual([['p2', 'DE02']]);
    });
  });

  describe('Python reads what Eddy wrote', () => {
    it('a PROTOBUF sink: ProtobufDeserializer gets the same values, ints as int, decimals as Decimal, timestamps as datetime', async () => {
      const suffix = freshSuffix();
      const input = `pb_src_${suffix}`;
      const output = `pb_out_${suffix}`;
      await pythonProduce(h.python, 'protobuf_interop', h.at, input, PB_SCHEMA, PB_READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='PROTOBUF');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='PROTOBUF') AS SELECT * FROM s;`);
      await engine.settle();
      const got = await pythonConsume(h.python, 'protobuf_interop', h.at, output, PB_READINGS.length);
      // The sink's fields are its columns, named as inferred (upper case). A MAP is what ksqlDB
      // registers for it: a repeated ConnectDefaultNEntry {key, value} message, not a proto map
      // (Connect tells it by the name), so protoc's class gives Python a list of entries.
      const entries = (m: Record<string, unknown>): unknown[] => Object.entries(m).map(([key, value]) => ({ key, value }));
      expect(got.map((r) => r.value)).toEqual(PB_READINGS.map((r) => ({ ...pbAsSinkRecord(r), M: entries(r.m) })));
      expect(got[0].types).toEqual({ ...pbAsSinkRecord(PB_PYTHON_TYPES), M: [{ key: 'str', value: 'float' }] });
      expect(got[1].types).toMatchObject({ NESTED: 'NoneType', ARR: [], M: [], PRICE: 'Decimal', TS: 'datetime' });
      // Every record names the schema the sink registered under <topic>-value (.proto text, as ksqlDB's).
      const latest = await latestSchema(`${output}-value`);
      expect(latest.schema).toMatch(/^syntax = "proto3";/);
      expect(got.map((r) => r.schema_id)).toEqual(PB_READINGS.map(() => latest.id));
    });

    it('computed columns: Python gets the new names and types (DECIMAL arithmetic, a built STRUCT, a BIGINT from an INTEGER)', async () => {
      const suffix = freshSuffix();
      const input = `pb_src2_${suffix}`;
      const output = `pb_out2_${suffix}`;
      await pythonProduce(h.python, 'protobuf_interop', h.at, input, PB_SCHEMA, PB_READINGS);
      const engine = await h.eddy();
      await engine.executeScript(`CREATE STREAM s WITH (KAFKA_TOPIC='${input}', VALUE_FORMAT='PROTOBUF');
        CREATE STREAM out WITH (KAFKA_TOPIC='${output}', VALUE_FORMAT='PROTOBUF') AS
          SELECT PRICE * 2 AS DOUBLE_PRICE, STRUCT(A := I, B := S) AS PAIR, CAST(I AS BIGINT) + 1 AS NEXT_I, NESTED->TAG AS TAG
          FROM s;`);
      await engine.settle();
      const got = await pythonConsume(h.python, 'protobuf_interop', h.at, output, PB_READINGS.length);
      expect(got.map((r) => r.value)).toEqual(PB_READINGS.map((r) => ({
        // proto3: a NULL string is not written, so it reads back as ''.
        DOUBLE_PRICE: (Number(r.price) * 2).toFixed(2), PAIR: { A: r.i, B: r.s }, NEXT_I: r.i + 1, TAG: r.nested?.tag ?? '',
      })));
      expect(got[0].types).toEqual({ DOUBLE_PRICE: 'Decimal', PAIR: { A: 'int', B: 'str' }, NEXT_I: 'int', TAG: 'str' });
    });
  });
});
